// Combining one question across workshops: figures worked out by hand from three workshops of
// different sizes, run through the real core (decide/evolve), and the small-group rule.
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Role } from '../protocol.ts';
import { HOST, answer, join, must, newWorld, type World } from '../session/test-fixtures.ts';
import { combine, workshopInput, type CombinedCell, type CombinedQuestion } from './combine.ts';

type Person = { role: Role; scale?: number | 'dk'; number?: number; votes?: ('agree' | 'disagree' | 'pass' | null)[] };

/** A workshop where each person answers q1-1 (scale 1–5), q1-2 (number 0–500) and u1 (statements). */
function workshop(people: Person[], minGroupSize = 3): World {
  const world = newWorld();
  must(world, HOST, { type: 'configureSession', minGroupSize });
  for (const q of ['q1-1', 'q1-2', 'u1']) must(world, HOST, { type: 'openAnswering', questionId: q });
  for (const p of people) {
    const who = join(world, p.role);
    if (p.scale !== undefined) answer(world, who, 'q1-1', p.scale === 'dk' ? { kind: 'dontKnow' } : { kind: 'scale', value: p.scale });
    if (p.number !== undefined) answer(world, who, 'q1-2', { kind: 'number', value: p.number });
    if (p.votes) answer(world, who, 'u1', { kind: 'statements', votes: p.votes });
  }
  return world;
}

const shown = (c: CombinedCell) => {
  if (c.hidden) throw new Error(`expected ${JSON.stringify(c.key)} to be shown`);
  return c;
};
const q = (all: CombinedQuestion[], id: string) => all.find((x) => x.id === id)!;

describe('combined results across three workshops of different sizes', () => {
  // A: 3 managers, 2 employees. B: 4 citizens. C: 2 managers, 1 citizen, 3 employees.
  const A = workshop([
    { role: 'manager', scale: 1, number: 10 },
    { role: 'manager', scale: 2, number: 20 },
    { role: 'manager', scale: 2, number: 30 },
    { role: 'employee', scale: 'dk', number: 40 },
    { role: 'employee', scale: 5, number: 50 },
  ]);
  const B = workshop([
    { role: 'citizen', scale: 4, number: 100 },
    { role: 'citizen', scale: 4, number: 200 },
    { role: 'citizen', scale: 5, number: 300 },
    { role: 'citizen', scale: 3, number: 400 },
  ]);
  const C = workshop([
    { role: 'manager', scale: 3, number: 0 },
    { role: 'manager', scale: 3, number: 5 },
    { role: 'citizen', scale: 1, number: 500 },
    { role: 'employee', scale: 2, number: 60 },
    { role: 'employee', scale: 2, number: 70 },
    { role: 'employee', scale: 4, number: 80 },
  ]);
  const all = combine([workshopInput('A', 'Nord', A.state), workshopInput('B', 'Syd', B.state), workshopInput('C', 'Nord', C.state)], 3);

  it('the scale: the median of all 14 answers (not of the medians), "Ved ikke" apart, bars summed', () => {
    // Values: 1,2,2,5 | 4,4,5,3 | 3,3,1,2,2,4 → sorted 1,1,2,2,2,2,3,3,3,4,4,4,5,5: n 14, median (3+3)/2 = 3.
    const overall = shown(q(all, 'q1-1').overall);
    expect(overall.people).toBe(15);
    expect(overall.results).toMatchObject({ type: 'scale', n: 14, dontKnow: 1, median: 3 });
    expect(overall.results?.type === 'scale' && overall.results.bars.map((b) => b.count)).toEqual([2, 4, 3, 3, 2]);
    // Per workshop: A 1,2,2,5 → 2; B 3,4,4,5 → 4; C 1,2,2,3,3,4 → 2.5.
    expect(q(all, 'q1-1').byWorkshop.map((c) => !c.hidden && c.results?.type === 'scale' && c.results.median)).toEqual([2, 4, 2.5]);
  });

  it('per role across workshops: managers 1,2,2,3,3 → median 2; citizens 4,4,5,3,1 → 4', () => {
    const roles = q(all, 'q1-1').byRole;
    const manager = shown(roles.find((c) => c.key.role === 'manager')!);
    expect(manager.people).toBe(5);
    expect(manager.results).toMatchObject({ n: 5, median: 2 });
    expect(shown(roles.find((c) => c.key.role === 'citizen')!).results).toMatchObject({ n: 5, median: 4 });
    // Employees: dk, 5 | 2, 2, 4 → 5 people, 4 values 2,2,4,5 → median 3.
    expect(shown(roles.find((c) => c.key.role === 'employee')!).results).toMatchObject({ n: 4, dontKnow: 1, median: 3 });
  });

  it('per label: Nord is A + C (11 people), Syd is B', () => {
    const nord = shown(q(all, 'q1-2').byLabel.find((c) => c.key.label === 'Nord')!);
    // Numbers 10,20,30,40,50,0,5,500,60,70,80 → sorted 0,5,10,20,30,40,50,60,70,80,500: median 40.
    expect(nord.results).toMatchObject({ type: 'number', n: 11, median: 40, min: 0, max: 500 });
    expect(shown(q(all, 'q1-2').byLabel.find((c) => c.key.label === 'Syd')!).results).toMatchObject({ n: 4, median: 250 });
  });

  it('a single citizen in C is hidden, and so is one more citizen group, so subtraction cannot find them', () => {
    const cells = q(all, 'q1-1').byWorkshopRole;
    const cell = (w: string, r: Role) => cells.find((c) => c.key.workshop === w && c.key.role === r)!;
    expect(cell('C', 'citizen').hidden).toBe(true);
    // Citizens overall (5) are shown; B's 4 citizens shown would give C's one by 5 − 4.
    expect(cell('B', 'citizen').hidden).toBe(true);
    // A's 2 employees are below 3: hidden; C's 3 employees shown; employees overall 5 = 2 + 3 → C's 3 must not leave 2 over… so one more is hidden.
    expect(cell('A', 'employee').hidden).toBe(true);
    expect(cell('C', 'employee').hidden).toBe(true);
  });

  it('statements: shares summed over workshops', () => {
    const S = (votes: NonNullable<Person['votes']>) => ({ role: 'employee' as Role, votes: [...votes, null, null, null] });
    const X = workshop([S(['agree', 'agree', 'disagree']), S(['agree', 'disagree', 'disagree']), S(['disagree', 'pass', 'agree'])]);
    const Y = workshop([S(['agree', 'disagree', 'disagree']), S(['agree', null, 'disagree']), S(['agree', 'disagree', 'agree']), S(['pass', 'disagree', 'disagree'])]);
    const [u1] = combine([workshopInput('X', undefined, X.state), workshopInput('Y', undefined, Y.state)], 3).filter((c) => c.id === 'u1');
    const overall = shown(u1!.overall);
    if (overall.results?.type !== 'statements') throw new Error('statements expected');
    // Statement 1: agree 2+3 = 5, disagree 1 → share 5/6. Statement 2: agree 1, disagree 1+3 = 4, pass 1 (one left it blank).
    expect(overall.results.statements[0]).toMatchObject({ agree: 5, disagree: 1, pass: 1 });
    expect(overall.results.statements[0]!.agreeShare).toBeCloseTo(5 / 6);
    expect(overall.results.statements[1]).toMatchObject({ agree: 1, disagree: 4, pass: 1 });
    // Where they agree and split: statement 1 X 2/3, Y 3/3 → both agree; statement 2 X 1/2, Y 0/3 → split (X is even);
    // statement 3 X 1/3, Y 1/4 → both disagree. Statements 4–6 had no votes: no comparison.
    const split = u1!.comparison.statements!;
    expect(split.map((c) => [c.index, c.verdict, c.low.key.workshop, c.high.key.workshop])).toEqual([
      [0, 'agree', 'X', 'Y'],
      [1, 'split', 'Y', 'X'],
      [2, 'disagree', 'Y', 'X'],
    ]);
    expect(split[0]!.low.value).toBeCloseTo(2 / 3);
    expect(split[1]).toMatchObject({ low: { value: 0 }, high: { value: 0.5 } });
  });

  it('the comparison: lowest and highest median among workshops (A 2, B 4) and roles (managers 2, citizens 4)', () => {
    expect(q(all, 'q1-1').comparison).toEqual({
      workshops: { low: { key: { workshop: 'A' }, value: 2 }, high: { key: { workshop: 'B' }, value: 4 } },
      roles: { low: { key: { role: 'manager' }, value: 2 }, high: { key: { role: 'citizen' }, value: 4 } },
    });
    // Numbers: A 10,20,30,40,50 → 30; B 100–400 → 250; C 0,5,500,60,70,80 → 65.
    expect(q(all, 'q1-2').comparison.workshops).toEqual({ low: { key: { workshop: 'A' }, value: 30 }, high: { key: { workshop: 'B' }, value: 250 } });
  });

  it('a hidden group takes no part in the comparison', () => {
    const small = workshop([{ role: 'manager', scale: 5 }, { role: 'manager', scale: 5 }]);
    const combined = combine([workshopInput('A', 'Nord', A.state), workshopInput('tiny', 'Syd', small.state)], 3);
    // "tiny" (2 people) is hidden, so only A is left: one workshop is no spread.
    expect(q(combined, 'q1-1').comparison.workshops).toBeUndefined();
  });

  it('a workshop whose question of the same id has another range is left out and named', () => {
    const odd = workshop([{ role: 'citizen', scale: 2 }]);
    const range = odd.state.set.themes[0]!.questions[0]!;
    // Another set that reuses the id "q1-1" with a 0–10 scale.
    const copy = structuredClone(odd.state);
    copy.set = structuredClone(copy.set);
    copy.set.themes[0]!.questions[0] = { ...range, response: { ...range.response, min: 0, max: 10 } as typeof range.response };
    const combined = combine([workshopInput('A', 'Nord', A.state), workshopInput('odd', undefined, copy)], 3);
    expect(q(combined, 'q1-1')).toMatchObject({ workshops: ['A'], mismatched: ['odd'] });
  });
});
