// Which store a server runs on: the embedded SQLite file by default, PostgreSQL when
// DATABASE_URL is set (the clustered mode). Everything above the Store interface is the same.
import { createHash } from 'node:crypto';
import type { Config } from '../config.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

export async function openStore(config: Pick<Config, 'dataDir' | 'synchronous' | 'databaseUrl' | 'databaseSchema' | 'leaseTtlMs'>): Promise<Store> {
  // The tests' PostgreSQL pass: every server a test starts, whatever config it was given.
  const url = config.databaseUrl ?? (testsUsePostgres() ? process.env.DATABASE_URL : undefined);
  if (!url) return openSqliteStore(config.dataDir, undefined, config.synchronous ?? 'full');
  const { openPgStore } = await import('./pg-store.ts');
  const schema = config.databaseSchema ?? schemaPerDataDir(config.dataDir);
  // The tests' servers run side by side, a few connections each: PostgreSQL allows 100 in all.
  // A transaction idle for a lease's life is ended (see PgStoreOptions): a paused node's commit
  // must not hold its successor up.
  const idle = config.leaseTtlMs ? { idleInTransactionMs: config.leaseTtlMs } : {};
  return openPgStore({ url, ...(schema ? { schema } : {}), ...(testsUsePostgres() ? { poolSize: 3 } : {}), ...idle });
}

/**
 * The test suite's PostgreSQL run (RAADSLAG_SCHEMA_PER_DATA_DIR=1): every test server's data
 * folder gets a schema of its own, so tests running side by side never see each other's
 * sessions, and a restarted server on the same folder finds its own again.
 */
function schemaPerDataDir(dataDir: string): string | undefined {
  return process.env.RAADSLAG_SCHEMA_PER_DATA_DIR === '1' ? schemaOf(dataDir) : undefined;
}

export const schemaOf = (dataDir: string): string => `t_${createHash('sha256').update(dataDir).digest('hex').slice(0, 24)}`;

/** Whether this process's tests run against PostgreSQL (the second pass of npm test). */
export const testsUsePostgres = (): boolean => Boolean(process.env.DATABASE_URL) && process.env.RAADSLAG_SCHEMA_PER_DATA_DIR === '1';
