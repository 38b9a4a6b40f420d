// session → summary: one pure function; every export format renders this model.
import type { Lang, Role } from '../protocol.ts';
import type { LocalizedText, ResponseType } from '../question-set.ts';
import { buildResults, type Results } from '../session/results.ts';
import type { SessionState } from '../session/state.ts';

export const SUMMARY_SCHEMA_VERSION = 1;

export type SummaryQuestion = {
  id: string;
  text: LocalizedText;
  type: ResponseType;
  respondents: number;
  byRole: Partial<Record<Role, number>>;
  results: Results;
};

export type Summary = {
  schemaVersion: number;
  code: string;
  title: LocalizedText;
  lang: Lang;
  createdAt: string;
  participants: { total: number; byRole: Record<Role, number> };
  themes: { id: string; title: LocalizedText; questions: SummaryQuestion[] }[];
};

export function buildSummary(state: SessionState): Summary {
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    code: state.code,
    title: state.set.title,
    lang: state.lang,
    createdAt: new Date(state.createdAt).toISOString(),
    participants: { total: state.participantCount, byRole: { ...state.roleCounts } },
    themes: state.set.themes.map((theme) => ({
      id: theme.id,
      title: theme.title,
      questions: theme.questions.map((q) => {
        const run = state.runs[q.id]!;
        const byRole: Partial<Record<Role, number>> = {};
        for (const [role, c] of Object.entries(run.tally.byRole)) {
          const n = c.n + c.dontKnow;
          if (n > 0) byRole[role as Role] = n;
        }
        return {
          id: q.id,
          text: q.text,
          type: q.response.type,
          respondents: run.respondents,
          byRole,
          // The summary lists every text answer: it is the workshop's record, not a wall.
          results: buildResults(q.response, run, Number.MAX_SAFE_INTEGER),
        };
      }),
    })),
  };
}
