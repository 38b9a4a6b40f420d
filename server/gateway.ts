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
import type { CommandDone, Runner } from './runner.ts';

type SocketData = Identity;
/** What the gateway asks of the broadcaster, the one sender of views and `me`: a new socket's first frame, and a phone's other tabs' `me`. */
export type Fanout = Pick<Broadcaster, 'greet' | 'toOtherTabs'>;

const refuse = (code: ErrorCode, message: string): Ack => ({ ok: false, error: { code, message } });

/**
 * `runner`: the workshops' answers – this node's own (runner.ts), or clustered, whichever node
 * runs the workshop (cluster/forwarding.ts).
 */
export function attachGateway(
  io: Server,
  sessions: SessionManager,
  runner: Runner,
  guards: Guards,
  fanout: Fanout,
  limits: ParticipantLimits = participantLimits({}),
): void {
  guardHandshakes(
    io,
    {
      has: (code) => sessions.has(code),
      // A console's token against the hash as stored now: another node may have rotated it.
      open: async (code, host) => (await runner.reach(code)) && (!host || (await sessions.refreshMeta(code))),
      isHost: (code, token) => sessions.isHost(code, token),
      identify: async (code, token) => {
        const found = await runner.identify(code, token, undefined);
        return found?.participantId ? { participantId: found.participantId, ...(found.table !== undefined ? { table: found.table } : {}) } : undefined;
      },
    },
    guards,
  );
  // A rotated console link: consoles still holding the old token are let go. They are told
  // ("io server disconnect"), so a console that rotated reconnects with its new token and any
  // other finds its token refused.
  sessions.onHostTokenRotated((code) => io.in(rooms.host(code)).disconnectSockets());
  // A few tabs per participant token, not a hundred (see participant-limits.ts).
  io.use(async (socket, next) => {
    const data = socket.data;
    // A phone removed with a ban is refused before it sees the workshop (decide refuses its join too).
    if (data.audience === 'participant' && !data.participantId && data.device) {
      const found = await runner.identify(data.code, undefined, data.device).catch(() => undefined);
      if (found?.banned) return next(withCode(new Error('the facilitator has removed this phone from the workshop'), 'banned'));
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
    if (data.participantId) joinOwnRooms(socket, data, data.participantId, data.table);
    else if (data.audience === 'participant') void socket.join(rooms.guests(data.code));
    socket.emit('hello', { serverNow: Date.now(), protocol: PROTOCOL_VERSION, audience: data.audience });
    // Its first view; a socket that cannot get one (its workshop's node is changing) comes back.
    runner.greet(data.code, data.audience, data.participantId).then(
      (greeting) => greeting && fanout.greet(socket, greeting),
      () => letGo(socket),
    );

    socket.on('command', (raw: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {};
      if (!limiter().take()) {
        reply(refuse('rate_limited', 'too many messages; slow down'));
        return refused();
      }
      const parsed = parseCommand(raw);
      if (!parsed.ok) return reply({ ok: false, error: parsed.error });
      const command = parsed.command;
      const newParticipant = command.type === 'join' && !data.participantId;
      const call = { code: data.code, clientId: parsed.id, command, actor: actorOf(data), ...(data.device ? { device: data.device } : {}), newParticipant };
      void joinBudget(data, newParticipant)
        .then((refusal) => refusal ?? runner.command(call).then((done) => settled(socket, data, command.type === 'join', done)))
        .then(reply, () => reply(refuse('internal', 'please resend')));
    });
  });

  /** Rooms and budgets after a command: a join's participant adopted, or its join budget given back. */
  function settled(socket: Socket, data: SocketData, isJoin: boolean, done: CommandDone): Ack {
    const { ack } = done;
    if (isJoin && ack.ok) {
      if (!data.participantId) adoptParticipant(socket, data, (ack.data as JoinResult).participantId, done.table);
      if (ack.duplicate && data.address) limits.joins.refund(data.address);
    } else if (isJoin && data.address) limits.joins.refund(data.address);
    if (ack.ok && ack.me !== undefined) fanout.toOtherTabs(socket, ack.me);
    return ack;
  }

  /** A new participant: within the address's joins per minute (the workshop's size is the owner's to check). */
  async function joinBudget(data: SocketData, isJoin: boolean): Promise<Ack | undefined> {
    if (!isJoin || !data.address) return undefined;
    if (await limits.joins.take(data.address)) return refuse('rate_limited', 'too many new participants from this network; wait a minute');
    return undefined;
  }

  function adoptParticipant(socket: Socket, data: SocketData, participantId: string, table: number | undefined): void {
    data.participantId = participantId;
    // Counted from now on like a socket that came with the token (a new participant has none open).
    limits.open(data.code, participantId);
    void socket.leave(rooms.guests(data.code));
    joinOwnRooms(socket, data, participantId, table);
  }

  function joinOwnRooms(socket: Socket, data: SocketData, participantId: string, table: number | undefined): void {
    void socket.join(rooms.participant(data.code, participantId));
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
