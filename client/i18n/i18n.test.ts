// The dictionaries agree: every Danish key has an English text, the same {placeholders}, and
// no English text is a Danish one left untranslated (a few words are the same in both).
import { describe, expect, test } from 'vitest';
import { da } from './da.ts';
import { en } from './en.ts';
import { translate } from './i18n.ts';

/** Keys whose text is the same in both languages on purpose. */
const SAME_IN_BOTH = new Set<string>(['appName', 'downloadDocx', 'downloadMd', 'downloadJson', 'median', 'links', 'send', 'minutes', 'noteKind_note', 'workshop', 'status']);
/** A text with no words of its own ("{name}") has nothing to translate. */
const wordless = (s: string) => !/\p{L}/u.test(s.replace(/\{\w+\}/g, ''));

const keys = Object.keys(da) as (keyof typeof da)[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the English dictionary', () => {
  test('has a non-empty text for every Danish key, and no keys of its own', () => {
    const missing = keys.filter((k) => typeof en[k] !== 'string' || en[k].trim() === '');
    expect(missing).toEqual([]);
    const extra = Object.keys(en).filter((k) => !(k in da));
    expect(extra).toEqual([]);
  });

  test('uses the same {placeholders} as the Danish text', () => {
    const mismatched = keys.filter((k) => placeholders(da[k]).join() !== placeholders(en[k]).join());
    expect(mismatched.map((k) => `${k}: da ${da[k]} / en ${en[k]}`)).toEqual([]);
  });

  test('translates: no English text equals its Danish one unless listed as the same in both', () => {
    const untranslated = keys.filter((k) => en[k] === da[k] && !SAME_IN_BOTH.has(k) && !wordless(da[k]));
    expect(untranslated.map((k) => `${k}: "${da[k]}"`)).toEqual([]);
    // The list stays honest: each listed key exists and really is the same.
    for (const k of SAME_IN_BOTH) {
      expect(k in da, k).toBe(true);
      expect(da[k as keyof typeof da], k).toBe(en[k as keyof typeof da]);
    }
  });
});

test('translate fills placeholders in either language', () => {
  expect(translate('da', 'questionOf', { n: 2, of: 4 })).toBe('Spørgsmål 2 af 4');
  expect(translate('en', 'questionOf', { n: 2, of: 4 })).toBe('Question 2 of 4');
});

describe('error texts', () => {
  test('every error code has a Danish and an English text, different from each other and from the server message', async () => {
    const { ERROR_CODES } = await import('../../shared/protocol.ts');
    const { ERROR_TEXT } = await import('./errors.ts');
    for (const code of ERROR_CODES) {
      expect(ERROR_TEXT.da[code], code).toMatch(/\p{L}/u);
      expect(ERROR_TEXT.en[code], code).toMatch(/\p{L}/u);
      expect(ERROR_TEXT.da[code], code).not.toBe(ERROR_TEXT.en[code]);
    }
  });
});
