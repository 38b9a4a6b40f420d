// Session state: everything the core knows about one workshop. Plain JSON-able data, so a
// snapshot is JSON.stringify(state) and a restart is JSON.parse plus the events after it.
import type { AnswerValue, Lang, NoteKind, NoteScope, Role, Split } from '../protocol.ts';
import type { QuestionSet } from '../question-set.ts';
import type { Tally } from '../aggregate/tally.ts';
import type { SessionEvent } from './events.ts';

export type AgendaStep = (
  | { kind: 'lobby' }
  | { kind: 'context' }
  | { kind: 'theme'; themeId: string }
  | { kind: 'question'; themeId: string; questionId: string }
) & {
  /** Left out of next/previous; the facilitator can still go to it. */
  skipped?: boolean;
};

export type Note = {
  id: string;
  scope: NoteScope;
  kind: NoteKind;
  text: string;
  who?: string;
  due?: string;
  onScreen: boolean;
  at: number;
};

export type Participant = {
  id: string;
  /** Server-made secret that lets a phone resume; never leaves the server in a view. */
  token: string;
  name?: string;
  role: Role;
  table?: number;
  /** 0, 1, 2, … in join order: places the participant's window of answers to vote on. */
  ordinal: number;
  joinedAt: number;
  /** Removed by the facilitator: answers hidden, token no longer valid. */
  removed?: true;
  /** The pseudonym of the device that joined (see Actor); never leaves the server in a view. */
  device?: string;
};

export type AnswerEntry = {
  id: string;
  participantId: string;
  role: Role;
  table?: number;
  answer: AnswerValue;
  at: number;
  /** Sent after an advisory timer ran out. */
  late?: true;
  /** Moderation: hidden answers are kept but neither shown nor counted; pending ones wait for approval. */
  hidden?: true;
  pending?: true;
  pinned?: true;
  /** Merged into another answer: its votes count for that one. */
  mergedInto?: string;
  /** Entered by the facilitator from a show of hands or paper slips. */
  analog?: true;
};

/** The minutes' header, as the facilitator filled it in; an empty string is a cleared field. */
export type SessionDetails = { purpose?: string; place?: string; facilitator?: string; minuteTaker?: string };

export type QuestionPhase = 'idle' | 'open' | 'voting' | 'closed';

/** A finished round, kept when the facilitator re-opens a question for a re-vote. */
export type RoundRecord = {
  round: number;
  entries: Record<string, AnswerEntry>;
  respondents: number;
  tally: Tally;
  closedAt?: number;
};

export type Voting = {
  /** Answer ids in a random order fixed when voting opened; phone windows are slices of it. */
  order: string[];
  /** How many answers each phone is shown. */
  sampleSize: number;
  openedAt: number;
};

export type Timer = { endsAt: number; autoClose: boolean; phase: QuestionPhase };

export type QuestionRun = {
  phase: QuestionPhase;
  resultsVisible: boolean;
  openedAt?: number;
  closedAt?: number;
  entries: Record<string, AnswerEntry>;
  /** Answer ids per participant, oldest first. */
  byParticipant: Record<string, string[]>;
  /** Text answer ids in submission order (withdrawn ones are skipped when read). */
  order: string[];
  /** People with at least one answer counted, kept up to date so views never count. */
  respondents: number;
  tally: Tally;
  round: number;
  history: RoundRecord[];
  split: Split;
  /** Text answers belong to the participant's table (1-2-4-All): any member may add or withdraw. */
  perTable: boolean;
  wordCloud: boolean;
  timer?: Timer;
  voting?: Voting;
  /** Dots per answer, dots per voter per answer, dots used per voter. */
  votes: Record<string, number>;
  votesBy: Record<string, Record<string, number>>;
  votesUsed: Record<string, number>;
  moderate: boolean;
  /** Answers counted from a show of hands or paper slips. */
  analog: number;
};

export type SessionState = {
  code: string;
  createdAt: number;
  lang: Lang;
  set: QuestionSet;
  agenda: AgendaStep[];
  cursor: number;
  participants: Record<string, Participant>;
  /** token → participant id, so resuming a phone is O(1). */
  tokens: Record<string, string>;
  participantCount: number;
  roleCounts: Record<Role, number>;
  runs: Record<string, QuestionRun>;
  /** Groups smaller than this are not shown apart ("for få svar"): no one can be singled out. */
  minGroupSize: number;
  /** Tables 1…n a participant may sit at; 0: no tables. */
  tables: number;
  joinLocked: boolean;
  /** Device pseudonyms banned by a removal: they may not join again. */
  banned?: Record<string, true>;
  screenTheme?: 'standard' | 'contrast';
  screenZoom?: number;
  ended: boolean;
  endedAt?: number;
  /** When the facilitator first left the lobby: the minutes' start time. */
  startedAt?: number;
  details: SessionDetails;
  screenBlank: boolean;
  /** The projector's page counter (see screen-control.ts), rotation and theme overview. */
  screenPage?: number;
  screenRotate?: boolean;
  screenOverview?: boolean;
  notes: Record<string, Note>;
  noteOrder: string[];
  /** Ids of questions added live (ad hoc or by a method), so the next one goes after them. */
  added?: string[];
  /** Inverse events of the facilitator's last actions, newest last (bounded). */
  undo: SessionEvent[];
  /** What the facilitator erased for good (counts only; the content is gone from the log). */
  erased?: { participants: number; answers: number; notes: number };
  seq: number;
};

export function buildAgenda(set: QuestionSet): AgendaStep[] {
  // The lobby comes first: the screen shows the join code while the room arrives.
  const steps: AgendaStep[] = [{ kind: 'lobby' }];
  if (set.context) steps.push({ kind: 'context' });
  for (const theme of set.themes) {
    steps.push({ kind: 'theme', themeId: theme.id });
    for (const q of theme.questions) steps.push({ kind: 'question', themeId: theme.id, questionId: q.id });
  }
  return steps;
}
