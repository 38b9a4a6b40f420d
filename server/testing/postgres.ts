// The PostgreSQL the tests use (DATABASE_URL, default the local one). CI always has it and must
// run these tests; on a developer's machine without it, the PostgreSQL tests are skipped and say so.
import pg from 'pg';

export const TEST_PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1/test';

let answer: Promise<boolean> | undefined;

/** Whether PostgreSQL answers at TEST_PG_URL; under CI, a missing one is an error, not a skip. */
export function postgresAvailable(): Promise<boolean> {
  answer ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (e) {
      if (process.env.CI) throw new Error(`CI runs the PostgreSQL tests, but ${TEST_PG_URL.replace(/\/\/[^@]*@/, '//…@')} does not answer: ${(e as Error).message}`);
      console.warn(`PostgreSQL tests skipped: no PostgreSQL at ${TEST_PG_URL.replace(/\/\/[^@]*@/, '//…@')} (${(e as Error).message})`);
      return false;
    }
  })();
  return answer;
}
