// The campaign pages' words: every English text is there and is not the Danish one left over.
import { expect, test } from 'vitest';
import { campaignWords } from './words.ts';

const SAME_IN_BOTH = new Set(['workshops', 'status', 'followUp']);

test('every campaign word is translated, with the same {placeholders}', () => {
  const { da, en } = campaignWords;
  for (const key of Object.keys(da) as (keyof typeof da)[]) {
    expect(en[key].trim(), key).not.toBe('');
    if (!SAME_IN_BOTH.has(key)) expect(en[key], key).not.toBe(da[key]);
    expect(en[key].match(/\{\w+\}/g) ?? [], key).toEqual(da[key].match(/\{\w+\}/g) ?? []);
  }
});
