// evolve(): folds one event into the state. It updates the state in place: copying maps of
// thousands of participants on every answer would make each answer O(participants), and the
// state is owned by exactly one session (the server's, or a test's), so nothing else sees it.
// It is deterministic: the same events in the same order always give the same state.
import { ROLES, type Role } from '../protocol.ts';
import { findQuestion } from '../question-set.ts';
import { addToTally, assertNever, emptyTally } from '../aggregate/tally.ts';
import type { SessionEvent } from './events.ts';
import { buildAgenda, type QuestionRun, type SessionState } from './state.ts';

export function initialState(event: Extract<SessionEvent, { type: 'sessionCreated' }>): SessionState {
  const roleCounts = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  const runs: Record<string, QuestionRun> = {};
  for (const theme of event.set.themes) for (const q of theme.questions) runs[q.id] = emptyRun();
  return {
    code: event.code,
    createdAt: event.at,
    lang: event.lang,
    set: event.set,
    agenda: buildAgenda(event.set),
    cursor: 0,
    participants: {},
    tokens: {},
    participantCount: 0,
    roleCounts,
    runs,
    seq: 1,
  };
}

function emptyRun(): QuestionRun {
  return { phase: 'idle', resultsVisible: false, entries: {}, byParticipant: {}, order: [], respondents: 0, tally: emptyTally() };
}

export function evolve(state: SessionState, event: SessionEvent): SessionState {
  state.seq += 1;
  switch (event.type) {
    case 'sessionCreated':
      throw new Error('sessionCreated starts a session; use initialState()');
    case 'participantJoined': {
      state.participants[event.participantId] = {
        id: event.participantId,
        token: event.token,
        ...(event.name ? { name: event.name } : {}),
        role: event.role,
        joinedAt: event.at,
      };
      state.tokens[event.token] = event.participantId;
      state.participantCount += 1;
      state.roleCounts[event.role] += 1;
      return state;
    }
    case 'answerSubmitted': {
      const run = state.runs[event.questionId];
      const participant = state.participants[event.participantId];
      const found = findQuestion(state.set, event.questionId);
      if (!run || !participant || !found) return state;
      const mine = (run.byParticipant[event.participantId] ??= []);
      // A scale or number answer replaces the previous one: one value per person.
      if (found.question.response.type !== 'text' && mine.length > 0) {
        for (const id of mine.splice(0)) removeEntry(run, id);
        run.respondents -= 1;
      }
      run.entries[event.answerId] = {
        id: event.answerId,
        participantId: event.participantId,
        role: participant.role,
        answer: event.answer,
        at: event.at,
      };
      if (mine.length === 0) run.respondents += 1;
      mine.push(event.answerId);
      if (event.answer.kind === 'text') run.order.push(event.answerId);
      addToTally(run.tally, event.answer, participant.role, 1);
      return state;
    }
    case 'answerWithdrawn': {
      const run = state.runs[event.questionId];
      if (!run) return state;
      const mine = run.byParticipant[event.participantId];
      if (mine?.includes(event.answerId)) {
        const rest = mine.filter((id) => id !== event.answerId);
        run.byParticipant[event.participantId] = rest;
        if (rest.length === 0) run.respondents -= 1;
      }
      removeEntry(run, event.answerId);
      return state;
    }
    case 'stepChanged':
      state.cursor = event.index;
      return state;
    case 'answeringOpened': {
      const run = state.runs[event.questionId];
      if (run) {
        run.phase = 'open';
        run.openedAt ??= event.at;
        delete run.closedAt;
      }
      return state;
    }
    case 'answeringClosed': {
      const run = state.runs[event.questionId];
      if (run && run.phase === 'open') {
        run.phase = 'closed';
        run.closedAt = event.at;
      }
      return state;
    }
    case 'resultsVisibilityChanged': {
      const run = state.runs[event.questionId];
      if (run) run.resultsVisible = event.visible;
      return state;
    }
    default:
      return assertNever(event);
  }
}

function removeEntry(run: QuestionRun, answerId: string): void {
  const entry = run.entries[answerId];
  if (!entry) return;
  addToTally(run.tally, entry.answer, entry.role, -1);
  delete run.entries[answerId];
}

/** Rebuilds a session from its full event log (tests, and a restart without a snapshot). */
export function replay(events: readonly SessionEvent[]): SessionState {
  const [first, ...rest] = events;
  if (!first || first.type !== 'sessionCreated') throw new Error('an event log starts with sessionCreated');
  const state = initialState(first);
  for (const e of rest) evolve(state, e);
  return state;
}
