// Session state: everything the core knows about one workshop. Plain JSON-able data, so a
// snapshot is JSON.stringify(state) and a restart is JSON.parse plus the events after it.
import type { AnswerValue, Lang, Role } from '../protocol.ts';
import type { QuestionSet } from '../question-set.ts';
import type { Tally } from '../aggregate/tally.ts';

export type AgendaStep =
  | { kind: 'context' }
  | { kind: 'theme'; themeId: string }
  | { kind: 'question'; themeId: string; questionId: string };

export type Participant = {
  id: string;
  /** Server-made secret that lets a phone resume; never leaves the server in a view. */
  token: string;
  name?: string;
  role: Role;
  joinedAt: number;
};

export type AnswerEntry = {
  id: string;
  participantId: string;
  role: Role;
  answer: AnswerValue;
  at: number;
};

export type QuestionPhase = 'idle' | 'open' | 'closed';

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
  seq: number;
};

export function buildAgenda(set: QuestionSet): AgendaStep[] {
  const steps: AgendaStep[] = [];
  if (set.context) steps.push({ kind: 'context' });
  for (const theme of set.themes) {
    steps.push({ kind: 'theme', themeId: theme.id });
    for (const q of theme.questions) steps.push({ kind: 'question', themeId: theme.id, questionId: q.id });
  }
  return steps;
}

export function currentStep(state: SessionState): AgendaStep | undefined {
  return state.agenda[state.cursor];
}
