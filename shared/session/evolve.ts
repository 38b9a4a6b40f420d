// evolve(): folds one event into the state. It updates the state in place: copying maps of
// thousands of participants on every answer would make each answer O(participants), and the
// state is owned by exactly one session (the server's, or a test's), so nothing else sees it.
// It is deterministic: the same events in the same order always give the same state.
import { ROLES, type Role } from '../protocol.ts';
import { findQuestion } from '../question-set.ts';
import { addToTally, assertNever, emptyTally } from '../aggregate/tally.ts';
import type { SessionEvent } from './events.ts';
import { ownerKey } from './owners.ts';
import { buildAgenda, type QuestionRun, type SessionState } from './state.ts';
import { applyVote } from './voting.ts';
import { emptyRun } from './runs.ts';
import { changeEntry, counted, merge, moderate, removeParticipant } from './moderation.ts';
import { addQuestion, changeResponse, moveStep } from './agenda-edit.ts';
import { trackUndo } from './undo.ts';
import { mergeDetails } from './details.ts';
import { foldScreen, resetScreenPage } from './screen-control.ts';

export const DEFAULT_MIN_GROUP_SIZE = 5;

export function initialState(event: Extract<SessionEvent, { type: 'sessionCreated' }>): SessionState {
  const roleCounts = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  const runs: Record<string, QuestionRun> = {};
  for (const theme of event.set.themes) for (const q of theme.questions) runs[q.id] = emptyRun();
  return {
    code: event.code,
    createdAt: event.at,
    lang: event.lang,
    // The session's own copy: live agenda edits must not reach the loaded set or other sessions.
    set: structuredClone(event.set),
    agenda: buildAgenda(event.set),
    cursor: 0,
    participants: {},
    tokens: {},
    participantCount: 0,
    roleCounts,
    runs,
    minGroupSize: DEFAULT_MIN_GROUP_SIZE,
    tables: 0,
    joinLocked: false,
    ended: false,
    details: {},
    screenBlank: false,
    notes: {},
    noteOrder: [],
    undo: [],
    seq: 1,
  };
}

export function evolve(state: SessionState, event: SessionEvent): SessionState {
  state.seq += 1;
  trackUndo(state, event);
  return fold(state, event);
}

function fold(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'sessionCreated':
      throw new Error('sessionCreated starts a session; use initialState()');
    case 'sessionDetailsSet':
      state.details = mergeDetails(state.details, event.details);
      return state;
    case 'sessionConfigured':
      if (event.minGroupSize !== undefined) state.minGroupSize = event.minGroupSize;
      if (event.tables !== undefined) state.tables = event.tables;
      if (event.screenTheme !== undefined) state.screenTheme = event.screenTheme;
      if (event.screenZoom !== undefined) state.screenZoom = event.screenZoom;
      return state;
    case 'participantJoined': {
      state.participants[event.participantId] = {
        id: event.participantId,
        token: event.token,
        ...(event.name ? { name: event.name } : {}),
        role: event.role,
        ...(event.table !== undefined ? { table: event.table } : {}),
        ...(event.device !== undefined ? { device: event.device } : {}),
        ordinal: state.participantCount,
        joinedAt: event.at,
      };
      state.tokens[event.token] = event.participantId;
      state.participantCount += 1;
      state.roleCounts[event.role] += 1;
      return state;
    }
    case 'answerSubmitted':
      return submitted(state, event);
    case 'answerWithdrawn': {
      const run = state.runs[event.questionId];
      const participant = state.participants[event.participantId];
      if (!run || !participant) return state;
      const owner = ownerKey(run, participant);
      const mine = run.byParticipant[owner];
      if (mine?.includes(event.answerId)) {
        const rest = mine.filter((id) => id !== event.answerId);
        run.byParticipant[owner] = rest;
        if (rest.length === 0) run.respondents -= 1;
      }
      removeEntry(run, event.answerId);
      return state;
    }
    case 'stepChanged':
      state.cursor = event.index;
      if (event.index > 0) state.startedAt ??= event.at;
      resetScreenPage(state);
      return state;
    case 'screenPageTurned':
    case 'screenConfigured':
      return foldScreen(state, event);
    case 'answeringOpened':
      return withRun(state, event.questionId, (run) => {
        run.phase = 'open';
        run.openedAt ??= event.at;
        delete run.closedAt;
      });
    case 'answeringClosed':
      return withRun(state, event.questionId, (run) => {
        if (run.phase === 'open' || run.phase === 'voting') {
          run.phase = 'closed';
          run.closedAt = event.at;
        }
      });
    case 'votingOpened':
      return withRun(state, event.questionId, (run) => {
        run.phase = 'voting';
        run.voting = { order: event.order, sampleSize: event.sampleSize, openedAt: event.at };
      });
    case 'phaseSet':
      return withRun(state, event.questionId, (run) => {
        run.phase = event.phase;
        if (event.phase === 'closed') run.closedAt = event.at;
        else delete run.closedAt;
      });
    case 'voteCast':
    case 'voteRetracted':
      return withRun(state, event.questionId, (run) =>
        applyVote(run, event.participantId, event.answerId, event.type === 'voteCast' ? 1 : -1),
      );
    case 'timerSet':
      return withRun(state, event.questionId, (run) => {
        if (event.endsAt === null) delete run.timer;
        else run.timer = { endsAt: event.endsAt, autoClose: event.autoClose, phase: run.phase };
      });
    case 'revoteStarted':
      return withRun(state, event.questionId, (run) => {
        run.history.push({
          round: run.round,
          entries: run.entries,
          respondents: run.respondents,
          tally: run.tally,
          ...(run.closedAt !== undefined ? { closedAt: run.closedAt } : {}),
        });
        Object.assign(run, { entries: {}, byParticipant: {}, order: [], respondents: 0, tally: emptyTally(), analog: 0 });
        run.round += 1;
        run.phase = 'open';
        delete run.closedAt;
        delete run.timer;
      });
    case 'questionConfigured':
      return withRun(state, event.questionId, (run) => {
        if (event.split !== undefined) run.split = event.split;
        if (event.perTable !== undefined) run.perTable = event.perTable;
        if (event.wordCloud !== undefined) run.wordCloud = event.wordCloud;
        if (event.moderate !== undefined) run.moderate = event.moderate;
      });
    case 'resultsVisibilityChanged':
      return withRun(state, event.questionId, (run) => {
        run.resultsVisible = event.visible;
      });
    default:
      return foldFacilitation(state, event);
  }
}

type FacilitationEvent = Extract<
  SessionEvent,
  {
    type:
      | 'answerModerated'
      | 'answersMerged'
      | 'participantRemoved'
      | 'deviceBanned'
      | 'joiningLocked'
      | 'sessionEnded'
      | 'contentErased'
      | 'screenBlanked'
      | 'noteAdded'
      | 'noteUpdated'
      | 'noteDeleted'
      | 'stepSkipped'
      | 'stepMoved'
      | 'questionAdded'
      | 'questionChanged'
      | 'analogCountsAdded'
      | 'analogCountsRemoved';
  }
>;

/** Moderation, notes, agenda edits, analog counts and the session's lifecycle. */
function foldFacilitation(state: SessionState, event: FacilitationEvent): SessionState {
  switch (event.type) {
    case 'answerModerated':
      return withRun(state, event.questionId, (run) => moderate(run, event.answerId, event.action));
    case 'answersMerged':
      return withRun(state, event.questionId, (run) => merge(run, event.targetId, event.sourceIds));
    case 'participantRemoved':
      removeParticipant(state, event.participantId);
      return state;
    case 'deviceBanned':
      (state.banned ??= {})[event.device] = true;
      return state;
    case 'joiningLocked':
      state.joinLocked = event.locked;
      return state;
    case 'contentErased': {
      const e = state.erased ?? { participants: 0, answers: 0, notes: 0 };
      state.erased = { participants: e.participants + event.participants, answers: e.answers + event.answers, notes: e.notes + event.notes };
      return state;
    }
    case 'sessionEnded':
      state.ended = true;
      state.endedAt = event.at;
      return state;
    case 'screenBlanked':
      state.screenBlank = event.blank;
      return state;
    case 'noteAdded':
      state.notes[event.note.id] = event.note;
      state.noteOrder.push(event.note.id);
      return state;
    case 'noteUpdated': {
      const note = state.notes[event.noteId];
      if (note) Object.assign(note, event.changes);
      return state;
    }
    case 'noteDeleted':
      delete state.notes[event.noteId];
      state.noteOrder = state.noteOrder.filter((id) => id !== event.noteId);
      return state;
    case 'stepSkipped': {
      const step = state.agenda[event.index];
      if (step) step.skipped = event.skipped || undefined;
      if (step && !event.skipped) delete step.skipped;
      return state;
    }
    case 'stepMoved':
      moveStep(state, event.index, event.to);
      return state;
    case 'questionAdded':
      addQuestion(state, event.themeId, event.question, event.agendaIndex);
      return state;
    case 'questionChanged':
      changeResponse(state, event.questionId, event.response);
      return state;
    case 'analogCountsAdded':
    case 'analogCountsRemoved': {
      const sign = event.type === 'analogCountsAdded' ? 1 : -1;
      return withRun(state, event.questionId, (run) => {
        for (const { answer, count } of event.entries) {
          addToTally(run.tally, answer, undefined, undefined, sign * count);
          // "Don't know" is not an answer counted in n, so it is not counted as analog either.
          if (answer.kind !== 'dontKnow') run.analog += sign * count;
        }
      });
    }
    default:
      return assertNever(event);
  }
}

function withRun(state: SessionState, questionId: string, change: (run: QuestionRun) => void): SessionState {
  const run = Object.hasOwn(state.runs, questionId) ? state.runs[questionId] : undefined;
  if (run) change(run);
  return state;
}

function submitted(state: SessionState, event: Extract<SessionEvent, { type: 'answerSubmitted' }>): SessionState {
  const run = state.runs[event.questionId];
  const participant = state.participants[event.participantId];
  const found = findQuestion(state.set, event.questionId);
  if (!run || !participant || !found) return state;
  const owner = ownerKey(run, participant);
  const mine = (run.byParticipant[owner] ??= []);
  // Every type but text holds one answer per person: a new one replaces the old.
  if (found.question.response.type !== 'text' && mine.length > 0) {
    for (const id of mine.splice(0)) removeEntry(run, id);
    run.respondents -= 1;
  }
  const entry: QuestionRun['entries'][string] = {
    id: event.answerId,
    participantId: event.participantId,
    role: participant.role,
    ...(participant.table !== undefined ? { table: participant.table } : {}),
    answer: event.answer,
    at: event.at,
    ...(event.late ? { late: true as const } : {}),
    // With a moderation queue, text answers wait for approval before they count or show.
    ...(run.moderate && event.answer.kind === 'text' ? { pending: true as const } : {}),
  };
  run.entries[event.answerId] = entry;
  if (mine.length === 0) run.respondents += 1;
  mine.push(event.answerId);
  if (event.answer.kind === 'text') run.order.push(event.answerId);
  if (counted(entry)) addToTally(run.tally, event.answer, participant.role, participant.table, 1);
  return state;
}

function removeEntry(run: QuestionRun, answerId: string): void {
  const entry = run.entries[answerId];
  if (!entry) return;
  // Hide first, so the tally loses it exactly when it was counted.
  changeEntry(run, entry, (x) => (x.hidden = true));
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
