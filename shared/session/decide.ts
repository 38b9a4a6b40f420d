// decide(): the rules of a session. Given the state and a validated command from an actor,
// it returns the events that follow, or a typed rejection. It never changes the state, so a
// rejected command changes nothing by construction.
import type { AnswerValue, Command, CommandError, HostCommand, ParticipantCommand } from '../protocol.ts';
import { HOST_COMMANDS } from '../protocol.ts';
import { findQuestion, type ResponseSpec } from '../question-set.ts';
import { assertNever } from '../aggregate/tally.ts';
import type { Context } from './actor.ts';
import type { SessionEvent } from './events.ts';
import type { SessionState } from './state.ts';

export type Decision = { ok: true; events: SessionEvent[] } | { ok: false; error: CommandError };

const reject = (code: CommandError['code'], message: string): Decision => ({ ok: false, error: { code, message } });
const accept = (...events: SessionEvent[]): Decision => ({ ok: true, events });

export function decide(state: SessionState, command: Command, ctx: Context): Decision {
  if (HOST_COMMANDS.has(command.type)) {
    if (ctx.actor.kind !== 'host') return reject('forbidden', 'only the facilitator may do this');
    return decideHost(state, command as HostCommand, ctx);
  }
  return decideParticipant(state, command as ParticipantCommand, ctx);
}

function decideParticipant(state: SessionState, command: ParticipantCommand, ctx: Context): Decision {
  const { actor } = ctx;
  switch (command.type) {
    case 'join': {
      if (actor.kind === 'participant') return reject('already_joined', 'this device has already joined');
      if (actor.kind !== 'guest') return reject('forbidden', 'only a participant device may join');
      const name = command.name?.trim();
      return accept({
        type: 'participantJoined',
        participantId: ctx.newId('p'),
        token: ctx.newToken(),
        ...(name ? { name } : {}),
        role: command.role,
        at: ctx.now,
      });
    }
    case 'submitAnswer': {
      if (actor.kind !== 'participant') return reject('not_joined', 'join the session before answering');
      const found = findQuestion(state.set, command.questionId);
      if (!found) return reject('unknown_question', `no question "${command.questionId}" in this session`);
      const run = state.runs[command.questionId];
      if (run?.phase !== 'open') return reject('question_closed', 'this question is not open for answers');
      const problem = checkAnswer(found.question.response, command.answer);
      if (problem) return problem;
      const mine = run.byParticipant[actor.participantId] ?? [];
      if (found.question.response.type === 'text' && mine.length >= found.question.response.maxAnswers) {
        return reject('too_many_answers', `at most ${found.question.response.maxAnswers} answers to this question`);
      }
      return accept({
        type: 'answerSubmitted',
        questionId: command.questionId,
        participantId: actor.participantId,
        answerId: ctx.newId('a'),
        answer: normalize(command.answer),
        at: ctx.now,
      });
    }
    case 'withdrawAnswer': {
      if (actor.kind !== 'participant') return reject('not_joined', 'join the session first');
      const run = state.runs[command.questionId];
      if (!run) return reject('unknown_question', `no question "${command.questionId}" in this session`);
      if (run.phase !== 'open') return reject('question_closed', 'this question is not open for answers');
      const entry = run.entries[command.answerId];
      if (!entry || entry.participantId !== actor.participantId) return reject('unknown_answer', 'no such answer of yours');
      return accept({
        type: 'answerWithdrawn',
        questionId: command.questionId,
        participantId: actor.participantId,
        answerId: command.answerId,
        at: ctx.now,
      });
    }
    default:
      return assertNever(command);
  }
}

function checkAnswer(spec: ResponseSpec, answer: AnswerValue): Decision | undefined {
  const wrong = reject('wrong_answer_type', `this question takes a ${spec.type} answer`);
  switch (spec.type) {
    case 'scale':
      if (answer.kind === 'dontKnow') return spec.dontKnow ? undefined : wrong;
      if (answer.kind !== 'scale') return wrong;
      if (answer.value < spec.min || answer.value > spec.max) {
        return reject('out_of_range', `the answer must be between ${spec.min} and ${spec.max}`);
      }
      return undefined;
    case 'number':
      if (answer.kind !== 'number') return wrong;
      if (!Number.isInteger(answer.value)) return reject('out_of_range', 'the answer must be a whole number');
      if (answer.value < spec.min || answer.value > spec.max) {
        return reject('out_of_range', `the answer must be between ${spec.min} and ${spec.max}`);
      }
      return undefined;
    case 'text': {
      if (answer.kind !== 'text') return wrong;
      const text = answer.text.trim();
      if (!text) return reject('empty_answer', 'the answer is empty');
      if (text.length > spec.maxLength) return reject('out_of_range', `at most ${spec.maxLength} characters`);
      return undefined;
    }
    default:
      return assertNever(spec);
  }
}

function normalize(answer: AnswerValue): AnswerValue {
  return answer.kind === 'text' ? { kind: 'text', text: answer.text.trim() } : answer;
}

function decideHost(state: SessionState, command: HostCommand, ctx: Context): Decision {
  const at = ctx.now;
  switch (command.type) {
    case 'goTo':
      if (command.index >= state.agenda.length) return reject('unknown_step', `the agenda has ${state.agenda.length} steps`);
      return accept({ type: 'stepChanged', index: command.index, at });
    case 'next':
      if (state.cursor + 1 >= state.agenda.length) return reject('unknown_step', 'this is the last step');
      return accept({ type: 'stepChanged', index: state.cursor + 1, at });
    case 'previous':
      if (state.cursor === 0) return reject('unknown_step', 'this is the first step');
      return accept({ type: 'stepChanged', index: state.cursor - 1, at });
    case 'openAnswering':
    case 'closeAnswering':
    case 'setResultsVisible': {
      if (!findQuestion(state.set, command.questionId)) {
        return reject('unknown_question', `no question "${command.questionId}" in this session`);
      }
      const questionId = command.questionId;
      if (command.type === 'openAnswering') return accept({ type: 'answeringOpened', questionId, at });
      if (command.type === 'closeAnswering') return accept({ type: 'answeringClosed', questionId, at });
      return accept({ type: 'resultsVisibilityChanged', questionId, visible: command.visible, at });
    }
    default:
      return assertNever(command);
  }
}
