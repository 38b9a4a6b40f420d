// Test harness for the server: a real server on port 0 with a temporary data folder, sessions
// made over HTTP, and real socket.io clients that remember the latest view, `me` and `hello`.
// Only tests import this module.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import type { Ack, Audience, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.ts';
import type { HostView, MeView, ParticipantView, ScreenView } from '../../shared/session/views.ts';
import type { Config } from '../config.ts';
import { startServer, type RunningServer } from '../server.ts';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Created = { code: string; hostToken: string; hostUrl: string; screenUrl: string; joinUrl: string };

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-test-'));
}

export function testConfig(dataDir: string, port = 0): Config {
  return {
    port,
    host: '127.0.0.1',
    dataDir,
    questionsDir: path.join(REPO, 'questions'),
    clientDir: path.join(REPO, 'dist', 'client'),
  };
}

/** A running server and everything a test needs to drive it; close() also closes its clients. */
export class Harness {
  private readonly clients = new Set<TestClient<unknown>>();

  private constructor(
    readonly server: RunningServer,
    readonly dataDir: string,
  ) {}

  static async start(dataDir = tempDataDir()): Promise<Harness> {
    return new Harness(await startServer(testConfig(dataDir)), dataDir);
  }

  get url(): string {
    return this.server.url;
  }

  async createSession(body: object = {}): Promise<Created> {
    return createSession(this.url, body);
  }

  /** Connects and waits for the first view (the server sends one to every new socket). */
  async connect<V = unknown>(auth: ClientAuth): Promise<TestClient<V>> {
    const client = await TestClient.connect<V>(this.url, auth);
    this.clients.add(client);
    return client;
  }
  host(created: Created): Promise<TestClient<HostView>> {
    return this.connect<HostView>({ code: created.code, as: 'host', token: created.hostToken });
  }
  screen(created: Created): Promise<TestClient<ScreenView>> {
    return this.connect<ScreenView>({ code: created.code, as: 'screen' });
  }
  participant(created: Created, token?: string): Promise<TestClient<ParticipantView>> {
    return this.connect<ParticipantView>({ code: created.code, as: 'participant', ...(token ? { token } : {}) });
  }

  /** Closes the clients, then the server; the data folder stays for a restart. */
  async close(): Promise<void> {
    for (const c of this.clients) c.close();
    this.clients.clear();
    await this.server.close();
  }
}

export async function createSession(url: string, body: object = {}): Promise<Created> {
  const res = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST /api/sessions: ${res.status} ${await res.text()}`);
  return (await res.json()) as Created;
}

export type ClientAuth = { code: string; as: Audience; token?: string };
type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client: remembers what the server last pushed and waits for what a test expects. */
export class TestClient<V> {
  view: V | undefined;
  me: MeView | null | undefined;
  hello: { serverNow: number; protocol: number; audience: Audience } | undefined;
  viewCount = 0;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: ClientSocket) {
    socket.on('view', (v) => {
      this.view = v as V;
      this.viewCount++;
      this.wake();
    });
    socket.on('me', (m) => {
      this.me = m as MeView | null;
      this.wake();
    });
    socket.on('update', ({ view, me }) => {
      this.view = view as V;
      this.viewCount++;
      this.me = me as MeView | null;
      this.wake();
    });
    socket.on('hello', (h) => {
      this.hello = h;
      this.wake();
    });
  }

  static connect<V>(url: string, auth: ClientAuth, timeoutMs = 5000): Promise<TestClient<V>> {
    // query: the code in the URL, as the app sends it for a load balancer (deploy/haproxy/).
    const socket: ClientSocket = io(url, { transports: ['websocket'], auth, query: { code: auth.code }, reconnection: false, forceNew: true, timeout: timeoutMs });
    const client = new TestClient<V>(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect_error', (e) => {
        socket.close();
        reject(e);
      });
      client.until(() => client.view !== undefined, 'the first view', timeoutMs).then(() => resolve(client), reject);
    });
  }

  /** Sends one command in an envelope; `id` defaults to a fresh client id. */
  send(command: object, id: string = nanoid()): Promise<Ack> {
    return this.sendRaw({ id, command });
  }
  sendRaw(envelope: unknown): Promise<Ack> {
    return (this.socket.timeout(5000).emitWithAck('command', envelope) as Promise<Ack>).then((ack) => {
      // Like the app: a participant's own view comes with the ack of their command.
      if (ack.ok && ack.me !== undefined) {
        this.me = ack.me as MeView | null;
        this.wake();
      }
      return ack;
    });
  }
  /** Like send(), but fails the test on a rejection; returns the ack's data. */
  async must<T = unknown>(command: object): Promise<T> {
    const ack = await this.send(command);
    if (!ack.ok) throw new Error(`${JSON.stringify(command)} rejected: ${ack.error.code} – ${ack.error.message}`);
    return ack.data as T;
  }

  /** Resolves with the latest view once it satisfies the predicate (views are coalesced). */
  async waitForView(predicate: (view: V) => boolean, what = 'a matching view', timeoutMs = 5000): Promise<V> {
    await this.until(() => this.view !== undefined && predicate(this.view), what, timeoutMs);
    return this.view!;
  }
  async waitForMe(predicate: (me: MeView) => boolean, what = 'a matching me', timeoutMs = 5000): Promise<MeView> {
    await this.until(() => !!this.me && predicate(this.me), what, timeoutMs);
    return this.me!;
  }

  until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last view: ${JSON.stringify(this.view)?.slice(0, 400)}`));
      }, timeoutMs);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      };
      this.waiters.push(waiter);
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }

  close(): void {
    this.socket.close();
  }
}

/** Tries a handshake that should fail; resolves with the connect_error. */
export function connectError(url: string, auth: unknown): Promise<Error & { data?: { code?: string } }> {
  // The code in the URL too, as the app sends it – when the (perhaps malformed) auth has one.
  const code = (auth as { code?: unknown } | null)?.code;
  const query = typeof code === 'string' ? { code } : {};
  const socket = io(url, { transports: ['websocket'], auth: auth as object, query, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the handshake was accepted'));
    });
    socket.once('connect_error', (e) => {
      socket.close();
      resolve(e);
    });
  });
}

/** Runs async jobs with at most `limit` in flight, keeping each socket under its rate limit. */
export async function inBatches<T, R>(items: readonly T[], limit: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    out.push(...(await Promise.all(items.slice(i, i + limit).map((item, j) => job(item, i + j)))));
  }
  return out;
}

/** The agenda index of a question, read from a host view. */
export function stepIndex(view: HostView, questionId: string): number {
  const item = view.agenda.find((a) => a.questionId === questionId);
  if (!item) throw new Error(`no agenda step for ${questionId}`);
  return item.index;
}
