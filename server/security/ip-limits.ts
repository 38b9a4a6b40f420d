// Open connections per address on this node, in memory only (a restart forgets them, and nothing
// here is logged or stored), so that one machine cannot take every socket the server can hold.
// Venues behind NAT share one address: the cap is generous. With several nodes, the cap itself is
// checked against the count of all nodes (cluster/connection-counts.ts), which mirrors this one;
// this node's own count stays the quick flood guard and the fallback while Redis is away.
// (The wrong-code throttle is a budget: guards.ts.)

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

  /** Every address with its open connections (what the node writes to Redis). */
  entries(): [string, number][] {
    return [...this.open];
  }
}
