// Adding a question live (issue 14): an ad-hoc choice can allow several options and "Andet", and
// too few lines give a sentence saying how to fix it – never the field's label.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/protocol.ts';
import { ResponseSpec } from '../../shared/question-set.ts';
import { da } from '../i18n/da.ts';
import { en } from '../i18n/en.ts';
import { defaultSpec, LIVE_TYPES } from './response-specs.ts';

describe('defaultSpec: a question made live', () => {
  it('a choice may allow several options and "Andet"', () => {
    expect(defaultSpec('choice', ['Ja', 'Nej', ''], { multiple: true, other: true })).toEqual({
      type: 'choice',
      options: [{ da: 'Ja' }, { da: 'Nej' }],
      multiple: true,
      other: true,
    });
  });

  it.each([
    ['choice', ['Kun én'], 'needOptions'],
    ['ranking', ['a', 'b'], 'needItems'],
    ['ranking', Array.from({ length: LIMITS.rankingItems + 1 }, (_, i) => String(i)), 'needItems'],
    ['statements', ['  '], 'needStatements'],
  ] as const)('%s with %j lines: a sentence saying what to write, in both languages', (type, lines, key) => {
    const problem = defaultSpec(type, [...lines]);
    expect(problem).toBe(key);
    for (const dict of [da, en] as const) {
      const text: string = dict[key];
      expect(text).toMatch(/\.$/);
      expect(text).not.toBe(dict.options);
    }
  });

  it('every live type with enough lines gives a spec the schema accepts', () => {
    for (const type of LIVE_TYPES) {
      const spec = defaultSpec(type, ['a', 'b', 'c']);
      expect(typeof spec, type).toBe('object');
      expect(ResponseSpec.safeParse(spec).success, type).toBe(true);
    }
  });
});
