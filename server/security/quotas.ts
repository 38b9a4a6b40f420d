// Per-address budgets (rate-limiter-flexible, in memory: a restart forgets them, nothing is
// logged or stored). Every budget is *taken before* the work it guards, so requests in flight
// count at once: pipelining or parallel requests gain nothing. Work that turns out not to count
// (a correct password) is given back. With several nodes (REDIS_URL), the budgets live in Redis,
// shared by all nodes, so an address gets one budget however the balancer spreads its requests;
// while Redis is out of reach, each node counts in memory (rate-limiter-flexible's insurance).
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** Budgets shared through Redis: the client, and a prefix of the installation's own. */
export type SharedBudgets = { client: Redis; prefix: string };

/** 0: allowed; otherwise the seconds until the address may try again. */
export type Budget = {
  take: (key: string) => Promise<number>;
  refund: (key: string) => void;
};

/** A budget whose state can also be read without taking from it. */
export type Throttle = Budget & {
  /** 0 while the key has points left; once it has used them all, the seconds until it may try again. */
  peek: (key: string) => Promise<number>;
};

const UNLIMITED: Throttle = { take: () => Promise.resolve(0), refund: () => {}, peek: () => Promise.resolve(0) };
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * `points` per `duration` seconds per key; over it, the key waits `blockSeconds` (default: the window's
 * rest). `shared`: kept in Redis under the budget's `name`, for every node alike.
 */
export function budget(points: number | undefined, duration: number, blockSeconds = 0, shared?: { store: SharedBudgets; name: string }): Throttle {
  if (!points || points <= 0) return UNLIMITED;
  const options = { points, duration, blockDuration: blockSeconds };
  const limiter: RateLimiterAbstract = shared
    ? new RateLimiterRedis({ ...options, storeClient: shared.store.client, keyPrefix: `${shared.store.prefix}:${shared.name}`, insuranceLimiter: new RateLimiterMemory(options) })
    : new RateLimiterMemory(options);
  return {
    take: (key) =>
      limiter.consume(key).then(
        () => 0,
        (res: unknown) => {
          if (res instanceof RateLimiterRes) return seconds(res.msBeforeNext);
          throw res;
        },
      ),
    refund: (key) => void limiter.reward(key, 1),
    peek: (key) => limiter.get(key).then((res) => (res && res.consumedPoints >= points ? seconds(res.msBeforeNext) : 0)),
  };
}

/**
 * Password attempts with back-off: 10 a minute per address, then a minute's wait; 30 an hour,
 * then an hour's wait. Every attempt is taken before the password is compared; a correct one is
 * given back, so a facilitator who logs in often never runs out.
 */
export function passwordBudget(shared?: SharedBudgets): Budget {
  const minute = budget(10, 60, 60, shared && { store: shared, name: 'password-minute' });
  const hour = budget(30, 60 * 60, 60 * 60, shared && { store: shared, name: 'password-hour' });
  return {
    async take(key) {
      const wait = await minute.take(key);
      if (wait) return wait;
      const long = await hour.take(key);
      if (long) minute.refund(key);
      return long;
    },
    refund(key) {
      minute.refund(key);
      hour.refund(key);
    },
  };
}
