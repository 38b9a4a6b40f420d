// Limits per participant token, not per socket: one phone may have a few tabs open, and all of
// them share one message budget – opening 100 sockets with one token buys nothing. Joins (new
// participants) are limited per address per minute and per workshop in total.
import type { Config } from '../config.ts';
import { DEFAULTS } from '../config.ts';
import { RateLimiter } from '../rate-limit.ts';
import { budget, type Budget } from './quotas.ts';

/** Messages per second and burst, per participant (all its sockets) or per console/screen socket. */
export const MESSAGE_RATE = { rate: 20, burst: 40 } as const;

const FORGET_MS = 5000;

export type ParticipantLimits = {
  /** Counts a socket of this participant; false when it already has the maximum open. */
  open: (code: string, participantId: string) => boolean;
  close: (code: string, participantId: string) => void;
  /** The message budget shared by all sockets of one participant. */
  limiter: (code: string, participantId: string) => RateLimiter;
  joins: Budget;
  maxParticipants: number;
};

export function participantLimits(config: Pick<Config, 'socketsPerParticipant' | 'joinsPerIpPerMinute' | 'maxParticipants'>): ParticipantLimits {
  const maxSockets = config.socketsPerParticipant ?? DEFAULTS.socketsPerParticipant;
  const open = new Map<string, { sockets: number; limiter: RateLimiter }>();
  const keyOf = (code: string, id: string) => `${code}:${id}`;
  return {
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
    joins: budget(config.joinsPerIpPerMinute, 60),
    maxParticipants: config.maxParticipants ?? DEFAULTS.maxParticipants,
  };
}
