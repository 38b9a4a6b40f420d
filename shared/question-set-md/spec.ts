// The `{…}` at the end of a question line: its type and options, e.g.
//   {scale 1-5 "Slet ikke | Not at all" "I meget høj grad | To a very high degree"}
//   {number 0-500 unit "mål | goals"}   {text max 3}   {choice multiple other}   {#q7 ranking}
// Words are keywords; "quoted" texts are labels; `#id` names the question.
import { assertNever } from '../assert-never.ts';
import { TextResponse, type LocalizedText, type MethodStep, type Msg, type ResponseSpec, type ResponseType } from '../question-set.ts';
import { decodeLocalized, encodeLocalized } from './text.ts';


type Token = { kind: 'word'; value: string } | { kind: 'quoted'; raw: string };

/** Splits "text {spec}" into its two raw parts; the spec is the first unescaped `{` to the end. */
export function splitSpec(raw: string): { text: string; spec?: string } | { error: Msg } {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === '{') {
      const end = closingBrace(raw, i + 1);
      if (end < 0) return { error: { en: 'the "{" has no closing "}": add it at the end of the line', da: '"{" har ingen afsluttende "}": tilføj den sidst på linjen' } };
      if (raw.slice(end + 1).trim() !== '') {
        return {
          error: {
            en: 'text after "{…}": the {…} goes at the end of the line (write \\{ for a literal brace)',
            da: 'tekst efter "{…}": {…} skal stå sidst på linjen (skriv \\{ for en bogstavelig tuborgklamme)',
          },
        };
      }
      return { text: raw.slice(0, i), spec: raw.slice(i + 1, end) };
    }
  }
  return { text: raw };
}

function closingBrace(raw: string, from: number): number {
  let quoted = false;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === '}' && !quoted) return i;
  }
  return -1;
}

export function tokenize(spec: string): Token[] | { error: Msg } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < spec.length) {
    if (/\s/.test(spec[i]!)) {
      i++;
    } else if (spec[i] === '"') {
      let j = i + 1;
      while (j < spec.length && spec[j] !== '"') j += spec[j] === '\\' ? 2 : 1;
      if (j >= spec.length) return { error: { en: 'a quoted text has no closing ": add it', da: 'en tekst i anførselstegn mangler sit afsluttende ": tilføj det' } };
      tokens.push({ kind: 'quoted', raw: spec.slice(i + 1, j) });
      i = j + 1;
    } else {
      let j = i;
      while (j < spec.length && !/[\s"]/.test(spec[j]!)) j++;
      tokens.push({ kind: 'word', value: spec.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

export type ParsedSpec = { id?: string; type: ResponseType; response: Record<string, unknown>; method?: Record<string, unknown> };

/** Reads the tokens of one spec into a response draft; the schema checks the values after. */
export function parseSpec(spec: string): ParsedSpec | { error: Msg } {
  const tokens = tokenize(spec);
  if ('error' in tokens) return tokens;
  let id: string | undefined;
  const rest: Token[] = [];
  for (const t of tokens) {
    if (t.kind === 'word' && t.value.startsWith('#')) {
      if (id !== undefined) return { error: { en: 'more than one #id: keep one', da: 'mere end ét #id: behold det ene' } };
      id = t.value.slice(1);
    } else rest.push(t);
  }
  const first = rest.shift();
  const types = RESPONSE_TYPES.join(', ');
  if (!first) return { error: { en: `no type in {}: use one of ${types}`, da: `ingen type i {}: brug en af ${types}` } };
  if (first.kind !== 'word' || !(RESPONSE_TYPES as readonly string[]).includes(first.value)) {
    const what = first.kind === 'word' ? { en: `"${first.value}"`, da: `"${first.value}"` } : { en: 'a quoted text', da: 'en tekst i anførselstegn' };
    return { error: { en: `unknown type ${what.en}: use one of ${types}`, da: `ukendt type ${what.da}: brug en af ${types}` } };
  }
  const type = first.value as ResponseType;
  const method = readMethod(rest);
  if ('error' in method) return method;
  const options = readOptions(type, method.rest);
  if ('error' in options) return options;
  return { ...(id !== undefined ? { id } : {}), type, response: { type, ...options.fields }, ...(method.fields ? { method: method.fields } : {}) };
}

/**
 * A method step's settings, after the type's own options, for any type:
 * `method 1-2-4-all step 4 timer 240 per-table to-actions` (docs/question-sets.md). The schema
 * checks the values (a known template, a timer of 10–3600 seconds).
 */
function readMethod(tokens: Token[]): { rest: Token[]; fields?: Record<string, unknown> } | { error: Msg } {
  const rest: Token[] = [];
  const fields: Record<string, unknown> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = t.kind === 'word' ? t.value : '';
    if (word === 'per-table' || word === 'to-actions') {
      const key = word === 'per-table' ? 'perTable' : 'toActions';
      if (key in fields) return { error: { en: `"${word}" is given twice: keep one`, da: `"${word}" står der to gange: behold det ene` } };
      fields[key] = true;
    } else if (word === 'method' || word === 'step' || word === 'timer') {
      const key = word === 'method' ? 'template' : word === 'step' ? 'step' : 'timerSeconds';
      if (key in fields) return { error: { en: `"${word}" is given twice: keep one`, da: `"${word}" står der to gange: behold det ene` } };
      const arg = tokens[++i];
      if (word === 'timer') {
        if (arg?.kind !== 'word' || !/^\d+$/.test(arg.value)) return { error: { en: '"timer" needs the seconds after it, e.g. timer 120', da: '"timer" skal have sekunderne efter sig, fx timer 120' } };
        fields[key] = Number(arg.value);
      } else if (arg?.kind === 'word') fields[key] = arg.value;
      else if (arg?.kind === 'quoted' && word === 'step') fields[key] = unescapeQuoted(arg.raw);
      else return { error: { en: `"${word}" needs a value after it, e.g. method 1-2-4-all step 1`, da: `"${word}" skal have en værdi efter sig, fx method 1-2-4-all step 1` } };
    } else rest.push(t);
  }
  if (Object.keys(fields).length === 0) return { rest };
  if (!('template' in fields)) return { error: { en: 'a method step needs "method" and its template, e.g. method 1-2-4-all step 1', da: 'et metodetrin skal have "method" og sin skabelon, fx method 1-2-4-all step 1' } };
  if (!('step' in fields)) return { error: { en: 'a method step needs "step", e.g. method 1-2-4-all step 1', da: 'et metodetrin skal have "step", fx method 1-2-4-all step 1' } };
  return { rest, fields };
}

function unescapeQuoted(raw: string): string {
  return raw.replace(/\\(.)/g, '$1');
}

/** Keywords each type takes: flags, `key N` numbers, `key "text"` texts, a range `a-b`, labels. */
const GRAMMAR = {
  scale: { flags: { dontknow: ['dontKnow', true], 'no-dontknow': ['dontKnow', false] }, numbers: {}, texts: {}, range: 'optional', labels: 2 },
  number: { flags: {}, numbers: {}, texts: { unit: 'unit' }, range: 'required', labels: 0 },
  text: { flags: {}, numbers: { max: ['maxAnswers'], length: ['maxLength'], dots: ['voting', 'budget'], 'dots-per-answer': ['voting', 'maxPerAnswer'] }, texts: {}, range: 'none', labels: 0 },
  choice: { flags: { multiple: ['multiple', true], other: ['other', true] }, numbers: { max: ['maxChoices'] }, texts: {}, range: 'none', labels: 0 },
  ranking: { flags: {}, numbers: {}, texts: {}, range: 'none', labels: 0 },
  statements: { flags: {}, numbers: {}, texts: {}, range: 'none', labels: 0 },
} satisfies Record<ResponseType, Grammar>;
/** Every response type, from the grammar: a new type does not compile until it has one. */
const RESPONSE_TYPES = Object.keys(GRAMMAR) as ResponseType[];
type Grammar = {
  flags: Record<string, [string, boolean]>;
  numbers: Record<string, string[]>;
  texts: Record<string, string>;
  range: 'optional' | 'required' | 'none';
  labels: number;
};

function readOptions(type: ResponseType, tokens: Token[]): { fields: Record<string, unknown> } | { error: Msg } {
  const g: Grammar = GRAMMAR[type];
  const out: Record<string, unknown> = {};
  const seen = new Set<string>();
  const labels: unknown[] = [];
  const once = (key: string): Msg | undefined =>
    seen.has(key) ? { en: `"${key}" is given twice: keep one`, da: `"${key}" står to gange: behold den ene` } : (seen.add(key), undefined);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'quoted') {
      if (labels.length >= g.labels) {
        return {
          error: g.labels
            ? { en: `${type} takes ${g.labels} quoted labels, found more: remove the extra`, da: `${type} tager ${g.labels} etiketter i anførselstegn, men der er flere: fjern de overskydende` }
            : { en: `${type} takes no quoted text here: remove it`, da: `${type} tager ingen tekst i anførselstegn her: fjern den` },
        };
      }
      const label = decodeLocalized(t.raw);
      if (!label.ok) return { error: label.message };
      labels.push(label.value);
      continue;
    }
    const word = t.value;
    const range = /^(\d+)[-–](\d+)$/.exec(word);
    if (range && g.range !== 'none') {
      const dup = once('range');
      if (dup) return { error: dup };
      const [min, max] = [Number(range[1]), Number(range[2])];
      if (min > max) return { error: { en: `range ${word}: the first number must be the smaller`, da: `intervallet ${word}: det første tal skal være det mindste` } };
      Object.assign(out, { min, max });
    } else if (Object.hasOwn(g.flags, word)) {
      const [field, value] = g.flags[word]!;
      const dup = once(field);
      if (dup) return { error: dup };
      out[field] = value;
    } else if (Object.hasOwn(g.numbers, word) || Object.hasOwn(g.texts, word)) {
      const dup = once(word);
      if (dup) return { error: dup };
      const arg = tokens[++i];
      if (Object.hasOwn(g.numbers, word)) {
        if (arg?.kind !== 'word' || !/^\d+$/.test(arg.value)) return { error: { en: `"${word}" needs a whole number after it`, da: `"${word}" skal have et helt tal efter sig` } };
        setPath(out, g.numbers[word]!, Number(arg.value));
      } else {
        if (arg?.kind !== 'quoted') {
          return { error: { en: `"${word}" needs a quoted text after it, e.g. ${word} "mål | goals"`, da: `"${word}" skal have en tekst i anførselstegn efter sig, fx ${word} "mål | goals"` } };
        }
        const text = decodeLocalized(arg.raw);
        if (!text.ok) return { error: text.message };
        out[g.texts[word]!] = text.value;
      }
    } else {
      const exp = expected(g);
      return { error: { en: `unknown option "${word}" for ${type}${exp.en}`, da: `ukendt valg "${word}" for ${type}${exp.da}` } };
    }
  }
  if (g.range === 'required' && !seen.has('range')) return { error: { en: `${type} needs a range, e.g. {${type} 0-100}`, da: `${type} skal have et interval, fx {${type} 0-100}` } };
  if (type === 'scale') {
    if (!seen.has('range')) Object.assign(out, { min: 1, max: 5 });
    if (labels.length < 2) {
      return {
        error: {
          en: 'scale needs two quoted labels, for the lowest and the highest value, e.g. {scale 1-5 "Slet ikke" "I meget høj grad"}',
          da: 'scale skal have to etiketter i anførselstegn, for den laveste og den højeste værdi, fx {scale 1-5 "Slet ikke" "I meget høj grad"}',
        },
      };
    }
    Object.assign(out, { minLabel: labels[0], maxLabel: labels[1] });
  }
  return { fields: out };
}

function expected(g: Grammar): Msg {
  const words = [...Object.keys(g.flags), ...Object.keys(g.numbers).map((k) => `${k} N`), ...Object.keys(g.texts).map((k) => `${k} "…"`)];
  const say = (range: string) => (g.range === 'none' ? words : [range, ...words]).join(', ');
  if (!words.length && g.range === 'none') return { en: ': it takes no options', da: ': den tager ingen valg' };
  return { en: `: expected ${say('a range like 1-5')}`, da: `: forventede ${say('et interval som 1-5')}` };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

const TEXT_DEFAULTS = TextResponse.parse({ type: 'text' });

/** The inverse of parseSpec: writes only what differs from the schema's defaults. */
export function formatSpec(r: ResponseSpec, id?: string, method?: MethodStep): string {
  const parts: string[] = id === undefined ? [] : [`#${id}`];
  parts.push(r.type);
  const quoted = (t: LocalizedText) => `"${encodeLocalized(t, 'quoted')}"`;
  switch (r.type) {
    case 'scale':
      parts.push(`${r.min}-${r.max}`, quoted(r.minLabel), quoted(r.maxLabel));
      if (!r.dontKnow) parts.push('no-dontknow');
      break;
    case 'number':
      parts.push(`${r.min}-${r.max}`);
      if (r.unit) parts.push('unit', quoted(r.unit));
      break;
    case 'text':
      if (r.maxAnswers !== TEXT_DEFAULTS.maxAnswers) parts.push('max', String(r.maxAnswers));
      if (r.maxLength !== TEXT_DEFAULTS.maxLength) parts.push('length', String(r.maxLength));
      if (r.voting.budget !== TEXT_DEFAULTS.voting.budget) parts.push('dots', String(r.voting.budget));
      if (r.voting.maxPerAnswer !== TEXT_DEFAULTS.voting.maxPerAnswer) parts.push('dots-per-answer', String(r.voting.maxPerAnswer));
      break;
    case 'choice':
      if (r.multiple) parts.push('multiple');
      if (r.other) parts.push('other');
      if (r.maxChoices !== undefined) parts.push('max', String(r.maxChoices));
      break;
    case 'ranking':
    case 'statements':
      break;
    default:
      assertNever(r);
  }
  if (method) {
    const step = /^[^\s"{}\\#|][^\s"{}\\|]*$/.test(method.step) ? method.step : `"${method.step.replace(/["\\]/g, '\\$&')}"`;
    parts.push('method', method.template, 'step', step);
    if (method.timerSeconds !== undefined) parts.push('timer', String(method.timerSeconds));
    if (method.perTable) parts.push('per-table');
    if (method.toActions) parts.push('to-actions');
  }
  return `{${parts.join(' ')}}`;
}
