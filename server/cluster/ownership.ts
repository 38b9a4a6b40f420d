// The sessions this node runs, in the clustered mode: it takes a session's lease before it reads
// the log (leases.ts), renews its leases every third of their life, and lets a session go the
// moment it learns the lease is gone – a renewal that comes back without it, or a commit refused
// by its fence. Then the session is no longer in memory here, and the next node to need it takes
// it over from the log.
import type { Fence } from '../store/store.ts';
import type { Acquired, Leases } from './leases.ts';

export type OwnershipOptions = { node: string; ttlMs: number };

export class Ownership {
  private readonly held = new Map<string, number>();
  /** When each lease was taken: a session just taken is not handed on at once (no ping-pong). */
  private readonly takenAt = new Map<string, number>();
  /** When each lease was last known to be this node's (the moment its take or renewal was sent). */
  private readonly confirmedAt = new Map<string, number>();
  private handoverListener: (code: string) => void = () => {};
  private timer: NodeJS.Timeout | undefined;
  private lostListener: (code: string) => void = () => {};

  constructor(
    private readonly leases: Leases,
    readonly options: OwnershipOptions,
  ) {}

  /** Called with each session this node lost (another node holds it now). */
  onLost(listener: (code: string) => void): void {
    this.lostListener = listener;
  }

  /**
   * Takes the session's lease, waiting while another node holds it – at most `waitMs` (an owner
   * that died lets its lease run out within ttlMs). Resolves false if it is still held then.
   */
  async take(code: string, waitMs = this.options.ttlMs * 2): Promise<boolean> {
    const until = Date.now() + waitMs;
    for (;;) {
      const got = await this.tryTake(code);
      if (got.ok) return true;
      // A live node holds it: the load balancer sends the workshop here now (a node was added or
      // came back), so the holder is asked to hand it over rather than to keep it until it dies –
      // again each round, since a holder that took it moments ago keeps it for a while first.
      if (got.holder) await this.leases.requestHandover(code).catch(() => {});
      const left = until - Date.now();
      if (left <= 0) return false;
      // Try again just after it would expire (or soon, if the holder keeps renewing).
      await new Promise((r) => setTimeout(r, Math.min(left, Math.max(50, got.expiresInMs + 20), this.options.ttlMs / 3)));
    }
  }

  /** One attempt: the lease is this node's now if it was free, expired or already its own; else who holds it. */
  async tryTake(code: string): Promise<Acquired> {
    const sent = Date.now();
    const got = await this.leases.acquire(code, this.options.node, this.options.ttlMs);
    if (!got.ok) return got;
    this.confirmedAt.set(code, sent);
    if (!this.held.has(code)) this.takenAt.set(code, Date.now());
    this.held.set(code, got.generation);
    this.startRenewing();
    return got;
  }

  /**
   * Listens for other nodes asking for a session this node holds; `listener` gets each one this
   * node has held for at least a lease's life (a session just taken stays put for that long, so
   * that two nodes that both get its traffic for a moment do not pass it to and fro).
   */
  async listen(listener: (code: string) => void): Promise<void> {
    this.handoverListener = listener;
    await this.leases.onHandoverRequested((code) => {
      const taken = this.takenAt.get(code);
      if (this.held.has(code) && taken !== undefined && Date.now() - taken >= this.options.ttlMs) this.handoverListener(code);
    });
  }

  /** Gives one session's lease up now (handed over): the asking node takes it at once. */
  async release(code: string): Promise<void> {
    const generation = this.held.get(code);
    this.held.delete(code);
    this.takenAt.delete(code);
    this.confirmedAt.delete(code);
    if (generation !== undefined) await this.leases.release(code, this.options.node, generation);
  }

  holds(code: string): boolean {
    return this.held.has(code);
  }

  /**
   * Held, and renewed less than a lease's life ago: no other node can have taken it meanwhile. A
   * node that was paused (or cut off from the database) past that may have lost it without
   * knowing yet, and must not speak for the session until its renewal says.
   */
  surelyHolds(code: string): boolean {
    const at = this.confirmedAt.get(code);
    return this.held.has(code) && at !== undefined && Date.now() - at < this.options.ttlMs;
  }

  /** Whether another node held the session's lease before this node took it (a generation before this one). */
  inherited(code: string): boolean {
    return (this.held.get(code) ?? 0) > 1;
  }

  /** What a commit of this session's events is fenced with. */
  fence(code: string): Fence {
    const generation = this.held.get(code);
    return { node: this.options.node, generations: new Map(generation === undefined ? [] : [[code, generation]]) };
  }

  /** The session is gone from this node (lost, or deleted): no renewal, and listeners told if lost. */
  drop(code: string, lost: boolean): void {
    this.takenAt.delete(code);
    this.confirmedAt.delete(code);
    if (!this.held.delete(code)) return;
    if (lost) this.lostListener(code);
  }

  private startRenewing(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.renew(), this.options.ttlMs / 3);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    const asked = new Map(this.held);
    const sent = Date.now();
    let kept: Set<string>;
    try {
      kept = await this.leases.renew(this.options.node, asked, this.options.ttlMs);
    } catch (e) {
      // The database is out of reach: nothing is renewed, and nothing can be committed either.
      // If it stays away past the expiry, commits are refused by their fence and sessions let go.
      console.warn(`cluster: could not renew leases (${(e as Error).message})`);
      return;
    }
    for (const [code, generation] of asked) {
      if (kept.has(code)) this.confirmedAt.set(code, sent);
      else if (this.held.get(code) === generation) this.drop(code, true);
    }
  }

  /** Stops renewing and gives every lease up, so other nodes take the sessions at once (a drain, a stop). */
  async releaseAll(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const held = [...this.held];
    this.held.clear();
    this.confirmedAt.clear();
    await Promise.allSettled(held.map(([code, generation]) => this.leases.release(code, this.options.node, generation)));
  }
}
