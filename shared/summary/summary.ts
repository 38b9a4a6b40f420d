// session → summary: one pure function; every export format (md, json, csv, html, docx, xlsx)
// renders this model and nothing else, so they all say the same. Texts are already in the
// session's language. Names and participant ids never enter it: answers carry only a role.
// The types are in model.ts (re-exported here).
import { ROLES } from '../protocol.ts';
import { localize } from '../question-set.ts';
import type { SessionState } from '../session/state.ts';
import { SUMMARY_SCHEMA_VERSION, type Summary, type SummaryTheme } from './model.ts';
import { sortNotes } from './notes.ts';
import { erasedNote, gapSentence, methodNote } from './phrases.ts';
import { summarizeQuestion } from './question.ts';
import { rawAnswers } from './raw.ts';
import { localClock } from './time.ts';

export * from './model.ts';

/** `exactRoles`: the facilitator's explicit choice to keep small roles apart in the raw answers. */
/** `facilitatorNotes`: print each theme's note for the facilitator (off unless chosen). */
export type SummaryOptions = { timeZone?: string; exactRoles?: boolean; facilitatorNotes?: boolean };

export function buildSummary(state: SessionState, options: SummaryOptions = {}): Summary {
  const lang = state.lang;
  const timeZone = options.timeZone ?? 'Europe/Copenhagen';
  const clock = localClock(timeZone);
  const minGroup = state.minGroupSize;
  const loc = (t: Parameters<typeof localize>[0]) => localize(t, lang);
  const removed = new Set(Object.values(state.participants).flatMap((p) => (p.removed ? [p.id] : [])));
  const notes = sortNotes(state);
  const ctx = { lang, minGroup, tables: state.tables > 0, removed, iso: clock.iso, exactRoles: options.exactRoles === true };
  const themes: SummaryTheme[] = state.set.themes.map((theme, t) => ({
    id: theme.id,
    number: t + 1,
    title: loc(theme.title),
    ...(theme.description ? { description: loc(theme.description) } : {}),
    ...(theme.note && options.facilitatorNotes ? { facilitatorNote: loc(theme.note) } : {}),
    statements: theme.statements.map((s) => ({ text: loc(s.text), details: s.details.map(loc) })),
    notes: notes.byTheme.get(theme.id) ?? [],
    questions: theme.questions.map((q, i) =>
      summarizeQuestion({ id: q.id, number: `${t + 1}.${i + 1}`, text: loc(q.text), spec: q.response, notes: notes.byQuestion.get(q.id) ?? [] }, state.runs[q.id]!, ctx),
    ),
  }));
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    // Near the top, so a reader of the file sees at once whether small roles are in it.
    rawRoles: options.exactRoles ? 'exact' : 'merged',
    code: state.code,
    lang,
    title: loc(state.set.title),
    ...(state.set.subtitle ? { subtitle: loc(state.set.subtitle) } : {}),
    ...(state.details.place ? { place: state.details.place } : {}),
    details: details(state, clock.iso),
    date: clock.iso(state.createdAt).slice(0, 10),
    createdAt: clock.iso(state.createdAt),
    timeZone,
    participants: participants(state),
    method: [...methodNote(lang, minGroup, options.exactRoles === true), ...erasedNote(lang, state.erased)],
    ...(state.erased ? { erased: state.erased } : {}),
    minGroup,
    keyPoints: themes.map((th) => ({
      themeId: th.id,
      title: th.title,
      points: th.questions.filter((q) => q.asked).map((q) => {
        const previous = q.rounds?.[q.rounds.length - 2];
        return {
          questionId: q.id,
          number: q.number,
          text: q.text,
          headline: q.headline,
          gap: q.gap && gapSentence(q.gap, lang),
          ...(previous ? { previous: { round: previous.round, headline: previous.headline } } : {}),
        };
      }),
      decisions: notes.all.filter((n) => n.kind === 'decision' && n.scope.kind !== 'session' && n.scope.themeId === th.id),
    })),
    notes: notes.session,
    themes,
    actions: notes.actions,
    parkingLot: notes.parkingLot,
    notHandled: themes.flatMap((t) => t.questions.filter((q) => !q.asked).map((q) => ({ number: q.number, text: q.text }))),
    answers: rawAnswers(state, { removed, iso: clock.iso, minGroup, exactRoles: options.exactRoles === true }),
  };
}

/** The facilitator's header fields; start: the first step away from the lobby; end: the end, else the last question closed. */
function details(state: SessionState, iso: (ms: number) => string): Summary['details'] {
  const closes = Object.values(state.runs).flatMap((r) => (r.closedAt !== undefined ? [r.closedAt] : []));
  const end = state.endedAt ?? (closes.length ? Math.max(...closes) : undefined);
  return {
    ...state.details,
    ...(state.startedAt !== undefined ? { start: iso(state.startedAt) } : {}),
    ...(end !== undefined ? { end: iso(end) } : {}),
  };
}

/** Everyone who joined and was not removed, per role (all six) and per table (when in use). */
function participants(state: SessionState): Summary['participants'] {
  const byRole = ROLES.map((role) => ({ role, count: state.roleCounts[role] }));
  if (state.tables === 0) return { total: state.participantCount, byRole };
  const tables = Array.from({ length: state.tables }, (_, i) => ({ table: i + 1, count: 0 }));
  for (const p of Object.values(state.participants)) {
    if (!p.removed && p.table !== undefined && tables[p.table - 1]) tables[p.table - 1]!.count += 1;
  }
  return { total: state.participantCount, byRole, byTable: tables };
}
