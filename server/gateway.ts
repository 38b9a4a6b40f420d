// The socket gateway: AUTH (handshake → audience and identity), VALIDATE (zod, strict),
// RESOLVE (session manager → ack). Identity comes from the handshake, never from a payload.
import type { Server, Socket } from 'socket.io';
import { HandshakeAuth, PROTOCOL_VERSION, parseCommand, type Ack, type JoinResult } from '../shared/protocol.ts';
import type { Actor } from '../shared/session/actor.ts';
import { hostView, meView, participantView, screenView } from '../shared/session/views.ts';
import { rooms } from './broadcast.ts';
import { RateLimiter } from './rate-limit.ts';
import type { SessionManager } from './sessions.ts';

type SocketData = { code: string; audience: 'host' | 'screen' | 'participant'; participantId?: string };

export function attachGateway(io: Server, sessions: SessionManager): void {
  io.use((socket, next) => {
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success) return next(withCode(new Error('invalid handshake'), 'invalid_payload'));
    const { code, as, token } = auth.data;
    if (!sessions.get(code)) return next(withCode(new Error('no such session'), 'no_such_session'));
    if (as === 'host' && !sessions.isHost(code, token)) return next(withCode(new Error('not the facilitator'), 'forbidden'));
    const data: SocketData = { code, audience: as };
    const participantId = as === 'participant' ? sessions.participantFor(code, token) : undefined;
    if (participantId) data.participantId = participantId;
    socket.data = data;
    next();
  });

  io.on('connection', (socket: Socket) => {
    const data = socket.data as SocketData;
    const limiter = new RateLimiter(20, 40);
    socket.join(roomOf(data));
    if (data.participantId) joinOwnRooms(socket, data, data.participantId);
    socket.emit('hello', { serverNow: Date.now(), protocol: PROTOCOL_VERSION, audience: data.audience });
    sendInitial(socket, data);

    socket.on('command', (raw: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {};
      if (!limiter.take()) return reply({ ok: false, error: { code: 'rate_limited', message: 'too many messages; slow down' } });
      const parsed = parseCommand(raw);
      if (!parsed.ok) return reply({ ok: false, error: parsed.error });
      sessions.execute(data.code, parsed.id, parsed.command, actorOf(data)).then((result) => {
        if (result.ok && parsed.command.type === 'join') adoptParticipant(socket, data, (result.data as JoinResult).participantId);
        else if (result.ok && data.participantId && !result.duplicate) sendMe(io, data.code, data.participantId);
        reply(result);
      });
    });
  });

  function sendInitial(socket: Socket, data: SocketData): void {
    const state = sessions.get(data.code)?.state;
    if (!state) return;
    if (data.audience === 'host') socket.emit('view', hostView(state));
    else if (data.audience === 'screen') socket.emit('view', screenView(state));
    else {
      socket.emit('view', participantView(state));
      socket.emit('me', data.participantId ? meView(state, data.participantId) : null);
    }
  }

  function adoptParticipant(socket: Socket, data: SocketData, participantId: string): void {
    data.participantId = participantId;
    joinOwnRooms(socket, data, participantId);
    sendMe(io, data.code, participantId);
  }

  function joinOwnRooms(socket: Socket, data: SocketData, participantId: string): void {
    socket.join(rooms.participant(data.code, participantId));
    const table = sessions.get(data.code)?.state.participants[participantId]?.table;
    if (table !== undefined) socket.join(rooms.table(data.code, table));
  }

  function sendMe(server: Server, code: string, participantId: string): void {
    const state = sessions.get(code)?.state;
    if (state) server.to(rooms.participant(code, participantId)).emit('me', meView(state, participantId));
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
  return data.participantId ? { kind: 'participant', participantId: data.participantId } : { kind: 'guest' };
}

function withCode(error: Error, code: string): Error {
  return Object.assign(error, { data: { code } });
}
