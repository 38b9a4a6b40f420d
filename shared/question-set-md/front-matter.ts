// The front matter: the lines between the first two `---` lines, each `key: value`. Not YAML –
// only these few keys, each on one line – so a value needs no quoting and keeps every letter.
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
  problems: { line: number; message: string }[];
};

const EXAMPLE = 'start the file with front matter: a line ---, then id: … and title: …, then a line ---';

export function readFrontMatter(source: string): FrontMatter {
  const lines = source.split('\n');
  const result: FrontMatter = { fields: {}, lines: new Map(), body: source, bodyLine: 1, problems: [] };
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start < 0 || lines[start]!.trim() !== '---') {
    result.problems.push({ line: start + 1 || 1, message: `no front matter: ${EXAMPLE}` });
    return result;
  }
  const end = lines.findIndex((l, i) => i > start && l.trim() === '---');
  if (end < 0) {
    result.problems.push({ line: start + 1, message: 'the front matter is not closed: add a line --- after its last key' });
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
    fm.problems.push({ line: lineNo, message: `expected "key: value" in the front matter, found "${line.trim()}"` });
    return;
  }
  const key = m[1]!;
  const raw = m[2]!.trim();
  if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
    fm.problems.push({ line: lineNo, message: `unknown key "${key}" in the front matter: use ${FRONT_MATTER_KEYS.join(', ')}` });
    return;
  }
  if (fm.lines.has(key)) {
    fm.problems.push({ line: lineNo, message: `"${key}" is given twice in the front matter` });
    return;
  }
  fm.lines.set(key, lineNo);
  if (raw === '') {
    fm.problems.push({ line: lineNo, message: `"${key}" is empty` });
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
