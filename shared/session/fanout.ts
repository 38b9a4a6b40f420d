// Which audiences a change wakes. It sits beside the projections (views.ts, me-view.ts) because it
// is a claim about them: an audience that is not woken would receive a view identical to its last
// one (fanout.test.ts checks this by property, for every command the core takes). The server's
// broadcaster only reads this; phones are not woken by other people's answers or votes, so the
// cost of a busy room grows with phones × phase changes, never with phones × answers.
import type { SessionEvent } from './events.ts';
import type { SessionState } from './state.ts';

export type Wake = {
  host: boolean;
  /** The console should see this soon: something the facilitator (or the server) did, not only phones answering or voting. */
  hostSoon: boolean;
  screen: boolean;
  /** The shared participant view (the same frame for every phone). */
  participants: boolean;
  /** Personal views (`me`): every phone, the phones at some tables, and some phones by id. */
  me: { all: boolean; tables: Set<number>; participants: Set<string> };
};

export function nothingWoken(): Wake {
  return { host: false, hostSoon: false, screen: false, participants: false, me: { all: false, tables: new Set(), participants: new Set() } };
}

/** What phones do: the console shows it live, but need not show every one at once. */
const FROM_PHONES = new Set<SessionEvent['type']>(['participantJoined', 'answerSubmitted', 'answerWithdrawn', 'voteCast', 'voteRetracted']);

/** Events after which every phone's own view changes: what it may do, or its voting window. */
const ME_FOR_ALL = new Set<SessionEvent['type']>([
  'votingOpened',
  'answeringClosed',
  'answeringOpened',
  'phaseSet',
  'revoteStarted',
  'questionConfigured',
  'answerModerated',
  'answersMerged',
  'participantRemoved',
  // The end takes away every phone's answering and voting flags.
  'sessionEnded',
  // What a phone may send follows the question's type and the session's end (me carries can-flags).
  'questionChanged',
  // An ended workshop takes no more answers or votes: every phone's can-flags go.
  'sessionEnded',
]);

/** Events that concern the console and the projector but none of the phones' shared view. */
const NOT_FOR_PHONES = new Set<SessionEvent['type']>(['participantJoined', 'deviceBanned', 'noteAdded', 'noteUpdated', 'noteDeleted', 'screenBlanked', 'joiningLocked']);

/** Adds what one event wakes to `wake`; `state` is the state after the event. */
export function addWake(wake: Wake, state: SessionState, event: SessionEvent): Wake {
  wake.host = true;
  if (!FROM_PHONES.has(event.type)) wake.hostSoon = true;
  if ('participantId' in event) wake.me.participants.add(event.participantId);
  if (ME_FOR_ALL.has(event.type)) wake.me.all = true;
  switch (event.type) {
    case 'voteCast':
    case 'voteRetracted':
      // Others' votes stay hidden until voting closes: only the console shows them live.
      return wake;
    case 'sessionDetailsSet':
      // The minutes' header is shown only in the console (and the summary).
      return wake;
    case 'answerSubmitted':
    case 'answerWithdrawn': {
      wake.screen = true;
      const run = Object.hasOwn(state.runs, event.questionId) ? state.runs[event.questionId] : undefined;
      if (run?.resultsVisible) wake.participants = true;
      // A table's answers are shared: every member's own view changes.
      const table = state.participants[event.participantId]?.table;
      if (run?.perTable && table !== undefined) wake.me.tables.add(table);
      return wake;
    }
    default:
      wake.screen = true;
      if (!NOT_FOR_PHONES.has(event.type)) wake.participants = true;
      return wake;
  }
}

/** What a batch of events (one command's, or one flush's) wakes. */
export function wakeOf(state: SessionState, events: readonly SessionEvent[], into: Wake = nothingWoken()): Wake {
  for (const e of events) addWake(into, state, e);
  return into;
}
