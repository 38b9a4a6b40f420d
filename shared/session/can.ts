// What may be done now: the console's and the phone's enabled controls, read from the core.
// A host flag is decide() asked about the very command the control sends (a probe with dummy
// ids, its events thrown away), so a flag can never disagree with the rules; the phone's flags
// use the same gate functions decide() uses. The client renders these and keeps no rules.
import type { AnswerValue, HostCommand } from '../protocol.ts';
import type { ResponseSpec } from '../question-set.ts';
import { findQuestion } from '../question-set.ts';
import type { Context } from './actor.ts';
import { decide } from './decide.ts';
import type { QuestionRun, SessionState } from './state.ts';
import { TEMPLATE_IDS, type TemplateId } from './templates.ts';

export type QuestionCan = {
  openAnswering: boolean;
  /** Closes answering (phase open) or voting (phase voting): one command, both cases. */
  closeAnswering: boolean;
  openVoting: boolean;
  setResultsVisible: boolean;
  startRevote: boolean;
  /** A timer of some minutes; clearTimer removes the one running. */
  setTimer: boolean;
  clearTimer: boolean;
  /** Switch per-table answering (to the other value). */
  perTable: boolean;
  /** Split by role, moderation queue, word cloud. */
  configure: boolean;
  splitByRole: boolean;
  splitByTable: boolean;
  changeType: boolean;
  analog: boolean;
  applyTemplate: Record<TemplateId, boolean>;
  toActions: boolean;
  moderate: boolean;
  merge: boolean;
};

export type HostCan = {
  previous: boolean;
  next: boolean;
  goTo: boolean;
  undo: boolean;
  editAgenda: boolean;
  addQuestion: boolean;
  notes: boolean;
  configureSession: boolean;
  /** The minutes' header: before, during and after the workshop. */
  sessionDetails: boolean;
  blankScreen: boolean;
  /** The projector's page turn, auto-rotation and theme overview (each toggled to the other value). */
  turnScreenPage: boolean;
  screenRotate: boolean;
  screenOverview: boolean;
  lockJoining: boolean;
  endSession: boolean;
  removeParticipant: boolean;
  /** For the current step, when it is a question. */
  question: QuestionCan | null;
};

const HOST_PROBE: Context = { actor: { kind: 'host' }, now: 0, newId: (p) => `${p}_probe`, newToken: () => 'probe', random: () => 0 };

/** Would decide() accept this facilitator command now? */
export function hostMay(state: SessionState, command: HostCommand): boolean {
  return decide(state, command, HOST_PROBE).ok;
}

/** A valid answer of the spec's own kind: what an analog count or a changed type is probed with. */
export function sampleAnswer(spec: ResponseSpec): AnswerValue {
  switch (spec.type) {
    case 'scale':
      return { kind: 'scale', value: spec.min };
    case 'number':
      return { kind: 'number', value: spec.min };
    case 'text':
      return { kind: 'text', text: 'x' };
    case 'choice':
      return { kind: 'choice', options: [0] };
    case 'ranking':
      return { kind: 'ranking', order: spec.items.map((_, i) => i) };
    case 'statements':
      return { kind: 'statements', votes: spec.statements.map((_, i) => (i === 0 ? 'agree' : null)) };
  }
}

export const PROBE_SPEC: ResponseSpec = { type: 'number', min: 0, max: 10 };

export function hostCan(state: SessionState): HostCan {
  const may = (c: HostCommand) => hostMay(state, c);
  const person = Object.values(state.participants).find((p) => !p.removed);
  const step = state.agenda[state.cursor];
  const last = state.agenda.length - 1;
  return {
    previous: may({ type: 'previous' }),
    next: may({ type: 'next' }),
    goTo: may({ type: 'goTo', index: state.cursor }),
    undo: may({ type: 'undo' }),
    editAgenda: last >= 1 && may({ type: 'moveStep', index: last, to: last }),
    addQuestion: may({ type: 'addQuestion', text: 'x', response: PROBE_SPEC }),
    notes: may({ type: 'addNote', scope: { kind: 'session' }, kind: 'note', text: 'x', onScreen: false }),
    configureSession: may({ type: 'configureSession' }),
    sessionDetails: may({ type: 'setSessionDetails', place: 'x' }),
    blankScreen: may({ type: 'setScreenBlank', blank: !state.screenBlank }),
    turnScreenPage: may({ type: 'turnScreenPage', by: 1 }),
    screenRotate: may({ type: 'configureScreen', rotate: !state.screenRotate }),
    screenOverview: may({ type: 'configureScreen', overview: !state.screenOverview }),
    lockJoining: may({ type: 'setJoiningLocked', locked: !state.joinLocked }),
    endSession: may({ type: 'endSession' }),
    removeParticipant: person !== undefined && may({ type: 'removeParticipant', participantId: person.id }),
    question: step?.kind === 'question' ? questionCan(state, step.questionId) : null,
  };
}

export function questionCan(state: SessionState, questionId: string): QuestionCan | null {
  const found = findQuestion(state.set, questionId);
  const run = Object.hasOwn(state.runs, questionId) ? state.runs[questionId] : undefined;
  if (!found || !run) return null;
  const may = (c: HostCommand) => hostMay(state, c);
  const spec = found.question.response;
  const any = Object.keys(run.entries)[0];
  const [a, b] = visibleAnswers(run);
  return {
    openAnswering: may({ type: 'openAnswering', questionId }),
    closeAnswering: may({ type: 'closeAnswering', questionId }),
    openVoting: may({ type: 'openVoting', questionId }),
    setResultsVisible: may({ type: 'setResultsVisible', questionId, visible: !run.resultsVisible }),
    startRevote: may({ type: 'startRevote', questionId }),
    setTimer: may({ type: 'setTimer', questionId, seconds: 60, autoClose: false }),
    clearTimer: may({ type: 'setTimer', questionId, seconds: 0, autoClose: false }),
    perTable: may({ type: 'configureQuestion', questionId, perTable: !run.perTable }),
    configure: may({ type: 'configureQuestion', questionId }),
    splitByRole: may({ type: 'configureQuestion', questionId, split: 'role' }),
    splitByTable: may({ type: 'configureQuestion', questionId, split: 'table' }),
    changeType: may({ type: 'changeQuestionType', questionId, response: PROBE_SPEC }),
    analog: may({ type: 'addAnalogCounts', questionId, entries: [{ answer: sampleAnswer(spec), count: 1 }] }),
    applyTemplate: Object.fromEntries(TEMPLATE_IDS.map((template) => [template, may({ type: 'applyTemplate', questionId, template })])) as Record<TemplateId, boolean>,
    toActions: may({ type: 'answersToActions', questionId }),
    moderate: any !== undefined && may({ type: 'moderateAnswer', questionId, answerId: any, action: 'pin' }),
    merge: a !== undefined && b !== undefined && may({ type: 'mergeAnswers', questionId, targetId: a, sourceIds: [b] }),
  };
}

/** Two answers the room can see (any two stand for all: the rules don't tell them apart). */
function visibleAnswers(run: QuestionRun): string[] {
  const out: string[] = [];
  for (const id of run.order) {
    const e = Object.hasOwn(run.entries, id) ? run.entries[id] : undefined;
    if (e && !e.hidden) out.push(id);
    if (out.length === 2) break;
  }
  return out;
}
