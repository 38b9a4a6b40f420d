// Which store a server runs on: SQLite in DATA_DIR by default, PostgreSQL in npm test's second
// pass (and with DATABASE_URL). This is what makes the second pass a run on PostgreSQL: if the
// servers quietly kept to SQLite, this test fails there.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { Harness } from '../testing/harness.ts';
import { TEST_PG_URL } from '../testing/postgres.ts';
import { schemaOf, testsUsePostgres } from './open-store.ts';

let h: Harness | undefined;
afterAll(async () => h?.close());

describe('the store a test server runs on', () => {
  it(testsUsePostgres() ? 'PostgreSQL: the session is in the data folder’s schema, and no SQLite file is made' : 'SQLite: the session is in DATA_DIR/raadslag.db', async () => {
    h = await Harness.start();
    const created = await h.createSession();
    const sqliteFile = path.join(h.dataDir, 'raadslag.db');
    if (!testsUsePostgres()) {
      expect(fs.existsSync(sqliteFile)).toBe(true);
      return;
    }
    expect(fs.existsSync(sqliteFile)).toBe(false);
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ code: string }>(`SELECT code FROM ${client.escapeIdentifier(schemaOf(h.dataDir))}.sessions`);
      expect(rows.map((r) => r.code)).toEqual([created.code]);
    } finally {
      await client.end();
    }
  });
});
