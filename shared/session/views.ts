// Views per audience. What an audience may not see never leaves the server because these
// projections leave it out: the screen gets results only once revealed, a participant gets the
// shared public view plus their own answers, and no view carries a token.
import type { AnswerValue, Lang, Role } from '../protocol.ts';
import type { Context as SetContext, LocalizedText, Question, ResponseSpec, Statement } from '../question-set.ts';
import { assertNever } from '../aggregate/tally.ts';
import { buildResults, type Results } from './results.ts';
import type { AgendaStep, QuestionPhase, SessionState } from './state.ts';

export const WALL_LIMIT = { host: 200, screen: 40, participant: 20 } as const;

export type StepView =
  | { kind: 'context'; context: SetContext }
  | { kind: 'theme'; themeId: string; title: LocalizedText; statements: Statement[]; note?: LocalizedText; questionCount: number }
  | {
      kind: 'question';
      themeId: string;
      themeTitle: LocalizedText;
      question: Question;
      /** Position within its theme, 1-based. */
      number: number;
      of: number;
      phase: QuestionPhase;
      resultsVisible: boolean;
      /** How many have answered; left out of the phones' view so answers don't wake every phone. */
      answered?: number;
    };

export type AgendaItem = {
  index: number;
  kind: AgendaStep['kind'];
  label: LocalizedText;
  questionId?: string;
  responseType?: ResponseSpec['type'];
  phase?: QuestionPhase;
  answered?: number;
};

type Common = {
  code: string;
  title: LocalizedText;
  lang: Lang;
  cursor: number;
  stepCount: number;
  step: StepView | null;
  participants: number;
  seq: number;
};

export type HostView = Common & {
  audience: 'host';
  createdAt: number;
  roleCounts: Record<Role, number>;
  agenda: AgendaItem[];
  /** Always present for a question step: the facilitator sees results before the room does. */
  results: Results | null;
};
export type ScreenView = Common & { audience: 'screen'; results: Results | null };
export type ParticipantView = Omit<Common, 'participants'> & { audience: 'participant'; results: Results | null };

/** The part of a participant's view that is theirs alone: sent to their socket only. */
export type MeView = {
  participantId: string;
  name?: string;
  role: Role;
  answers: Record<string, { id: string; answer: AnswerValue; at: number }[]>;
};

function common(state: SessionState): Common {
  return {
    code: state.code,
    title: state.set.title,
    lang: state.lang,
    cursor: state.cursor,
    stepCount: state.agenda.length,
    step: stepView(state, state.agenda[state.cursor]),
    participants: state.participantCount,
    seq: state.seq,
  };
}

export function hostView(state: SessionState): HostView {
  return {
    ...common(state),
    audience: 'host',
    createdAt: state.createdAt,
    roleCounts: { ...state.roleCounts },
    agenda: state.agenda.map((step, index) => agendaItem(state, step, index)),
    results: currentResults(state, 'host'),
  };
}

export function screenView(state: SessionState): ScreenView {
  return { ...common(state), audience: 'screen', results: currentResults(state, 'screen') };
}

export function participantView(state: SessionState): ParticipantView {
  const { participants: _count, step, ...rest } = common(state);
  const shared = step?.kind === 'question' ? (({ answered: _answered, ...s }) => s)(step) : step;
  return { ...rest, step: shared, audience: 'participant', results: currentResults(state, 'participant') };
}

export function meView(state: SessionState, participantId: string): MeView | null {
  const p = state.participants[participantId];
  if (!p) return null;
  const answers: MeView['answers'] = {};
  for (const [questionId, run] of Object.entries(state.runs)) {
    const ids = run.byParticipant[participantId];
    if (!ids?.length) continue;
    answers[questionId] = ids.flatMap((id) => {
      const e = run.entries[id];
      return e ? [{ id: e.id, answer: e.answer, at: e.at }] : [];
    });
  }
  return { participantId: p.id, ...(p.name ? { name: p.name } : {}), role: p.role, answers };
}

function currentResults(state: SessionState, audience: keyof typeof WALL_LIMIT): Results | null {
  const step = state.agenda[state.cursor];
  if (step?.kind !== 'question') return null;
  const run = state.runs[step.questionId];
  const question = findInTheme(state, step.themeId, step.questionId);
  if (!run || !question) return null;
  if (audience !== 'host' && !run.resultsVisible) return null;
  return buildResults(question.response, run, WALL_LIMIT[audience]);
}

function findInTheme(state: SessionState, themeId: string, questionId: string): Question | undefined {
  return state.set.themes.find((t) => t.id === themeId)?.questions.find((q) => q.id === questionId);
}

function stepView(state: SessionState, step: AgendaStep | undefined): StepView | null {
  if (!step) return null;
  switch (step.kind) {
    case 'context':
      return state.set.context ? { kind: 'context', context: state.set.context } : null;
    case 'theme': {
      const theme = state.set.themes.find((t) => t.id === step.themeId);
      if (!theme) return null;
      return {
        kind: 'theme',
        themeId: theme.id,
        title: theme.title,
        statements: theme.statements,
        ...(theme.note ? { note: theme.note } : {}),
        questionCount: theme.questions.length,
      };
    }
    case 'question': {
      const theme = state.set.themes.find((t) => t.id === step.themeId);
      const index = theme?.questions.findIndex((q) => q.id === step.questionId) ?? -1;
      const question = theme?.questions[index];
      const run = state.runs[step.questionId];
      if (!theme || !question || !run) return null;
      return {
        kind: 'question',
        themeId: theme.id,
        themeTitle: theme.title,
        question,
        number: index + 1,
        of: theme.questions.length,
        phase: run.phase,
        resultsVisible: run.resultsVisible,
        answered: run.respondents,
      };
    }
    default:
      return assertNever(step);
  }
}

function agendaItem(state: SessionState, step: AgendaStep, index: number): AgendaItem {
  switch (step.kind) {
    case 'context':
      return { index, kind: 'context', label: state.set.context?.title ?? { da: 'Kontekst', en: 'Context' } };
    case 'theme': {
      const theme = state.set.themes.find((t) => t.id === step.themeId);
      return { index, kind: 'theme', label: theme?.title ?? { da: step.themeId } };
    }
    case 'question': {
      const q = findInTheme(state, step.themeId, step.questionId);
      const run = state.runs[step.questionId];
      return {
        index,
        kind: 'question',
        label: q?.text ?? { da: step.questionId },
        questionId: step.questionId,
        ...(q ? { responseType: q.response.type } : {}),
        ...(run ? { phase: run.phase, answered: run.respondents } : {}),
      };
    }
    default:
      return assertNever(step);
  }
}
