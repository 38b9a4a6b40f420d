// The figures a summary prints, read from the running tallies (value → count maps), never by
// re-scanning answers. Three rules live here and are documented in docs/summary-json.md:
//   - quartiles: linear interpolation between order statistics (the core's quantile()), which is
//     Excel's QUARTILE.INC, so a municipality can check every figure in a spreadsheet.
//   - agreement: from the interquartile range relative to the scale's span (summaryAgreement).
//   - suppression: a role's split is shown only with ≥ minGroup answers (the session's
//     minGroupSize, 5 by default), and never so that the hidden ones could be recovered by
//     subtracting the shown ones from the total (suppress).
import type { Role } from '../protocol.ts';
import { quantile, sortedCounts, type Counts } from '../aggregate/tally.ts';
import { agreementOf, type Agreement } from '../session/results.ts';

export type { Agreement };

export type Spread = { median: number; q1: number; q3: number; iqr: number; min: number; max: number };

/** Quartiles and extremes of the counted values; null without values. */
export function spreadOf(c: Counts): Spread | null {
  const [q1, median, q3] = [quantile(c, 0.25), quantile(c, 0.5), quantile(c, 0.75)];
  const pairs = sortedCounts(c);
  if (q1 === null || median === null || q3 === null || pairs.length === 0) return null;
  return { median, q1, q3, iqr: q3 - q1, min: pairs[0]![0], max: pairs[pairs.length - 1]![0] };
}

/**
 * The screen's rule (shared/session/results.ts): consensus when the middle half of the answers
 * lies within a quarter of the scale (on 1–5: an interquartile range of at most 1), divided when
 * it spans half the scale or more (on 1–5: 2 or more), mixed in between. The summary adds one
 * condition: at least `minGroup` answers, since a spread of three answers says little.
 */
export function summaryAgreement(iqr: number, scaleMin: number, scaleMax: number, n: number, minGroup: number): Agreement | null {
  return n < minGroup ? null : agreementOf(iqr, scaleMax - scaleMin);
}

/**
 * Which roles' (or tables') splits to hide. First every role with 1 to minGroup−1 answers; then, while the
 * hidden ones together hold 1 to minGroup−1 answers, also the smallest shown role – otherwise "total minus the shown
 * roles" would give the hidden role's answers exactly (secondary suppression, as statistics
 * offices do it).
 */
export function suppress<K extends string = Role>(sizes: Partial<Record<K, number>>, minGroup: number): Set<K> {
  const present = (Object.entries(sizes) as [K, number][]).filter(([, n]) => n > 0).sort((a, b) => a[1] - b[1]);
  const hidden = new Set(present.filter(([, n]) => n < minGroup).map(([r]) => r));
  let hiddenTotal = present.filter(([r]) => hidden.has(r)).reduce((s, [, n]) => s + n, 0);
  for (const [role, n] of present) {
    if (hiddenTotal === 0 || hiddenTotal >= minGroup) break;
    if (hidden.has(role)) continue;
    hidden.add(role);
    hiddenTotal += n;
  }
  return hidden;
}

export type Gap = { high: { role: Role; median: number }; low: { role: Role; median: number }; difference: number };

/** The largest difference in median between shown roles; null with fewer than two or no difference. */
export function largestGap(medians: { role: Role; median: number | null }[]): Gap | null {
  const known = medians.flatMap((m) => (m.median === null ? [] : [{ role: m.role, median: m.median }]));
  if (known.length < 2) return null;
  // Stable on ties: the first role (in ROLES order) wins, so golden files do not flicker.
  const high = known.reduce((a, b) => (b.median > a.median ? b : a));
  const low = known.reduce((a, b) => (b.median < a.median ? b : a));
  const difference = high.median - low.median;
  return difference > 0 ? { high, low, difference } : null;
}
