import { describe, expect, it } from 'vitest';
import type { Role } from '../protocol.ts';
import { largestGap, spreadOf, summaryAgreement, suppress } from './stats.ts';

const counts = (values: number[]) => {
  const c = { n: values.length, dontKnow: 0, counts: {} as Record<string, number> };
  for (const v of values) c.counts[String(v)] = (c.counts[String(v)] ?? 0) + 1;
  return c;
};

describe('suppress: which role splits are hidden', () => {
  it.each<[string, Partial<Record<Role, number>>, Role[]]>([
    ['nobody small', { politician: 5, employee: 9 }, []],
    ['two small roles holding 5 together', { politician: 6, manager: 4, citizen: 1 }, ['manager', 'citizen']],
    ['one small role alone: the smallest shown role goes too', { employee: 7, manager: 4 }, ['manager', 'employee']],
    ['a single answer: hidden with the next smallest', { politician: 6, executive: 1, employee: 7 }, ['executive', 'politician']],
    ['hidden roles holding ≥ 5 together need no more', { politician: 5, employee: 7, manager: 4, citizen: 2 }, ['manager', 'citizen']],
    ['only one role, large', { citizen: 30 }, []],
    ['only one role, small', { citizen: 3 }, ['citizen']],
    ['zeros are not roles', { citizen: 0, employee: 6 }, []],
  ])('%s', (_label, sizes, hidden) => {
    expect([...suppress(sizes, 5)].sort()).toEqual([...hidden].sort());
  });

  it('never leaves exactly 1–4 hidden answers to be worked out from the total', () => {
    for (let seed = 0; seed < 500; seed++) {
      const sizes: Partial<Record<Role, number>> = {};
      for (const [i, role] of (['politician', 'executive', 'manager', 'employee', 'citizen', 'other'] as const).entries()) {
        sizes[role] = (seed * (i + 7) * 31) % 9;
      }
      const hidden = suppress(sizes, 5);
      const total = [...hidden].reduce((s, r) => s + (sizes[r] ?? 0), 0);
      expect(total === 0 || total >= 5, JSON.stringify(sizes)).toBe(true);
      for (const [role, n] of Object.entries(sizes)) if (n > 0 && n < 5) expect(hidden.has(role as Role)).toBe(true);
    }
  });

  it('follows the session’s minimum group size', () => {
    expect([...suppress({ employee: 7, manager: 4 }, 3)]).toEqual([]);
  });
});

describe('spreadOf: quartiles as Excel’s QUARTILE.INC', () => {
  it.each([
    [[1, 2, 3, 4, 5], { q1: 2, median: 3, q3: 4, iqr: 2, min: 1, max: 5 }],
    [[1, 2, 2, 2, 2, 3, 4, 4, 4, 5, 5, 5], { q1: 2, median: 3.5, q3: 4.25, iqr: 2.25 }],
    [[7], { q1: 7, median: 7, q3: 7, iqr: 0 }],
    [[8, 10, 12, 12, 14, 15, 18, 22, 25, 30, 35, 40, 60, 120], { median: 20, q1: 12.5, q3: 33.75 }],
  ])('%j', (values, expected) => {
    expect(spreadOf(counts(values))).toMatchObject(expected);
  });

  it('is null without values', () => {
    expect(spreadOf({ n: 0, dontKnow: 3, counts: {} })).toBeNull();
  });
});

describe('summaryAgreement on a 1–5 scale', () => {
  it.each([
    [0, 10, 'consensus'],
    [1, 10, 'consensus'],
    [1.5, 10, 'mixed'],
    [2, 10, 'divided'],
    [3, 10, 'divided'],
    [0, 4, null],
  ])('IQR %d with n=%d → %s', (iqr, n, expected) => {
    expect(summaryAgreement(iqr, 1, 5, n, 5)).toBe(expected);
  });
});

describe('largestGap', () => {
  it('the highest against the lowest median', () => {
    expect(
      largestGap([
        { role: 'politician', median: 4 },
        { role: 'manager', median: 3 },
        { role: 'employee', median: 2 },
      ]),
    ).toEqual({ high: { role: 'politician', median: 4 }, low: { role: 'employee', median: 2 }, difference: 2 });
  });

  it.each([
    ['one role', [{ role: 'politician' as Role, median: 4 }]],
    ['no difference', [{ role: 'politician' as Role, median: 3 }, { role: 'employee' as Role, median: 3 }]],
    ['no medians', [{ role: 'politician' as Role, median: null }, { role: 'employee' as Role, median: null }]],
  ])('none with %s', (_label, medians) => {
    expect(largestGap(medians)).toBeNull();
  });
});
