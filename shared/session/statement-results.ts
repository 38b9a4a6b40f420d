// Statements sorted from consensus to divisive. Consensus is how one-sided the agree/disagree
// split is: |agree − disagree| / (agree + disagree), 1 when all agree (or all disagree), 0 at
// 50/50. "Pass" counts as taking part but not as a side.
import { count, type Counts } from '../aggregate/tally.ts';

export type StatementResult = {
  index: number;
  agree: number;
  disagree: number;
  pass: number;
  /** Share agreeing among those who took a side. */
  agreeShare: number | null;
  consensus: number | null;
  label: 'consensus' | 'mixed' | 'divisive' | null;
};

export const CONSENSUS_AT = 0.6;
export const DIVISIVE_AT = 0.2;

export function statementResults(statements: number, c: Counts): StatementResult[] {
  const out: StatementResult[] = [];
  for (let i = 0; i < statements; i++) {
    const agree = count(c, `${i}a`);
    const disagree = count(c, `${i}d`);
    const sides = agree + disagree;
    const consensus = sides > 0 ? Math.abs(agree - disagree) / sides : null;
    out.push({
      index: i,
      agree,
      disagree,
      pass: count(c, `${i}p`),
      agreeShare: sides > 0 ? agree / sides : null,
      consensus,
      label: consensus === null ? null : consensus >= CONSENSUS_AT ? 'consensus' : consensus <= DIVISIVE_AT ? 'divisive' : 'mixed',
    });
  }
  // Most consensus first; statements nobody took a side on last.
  return out.sort((a, b) => (b.consensus ?? -1) - (a.consensus ?? -1) || a.index - b.index);
}
