// Per-address limits against abuse, in memory only (a restart forgets them, and nothing here is
// logged or stored). Two of them:
//  - ConnectionCounter: open connections per address, so that one machine cannot take every
//    socket the server can hold. Venues behind NAT share one address: the cap is generous.
//  - WrongCodeThrottle: lookups of unknown session codes per address per minute, so that join
//    codes cannot be found by trying. Once over, every lookup without a valid token is refused
//    until the window passes – refusing only the misses would tell a prober which codes exist.

export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  add(key: string): number {
    const n = (this.open.get(key) ?? 0) + 1;
    this.open.set(key, n);
    return n;
  }

  remove(key: string): void {
    const n = (this.open.get(key) ?? 0) - 1;
    if (n <= 0) this.open.delete(key);
    else this.open.set(key, n);
  }

  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}

type Window = { start: number; misses: number };

export class WrongCodeThrottle {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  /** `limit` misses per `windowMs` per address; 0 turns the throttle off. */
  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {
    this.lastSweep = clock();
  }

  /** True while this address has used up its misses for the current window. */
  blocked(key: string): boolean {
    if (this.limit <= 0) return false;
    const w = this.current(key);
    return w !== undefined && w.misses >= this.limit;
  }

  /** Records a lookup of a code that does not exist. */
  miss(key: string): void {
    if (this.limit <= 0) return;
    const now = this.clock();
    this.sweep(now);
    const w = this.current(key);
    if (w) w.misses++;
    else this.windows.set(key, { start: now, misses: 1 });
  }

  /** Gives back a miss counted ahead of a lookup that then found its session. */
  refund(key: string): void {
    const w = this.current(key);
    if (w && w.misses > 0) w.misses--;
  }

  /** Seconds until this address may try again (for Retry-After). */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - this.clock()) / 1000)) : 0;
  }

  /** Addresses currently remembered (the map never outgrows a minute of misses). */
  get size(): number {
    return this.windows.size;
  }

  private current(key: string): Window | undefined {
    const w = this.windows.get(key);
    if (w && this.clock() - w.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
