// Running tallies: every answer added or removed costs O(1) (O(items) for a ranking or a
// statements answer, bounded by the question). Figures that need an order (median, bins) are
// read from the value→count map, which is bounded by the answer range, never by the number of
// answers, and only when a view is built (≤ 10 times a second).
import type { AnswerValue, Role } from '../protocol.ts';
import { countWords, emptyWords, type WordCounts } from './words.ts';
import { assertNever } from '../assert-never.ts';

export { assertNever };

/**
 * `n` counts respondents with a counted answer ("don't know" apart). `counts` keys by kind:
 * scale and number: the value; choice: `o<index>` and `other`; ranking: `sum<item>` (sum of
 * ranks, 1 = first) and `first<item>`; statements: `<index>a|d|p`.
 */
export type Counts = { n: number; dontKnow: number; counts: Record<string, number> };
export type Tally = Counts & {
  texts: number;
  /** Word counts of the counted text answers, for the word cloud. */
  words?: WordCounts;
  byRole: Partial<Record<Role, Counts>>;
  byTable: Record<string, Counts>;
};

export function emptyCounts(): Counts {
  return { n: 0, dontKnow: 0, counts: {} };
}

export function emptyTally(): Tally {
  return { ...emptyCounts(), texts: 0, byRole: {}, byTable: {} };
}

function add(c: Counts, key: string, delta: number): void {
  const next = (c.counts[key] ?? 0) + delta;
  if (next === 0) delete c.counts[key];
  else c.counts[key] = next;
}

const STATEMENT_KEY = { agree: 'a', disagree: 'd', pass: 'p' } as const;

function bump(c: Counts, answer: AnswerValue, delta: number): void {
  switch (answer.kind) {
    case 'scale':
    case 'number':
      add(c, String(answer.value), delta);
      c.n += delta;
      return;
    case 'dontKnow':
      c.dontKnow += delta;
      return;
    case 'text':
      c.n += delta;
      return;
    case 'choice':
      for (const o of answer.options) add(c, `o${o}`, delta);
      if (answer.other) add(c, 'other', delta);
      c.n += delta;
      return;
    case 'ranking':
      answer.order.forEach((item, rank) => add(c, `sum${item}`, delta * (rank + 1)));
      if (answer.order[0] !== undefined) add(c, `first${answer.order[0]}`, delta);
      c.n += delta;
      return;
    case 'statements':
      answer.votes.forEach((v, i) => {
        if (v) add(c, `${i}${STATEMENT_KEY[v]}`, delta);
      });
      c.n += delta;
      return;
    default:
      assertNever(answer);
  }
}

/** Adds (delta > 0) or removes an answer; `delta` > 1 for counts from a show of hands, which have no role. */
export function addToTally(t: Tally, answer: AnswerValue, role: Role | undefined, table: number | undefined, delta: number): void {
  bump(t, answer, delta);
  if (answer.kind === 'text') {
    t.texts += delta;
    countWords((t.words ??= emptyWords()), answer.text, delta);
  }
  if (role !== undefined) bump((t.byRole[role] ??= emptyCounts()), answer, delta);
  if (table !== undefined) bump((t.byTable[String(table)] ??= emptyCounts()), answer, delta);
}

export function count(c: Counts, key: string): number {
  return c.counts[key] ?? 0;
}

/** Sorted [value, count] pairs of a scale or number tally. */
export function sortedCounts(c: Counts): [number, number][] {
  return Object.entries(c.counts)
    .map(([v, n]) => [Number(v), n] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

/** The value at rank r (0-based) of the sorted values. */
function valueAt(pairs: [number, number][], rank: number): number | undefined {
  let seen = 0;
  for (const [value, n] of pairs) {
    seen += n;
    if (rank < seen) return value;
  }
  return undefined;
}

/** Quantile by linear interpolation between closest ranks (q = 0.5: the usual median). */
export function quantile(c: Counts, q: number): number | null {
  if (c.n <= 0) return null;
  const pairs = sortedCounts(c);
  const pos = (c.n - 1) * q;
  const lo = valueAt(pairs, Math.floor(pos));
  const hi = valueAt(pairs, Math.ceil(pos));
  if (lo === undefined || hi === undefined) return null;
  return lo + (hi - lo) * (pos - Math.floor(pos));
}

/** Median of the counted values ("don't know" is not a value); the mean of the two middle ones when n is even. */
export function median(c: Counts): number | null {
  return quantile(c, 0.5);
}

