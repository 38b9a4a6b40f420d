// The Redis connection of a clustered install (REDIS_URL): the per-address limits all nodes share –
// the budgets (security/quotas.ts: new workshops, joins, password attempts, unknown join codes) and
// the open connections (connection-counts.ts). Commands are not queued while Redis is away – a
// limit then falls back to counting in this node's memory at once rather than making a request
// wait – and the client keeps reconnecting by itself. A Redis that is connected but does not
// answer (its machine gone without closing the connection) is given up on per command after
// COMMAND_TIMEOUT_MS, with the same fallback.
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type { SharedBudgets } from '../security/quotas.ts';

const COMMAND_TIMEOUT_MS = 500;

export async function sharedBudgets(config: Pick<Config, 'redisUrl' | 'redisPrefix' | 'databaseSchema'>): Promise<SharedBudgets | undefined> {
  if (!config.redisUrl) return undefined;
  const client = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true, commandTimeout: COMMAND_TIMEOUT_MS });
  let warned = false;
  client.on('error', (e: Error) => {
    if (!warned) console.warn(`redis: ${e.message}; the shared limits count per node until it is back`);
    warned = true;
  });
  client.on('ready', () => (warned = false));
  // A Redis that is not there at the start does not stop the node: the budgets count locally.
  await client.connect().catch(() => {});
  return { client, prefix: config.redisPrefix ?? `raadslag:${config.databaseSchema ?? 'public'}` };
}
