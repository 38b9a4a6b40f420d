// session → summary: one pure function; every export format (md, json, csv, html, docx, xlsx)
// renders this model and nothing else, so they all say the same. Texts are already in the
// session's language. Names and participant ids never enter it: answers carry only a role.
// Fields marked "not fed yet" are filled by later features (voting, notes, moderation).
import { ROLES, type Lang, type Role, type StatementVote } from '../protocol.ts';
import { localize, type LocalizedText, type ResponseSpec, type ResponseType } from '../question-set.ts';
import type { Bar } from '../session/results.ts';
import type { AnswerEntry, SessionState } from '../session/state.ts';
import { labels } from './labels.ts';
import { gapSentence, methodNote } from './phrases.ts';
import { summarizeQuestion } from './question.ts';
import type { Agreement, Gap, Spread } from './stats.ts';
import { localClock } from './time.ts';

export const SUMMARY_SCHEMA_VERSION = 1;

export type Figures = Spread & { agreement: Agreement | null };

export type RoleSplit =
  | { role: Role; suppressed: true }
  /**
   * `respondents`: people of the role who answered (the size that decides suppression); `n` as
   * the question's n; `counts` line up with the question's `bars` (empty without bars).
   */
  | { role: Role; suppressed: false; respondents: number; n: number; dontKnow: number; median: number | null; counts: number[] };

/** `votes`: dots from dot voting, when the question was voted on. */
export type TextAnswer = { text: string; votes?: number };

export type SummaryQuestion = {
  id: string;
  /** "2.3": theme 2, question 3. */
  number: string;
  text: string;
  type: ResponseType;
  scale?: { min: number; max: number; minLabel: string; maxLabel: string };
  unit?: string;
  /** People with at least one answer, "Ved ikke" included. */
  respondents: number;
  /** Scale/number: values behind the figures ("Ved ikke" not counted). Text: answers. */
  n: number;
  dontKnow: number;
  /** Scale/number with at least one value; null otherwise. */
  figures: Figures | null;
  /** The same bars the screen shows; empty for text. */
  bars: Bar[];
  /** Roles that answered, in the order of ROLES. */
  byRole: RoleSplit[];
  gap: Gap | null;
  headline: string;
  /** Text questions: every visible answer, oldest first; choice: the "Andet" texts. */
  answers: TextAnswer[];
  /** Choice options, ranking items or statements, in the set's order. */
  options?: string[];
  /** Choice: how many chose "Andet"; whether several options could be chosen. */
  other?: number;
  multiple?: boolean;
  /** Ranking: items from first to last by mean rank (1 = first). */
  ranking?: { item: string; meanRank: number | null; first: number }[];
  /** Statements: agree/disagree/pass, most consensus first (the screen's order and labels). */
  statements?: { text: string; agree: number; disagree: number; pass: number; agreeShare: number | null; label: 'consensus' | 'mixed' | 'divisive' | null }[];
  /** After a re-vote: this round's number and the round before, in one line. */
  round?: number;
  previous?: { round: number; headline: string };
  /** Answers hidden by the facilitator (not fed yet). */
  hidden?: number;
};

export type SummaryTheme = {
  id: string;
  number: number;
  title: string;
  description?: string;
  statements: { text: string; details: string[] }[];
  questions: SummaryQuestion[];
  /** Facilitator's notes and decisions (not fed yet). */
  notes?: string[];
  decisions?: string[];
};

export type KeyPoint = { questionId: string; number: string; text: string; headline: string; gap: string | null };

/**
 * One answer as it stands; no participant id, no name. `value`: the number, the text, null for
 * "Ved ikke", or for choice/ranking/statements a readable line, with the indexes beside it.
 */
export type RawAnswer = {
  questionId: string;
  role: Role;
  kind: AnswerEntry['answer']['kind'];
  value: number | string | null;
  /** Choice: chosen option indexes; ranking: item indexes, first to last (0-based). */
  indexes?: number[];
  /** Choice: the "Andet" text. */
  other?: string;
  /** Statements: the vote on each statement, in the set's order. */
  statementVotes?: (StatementVote | null)[];
  at: string;
  /** Sent after an advisory timer ran out. */
  late?: true;
};

export type Summary = {
  schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  code: string;
  lang: Lang;
  title: string;
  subtitle?: string;
  /** Where the workshop took place (not fed yet). */
  place?: string;
  /** Local date of the session (YYYY-MM-DD) and its start as local ISO time with offset. */
  date: string;
  createdAt: string;
  timeZone: string;
  participants: { total: number; byRole: { role: Role; count: number }[] };
  method: string[];
  minGroup: number;
  keyPoints: { themeId: string; title: string; points: KeyPoint[] }[];
  themes: SummaryTheme[];
  /** Not fed yet: always empty until actions and the parking lot exist in the core. */
  actions: { text: string; owner?: string; due?: string }[];
  parkingLot: { text: string; themeId?: string }[];
  answers: RawAnswer[];
};

export type SummaryOptions = { timeZone?: string };

export function buildSummary(state: SessionState, options: SummaryOptions = {}): Summary {
  const lang = state.lang;
  const timeZone = options.timeZone ?? 'Europe/Copenhagen';
  const clock = localClock(timeZone);
  const minGroup = state.minGroupSize;
  const loc = (t: Parameters<typeof localize>[0]) => localize(t, lang);
  const themes: SummaryTheme[] = state.set.themes.map((theme, t) => ({
    id: theme.id,
    number: t + 1,
    title: loc(theme.title),
    ...(theme.note ? { description: loc(theme.note) } : {}),
    statements: theme.statements.map((s) => ({ text: loc(s.text), details: s.details.map(loc) })),
    questions: theme.questions.map((q, i) => summarizeQuestion(q.id, `${t + 1}.${i + 1}`, loc(q.text), q.response, state.runs[q.id]!, { lang, minGroup })),
  }));
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    code: state.code,
    lang,
    title: loc(state.set.title),
    ...(state.set.subtitle ? { subtitle: loc(state.set.subtitle) } : {}),
    date: clock.iso(state.createdAt).slice(0, 10),
    createdAt: clock.iso(state.createdAt),
    timeZone,
    participants: { total: state.participantCount, byRole: ROLES.map((role) => ({ role, count: state.roleCounts[role] })) },
    method: methodNote(lang, minGroup),
    minGroup,
    keyPoints: themes.map((th) => ({
      themeId: th.id,
      title: th.title,
      points: th.questions.map((q) => ({ questionId: q.id, number: q.number, text: q.text, headline: q.headline, gap: q.gap && gapSentence(q.gap, lang) })),
    })),
    themes,
    actions: [],
    parkingLot: [],
    answers: rawAnswers(state, clock.iso),
  };
}

function rawAnswers(state: SessionState, iso: (ms: number) => string): RawAnswer[] {
  const out: RawAnswer[] = [];
  for (const theme of state.set.themes) {
    for (const q of theme.questions) {
      // Entries keep insertion order; a stable sort by time keeps it within the same second.
      const entries = Object.values(state.runs[q.id]!.entries).sort((a, b) => a.at - b.at);
      for (const e of entries) out.push(rawAnswer(q.id, q.response, e, state.lang, iso));
    }
  }
  return out;
}

function rawAnswer(questionId: string, spec: ResponseSpec, e: AnswerEntry, lang: Lang, iso: (ms: number) => string): RawAnswer {
  const a = e.answer;
  const at = iso(e.at);
  const late = e.late ? { late: true as const } : undefined;
  // Object literals, no spreads on the common kinds: this runs once per answer (40,000 in a big room).
  switch (a.kind) {
    case 'scale':
    case 'number':
      return late ? { questionId, role: e.role, kind: a.kind, value: a.value, at, ...late } : { questionId, role: e.role, kind: a.kind, value: a.value, at };
    case 'dontKnow':
      return late ? { questionId, role: e.role, kind: a.kind, value: null, at, ...late } : { questionId, role: e.role, kind: a.kind, value: null, at };
    case 'text':
      return late ? { questionId, role: e.role, kind: a.kind, value: a.text, at, ...late } : { questionId, role: e.role, kind: a.kind, value: a.text, at };
    case 'choice': {
      const options = spec.type === 'choice' ? spec.options : [];
      const chosen = a.options.map((i) => item(options, i, lang));
      if (a.other) chosen.push(`${lang === 'en' ? 'Other' : 'Andet'}: ${a.other}`);
      return { questionId, role: e.role, kind: a.kind, value: chosen.join('; '), indexes: a.options, ...(a.other ? { other: a.other } : {}), at, ...late };
    }
    case 'ranking': {
      const items = spec.type === 'ranking' ? spec.items : [];
      return { questionId, role: e.role, kind: a.kind, value: a.order.map((i) => item(items, i, lang)).join(' > '), indexes: a.order, at, ...late };
    }
    case 'statements': {
      const L = labels(lang);
      const value = a.votes.map((v, i) => `${i + 1}: ${v ? L.t(v) : '–'}`).join('; ');
      return { questionId, role: e.role, kind: a.kind, value, statementVotes: a.votes, at, ...late };
    }
  }
}

function item(list: readonly LocalizedText[], i: number, lang: Lang): string {
  return list[i] ? localize(list[i]!, lang) : `#${i + 1}`;
}
