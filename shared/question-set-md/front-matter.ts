// The front matter: the lines between the first two `---` lines, each `key: value`. Not YAML –
// only these few keys, each on one line – so a value needs no quoting and keeps every letter.
import type { Msg } from '../question-set.ts';
import { decodeLocalized, decodeText, type Decoded } from './text.ts';

export const FRONT_MATTER_KEYS = ['id', 'title', 'subtitle', 'source', 'version'] as const;
type Key = (typeof FRONT_MATTER_KEYS)[number];

export type FrontMatter = {
  fields: Record<string, unknown>;
  /** Line of each key, for error messages. */
  lines: Map<string, number>;
  /** The Markdown after the front matter and the line it starts on. */
  body: string;
  bodyLine: number;
  problems: { line: number; message: Msg }[];
};

const NO_FRONT_MATTER: Msg = {
  en: 'no front matter: start the file with a line ---, then id: … and title: …, then a line ---',
  da: 'filen mangler sit hoved: begynd filen med en linje ---, så id: … og title: …, og så en linje ---',
};

export function readFrontMatter(source: string): FrontMatter {
  const lines = source.split('\n');
  const result: FrontMatter = { fields: {}, lines: new Map(), body: source, bodyLine: 1, problems: [] };
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start < 0 || lines[start]!.trim() !== '---') {
    result.problems.push({ line: start + 1 || 1, message: NO_FRONT_MATTER });
    return result;
  }
  const end = lines.findIndex((l, i) => i > start && l.trim() === '---');
  if (end < 0) {
    result.problems.push({
      line: start + 1,
      message: {
        en: 'the front matter is not closed: add a line --- after its last key',
        da: 'filens hoved er ikke afsluttet: tilføj en linje --- efter den sidste nøgle',
      },
    });
    return result;
  }
  for (let i = start + 1; i < end; i++) readLine(lines[i]!, i + 1, result);
  result.body = lines.slice(end + 1).join('\n');
  result.bodyLine = end + 2;
  return result;
}

function readLine(line: string, lineNo: number, fm: FrontMatter): void {
  if (line.trim() === '' || line.trimStart().startsWith('#')) return;
  const m = /^\s*([A-Za-z][\w-]*)\s*:(.*)$/s.exec(line);
  if (!m) {
    const found = line.trim();
    fm.problems.push({
      line: lineNo,
      message: { en: `expected "key: value" in the front matter, found "${found}"`, da: `forventede "nøgle: værdi" i filens hoved, men fandt "${found}"` },
    });
    return;
  }
  const key = m[1]!;
  const raw = m[2]!.trim();
  if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
    const keys = FRONT_MATTER_KEYS.join(', ');
    fm.problems.push({ line: lineNo, message: { en: `unknown key "${key}" in the front matter: use ${keys}`, da: `ukendt nøgle "${key}" i filens hoved: brug ${keys}` } });
    return;
  }
  if (fm.lines.has(key)) {
    fm.problems.push({ line: lineNo, message: { en: `"${key}" is given twice in the front matter: keep one`, da: `"${key}" står to gange i filens hoved: behold den ene` } });
    return;
  }
  fm.lines.set(key, lineNo);
  if (raw === '') {
    fm.problems.push({ line: lineNo, message: { en: `"${key}" is empty: write a value after the colon`, da: `"${key}" er tom: skriv en værdi efter kolon` } });
    return;
  }
  const value = readValue(key as Key, raw);
  if (value.ok) fm.fields[key] = value.value;
  else fm.problems.push({ line: lineNo, message: value.message });
}

function readValue(key: Key, raw: string): Decoded<unknown> {
  switch (key) {
    case 'id':
      return { ok: true, value: decodeText(raw) };
    case 'version':
      // Only version 1 exists; anything else is reported by the schema with this line.
      return { ok: true, value: /^\d+$/.test(raw) ? Number(raw) : raw };
    case 'title':
    case 'subtitle':
    case 'source':
      return decodeLocalized(raw);
  }
}
