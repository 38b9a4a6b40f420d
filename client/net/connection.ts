// The one socket of a page, set up once outside React. Components call send(); listeners feed
// the store. Every command gets a client id and stays in the outbox until acknowledged; the
// outbox is sent in order, one command at a time, whenever the socket is (back) online – so a
// retry after a lost ack is applied once by the server, and a join always lands before the
// answers that depend on it.
import { io, XHR, type Socket } from 'socket.io-client';
import { nanoid } from 'nanoid';
import type { Ack, Audience, ClientToServerEvents, Command, ErrorCode, JoinResult, ServerToClientEvents } from '../../shared/protocol.ts';
import type { MeView } from '../../shared/session/views.ts';
import { useStore, type AnyView } from '../store.ts';
import { Outbox, type Envelope } from './outbox.ts';
import { tokens } from './tokens.ts';
import { errorText } from '../i18n/errors.ts';
import { api, ApiError, type EraseTarget, type Erased } from './api.ts';
import { checkProtocol, reloadForNewBuild } from './protocol-check.ts';
import { EarlyWebSocket } from './early-socket.ts';

/** The socket as the protocol types it: what the server sends, what this page sends. */
type AppSocket = Socket<ServerToClientEvents<AnyView, MeView | null>, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 8000;
const RETRY_MS = 1000;
/** Refusals that pass by themselves: try again later, with the same id. */
const TRANSIENT = new Set<ErrorCode>(['rate_limited', 'internal', 'too_many_connections', 'too_many_tabs']);

let socket: AppSocket | null = null;
let outbox = new Outbox(null);
const waiting = new Map<string, ((ack: Ack) => void)[]>();
let pumping = false;
let current: { code: string; as: Audience } | null = null;
let hostToken: string | undefined;
/** While the console link is being rotated, a server disconnect waits for the new token. */
let rotating: Promise<unknown> | null = null;

export function connect(as: Audience, code: string, token?: string): void {
  if (socket) return;
  const store = useStore.getState();
  store.started(as, code);
  // Phones keep unsent commands across reloads; a console resends from memory only.
  outbox = new Outbox(as === 'participant' ? `raadslag:outbox:${code}` : null);
  store.pendingChanged(outbox.size);
  current = { code, as };
  hostToken = token;
  const s: AppSocket = io({
    // websocket first (on the phone: the one its page opened early, client/net/early-socket.ts), polling as before
    transports: [EarlyWebSocket, XHR],
    // In the URL of every request, for a load balancer to route by (deploy/haproxy/haproxy.cfg);
    // the server itself reads the code from `auth` only.
    query: { code },
    auth: (cb) => {
      const t = as === 'host' ? hostToken : as === 'participant' ? tokens.participant(code) : undefined;
      cb({ code, as, ...(t ? { token: t } : {}), ...(as === 'participant' ? { device: tokens.device() } : {}) });
    },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket = s;
  s.on('connect', () => {
    useStore.getState().connectionChanged('online', null);
    void pump();
  });
  s.on('disconnect', (reason) => {
    useStore.getState().connectionChanged('offline');
    // The server let this socket go on purpose (the console link was rotated): socket.io does
    // not reconnect by itself then. Try once more: with a stale token that ends in "forbidden".
    if (reason === 'io server disconnect') {
      const settled = rotating ? rotating.catch(() => undefined) : Promise.resolve();
      void settled.then(() => reconnect(s));
    }
  });
  s.on('connect_error', (err: Error & { data?: { code?: string } }) => onConnectError(s, err.data?.code));
  s.on('hello', (h) => {
    useStore.getState().receivedHello(h.serverNow);
    // Another protocol than this build's: reload for the server's build (once), else stop and say so.
    const action = checkProtocol(h.protocol);
    if (action === 'ok') return;
    s.disconnect();
    if (action === 'reload') void reloadForNewBuild();
    else useStore.getState().connectionChanged('offline', 'outdated');
  });
  s.on('view', (view) => useStore.getState().receivedView(view));
  // The server says retrying will not help (e.g. the facilitator removed this phone).
  s.on('fatal', (error) => useStore.getState().connectionChanged('offline', error.code));
  const receivedMe = (me: MeView | null) => {
    if (me === null && as === 'participant' && tokens.participant(code)) {
      // The server does not know this token (a deleted session's, or a reset): join afresh.
      tokens.clearParticipant(code);
    }
    useStore.getState().receivedMe(me);
  };
  s.on('me', receivedMe);
  // A phone's shared view and its own, in one frame (on connect and after a phase change).
  s.on('update', ({ view, me }) => {
    useStore.getState().receivedView(view);
    receivedMe(me);
  });
  watchNetwork(s);
}

let refusals = 0;
function onConnectError(s: AppSocket, code: string | undefined): void {
  if (code === 'no_such_session' || code === 'forbidden' || code === 'banned') {
    // Retrying will not help: stop, and say why.
    s.disconnect();
    useStore.getState().connectionChanged('offline', code);
    return;
  }
  useStore.getState().connectionChanged('offline');
  // A refusal by the server's guards stops socket.io's own retries: retry later, with jitter so
  // that a room full of phones does not come back at the same moment.
  if (code && TRANSIENT.has(code as ErrorCode)) {
    const delay = Math.min(30_000, 2000 * 2 ** Math.min(refusals++, 4)) * (0.5 + Math.random());
    setTimeout(() => reconnect(s), delay);
  }
}

/** The browser knows before socket.io does: drop at once when offline, retry at once when back. */
function watchNetwork(s: AppSocket): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('offline', () => {
    useStore.getState().connectionChanged('offline');
    s.io.engine?.close();
  });
  window.addEventListener('online', () => {
    // disconnect() ends socket.io's back-off wait; connect() tries now.
    if (s.active && !s.connected) s.disconnect().connect();
  });
  s.on('connect', () => (refusals = 0));
}

/** Sends a command; resolves with its ack once the server has it on disk (or refused it). */
export function send(command: Command): Promise<Ack> {
  const envelope: Envelope = { id: nanoid(), command };
  outbox.add(envelope);
  useStore.getState().pendingChanged(outbox.size);
  const done = new Promise<Ack>((resolve) => waiting.set(envelope.id, [resolve]));
  void pump();
  return done;
}

/** Sends the outbox in order, one command at a time, for as long as the socket is connected. */
async function pump(): Promise<void> {
  if (pumping) return;
  pumping = true;
  try {
    for (;;) {
      const s = socket;
      const next = outbox.all()[0];
      if (!s?.connected || !next) return;
      const ack = await deliver(s, next);
      if (ack === null || (!ack.ok && TRANSIENT.has(ack.error.code))) {
        // Lost (a dropped connection, no ack in time) or refused for now: same id, again later.
        if (s.connected) await sleep(RETRY_MS);
        continue;
      }
      settle(next, ack);
    }
  } finally {
    pumping = false;
  }
}

/** One try: the ack, or null if the connection dropped or no ack came in time. */
function deliver(s: AppSocket, envelope: Envelope): Promise<Ack | null> {
  return new Promise((resolve) => {
    const dropped = () => resolve(null);
    s.once('disconnect', dropped);
    s.timeout(ACK_TIMEOUT_MS).emit('command', envelope, (err: Error | null, ack: Ack) => {
      s.off('disconnect', dropped);
      resolve(err ? null : ack);
    });
  });
}

function settle(envelope: Envelope, ack: Ack): void {
  if (ack.ok && envelope.command.type === 'join' && current) {
    tokens.setParticipant(current.code, (ack.data as JoinResult).token);
  }
  // A participant's own view comes with the ack of their command.
  if (ack.ok && ack.me !== undefined) useStore.getState().receivedMe(ack.me as MeView | null);
  outbox.remove(envelope.id);
  useStore.getState().pendingChanged(outbox.size);
  for (const resolve of waiting.get(envelope.id) ?? []) resolve(ack);
  waiting.delete(envelope.id);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The console's current host token (it changes when the link is rotated). */
export function currentHostToken(): string | undefined {
  return hostToken;
}

/**
 * Console only: replaces the console link. The server makes a new host token, forgets the old
 * one and disconnects every console using it; this console then reconnects with the new one,
 * remembers it and puts it in the address bar. Resolves with the new link (to copy).
 */
export function rotateHostToken(): Promise<{ hostToken: string; hostUrl: string }> {
  const c = current;
  if (!c || c.as !== 'host' || !hostToken) return Promise.reject(new Error(errorText(useStore.getState().lang, { code: 'forbidden' })));
  const job = api.rotateHostToken(c.code, hostToken).then(
    (body) => {
      hostToken = body.hostToken;
      tokens.setHost(c.code, body.hostToken);
      return body;
    },
    (err: unknown) => {
      throw readable(err);
    },
  );
  rotating = job;
  return job.finally(() => {
    if (rotating === job) rotating = null;
    if (socket) reconnect(socket);
  });
}

/** Console only: erases a participant, an answer, or all withdrawn/hidden/removed/deleted content for good. */
export async function eraseForGood(target: EraseTarget): Promise<Erased> {
  const c = current;
  if (!c || c.as !== 'host' || !hostToken) throw new Error('only a connected console can erase');
  return api.erase(c.code, hostToken, target).catch((err: unknown) => {
    throw readable(err);
  });
}

/** A refusal as an Error whose message the reader can read (in their language). */
function readable(err: unknown): Error {
  return err instanceof ApiError ? new Error(errorText(useStore.getState().lang, err)) : (err as Error);
}

/** Connects a socket that socket.io will not reconnect by itself (once: connect() twice would send two handshakes). */
function reconnect(s: AppSocket): void {
  if (!s.connected && !s.active) s.connect();
}
