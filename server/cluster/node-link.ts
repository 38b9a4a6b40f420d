// Requests between nodes, in the clustered mode: a node holding a socket of a workshop that
// another node runs asks that node (the owner) – over Redis PUB/SUB, one channel per node – and
// the answer comes back on the asker's own channel. PUB/SUB rather than a stream: a request is
// worth nothing once its asker gave up on it (the phone resends a command whose ack it did not
// get, with the same id, and the owner applies it once), so nothing needs keeping. PUBLISH says
// how many listened: none means the node is gone (its connection to Redis closed with it), which
// the asker learns at once instead of waiting out a timeout.
import { Redis } from 'ioredis';

/** The node asked is not listening: it died, or stopped. */
export class NodeGone extends Error {
  constructor(readonly node: string) {
    super(`node ${node} is gone`);
  }
}

/** No answer in time (the node is paused, or far behind). */
export class NoAnswer extends Error {}

type Request = { id: number; from: string; kind: string; body: unknown };
type Reply = { re: number; ok: true; body: unknown } | { re: number; ok: false; message: string };
type Pending = { resolve: (body: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; tag: string; node: string };

export type Handler = (kind: string, body: unknown) => Promise<unknown>;

export class NodeLink {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private handler: Handler = () => Promise.reject(new Error('not serving'));

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    readonly node: string,
    private readonly prefix: string,
  ) {}

  /** How often requests waiting on a node check that it still listens (a node killed mid-request). */
  private static readonly WATCH_MS = 250;
  private watch: NodeJS.Timeout | undefined;

  /** Listening on this node's channel when it resolves. */
  static async open(url: string, node: string, prefix: string): Promise<NodeLink> {
    // Commands wait while Redis reconnects (a blip) rather than fail at once; a request that
    // waits too long is given up on by its own timeout.
    const pub = new Redis(url, { lazyConnect: true });
    const sub = new Redis(url, { lazyConnect: true });
    for (const c of [pub, sub]) c.on('error', () => {}); // ioredis reconnects by itself; requests fail meanwhile
    await Promise.all([pub.connect(), sub.connect()]);
    const link = new NodeLink(pub, sub, node, prefix);
    sub.on('message', (_channel: string, text: string) => link.received(text));
    await sub.subscribe(link.channel(node));
    return link;
  }

  private channel(node: string): string {
    return `${this.prefix}:node:${node}`;
  }

  /** What this node answers other nodes' requests with. */
  serve(handler: Handler): void {
    this.handler = handler;
  }

  /**
   * Asks `node`; resolves with its answer. Rejects with NodeGone when nobody listens on its
   * channel, NoAnswer after `timeoutMs`, or the error the node answered with. `tag` groups
   * requests for `failAll` (a workshop's code).
   */
  async call<T>(node: string, kind: string, body: unknown, timeoutMs: number, tag = ''): Promise<T> {
    const id = this.nextId++;
    const answered = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new NoAnswer(`node ${node} did not answer ${kind} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, tag, node });
    });
    answered.catch(() => {});
    const request: Request = { id, from: this.node, kind, body };
    const listeners = await this.pub.publish(this.channel(node), JSON.stringify(request)).catch((e: Error) => {
      this.settle(id, (p) => p.reject(e));
      return -1;
    });
    // Gone: so is every request still waiting on it, which would otherwise wait out its timeout.
    if (listeners === 0) this.gone(node);
    else this.watch ??= setInterval(() => void this.watchWaiting(), NodeLink.WATCH_MS);
    return answered as Promise<T>;
  }

  /** Every request still waiting on `node` fails: it is gone. */
  private gone(node: string): void {
    for (const [id, p] of this.pending) if (p.node === node) this.settle(id, (x) => x.reject(new NodeGone(node)));
  }

  /**
   * A node that dies while requests wait on it never answers them; Redis knows at once that its
   * channel lost its listener (the connection closed with the process), so each node waited on is
   * asked about every WATCH_MS – rather than every request waiting out its timeout.
   */
  private async watchWaiting(): Promise<void> {
    const nodes = new Set([...this.pending.values()].map((p) => p.node));
    if (nodes.size === 0) {
      clearInterval(this.watch);
      this.watch = undefined;
      return;
    }
    const counts = (await this.pub.pubsub('NUMSUB', ...[...nodes].map((n) => this.channel(n))).catch(() => [])) as (string | number)[];
    [...nodes].forEach((node, i) => {
      if (Number(counts[2 * i + 1] ?? 1) === 0) this.gone(node);
    });
  }

  /** Every request tagged `tag` still waiting on another node than `except` fails now with `error` (its workshop moved on). */
  failAll(tag: string, error: Error, except?: string): void {
    for (const [id, p] of this.pending) if (p.tag === tag && p.node !== except) this.settle(id, (x) => x.reject(error));
  }

  private settle(id: number, how: (p: Pending) => void): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    how(p);
  }

  private received(text: string): void {
    let message: Request | Reply;
    try {
      message = JSON.parse(text) as Request | Reply;
    } catch {
      return; // not ours: only nodes publish here
    }
    if ('re' in message) return this.settle(message.re, (p) => (message.ok ? p.resolve(message.body) : p.reject(new Error(message.message))));
    const { id, from, kind, body } = message;
    void this.handler(kind, body).then(
      (result): Reply => ({ re: id, ok: true, body: result }),
      (e: unknown): Reply => ({ re: id, ok: false, message: e instanceof Error ? e.message : String(e) }),
    ).then((reply) => this.pub.publish(this.channel(from), JSON.stringify(reply)).catch(() => {}));
  }

  close(): void {
    clearInterval(this.watch);
    for (const id of [...this.pending.keys()]) this.settle(id, (p) => p.reject(new NoAnswer('closing')));
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
