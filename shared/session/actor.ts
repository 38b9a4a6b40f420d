/** Who sent a command: decided by the gateway from the socket's handshake, never from the payload. */
export type Actor =
  | { kind: 'host' }
  | { kind: 'screen' }
  /**
   * A phone that has not joined. `device`: the server's pseudonym of the phone's own device id
   * for this session (a hash; the raw id is never stored), so that a ban can refuse it.
   */
  | { kind: 'guest'; device?: string }
  | { kind: 'participant'; participantId: string }
  /** The server itself: timers coming back in as commands. */
  | { kind: 'system' };

/** Time, ids, secrets and chance come in from outside so that the core stays deterministic. */
export type Context = {
  actor: Actor;
  now: number;
  newId: (prefix: string) => string;
  newToken: () => string;
  /** Uniform in [0, 1). Without it, a generator seeded from `now` is used: still deterministic. */
  random?: () => number;
};

/** mulberry32: a small, well-known seeded generator, for shuffles that must replay identically. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
