// Limits per participant token, not per socket: one phone may have a few tabs open, and all of
// them share one message budget – opening 100 sockets with one token buys nothing. Joins (new
// participants) are limited per address per minute and per workshop in total. A participant whose
// sockets go on sending while refused (a flood: the real client sends one command at a time and
// waits a second after a refusal) is let go and kept out for a while, so that a flood costs the
// server refused handshakes at the flooder's own pace rather than a message each.
import type { Config } from '../config.ts';
import { DEFAULTS } from '../config.ts';
import { RateLimiter } from '../rate-limit.ts';
import { budget, type Budget, type SharedBudgets } from './quotas.ts';

/** Messages per second and burst, per participant (all its sockets) or per console/screen socket. */
export const MESSAGE_RATE = { rate: 20, burst: 40 } as const;

const FORGET_MS = 5000;
/**
 * Refusals a participant (or a console/screen socket) may collect: far above what the client
 * ever causes (one a second per tab at most), far below a flood (thousands a second).
 */
export const FLOOD = { rate: 5, burst: 100 } as const;
/** How long a flooder's handshakes are refused (rate_limited; the client retries by itself). */
export const FLOOD_COOLDOWN_MS = 10_000;

export type ParticipantLimits = {
  /** Counts a socket of this participant; false when it already has the maximum open. */
  open: (code: string, participantId: string) => boolean;
  close: (code: string, participantId: string) => void;
  /** The message budget shared by all sockets of one participant. */
  limiter: (code: string, participantId: string) => RateLimiter;
  /** Counts a refusal of this participant's; true when that makes it a flood (it is then kept out). */
  flooded: (code: string, participantId: string) => boolean;
  /** Whether this participant is kept out for flooding. */
  coolingDown: (code: string, participantId: string) => boolean;
  joins: Budget;
  maxParticipants: number;
};

/** `shared`: the joins budget in Redis, one per address across nodes (quotas.ts). */
export function participantLimits(config: Pick<Config, 'socketsPerParticipant' | 'joinsPerIpPerMinute' | 'maxParticipants'>, shared?: SharedBudgets): ParticipantLimits {
  const maxSockets = config.socketsPerParticipant ?? DEFAULTS.socketsPerParticipant;
  const open = new Map<string, { sockets: number; limiter: RateLimiter }>();
  const refusals = new Map<string, RateLimiter>();
  const cooling = new Map<string, number>();
  const keyOf = (code: string, id: string) => `${code}:${id}`;
  return {
    flooded(code, id) {
      const key = keyOf(code, id);
      let bucket = refusals.get(key);
      if (!bucket) {
        refusals.set(key, (bucket = new RateLimiter(FLOOD.rate, FLOOD.burst)));
        // Forgotten once it would have refilled: the map holds only recent refusers.
        setTimeout(() => refusals.delete(key), (FLOOD.burst / FLOOD.rate) * 1000).unref();
      }
      if (bucket.take()) return false;
      cooling.set(key, Date.now() + FLOOD_COOLDOWN_MS);
      setTimeout(() => cooling.delete(key), FLOOD_COOLDOWN_MS).unref();
      return true;
    },
    coolingDown(code, id) {
      const until = cooling.get(keyOf(code, id));
      return until !== undefined && until > Date.now();
    },
    open(code, id) {
      const key = keyOf(code, id);
      const entry = open.get(key) ?? { sockets: 0, limiter: new RateLimiter(MESSAGE_RATE.rate, MESSAGE_RATE.burst) };
      if (maxSockets > 0 && entry.sockets >= maxSockets) return false;
      entry.sockets++;
      open.set(key, entry);
      return true;
    },
    close(code, id) {
      const key = keyOf(code, id);
      const entry = open.get(key);
      if (!entry) return;
      // The budget outlives the last socket by a few seconds (by then it has refilled anyway), so
      // that closing and reopening sockets does not buy a fresh burst.
      if (--entry.sockets > 0) return;
      setTimeout(() => {
        if (open.get(key)?.sockets === 0) open.delete(key);
      }, FORGET_MS).unref();
    },
    limiter(code, id) {
      const entry = open.get(keyOf(code, id));
      return entry?.limiter ?? new RateLimiter(MESSAGE_RATE.rate, MESSAGE_RATE.burst);
    },
    joins: budget(config.joinsPerIpPerMinute, 60, 0, shared && { store: shared, name: 'joins' }),
    maxParticipants: config.maxParticipants ?? DEFAULTS.maxParticipants,
  };
}
