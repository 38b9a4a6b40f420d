// A socket.io client that behaves like the app's own (client/net/connection.ts): it reconnects
// by itself, and a command that was not acknowledged is sent again, with the same id, until it
// is – across dropped connections and server restarts. Only tests import this module.
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import type { Ack, Audience, ErrorCode } from '../../shared/protocol.ts';
import type { MeView } from '../../shared/session/views.ts';

export type Command = { type: string; [field: string]: unknown };
export type Delivered = { id: string; command: Command; ack: Ack; attempts: number };

const TRANSIENT = new Set<ErrorCode>(['rate_limited', 'internal']);

export class ResilientClient<V = unknown> {
  readonly socket: Socket;
  view: V | undefined;
  me: MeView | null | undefined;
  token: string | undefined;
  /** Sends of a command after its first (a lost ack or a dropped connection). */
  resends = 0;
  /** The last disconnect or refused connection, for a test's diagnostics. */
  lastProblem = '';
  readonly device = nanoid();
  private waiters: (() => void)[] = [];

  constructor(url: string, code: string, as: Audience, token?: string) {
    this.token = token;
    this.socket = io(url, {
      transports: ['websocket'],
      // Like the app, a phone sends its own device id: a retried join is answered to it alone.
      auth: (cb) => cb({ code, as, device: this.device, ...(this.token ? { token: this.token } : {}) }),
      // Like the app, the code in the URL as well, for a load balancer to route by.
      query: { code },
      forceNew: true,
      // Like the app (500 ms – 5 s), a little quicker, so a test's restart is over sooner.
      reconnectionDelay: 250,
      reconnectionDelayMax: 1000,
      timeout: 4000,
    });
    this.socket.on('view', (v: V) => {
      this.view = v;
      this.wake();
    });
    this.socket.on('me', (m: MeView | null) => {
      this.me = m;
      this.wake();
    });
    this.socket.on('update', ({ view, me }: { view: V; me: MeView | null }) => {
      this.view = view;
      this.me = me;
      this.wake();
    });
    this.socket.on('connect', () => this.wake());
    // Like the app: a refusal that may pass (a busy server, a workshop moving between nodes)
    // stops socket.io's own retries, so the client tries again itself.
    this.socket.on('disconnect', (reason) => (this.lastProblem = `disconnect: ${reason}`));
    this.socket.on('connect_error', (err: Error & { data?: { code?: ErrorCode } }) => {
      this.lastProblem = `connect_error: ${err.data?.code ?? ''} ${err.message}`;
      if (err.data?.code && TRANSIENT.has(err.data.code)) setTimeout(() => this.socket.connect(), 300 + Math.random() * 400);
    });
  }

  /** Resolves with the ack of the command once the server has acknowledged it. */
  async deliver(command: Command, id: string = nanoid()): Promise<Delivered> {
    const envelope = { id, command };
    for (let attempts = 1; ; attempts++) {
      await this.until(() => this.socket.connected, `a connection to send ${command.type}`);
      if (attempts > 1) this.resends++;
      const ack = await this.tryOnce(envelope);
      if (ack && !(!ack.ok && TRANSIENT.has(ack.error.code))) return { id, command, ack, attempts };
      if (ack) await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** One send: the ack, or null when the connection drops first or no ack comes in time. */
  private tryOnce(envelope: object): Promise<Ack | null> {
    return new Promise((resolve) => {
      const dropped = () => resolve(null);
      this.socket.once('disconnect', dropped);
      this.socket.timeout(4000).emit('command', envelope, (err: Error | null, ack: Ack) => {
        this.socket.off('disconnect', dropped);
        // Like the app: a participant's own view comes with the ack of their command.
        if (!err && ack.ok && ack.me !== undefined) {
          this.me = ack.me as MeView | null;
          this.wake();
        }
        resolve(err ? null : ack);
      });
    });
  }

  until(check: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (connected: ${this.socket.connected})`));
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
