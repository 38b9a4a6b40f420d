// decide(): the rules of a session. Given the state and a validated command from an actor,
// it returns the events that follow, or a typed rejection. It never changes the state, so a
// rejected command changes nothing by construction.
import type { Command, HostCommand, ParticipantCommand } from '../protocol.ts';
import { HOST_COMMANDS } from '../protocol.ts';
import { findQuestion } from '../question-set.ts';
import { assertNever } from '../aggregate/tally.ts';
import { seededRandom, type Context } from './actor.ts';
import { checkAnswer, normalize } from './answer-rules.ts';
import { answerGate, isBanned, retractProblem, voteProblem, withdrawGate, type VoteRules } from './participant-rules.ts';
import type { SessionEvent } from './events.ts';
import { ownerKey } from './owners.ts';
import type { Participant, QuestionRun, SessionState } from './state.ts';
import { sampleSize, shuffled } from './voting.ts';
import { counted } from './moderation.ts';
import { nextStep } from './agenda-edit.ts';
import { decideAnswers, decideSession, type SessionCommand } from './decide-facilitation.ts';
import { decideMethod } from './decide-method.ts';
import { decideScreen, screenRotated } from './screen-control.ts';
import { accept, reject, type Decision } from './decision.ts';
import { decideDetails } from './details.ts';

export type { Decision } from './decision.ts';

/** Commands the server gives itself: a timer running out comes back in as a command. */
export type SystemCommand = { type: 'timerExpired'; questionId: string } | { type: 'rotateScreen' };


/** After the end the facilitator may still move between steps to review the results. */
const REVIEW = new Set<string>(['goTo', 'next', 'previous']);

export function decide(state: SessionState, command: Command | SystemCommand, ctx: Context): Decision {
  // The facilitator may still review the steps, and fill in the minutes' header, once it is over.
  if (state.ended && !((REVIEW.has(command.type) || command.type === 'setSessionDetails') && ctx.actor.kind === 'host')) {
    return reject('session_ended', 'the workshop has ended');
  }
  if (command.type === 'timerExpired' || command.type === 'rotateScreen') {
    if (ctx.actor.kind !== 'system') return reject('forbidden', 'only the server may do this');
    return command.type === 'timerExpired' ? timerExpired(state, command.questionId, ctx.now) : screenRotated(state, ctx.now);
  }
  if (HOST_COMMANDS.has(command.type)) {
    if (ctx.actor.kind !== 'host') return reject('forbidden', 'only the facilitator may do this');
    return decideHost(state, command as HostCommand, ctx);
  }
  return decideParticipant(state, command as ParticipantCommand, ctx);
}

function runOf(state: SessionState, questionId: string): QuestionRun | undefined {
  return Object.hasOwn(state.runs, questionId) ? state.runs[questionId] : undefined;
}

function decideParticipant(state: SessionState, command: ParticipantCommand, ctx: Context): Decision {
  const { actor } = ctx;
  if (command.type === 'join') {
    if (actor.kind === 'participant') return reject('already_joined', 'this device has already joined');
    if (actor.kind !== 'guest') return reject('forbidden', 'only a participant device may join');
    if (isBanned(state, actor.device)) return reject('banned', 'the facilitator has removed this phone from the workshop');
    if (state.joinLocked) return reject('joining_locked', 'the facilitator has closed the workshop to new participants');
    if (command.table !== undefined && command.table > state.tables) return reject('unknown_table', `there are ${state.tables} tables`);
    const name = command.name?.trim();
    return accept({
      type: 'participantJoined',
      participantId: ctx.newId('p'),
      token: ctx.newToken(),
      ...(name ? { name } : {}),
      role: command.role,
      ...(command.table !== undefined ? { table: command.table } : {}),
      ...(actor.device !== undefined ? { device: actor.device } : {}),
      at: ctx.now,
    });
  }
  if (actor.kind !== 'participant') return reject('not_joined', 'join the session first');
  const participant = state.participants[actor.participantId];
  const found = findQuestion(state.set, command.questionId);
  const run = runOf(state, command.questionId);
  if (!participant) return reject('not_joined', 'join the session first');
  if (participant.removed) return reject('removed', 'the facilitator has removed this participant');
  if (!found || !run) return reject('unknown_question', `no question "${command.questionId}" in this session`);
  const spec = found.question.response;
  const base = { questionId: command.questionId, participantId: participant.id, at: ctx.now };
  switch (command.type) {
    case 'submitAnswer': {
      const gate = answerGate(run, participant, spec);
      if (gate) return { ok: false, error: gate };
      const bad = checkAnswer(spec, command.answer);
      if (bad) return { ok: false, error: bad };
      const late = run.timer && !run.timer.autoClose && ctx.now > run.timer.endsAt;
      return accept({ type: 'answerSubmitted', ...base, answerId: ctx.newId('a'), answer: normalize(command.answer), ...(late ? { late: true as const } : {}) });
    }
    case 'withdrawAnswer': {
      const closed = withdrawGate(run);
      if (closed) return { ok: false, error: closed };
      const mine = run.byParticipant[ownerKey(run, participant)] ?? [];
      if (!mine.includes(command.answerId)) return reject('unknown_answer', 'no such answer of yours');
      return accept({ type: 'answerWithdrawn', ...base, answerId: command.answerId });
    }
    case 'castVote':
    case 'retractVote':
      if (spec.type !== 'text') return reject('wrong_answer_type', 'only open-text answers are voted on');
      if (run.phase !== 'voting') return reject('not_allowed_now', 'voting is not open');
      return command.type === 'castVote'
        ? castVote(run, participant, command.answerId, spec.voting, base)
        : retractVote(run, participant, command.answerId, base);
    default:
      return assertNever(command);
  }
}

type Base = { questionId: string; participantId: string; at: number };

function castVote(run: QuestionRun, p: Participant, answerId: string, rules: VoteRules, base: Base): Decision {
  const bad = voteProblem(run, p, answerId, rules);
  return bad ? { ok: false, error: bad } : accept({ type: 'voteCast', ...base, answerId });
}

function retractVote(run: QuestionRun, p: Participant, answerId: string, base: Base): Decision {
  const bad = retractProblem(run, p, answerId);
  return bad ? { ok: false, error: bad } : accept({ type: 'voteRetracted', ...base, answerId });
}

function timerExpired(state: SessionState, questionId: string, now: number): Decision {
  const run = runOf(state, questionId);
  const t = run?.timer;
  if (!run || !t || !t.autoClose || now < t.endsAt || run.phase !== t.phase || (run.phase !== 'open' && run.phase !== 'voting')) {
    return reject('not_allowed_now', 'no timer to expire');
  }
  return accept({ type: 'answeringClosed', questionId, at: now });
}

function decideHost(state: SessionState, command: HostCommand, ctx: Context): Decision {
  const at = ctx.now;
  switch (command.type) {
    case 'goTo':
      if (command.index < 0 || command.index >= state.agenda.length) return reject('unknown_step', `the agenda has ${state.agenda.length} steps`);
      return accept({ type: 'stepChanged', index: command.index, at });
    case 'next':
    case 'previous': {
      // Skipped steps are passed over; the facilitator can still go to one with goTo.
      const index = nextStep(state, command.type === 'next' ? 1 : -1);
      if (index === undefined) return reject('unknown_step', command.type === 'next' ? 'this is the last step' : 'this is the first step');
      return accept({ type: 'stepChanged', index, at });
    }
    case 'setSessionDetails':
      return decideDetails(command, at);
    case 'configureSession':
      return accept({
        type: 'sessionConfigured',
        ...(command.minGroupSize !== undefined ? { minGroupSize: command.minGroupSize } : {}),
        ...(command.tables !== undefined ? { tables: command.tables } : {}),
        ...(command.screenTheme !== undefined ? { screenTheme: command.screenTheme } : {}),
        ...(command.screenZoom !== undefined ? { screenZoom: command.screenZoom } : {}),
        at,
      });
    case 'turnScreenPage':
    case 'configureScreen':
      return decideScreen(state, command, at);
    case 'removeParticipant':
    case 'setJoiningLocked':
    case 'endSession':
    case 'setScreenBlank':
    case 'addNote':
    case 'updateNote':
    case 'deleteNote':
    case 'setStepSkipped':
    case 'moveStep':
    case 'addQuestion':
    case 'undo':
      return decideSession(state, command, ctx);
    default:
      return decideQuestionControl(state, command, ctx);
  }
}

type QuestionControl = Exclude<HostCommand, { type: 'goTo' | 'next' | 'previous' | 'configureSession' | 'setSessionDetails' | 'turnScreenPage' | 'configureScreen' } | SessionCommand>;

function decideQuestionControl(state: SessionState, command: QuestionControl, ctx: Context): Decision {
  const at = ctx.now;
  const questionId = command.questionId;
  const found = findQuestion(state.set, questionId);
  const run = runOf(state, questionId);
  if (!found || !run) return reject('unknown_question', `no question "${questionId}" in this session`);
  const type = found.question.response.type;
  switch (command.type) {
    case 'openAnswering': {
      if (run.phase === 'open') return reject('not_allowed_now', 'answering is already open');
      // A method step comes with its time: the timer starts as answering opens (advisory).
      const seconds = found.question.method?.timerSeconds;
      const timer: SessionEvent[] = seconds ? [{ type: 'timerSet', questionId, endsAt: at + seconds * 1000, autoClose: false, at }] : [];
      return accept({ type: 'answeringOpened', questionId, at }, ...timer);
    }
    case 'closeAnswering':
      if (run.phase !== 'open' && run.phase !== 'voting') return reject('not_allowed_now', 'the question is not open');
      return accept({ type: 'answeringClosed', questionId, at });
    case 'setResultsVisible':
      return accept({ type: 'resultsVisibilityChanged', questionId, visible: command.visible, at });
    case 'openVoting': {
      if (type !== 'text') return reject('wrong_answer_type', 'only open-text questions have a voting phase');
      if (run.phase === 'voting') return reject('not_allowed_now', 'voting is already open');
      const ids = run.order.filter((id) => Object.hasOwn(run.entries, id));
      if (!ids.some((id) => counted(run.entries[id]!))) return reject('not_allowed_now', 'there are no answers to vote on yet');
      const order = shuffled(ids, ctx.random ?? seededRandom(ctx.now));
      return accept({ type: 'votingOpened', questionId, order, sampleSize: sampleSize(order.length, state.participantCount), at });
    }
    case 'setTimer':
      if (command.seconds > 0 && run.phase !== 'open' && run.phase !== 'voting') {
        return reject('not_allowed_now', 'a timer runs while answering or voting is open');
      }
      if (command.seconds === 0 && !run.timer) return reject('not_allowed_now', 'there is no timer to clear');
      return accept({
        type: 'timerSet',
        questionId,
        endsAt: command.seconds === 0 ? null : at + command.seconds * 1000,
        autoClose: command.autoClose,
        at,
      });
    case 'startRevote':
      if (type === 'text') return reject('wrong_answer_type', 'open-text questions are not re-voted');
      if (run.phase !== 'closed') return reject('not_allowed_now', 'close the question before a re-vote');
      return accept({ type: 'revoteStarted', questionId, at });
    case 'configureQuestion':
      if (command.perTable && type !== 'text') return reject('wrong_answer_type', 'only open-text questions are answered per table');
      if ((command.perTable || command.split === 'table') && state.tables === 0) return reject('unknown_table', 'set the number of tables first');
      // The wall of texts is not split: a group card would hold only a count.
      if (type === 'text' && command.split !== undefined && command.split !== 'none') return reject('wrong_answer_type', 'open-text answers are not split into groups');
      if (command.perTable !== undefined && command.perTable !== run.perTable && run.respondents > 0) {
        return reject('not_allowed_now', 'answers exist: per-table answering is chosen before the first answer');
      }
      return accept({
        type: 'questionConfigured',
        questionId,
        ...(command.split !== undefined ? { split: command.split } : {}),
        ...(command.perTable !== undefined ? { perTable: command.perTable } : {}),
        ...(command.wordCloud !== undefined ? { wordCloud: command.wordCloud } : {}),
        ...(command.moderate !== undefined ? { moderate: command.moderate } : {}),
        at,
      });
    case 'moderateAnswer':
    case 'mergeAnswers':
    case 'changeQuestionType':
    case 'addAnalogCounts':
      return decideAnswers(state, run, found.question.response, command, ctx);
    case 'applyTemplate':
    case 'answersToActions':
      return decideMethod(state, found, run, command, ctx);
    default:
      return assertNever(command);
  }
}
