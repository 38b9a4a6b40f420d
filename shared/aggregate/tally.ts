// Running tallies: every answer added or removed costs O(1). Figures that need an order
// (median, bins) are read from the value→count map, which is bounded by the answer range,
// never by the number of answers, and only when a view is built (≤ 10 times a second).
import type { AnswerValue, Role } from '../protocol.ts';

export type Counts = { n: number; dontKnow: number; counts: Record<string, number> };
export type Tally = Counts & { texts: number; byRole: Partial<Record<Role, Counts>> };

export function emptyTally(): Tally {
  return { n: 0, dontKnow: 0, counts: {}, texts: 0, byRole: {} };
}

function bump(c: Counts, answer: AnswerValue, delta: 1 | -1): void {
  switch (answer.kind) {
    case 'scale':
    case 'number': {
      const key = String(answer.value);
      const next = (c.counts[key] ?? 0) + delta;
      if (next === 0) delete c.counts[key];
      else c.counts[key] = next;
      c.n += delta;
      return;
    }
    case 'dontKnow':
      c.dontKnow += delta;
      return;
    case 'text':
      c.n += delta;
      return;
    default:
      assertNever(answer);
  }
}

export function addToTally(t: Tally, answer: AnswerValue, role: Role, delta: 1 | -1): void {
  bump(t, answer, delta);
  if (answer.kind === 'text') t.texts += delta;
  const r = (t.byRole[role] ??= { n: 0, dontKnow: 0, counts: {} });
  bump(r, answer, delta);
}

/** Sorted [value, count] pairs. */
export function sortedCounts(c: Counts): [number, number][] {
  return Object.entries(c.counts)
    .map(([v, n]) => [Number(v), n] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

/** Median of the counted values ("don't know" is not a value); the mean of the two middle ones when n is even. */
export function median(c: Counts): number | null {
  if (c.n <= 0) return null;
  const pairs = sortedCounts(c);
  const lowRank = Math.floor((c.n - 1) / 2);
  const highRank = Math.floor(c.n / 2);
  let seen = 0;
  let low: number | undefined;
  for (const [value, count] of pairs) {
    if (low === undefined && lowRank < seen + count) low = value;
    if (highRank < seen + count) return ((low ?? value) + value) / 2;
    seen += count;
  }
  return null;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
