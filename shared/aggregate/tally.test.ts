import { describe, expect, it } from 'vitest';
import type { AnswerValue, Role } from '../protocol.ts';
import { addToTally, emptyTally, median, sortedCounts, type Tally } from './tally.ts';
import { answer, dontKnow, goToAndOpen, join, newWorld, num, scale, text } from '../session/test-fixtures.ts';

function tallyOf(answers: AnswerValue[], role: Role = 'citizen'): Tally {
  const t = emptyTally();
  for (const a of answers) addToTally(t, a, role, undefined, 1);
  return t;
}
const scales = (...values: number[]) => values.map(scale);

describe('median (hand-computed)', () => {
  it.each<[string, AnswerValue[], number | null]>([
    ['no answers', [], null],
    ['only Ved ikke', [dontKnow, dontKnow], null],
    ['one answer', scales(4), 4],
    ['two answers 2 and 4 → their mean', scales(2, 4), 3],
    ['two equal answers', scales(5, 5), 5],
    ['odd n', scales(1, 5, 3), 3],
    ['even n, middle values differ: 1,2,3,4', scales(4, 1, 3, 2), 2.5],
    ['ties around the middle: 1,3,3,3,5,5', scales(1, 3, 3, 3, 5, 5), 3],
    ['even n spanning a gap: 1,1,5,5', scales(1, 1, 5, 5), 3],
    ['Ved ikke is not a value: 2,4 + 3×Ved ikke', [scale(2), dontKnow, scale(4), dontKnow, dontKnow], 3],
    ['skewed: 1,1,1,1,5', scales(1, 1, 1, 1, 5), 1],
    ['numbers: 0, 10, 500', [num(0), num(10), num(500)], 10],
    ['numbers: 0, 7, 12, 500', [num(500), num(0), num(12), num(7)], 9.5],
  ])('%s → %s', (_label, answers, expected) => {
    expect(median(tallyOf(answers))).toBe(expected);
  });
});

describe('addToTally', () => {
  it('starts empty', () => {
    expect(emptyTally()).toMatchObject({ n: 0, dontKnow: 0, counts: {}, texts: 0, byRole: {} });
    expect(median(emptyTally())).toBeNull();
  });

  it('counts values, keeps Ved ikke apart from n, and tallies by role', () => {
    const t = emptyTally();
    addToTally(t, scale(3), 'politician', undefined, 1);
    addToTally(t, scale(3), 'employee', undefined, 1);
    addToTally(t, scale(5), 'employee', undefined, 1);
    addToTally(t, dontKnow, 'politician', undefined, 1);
    expect(t).toMatchObject({
      n: 3,
      dontKnow: 1,
      counts: { '3': 2, '5': 1 },
      texts: 0,
      byRole: {
        politician: { n: 1, dontKnow: 1, counts: { '3': 1 } },
        employee: { n: 2, dontKnow: 0, counts: { '3': 1, '5': 1 } },
      },
    });
    expect(median(t)).toBe(3);
    expect(median(t.byRole.employee!)).toBe(4);
  });

  it('removing is the exact inverse of adding: counts that reach zero disappear', () => {
    const t = emptyTally();
    addToTally(t, num(42), 'manager', undefined, 1);
    addToTally(t, dontKnow, 'manager', undefined, 1);
    addToTally(t, num(42), 'manager', undefined, -1);
    addToTally(t, dontKnow, 'manager', undefined, -1);
    expect(t).toMatchObject({ n: 0, dontKnow: 0, counts: {}, texts: 0, byRole: { manager: { n: 0, dontKnow: 0, counts: {} } } });
  });

  it('counts texts (n and texts) without keeping values', () => {
    const t = tallyOf([text('a'), text('b')], 'other');
    expect(t).toMatchObject({ n: 2, dontKnow: 0, counts: {}, texts: 2, byRole: { other: { n: 2, dontKnow: 0, counts: {} } } });
  });

  it('sortedCounts orders numerically, not as strings', () => {
    expect(sortedCounts(tallyOf([num(100), num(9), num(20), num(9)]))).toEqual([
      [9, 2],
      [20, 1],
      [100, 1],
    ]);
  });
});

describe('the session keeps its tallies current', () => {
  it('replacing an answer moves the counts, overall and by role', () => {
    const w = newWorld();
    const pol = join(w, 'politician');
    const emp = join(w, 'employee');
    goToAndOpen(w, 'q1-1');
    answer(w, pol, 'q1-1', scale(2));
    answer(w, emp, 'q1-1', scale(4));
    const t = w.state.runs['q1-1']!.tally;
    expect(median(t)).toBe(3);
    answer(w, pol, 'q1-1', scale(5));
    expect(t).toMatchObject({ n: 2, dontKnow: 0, counts: { '4': 1, '5': 1 } });
    expect(t.byRole.politician).toEqual({ n: 1, dontKnow: 0, counts: { '5': 1 } });
    expect(median(t)).toBe(4.5);
    answer(w, pol, 'q1-1', dontKnow);
    expect(t).toMatchObject({ n: 1, dontKnow: 1, counts: { '4': 1 } });
    expect(t.byRole.politician).toEqual({ n: 0, dontKnow: 1, counts: {} });
    expect(median(t)).toBe(4);
    answer(w, pol, 'q1-1', scale(1));
    expect(t).toMatchObject({ n: 2, dontKnow: 0, counts: { '1': 1, '4': 1 } });
    expect(w.state.runs['q1-1']!.respondents).toBe(2);
  });

  it('byRole tallies add up to the whole', () => {
    const w = newWorld();
    const roles: Role[] = ['politician', 'executive', 'manager', 'employee', 'citizen', 'other', 'citizen', 'citizen'];
    const people = roles.map((r) => join(w, r));
    goToAndOpen(w, 'q1-2');
    people.forEach((p, i) => answer(w, p, 'q1-2', num(i * 10)));
    const t = w.state.runs['q1-2']!.tally;
    expect(t.n).toBe(8);
    expect(t.byRole.citizen).toEqual({ n: 3, dontKnow: 0, counts: { '40': 1, '60': 1, '70': 1 } });
    expect(t.byRole.politician).toEqual({ n: 1, dontKnow: 0, counts: { '0': 1 } });
    const sum = Object.values(t.byRole).reduce((s, c) => s + c.n, 0);
    expect(sum).toBe(t.n);
  });
});
