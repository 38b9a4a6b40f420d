// What the session manager derives from ids, tokens and events, with no state of its own: the
// keys a command is known by, the ack data a log gives back, the device pseudonym, hashes.
import { createHash } from 'node:crypto';
import type { Ack } from '../shared/protocol.ts';
import type { Actor } from '../shared/session/actor.ts';
import type { SessionEvent } from '../shared/session/events.ts';
import type { EventRow } from './store/store.ts';

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The session is run by another node, which did not let it go in time (the clustered mode). */
export class OwnedElsewhere extends Error {
  constructor(readonly code: string) {
    super(`the workshop ${code} is run by another server right now; try again`);
  }
}

export const noSuchSession = (): Ack => ({ ok: false, error: { code: 'no_such_session', message: 'no such session' } });

export function keysOf(rows: readonly EventRow[]): Set<string> {
  const keys = new Set<string>();
  for (const r of rows) if (r.clientKey !== null) keys.add(r.clientKey);
  return keys;
}

export function actorKey(actor: Actor): string {
  return actor.kind === 'participant' ? actor.participantId : actor.kind;
}

/** What the client learns from its ack: derivable from the events, so a replayed log gives the same ack. */
export function ackData(events: readonly SessionEvent[]): unknown {
  const e = events[0];
  if (e?.type === 'participantJoined') return { participantId: e.participantId, token: e.token };
  if (e?.type === 'answerSubmitted') return { answerId: e.answerId };
  return undefined;
}

/**
 * A phone's device id as one session knows it (Actor's `device`): a hash salted with the code,
 * so the stored log holds no id that links the phone across workshops.
 */
export function devicePseudonym(code: string, device: string): string {
  return hash(`${code}:${device}`).slice(0, 32);
}

export function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
