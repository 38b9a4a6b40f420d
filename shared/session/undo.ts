// Undo of the facilitator's last actions: when an undoable event is folded in, its inverse
// (computed from the state before it) goes on a bounded stack; `undo` emits the top inverse.
// An accidental "next", "close" or "reveal" then costs nothing.
import type { SessionEvent } from './events.ts';
import type { QuestionPhase, SessionState } from './state.ts';

export const UNDO_DEPTH = 30;

/** The event that puts things back as they were before `event`, or null when it isn't undoable. */
export function inverseOf(state: SessionState, event: SessionEvent): SessionEvent | null {
  const at = event.at;
  switch (event.type) {
    case 'stepChanged':
      return { type: 'stepChanged', index: state.cursor, at };
    case 'answeringOpened':
    case 'answeringClosed':
    case 'votingOpened':
    case 'phaseSet': {
      const run = state.runs[event.questionId];
      return run ? { type: 'phaseSet', questionId: event.questionId, phase: run.phase, at } : null;
    }
    case 'resultsVisibilityChanged': {
      const run = state.runs[event.questionId];
      return run ? { type: 'resultsVisibilityChanged', questionId: event.questionId, visible: run.resultsVisible, at } : null;
    }
    case 'screenBlanked':
      return { type: 'screenBlanked', blank: state.screenBlank, at };
    case 'analogCountsAdded':
      return { type: 'analogCountsRemoved', questionId: event.questionId, entries: event.entries, at };
    case 'analogCountsRemoved':
      return { type: 'analogCountsAdded', questionId: event.questionId, entries: event.entries, at };
    default:
      return null;
  }
}

/** Keeps the stack in step: a fresh action pushes its inverse; an undo pops the one it applied. */
export function trackUndo(state: SessionState, event: SessionEvent): void {
  if ('undo' in event && event.undo) {
    state.undo.pop();
    return;
  }
  // Once a question holds answers, "back to not opened" would leave answers under a question
  // shown as never opened: that undo is dropped, and the console no longer offers it.
  if (event.type === 'answerSubmitted' || event.type === 'analogCountsAdded') {
    const q = event.questionId;
    state.undo = state.undo.filter((u) => !(u.type === 'phaseSet' && u.questionId === q && u.phase === 'idle'));
  }
  const inverse = inverseOf(state, event);
  if (!inverse) return;
  state.undo.push(inverse);
  if (state.undo.length > UNDO_DEPTH) state.undo.shift();
}

/** What the next undo will do, for the console to say before the facilitator presses it. */
export type UndoNext =
  | { kind: 'step'; index: number }
  | { kind: 'phase'; questionId: string; phase: QuestionPhase }
  | { kind: 'results'; questionId: string; visible: boolean }
  | { kind: 'blank'; blank: boolean }
  | { kind: 'analog'; questionId: string; added: boolean };

export function undoNext(state: SessionState): UndoNext | null {
  const e = state.undo[state.undo.length - 1];
  switch (e?.type) {
    case 'stepChanged':
      return { kind: 'step', index: e.index };
    case 'phaseSet':
      return { kind: 'phase', questionId: e.questionId, phase: e.phase };
    case 'resultsVisibilityChanged':
      return { kind: 'results', questionId: e.questionId, visible: e.visible };
    case 'screenBlanked':
      return { kind: 'blank', blank: e.blank };
    case 'analogCountsAdded':
    case 'analogCountsRemoved':
      return { kind: 'analog', questionId: e.questionId, added: e.type === 'analogCountsAdded' };
    default:
      return null;
  }
}
