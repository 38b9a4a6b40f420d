// The sessions this node runs, in the clustered mode: it takes a session's lease before it reads
// the log (leases.ts), renews its leases every third of their life, and lets a session go the
// moment it learns the lease is gone – a renewal that comes back without it, or a commit refused
// by its fence. Then the session is no longer in memory here, and the next node to need it takes
// it over from the log.
import type { Fence } from '../store/store.ts';
import type { Leases } from './leases.ts';

export type OwnershipOptions = { node: string; ttlMs: number };

export class Ownership {
  private readonly held = new Map<string, number>();
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
      const got = await this.leases.acquire(code, this.options.node, this.options.ttlMs);
      if (got.ok) {
        this.held.set(code, got.generation);
        this.startRenewing();
        return true;
      }
      const left = until - Date.now();
      if (left <= 0) return false;
      // Try again just after it would expire (or soon, if the holder keeps renewing).
      await new Promise((r) => setTimeout(r, Math.min(left, Math.max(50, got.expiresInMs + 20), this.options.ttlMs / 3)));
    }
  }

  holds(code: string): boolean {
    return this.held.has(code);
  }

  /** What a commit of this session's events is fenced with. */
  fence(code: string): Fence {
    const generation = this.held.get(code);
    return { node: this.options.node, generations: new Map(generation === undefined ? [] : [[code, generation]]) };
  }

  /** The session is gone from this node (lost, or deleted): no renewal, and listeners told if lost. */
  drop(code: string, lost: boolean): void {
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
      if (!kept.has(code) && this.held.get(code) === generation) this.drop(code, true);
    }
  }

  /** Stops renewing and gives every lease up, so other nodes take the sessions at once (a drain, a stop). */
  async releaseAll(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    const held = [...this.held];
    this.held.clear();
    await Promise.allSettled(held.map(([code, generation]) => this.leases.release(code, this.options.node, generation)));
  }
}
