// The socket gateway: AUTH (handshake → audience and identity), VALIDATE (zod, strict),
// RESOLVE (session manager → ack). Identity comes from the handshake, never from a payload.
import type { AppServer as Server, AppSocket as Socket } from './io.ts';
import { PROTOCOL_VERSION, parseCommand, type Ack, type ErrorCode, type JoinResult } from '../shared/protocol.ts';
import type { Actor } from '../shared/session/actor.ts';
import { rooms, type Broadcaster } from './broadcast.ts';
import { RateLimiter } from './rate-limit.ts';
import type { Guards } from './security/guards.ts';
import type { Identity } from './security/handshake.ts';
import { FLOOD, MESSAGE_RATE, participantLimits, type ParticipantLimits } from './security/participant-limits.ts';
import { guardHandshakes, withCode } from './security/socket-guards.ts';
import { letGo } from './security/slow-consumers.ts';
import { devicePseudonym, type SessionManager } from './sessions.ts';

type SocketData = Identity;
/** What the gateway asks of the broadcaster, the one sender of views and `me`: greet a new socket, and a participant's `me` for an ack. */
export type Fanout = Pick<Broadcaster, 'greet' | 'meForAck' | 'holdMe' | 'releaseMe'>;

const refuse = (code: ErrorCode, message: string): Ack => ({ ok: false, error: { code, message } });

export function attachGateway(
  io: Server,
  sessions: SessionManager,
  guards: Guards,
  fanout: Fanout,
  limits: ParticipantLimits = participantLimits({}),
): void {
  guardHandshakes(
    io,
    {
      has: (code) => sessions.has(code),
      open: async (code) => (await sessions.open(code)) !== undefined,
      isHost: (code, token) => sessions.isHost(code, token),
      participantFor: (code, token) => sessions.participantFor(code, token),
    },
    guards,
  );
  // A rotated console link: consoles still holding the old token are let go. They are told
  // ("io server disconnect"), so a console that rotated reconnects with its new token and any
  // other finds its token refused.
  sessions.onHostTokenRotated((code) => io.in(rooms.host(code)).disconnectSockets());
  // A few tabs per participant token, not a hundred (see participant-limits.ts).
  io.use((socket, next) => {
    const data = socket.data;
    // A phone removed with a ban is refused before it sees the workshop (decide refuses its join too).
    if (data.audience === 'participant' && !data.participantId && sessions.isBanned(data.code, data.device)) {
      return next(withCode(new Error('the facilitator has removed this phone from the workshop'), 'banned'));
    }
    if (data.participantId && limits.coolingDown(data.code, data.participantId)) {
      return next(withCode(new Error('too many messages from this phone; wait a few seconds'), 'rate_limited'));
    }
    if (data.participantId && !limits.open(data.code, data.participantId)) {
      return next(withCode(new Error('this phone has too many tabs open on the workshop; close one'), 'too_many_tabs'));
    }
    next();
  });

  io.on('connection', (socket: Socket) => {
    const data = socket.data;
    // Consoles and screens: a budget per socket. Participants: one budget for all their sockets.
    const own = new RateLimiter(MESSAGE_RATE.rate, MESSAGE_RATE.burst);
    const ownRefusals = new RateLimiter(FLOOD.rate, FLOOD.burst);
    const limiter = () => (data.participantId ? limits.limiter(data.code, data.participantId) : own);
    /** A refused message; a flood of them ends the connection (for a participant: all its tabs, for a while). */
    const refused = (): void => {
      if (!data.participantId) {
        if (!ownRefusals.take()) letGo(socket);
      } else if (limits.flooded(data.code, data.participantId)) {
        const ids = io.of('/').adapter.rooms.get(rooms.participant(data.code, data.participantId)) ?? new Set<string>();
        for (const id of [...ids]) {
          const tab = io.of('/').sockets.get(id);
          if (tab) letGo(tab);
        }
      }
    };
    socket.on('disconnect', () => {
      if (data.participantId) limits.close(data.code, data.participantId);
    });
    void socket.join(roomOf(data));
    if (data.participantId) joinOwnRooms(socket, data, data.participantId);
    socket.emit('hello', { serverNow: Date.now(), protocol: PROTOCOL_VERSION, audience: data.audience });
    fanout.greet(socket);

    socket.on('command', (raw: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {};
      if (!limiter().take()) {
        reply(refuse('rate_limited', 'too many messages; slow down'));
        return refused();
      }
      const parsed = parseCommand(raw);
      if (!parsed.ok) return reply({ ok: false, error: parsed.error });
      const command = parsed.command;
      // Their `me` comes with this ack: no flush sends it meanwhile (see Broadcaster.holdMe).
      const held = data.participantId;
      if (held) fanout.holdMe(data.code, held);
      const answer = (ack: Ack) => {
        if (held) fanout.releaseMe(data.code, held);
        reply(ack);
      };
      void admit(data, command.type === 'join' && !data.participantId).then((refusal) => {
        if (refusal) return answer(refusal);
        // A retried join (its ack was slow or lost) is answered by the session manager like any
        // retry – keyed by (session, client id), owned by this device – whether this socket is
        // still a guest or already the participant it made.
        return sessions.execute(data.code, parsed.id, command, actorOf(data), data.device).then((result) => {
          if (result.ok && command.type === 'join') {
            const id = (result.data as JoinResult).participantId;
            if (!data.participantId) adoptParticipant(socket, data, id);
            if (result.duplicate && data.address) limits.joins.refund(data.address);
          } else if (command.type === 'join' && data.address) limits.joins.refund(data.address);
          if (result.ok && data.audience === 'participant' && data.participantId) {
            // The phone's own view after its command (a resend's and a join's too) rides with the ack (docs/protocol.md).
            const me = fanout.meForAck(socket);
            if (me !== undefined) return answer({ ...result, me });
          }
          answer(result);
        });
      });
    });
  });

  /** A new participant: within the address's joins per minute and the workshop's size. */
  async function admit(data: SocketData, isJoin: boolean): Promise<Ack | undefined> {
    if (!isJoin) return undefined;
    const state = sessions.get(data.code)?.state;
    if (state && state.participantCount >= limits.maxParticipants) {
      return refuse('session_full', `the workshop has its maximum of ${limits.maxParticipants} participants`);
    }
    if (data.address && (await limits.joins.take(data.address))) return refuse('rate_limited', 'too many new participants from this network; wait a minute');
    return undefined;
  }

  function adoptParticipant(socket: Socket, data: SocketData, participantId: string): void {
    data.participantId = participantId;
    // Counted from now on like a socket that came with the token (a new participant has none open).
    limits.open(data.code, participantId);
    joinOwnRooms(socket, data, participantId);
  }

  function joinOwnRooms(socket: Socket, data: SocketData, participantId: string): void {
    void socket.join(rooms.participant(data.code, participantId));
    const table = sessions.get(data.code)?.state.participants[participantId]?.table;
    if (table !== undefined) void socket.join(rooms.table(data.code, table));
  }

}

function roomOf(data: SocketData): string {
  if (data.audience === 'host') return rooms.host(data.code);
  if (data.audience === 'screen') return rooms.screen(data.code);
  return rooms.participants(data.code);
}

function actorOf(data: SocketData): Actor {
  if (data.audience === 'host') return { kind: 'host' };
  if (data.audience === 'screen') return { kind: 'screen' };
  if (data.participantId) return { kind: 'participant', participantId: data.participantId };
  return data.device ? { kind: 'guest', device: devicePseudonym(data.code, data.device) } : { kind: 'guest' };
}
