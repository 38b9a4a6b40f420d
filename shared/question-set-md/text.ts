// Texts in the Markdown form are taken letter for letter: no Markdown formatting is applied, so
// what the facilitator writes is what the room sees (æøå, ” quotes and – dashes included).
// The only rules: `\` before ASCII punctuation gives that character (as in CommonMark), `<br>`
// is a line break, and an unescaped `|` separates the Danish text from the English.
import type { LocalizedText, Msg } from '../question-set.ts';

const PUNCT = /[!-/:-@[-`{-~]/;

// JavaScript's regular expressions end a line at U+2028 and U+2029, and so do the Markdown
// lexer's; inside a text they are just characters. They stand in as two noncharacters (which no
// text contains) while the lexer reads, and decodeText puts them back.
const SEPARATORS: [RegExp, string][] = [[/\u2028/g, '\uFDD0'], [/\u2029/g, '\uFDD1']];
export function protectSeparators(source: string): string {
  return SEPARATORS.reduce((s, [from, to]) => s.replace(from, to), source);
}
function restoreSeparators(text: string): string {
  return text.replace(/\uFDD0/g, '\u2028').replace(/\uFDD1/g, '\u2029');
}
const BR = /^<br\s*\/?>/i;

/** Decodes a raw text: joins soft-wrapped lines with a space, applies escapes and <br>. */
export function decodeText(raw: string): string {
  const joined = raw
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
  let out = '';
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i]!;
    const next = joined[i + 1];
    if (c === '\\' && next !== undefined && PUNCT.test(next)) {
      out += next;
      i++;
    } else if (c === '<' && BR.test(joined.slice(i))) {
      const m = BR.exec(joined.slice(i))!;
      out += '\n';
      i += m[0].length - 1;
    } else {
      out += c;
    }
  }
  return restoreSeparators(out).trim();
}

/** Splits at unescaped `|`; returns the raw parts (still escaped). */
export function splitUnescaped(raw: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw[i] === sep) {
      parts.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(raw.slice(start));
  return parts;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: Msg };

/** "Dansk | English" → { da, en }; an empty English part counts as none. */
export function decodeLocalized(raw: string): Decoded<LocalizedText> {
  const parts = splitUnescaped(raw, '|');
  if (parts.length > 2) {
    return {
      ok: false,
      message: {
        en: 'more than one "|": one separates Danish from English; write \\| for a literal |',
        da: 'mere end én "|": én adskiller dansk fra engelsk; skriv \\| for et bogstaveligt |',
      },
    };
  }
  const da = decodeText(parts[0]!);
  const en = parts[1] === undefined ? '' : decodeText(parts[1]);
  return { ok: true, value: en ? { da, en } : { da } };
}

/** Where a text sits decides what else must be escaped so it reads back unchanged. */
export type TextContext = 'line' | 'quoted';

/** The inverse of decodeText for one language's text. */
export function encodeText(text: string, context: TextContext = 'line'): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') out += '<br>';
    else if (c === '\r') continue;
    else if (c === '\\' || c === '|' || c === '{' || c === '}' || (c === '"' && context === 'quoted')) out += `\\${c}`;
    else if (c === '<' && BR.test(text.slice(i))) out += '\\<';
    else out += c;
  }
  // Text always follows a marker ("- ", "# ", "title: "), but a leading "- ", "1. ", "#", ">" …
  // would still open a block of its own; a trailing "#" would be eaten as a closing sequence.
  if (context === 'line') {
    if (out.endsWith('#')) out = `${out.slice(0, -1)}\\#`;
    out = out.replace(/^(\d{1,9})([.)])/, '$1\\$2').replace(/^[#>+*\-=_~`<[!]/, (m) => `\\${m}`);
  }
  return out;
}

export function encodeLocalized(t: LocalizedText, context: TextContext = 'line'): string {
  const da = encodeText(t.da, context);
  return t.en === undefined ? da : `${da} | ${encodeText(t.en, context)}`;
}

const FOLD: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A valid id from a title: lower case, æøå spelt out, dashes between words, at most `max` long. */
export function slugify(text: string, max = 64): string {
  const folded = text
    .toLowerCase()
    .replace(/[æøåäöüß]/g, (c) => FOLD[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
