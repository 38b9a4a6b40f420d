// Dot voting. Rules (enforced in decide, applied here): each voter has a budget of dots, may put
// at most `maxPerAnswer` on one answer, never on their own. With many answers a phone shows a
// window of the answers: every window is a slice of one shuffled order, and consecutive voters
// get consecutive slices, so every answer is shown to about as many phones (±1 window).
import type { QuestionRun } from './state.ts';

export const SAMPLE = { min: 10, max: 30, targetExposure: 8 } as const;

/** Enough answers per phone that each answer is seen about `targetExposure` times, bounded. */
export function sampleSize(answers: number, voters: number): number {
  if (answers <= SAMPLE.min) return answers;
  const wanted = Math.ceil((SAMPLE.targetExposure * answers) / Math.max(1, voters));
  return Math.min(answers, SAMPLE.max, Math.max(SAMPLE.min, wanted));
}

/** Fisher–Yates with the given generator. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The answers shown to the voter with this ordinal: `size` answers starting at ordinal × size,
 * wrapping around. Own answers are skipped and the window does not grow, so no answer gains
 * exposure from someone else's skip.
 */
export function windowFor(order: readonly string[], size: number, ordinal: number, skip: (id: string) => boolean): string[] {
  const n = order.length;
  if (n === 0) return [];
  const start = (ordinal * size) % n;
  const out: string[] = [];
  for (let k = 0; k < Math.min(size, n); k++) {
    const id = order[(start + k) % n]!;
    if (!skip(id)) out.push(id);
  }
  return out;
}

export function applyVote(run: QuestionRun, voterId: string, answerId: string, delta: 1 | -1): void {
  const mine = (run.votesBy[voterId] ??= {});
  const next = (mine[answerId] ?? 0) + delta;
  if (next <= 0) delete mine[answerId];
  else mine[answerId] = next;
  const total = (run.votes[answerId] ?? 0) + delta;
  if (total <= 0) delete run.votes[answerId];
  else run.votes[answerId] = total;
  run.votesUsed[voterId] = (run.votesUsed[voterId] ?? 0) + delta;
}
