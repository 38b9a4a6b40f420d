// The arithmetic of the bench, kept pure so it can be tested: percentiles, and matching each
// answer to the first screen view that shows it.
import type { AnswerSample } from './ipc.ts';

/** Nearest-rank percentile of an unsorted list; NaN for an empty one. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

/** A view the screen received: when, for which question, and how many had answered. */
export type ScreenSample = { t: number; questionId: string | null; answered: number };

/**
 * When did each answer become visible on the screen? Answers of one session and question are
 * ranked by ack time (the server applies an answer before it acks it, in arrival order, so the
 * k-th ack is the k-th answer counted, give or take answers acked in the same commit); answer k
 * is visible in the first screen view that arrived after it was sent and shows answered ≥ k.
 * Returns the delays (visible − send) in ms, and how many answers were never seen.
 */
export function screenDelays(answers: readonly AnswerSample[], views: readonly ScreenSample[]): { delays: number[]; unseen: number } {
  const acked = answers.filter((a) => a.ok).sort((a, b) => a.ack - b.ack);
  const shown = monotone(views);
  const delays: number[] = [];
  let unseen = 0;
  acked.forEach((a, i) => {
    const k = i + 1;
    const byCount = firstIndex(shown, (v) => v.answered >= k);
    const byTime = firstIndex(shown, (v) => v.t >= a.send);
    const at = Math.max(byCount, byTime);
    if (at >= shown.length) unseen++;
    else delays.push(shown[at]!.t - a.send);
  });
  return { delays, unseen };
}

/** First index where a monotone predicate turns true (binary search); length if never. */
function firstIndex<T>(list: readonly T[], pred: (x: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** answered is monotone only if no answer is withdrawn; keep the running maximum to be safe. */
export function monotone(views: readonly ScreenSample[]): ScreenSample[] {
  let max = 0;
  return [...views].sort((a, b) => a.t - b.t).map((v) => ({ ...v, answered: (max = Math.max(max, v.answered)) }));
}

export const round = (x: number, digits = 1): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
