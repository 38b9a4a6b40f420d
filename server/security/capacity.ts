// What the server can hold: workshops per address per minute, workshops in total, and free disk.
// New workshops (and uploads) are refused with a clear message before SQLite runs the disk full;
// workshops already running go on.
import fs from 'node:fs';
import type { Request, RequestHandler } from 'express';
import type { Config } from '../config.ts';
import type { Budget } from './quotas.ts';

type Quotas = Pick<Config, 'dataDir' | 'maxSessions' | 'minFreeDiskMb'>;

/** `sessions.total`: the workshops stored in all – with several nodes, on all of them (sessions.ts). */
export function creationQuota(config: Quotas, sessions: { total: () => Promise<number> }, perAddress: Budget, keyOf: (req: Request) => string): RequestHandler {
  return (req, res, next) => {
    void perAddress.take(keyOf(req)).then(async (wait) => {
      if (wait) {
        res.setHeader('Retry-After', String(wait));
        return void res.status(429).json({ error: { code: 'rate_limited', message: 'too many new workshops from this network; wait a minute' } });
      }
      if (config.maxSessions && (await sessions.total()) >= config.maxSessions) {
        return void res.status(503).json({ error: { code: 'too_many_sessions', message: `the server holds its maximum of ${config.maxSessions} workshops; delete old ones first` } });
      }
      const full = diskFull(config);
      if (full) return void res.status(507).json({ error: { code: 'disk_full', message: full } });
      next();
    }).catch(next); // the count out of reach (the database): an error, not a creation let through
  };
}

/** A message when the data folder's disk has less than MIN_FREE_DISK_MB free, else undefined. */
export function diskFull(config: Pick<Config, 'dataDir' | 'minFreeDiskMb'>): string | undefined {
  if (!config.minFreeDiskMb) return undefined;
  const stat = fs.statfsSync(config.dataDir);
  const freeMb = Math.floor((stat.bavail * stat.bsize) / (1024 * 1024));
  if (freeMb >= config.minFreeDiskMb) return undefined;
  return `the server's disk is nearly full (${freeMb} MB free, ${config.minFreeDiskMb} MB kept in reserve): no new workshops or uploads until space is freed; running workshops go on`;
}
