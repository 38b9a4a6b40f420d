// The theme overview: for each question of a theme, its headline figure and where the roles
// diverge most, so the facilitator can pick what to discuss. Only roles with at least
// minGroupSize answers are compared, so no small group is singled out.
import { ROLES, type Role } from '../protocol.ts';
import type { LocalizedText, Question, ResponseType } from '../question-set.ts';
import { median, type Counts } from '../aggregate/tally.ts';
import type { SessionState } from './state.ts';
import { statementResults } from './statement-results.ts';

/** `statement` (with its text) names the statement of a statements question the gap is on. */
export type Gap = { high: Role; low: Role; diff: number; measure: 'median' | 'agreeShare'; statement?: number; statementText?: LocalizedText };
export type OverviewItem = {
  questionId: string;
  text: LocalizedText;
  type: ResponseType;
  /** Answers as counted everywhere: "don't know" apart. */
  n: number;
  dontKnow: number;
  median: number | null;
  gap: Gap | null;
};

export function themeOverview(state: SessionState, themeId: string): OverviewItem[] {
  const theme = state.set.themes.find((t) => t.id === themeId);
  if (!theme) return [];
  return theme.questions.map((q) => {
    const run = state.runs[q.id]!;
    const numeric = q.response.type === 'scale' || q.response.type === 'number';
    return {
      questionId: q.id,
      text: q.text,
      type: q.response.type,
      n: q.response.type === 'text' ? run.respondents : run.tally.n,
      dontKnow: run.tally.dontKnow,
      median: numeric ? median(run.tally) : null,
      gap: largestGap(q, run.tally.byRole, state.minGroupSize),
    };
  });
}

export function largestGap(q: Question, byRole: Partial<Record<Role, Counts>>, minGroupSize: number): Gap | null {
  const roles = ROLES.filter((r) => {
    const c = byRole[r];
    return c !== undefined && c.n + c.dontKnow >= minGroupSize && c.n > 0;
  });
  if (roles.length < 2) return null;
  if (q.response.type === 'scale' || q.response.type === 'number') {
    return spread(roles.map((r) => [r, median(byRole[r]!)!] as [Role, number]), 'median');
  }
  if (q.response.type === 'statements') {
    let best: Gap | null = null;
    for (let i = 0; i < q.response.statements.length; i++) {
      const shares = roles.flatMap((r) => {
        const s = statementResults(q.response.type === 'statements' ? q.response.statements.length : 0, byRole[r]!).find((x) => x.index === i);
        return s?.agreeShare === null || s === undefined ? [] : [[r, s.agreeShare] as [Role, number]];
      });
      const g = spread(shares, 'agreeShare');
      const statementText = q.response.type === 'statements' ? q.response.statements[i] : undefined;
      if (g && (!best || g.diff > best.diff)) best = { ...g, statement: i, ...(statementText ? { statementText } : {}) };
    }
    return best;
  }
  return null;
}

function spread(values: [Role, number][], measure: Gap['measure']): Gap | null {
  if (values.length < 2) return null;
  let hi = values[0]!;
  let lo = values[0]!;
  for (const v of values) {
    if (v[1] > hi[1]) hi = v;
    if (v[1] < lo[1]) lo = v;
  }
  return hi[1] === lo[1] ? null : { high: hi[0], low: lo[0], diff: hi[1] - lo[1], measure };
}
