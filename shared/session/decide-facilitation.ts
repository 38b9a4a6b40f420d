// The facilitator's toolkit: moderation, notes, agenda edits, analog counts, undo, lifecycle.
// Like decide(), it only reads the state and returns events or a rejection.
import type { HostCommand } from '../protocol.ts';
import { findQuestion, type ResponseSpec } from '../question-set.ts';
import { assertNever } from '../aggregate/tally.ts';
import type { Context } from './actor.ts';
import { checkAnswer } from './answer-rules.ts';
import type { SessionEvent } from './events.ts';
import { accept, reject, type Decision } from './decision.ts';
import { placeForNewQuestion, themeForNewQuestion } from './agenda-edit.ts';
import type { QuestionRun, SessionState } from './state.ts';


export type SessionCommand = Extract<
  HostCommand,
  { type: 'removeParticipant' | 'setJoiningLocked' | 'endSession' | 'setScreenBlank' | 'addNote' | 'updateNote' | 'deleteNote' | 'setStepSkipped' | 'moveStep' | 'addQuestion' | 'undo' }
>;
export type AnswerCommand = Extract<HostCommand, { type: 'moderateAnswer' | 'mergeAnswers' | 'changeQuestionType' | 'addAnalogCounts' }>;

export function decideSession(state: SessionState, command: SessionCommand, ctx: Context): Decision {
  const at = ctx.now;
  switch (command.type) {
    case 'removeParticipant': {
      const p = Object.hasOwn(state.participants, command.participantId) ? state.participants[command.participantId] : undefined;
      if (!p || p.removed) return reject('not_joined', 'no such participant');
      // Best effort: a ban is by the device pseudonym the phone joined with; a phone that sent
      // none (an old client, a tool) is removed without one.
      if (!command.ban || p.device === undefined) return accept({ type: 'participantRemoved', participantId: p.id, at });
      return accept({ type: 'participantRemoved', participantId: p.id, banned: true, at }, { type: 'deviceBanned', device: p.device, at });
    }
    case 'setJoiningLocked':
      return accept({ type: 'joiningLocked', locked: command.locked, at });
    case 'endSession':
      return accept({ type: 'sessionEnded', at });
    case 'setScreenBlank':
      return accept({ type: 'screenBlanked', blank: command.blank, at });
    case 'addNote': {
      const bad = checkScope(state, command.scope);
      if (bad) return bad;
      const { type: _t, ...fields } = command;
      return accept({ type: 'noteAdded', note: { id: ctx.newId('n'), ...fields, at }, at });
    }
    case 'updateNote': {
      if (!Object.hasOwn(state.notes, command.noteId)) return reject('unknown_note', 'no such note');
      const { type: _t, noteId, ...changes } = command;
      return accept({ type: 'noteUpdated', noteId, changes, at });
    }
    case 'deleteNote':
      if (!Object.hasOwn(state.notes, command.noteId)) return reject('unknown_note', 'no such note');
      return accept({ type: 'noteDeleted', noteId: command.noteId, at });
    case 'setStepSkipped':
      if (command.index >= state.agenda.length) return reject('unknown_step', `the agenda has ${state.agenda.length} steps`);
      if (command.index === state.cursor && command.skipped) return reject('not_allowed_now', 'the current step cannot be skipped');
      return accept({ type: 'stepSkipped', index: command.index, skipped: command.skipped, at });
    case 'moveStep':
      if (command.index >= state.agenda.length || command.to >= state.agenda.length) {
        return reject('unknown_step', `the agenda has ${state.agenda.length} steps`);
      }
      if (command.index === 0 || command.to === 0) return reject('not_allowed_now', 'the lobby stays first');
      return accept({ type: 'stepMoved', index: command.index, to: command.to, at });
    case 'addQuestion': {
      const themeId = themeForNewQuestion(state);
      if (!themeId) return reject('unknown_step', 'the session has no theme to add to');
      const id = ctx.newId('q').toLowerCase().replace(/[^a-z0-9-]/g, '-');
      return accept({
        type: 'questionAdded',
        themeId,
        question: { id, text: { da: command.text }, response: command.response },
        agendaIndex: placeForNewQuestion(state),
        at,
      });
    }
    case 'undo': {
      const last = state.undo[state.undo.length - 1];
      if (!last) return reject('nothing_to_undo', 'there is nothing to undo');
      return accept({ ...last, at, undo: true } as SessionEvent);
    }
    default:
      return assertNever(command);
  }
}

function checkScope(state: SessionState, scope: Extract<HostCommand, { type: 'addNote' }>['scope']): Decision | undefined {
  if (scope.kind === 'theme' && !state.set.themes.some((t) => t.id === scope.themeId)) return reject('unknown_step', 'no such theme');
  if (scope.kind === 'question' && !findQuestion(state.set, scope.questionId)) return reject('unknown_question', 'no such question');
  return undefined;
}

export function decideAnswers(state: SessionState, run: QuestionRun, spec: ResponseSpec, command: AnswerCommand, ctx: Context): Decision {
  const at = ctx.now;
  const questionId = command.questionId;
  const has = (id: string) => Object.hasOwn(run.entries, id);
  switch (command.type) {
    case 'moderateAnswer':
      if (!has(command.answerId)) return reject('unknown_answer', 'no such answer');
      return accept({ type: 'answerModerated', questionId, answerId: command.answerId, action: command.action, at });
    case 'mergeAnswers': {
      if (spec.type !== 'text') return reject('wrong_answer_type', 'only open-text answers are merged');
      if (!has(command.targetId) || run.entries[command.targetId]!.hidden) return reject('unknown_answer', 'no such answer to merge into');
      const sources = [...new Set(command.sourceIds)].filter((id) => id !== command.targetId);
      // Only answers the room can see are merged: a hidden one stays hidden, not shown under another.
      if (sources.length === 0 || !sources.every((id) => has(id) && !run.entries[id]!.hidden)) return reject('unknown_answer', 'no such answer to merge');
      return accept({ type: 'answersMerged', questionId, targetId: command.targetId, sourceIds: sources, at });
    }
    case 'changeQuestionType':
      if (run.respondents > 0 || run.history.length > 0 || run.analog > 0) {
        return reject('not_allowed_now', 'the question has answers: its type can no longer change');
      }
      return accept({ type: 'questionChanged', questionId, response: command.response, at });
    case 'addAnalogCounts': {
      for (const e of command.entries) {
        const bad = checkAnswer(spec, e.answer);
        if (bad) return { ok: false, error: bad };
      }
      return accept({ type: 'analogCountsAdded', questionId, entries: command.entries, at });
    }
    default:
      return assertNever(command);
  }
}
