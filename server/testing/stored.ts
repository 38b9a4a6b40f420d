// What a test server left in its store, read the way the store keeps it – the SQLite file, or
// the PostgreSQL schema of npm test's second pass (server/store/open-store.ts) – so that a test
// of what is on disk holds for both stores. Only tests import this module.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openStore, schemaOf, testsUsePostgres } from '../store/open-store.ts';
import type { EventRow } from '../store/store.ts';
import { testConfig } from './harness.ts';

/** One session's log as committed (read after the server stopped, or while it runs). */
export async function storedLog(dataDir: string, code: string): Promise<EventRow[]> {
  const store = await openStore(testConfig(dataDir));
  try {
    return await store.loadEvents(code);
  } finally {
    await store.close();
  }
}

/**
 * Everything the store holds, as text, for a test that looks for what must be gone. SQLite:
 * every byte of the database file and its WAL (latin1 and UTF-8), where deleted rows could
 * linger. PostgreSQL: every row of every table in the schema (what a query can still see; dead
 * tuples are PostgreSQL's to vacuum, see docs/privacy.md).
 */
export async function storedText(dataDir: string): Promise<string> {
  if (!testsUsePostgres()) {
    return fs
      .readdirSync(dataDir)
      .filter((f) => f.startsWith('raadslag.db'))
      .map((f) => fs.readFileSync(path.join(dataDir, f)))
      .map((b) => b.toString('latin1') + b.toString('utf8'))
      .join('\n');
  }
  const store = await openStore(testConfig(dataDir)); // makes sure the schema exists
  await store.close();
  const schema = schemaOf(dataDir);
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [schema]);
    const texts: string[] = [];
    for (const { table_name } of tables.rows) {
      const rows = await client.query<{ t: string }>(`SELECT row_to_json(x)::text AS t FROM ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table_name)} x`);
      texts.push(...rows.rows.map((r) => r.t));
    }
    return texts.join('\n');
  } finally {
    await client.end();
  }
}
