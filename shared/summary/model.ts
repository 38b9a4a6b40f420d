// The summary model's types: what buildSummary() returns and every renderer reads. The JSON
// export is this model as it is (docs/summary-json.md describes it field by field).
import type { Lang, NoteKind, Role, StatementVote } from '../protocol.ts';
import type { ResponseType } from '../question-set.ts';
import type { Bar } from '../session/results.ts';
import type { AnswerEntry } from '../session/state.ts';
import type { Agreement, Gap, Spread } from './stats.ts';

export const SUMMARY_SCHEMA_VERSION = 3;

export type Figures = Spread & { agreement: Agreement | null };

/**
 * `respondents`: people of the group who answered (the size that decides suppression); `n` as
 * the question's n; `counts` line up with the question's `bars` (empty without bars).
 */
export type GroupFigures = {
  suppressed: false;
  respondents: number;
  n: number;
  dontKnow: number;
  median: number | null;
  counts: number[];
  /** Choice: the group's "Andet"; ranking and statements: the group's own results. */
  other?: number;
  ranking?: SummaryQuestion['ranking'];
  statements?: SummaryQuestion['statements'];
};
/**
 * A group too small to show. `exact`: its figures all the same – only for a role, and only when
 * the facilitator chose exact roles; the raw-data appendix then gives it a column.
 */
export type SuppressedSplit = { suppressed: true; exact?: Omit<GroupFigures, 'suppressed'> };
export type RoleSplit = { role: Role } & (SuppressedSplit | GroupFigures);
/** The same per table (1…n), where the session uses tables; tables are never exact. */
export type TableSplit = { table: number } & ({ suppressed: true } | GroupFigures);

/**
 * A visible text answer. `votes`: dots from dot voting (those of the answers merged into it
 * included), when the question was voted on; `merged`: the texts merged into it; `pinned`: the
 * facilitator pinned it on the wall (the order here stays oldest first).
 */
export type TextAnswer = { text: string; votes?: number; merged?: string[]; pinned?: true };

/** Where a note belongs: the whole session, a theme ("2") or a question ("2.3"). */
export type NoteScope =
  | { kind: 'session' }
  | { kind: 'theme'; themeId: string; number: string }
  | { kind: 'question'; themeId: string; questionId: string; number: string };

/** A facilitator's note, decision, action or parking-lot item: what, who, when (due). */
export type SummaryNote = { kind: NoteKind; text: string; who?: string; due?: string; scope: NoteScope };

/** One round of a question: the figures as they stood when the round ended (the last: now). */
export type SummaryRound = {
  round: number;
  /** Local time the round was closed, when it was. */
  closedAt?: string;
  respondents: number;
  n: number;
  dontKnow: number;
  analog: number;
  hidden: number;
  figures: Figures | null;
  bars: Bar[];
  headline: string;
  other?: number;
  ranking?: SummaryQuestion['ranking'];
  statements?: SummaryQuestion['statements'];
  /** Text questions: the round's visible answers. */
  answers?: TextAnswer[];
};

export type SummaryQuestion = {
  id: string;
  /** "2.3": theme 2, question 3. */
  number: string;
  text: string;
  type: ResponseType;
  scale?: { min: number; max: number; minLabel: string; maxLabel: string };
  unit?: string;
  /** People with a visible answer ("Ved ikke" included), plus the analog answers (one person each). */
  respondents: number;
  /** Scale/number: values behind the figures ("Ved ikke" not counted). Text: answers. Analog ones included. */
  n: number;
  dontKnow: number;
  /** Of the counted answers, how many came from a show of hands or paper slips. */
  analog: number;
  /** Answers not shown and not counted: hidden by the facilitator, awaiting approval, or of a removed participant. */
  hidden: number;
  /** Scale/number with at least one value; null otherwise. */
  figures: Figures | null;
  /** The same bars the screen shows; empty for text. */
  bars: Bar[];
  /** Roles that answered, in the order of ROLES (analog answers have no role). */
  byRole: RoleSplit[];
  /** Tables that answered, when the session uses tables. */
  byTable?: TableSplit[];
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
  /** After a re-vote: the current round's number, and every round, first to last (the last is this question's figures). */
  round?: number;
  rounds?: SummaryRound[];
  /** Notes, decisions and actions on this question, in the order they were made. */
  notes: SummaryNote[];
  /** False when the question was never opened and has no answers: listed once under "Ikke behandlet". */
  asked: boolean;
  /** Text questions shown as a word cloud: its words, commonest first (the screen's). */
  words?: { word: string; count: number }[];
};

export type SummaryTheme = {
  id: string;
  number: number;
  title: string;
  description?: string;
  /** The theme's note for the facilitator: only when the facilitator chose to print it. */
  facilitatorNote?: string;
  statements: { text: string; details: string[] }[];
  questions: SummaryQuestion[];
  /** Notes, decisions and actions on the theme itself (those on its questions are with each question). */
  notes: SummaryNote[];
};

export type KeyPoint = {
  questionId: string;
  number: string;
  text: string;
  headline: string;
  gap: string | null;
  /** After a re-vote: the round before, in one line. */
  previous?: { round: number; headline: string };
};

/**
 * One answer as it stands; no participant id, no name. `value`: the number, the text, null for
 * "Ved ikke", or for choice/ranking/statements a readable line, with the indexes beside it.
 */
export type RawAnswer = {
  questionId: string;
  /**
   * The role; by default a role whose group of respondents to this question (this round) is
   * suppressed, and the role "other", become "otherOrFew" ("Andet/for få"), as in the splits.
   */
  role: Role | 'otherOrFew';
  kind: AnswerEntry['answer']['kind'];
  value: number | string | null;
  /** Choice: chosen option indexes; ranking: item indexes, first to last (0-based). */
  indexes?: number[];
  /** Choice: the "Andet" text. */
  other?: string;
  /** Statements: the vote on each statement, in the set's order. */
  statementVotes?: (StatementVote | null)[];
  at: string;
  /** The round, on questions that had a re-vote. */
  round?: number;
  /** Sent after an advisory timer ran out. */
  late?: true;
};

export type Summary = {
  schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  /** What the facilitator erased for good (counts only), when anything was. */
  erased?: { participants: number; answers: number; notes: number };
  code: string;
  lang: Lang;
  title: string;
  subtitle?: string;
  /** Where the workshop took place (the same as details.place). */
  place?: string;
  /** The minutes' header, as the facilitator filled it in; start and end (local ISO times) from the log. */
  details: { purpose?: string; place?: string; facilitator?: string; minuteTaker?: string; start?: string; end?: string };
  /** Local date of the session (YYYY-MM-DD) and its start as local ISO time with offset. */
  date: string;
  createdAt: string;
  timeZone: string;
  /** Removed participants are not counted. `byTable` when the session uses tables. */
  participants: { total: number; byRole: { role: Role; count: number }[]; byTable?: { table: number; count: number }[] };
  method: string[];
  minGroup: number;
  /** Per theme: one line per question, and the decisions made on the theme and its questions. */
  keyPoints: { themeId: string; title: string; points: KeyPoint[]; decisions: SummaryNote[] }[];
  /** Notes, decisions and actions on the session as a whole. */
  notes: SummaryNote[];
  themes: SummaryTheme[];
  /** Every action, wherever it was noted, in the order they were made. */
  actions: SummaryNote[];
  /** Notes of kind "parking", wherever they were noted. */
  parkingLot: SummaryNote[];
  /**
   * "merged": roles of groups under minGroup are merged into "otherOrFew" in the raw answers (the
   * default); "exact": the facilitator chose exact roles, and every file says so first.
   */
  rawRoles: 'merged' | 'exact';
  /** Questions never asked (not opened, no answers): number and text. */
  notHandled: { number: string; text: string }[];
  answers: RawAnswer[];
};
