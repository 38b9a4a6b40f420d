// The current agenda step as every audience sees it, and the agenda as the facilitator sees it.
import type { Split } from '../protocol.ts';
import type { Context as SetContext, LocalizedText, Question, ResponseSpec, Statement } from '../question-set.ts';
import { assertNever } from '../aggregate/tally.ts';
import type { AgendaStep, QuestionPhase, SessionState } from './state.ts';

export type QuestionStep = {
  kind: 'question';
  themeId: string;
  themeTitle: LocalizedText;
  question: Question;
  /** Position within its theme, 1-based. */
  number: number;
  of: number;
  phase: QuestionPhase;
  resultsVisible: boolean;
  round: number;
  split: Split;
  perTable: boolean;
  /** Text answers wait for approval before they show. */
  moderate: boolean;
  wordCloud: boolean;
  /** A server deadline (ms since epoch); clients count down using the clock offset from `hello`. */
  timer: { endsAt: number; autoClose: boolean } | null;
  /** How many have answered; left out of the phones' view so answers don't wake every phone. */
  answered?: number;
};

export type StepView =
  | { kind: 'lobby' }
  | { kind: 'context'; context: SetContext }
  /** `description` is what the room sees; the theme's facilitator note is in the host view only. */
  | { kind: 'theme'; themeId: string; title: LocalizedText; statements: Statement[]; description?: LocalizedText; questionCount: number }
  | QuestionStep;

export type AgendaItem = {
  index: number;
  kind: AgendaStep['kind'];
  label: LocalizedText;
  questionId?: string;
  responseType?: ResponseSpec['type'];
  phase?: QuestionPhase;
  answered?: number;
  skipped?: boolean;
  /** Facilitator only: which agenda edits decide() accepts for this step now. */
  can?: { moveUp: boolean; moveDown: boolean; skip: boolean };
};

export const LOBBY_LABEL: LocalizedText = { da: 'Velkommen – deltag', en: 'Welcome – join' };

export function findInTheme(state: SessionState, themeId: string, questionId: string): Question | undefined {
  return state.set.themes.find((t) => t.id === themeId)?.questions.find((q) => q.id === questionId);
}

export function stepView(state: SessionState, step: AgendaStep | undefined): StepView | null {
  if (!step) return null;
  switch (step.kind) {
    case 'lobby':
      return { kind: 'lobby' };
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
        ...(theme.description ? { description: theme.description } : {}),
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
        round: run.round,
        split: run.split,
        perTable: run.perTable,
        moderate: run.moderate,
        wordCloud: run.wordCloud,
        timer: run.timer ? { endsAt: run.timer.endsAt, autoClose: run.timer.autoClose } : null,
        answered: run.respondents,
      };
    }
    default:
      return assertNever(step);
  }
}

export function agendaItem(state: SessionState, step: AgendaStep, index: number): AgendaItem {
  const item = agendaEntry(state, step, index);
  return step.skipped ? { ...item, skipped: true } : item;
}

function agendaEntry(state: SessionState, step: AgendaStep, index: number): AgendaItem {
  switch (step.kind) {
    case 'lobby':
      return { index, kind: 'lobby', label: LOBBY_LABEL };
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
