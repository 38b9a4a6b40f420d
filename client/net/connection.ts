// The one socket of a page, set up once outside React. Components call send(); listeners feed
// the store. Every command gets a client id and stays in the outbox until acknowledged, so a
// retry after a lost ack is applied once by the server.
import { io, type Socket } from 'socket.io-client';
import { nanoid } from 'nanoid';
import type { Ack, Audience, Command, JoinResult } from '../../shared/protocol.ts';
import type { MeView } from '../../shared/session/views.ts';
import { useStore, type AnyView } from '../store.ts';
import { Outbox, type Envelope } from './outbox.ts';
import { tokens } from './tokens.ts';

const ACK_TIMEOUT_MS = 8000;

let socket: Socket | null = null;
let outbox = new Outbox(null);
const waiting = new Map<string, ((ack: Ack) => void)[]>();
const inFlight = new Set<string>();
let current: { code: string; as: Audience; token: () => string | undefined } | null = null;

export function connect(as: Audience, code: string, hostToken?: string): void {
  if (socket) return;
  const store = useStore.getState();
  store.started(as, code);
  // Phones keep unsent commands across reloads; a console resends from memory only.
  outbox = new Outbox(as === 'participant' ? `raadslag:outbox:${code}` : null);
  current = {
    code,
    as,
    token: () => (as === 'host' ? hostToken : as === 'participant' ? tokens.participant(code) : undefined),
  };
  socket = io({
    transports: ['websocket', 'polling'],
    auth: (cb) => {
      const token = current?.token();
      cb({ code, as, ...(token ? { token } : {}) });
    },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket.on('connect', () => {
    useStore.getState().connectionChanged('online', null);
    inFlight.clear();
    for (const e of outbox.all()) attempt(e);
  });
  socket.on('disconnect', () => useStore.getState().connectionChanged('offline'));
  socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    const code = err.data?.code;
    if (code === 'no_such_session' || code === 'forbidden') {
      // Retrying will not help: stop, and say why.
      socket?.disconnect();
      useStore.getState().connectionChanged('offline', code);
    } else {
      useStore.getState().connectionChanged('offline');
    }
  });
  socket.on('hello', (h: { serverNow: number }) => useStore.getState().receivedHello(h.serverNow));
  socket.on('view', (view: AnyView) => useStore.getState().receivedView(view));
  socket.on('me', (me: MeView | null) => {
    if (me === null && as === 'participant' && tokens.participant(code)) {
      // The server does not know this token (a deleted session's, or a reset): join afresh.
      tokens.clearParticipant(code);
    }
    useStore.getState().receivedMe(me);
  });
}

/** Sends a command; resolves with its ack once the server has it on disk (or refused it). */
export function send(command: Command): Promise<Ack> {
  const envelope: Envelope = { id: nanoid(), command };
  outbox.add(envelope);
  useStore.getState().pendingChanged(outbox.size);
  const done = new Promise<Ack>((resolve) => waiting.set(envelope.id, [resolve]));
  attempt(envelope);
  return done;
}

function attempt(envelope: Envelope): void {
  if (!socket?.connected || inFlight.has(envelope.id)) return;
  inFlight.add(envelope.id);
  socket
    .timeout(ACK_TIMEOUT_MS)
    .emitWithAck('command', envelope)
    .then(
      (ack: Ack) => settle(envelope, ack),
      () => {
        // No ack in time: keep it in the outbox; it goes again on the next connect.
        inFlight.delete(envelope.id);
      },
    );
}

function settle(envelope: Envelope, ack: Ack): void {
  inFlight.delete(envelope.id);
  if (!ack.ok && (ack.error.code === 'rate_limited' || ack.error.code === 'internal')) {
    setTimeout(() => attempt(envelope), 1000);
    return;
  }
  if (ack.ok && envelope.command.type === 'join' && current) {
    tokens.setParticipant(current.code, (ack.data as JoinResult).token);
  }
  outbox.remove(envelope.id);
  useStore.getState().pendingChanged(outbox.size);
  for (const resolve of waiting.get(envelope.id) ?? []) resolve(ack);
  waiting.delete(envelope.id);
}

/** Commands of this page still waiting for the server (for "sending…" / "not saved yet"). */
export function pendingCommands(): readonly Envelope[] {
  return outbox.all();
}
