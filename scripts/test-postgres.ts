// npm test's second pass: every test that starts a server, run again with the server on
// PostgreSQL instead of SQLite. Each test server's data folder gets its own schema
// (server/store/open-store.ts); the schemas are dropped afterwards. Not in this pass: SQLite's own
// tool (npm run backup copies the SQLite file), and the tests that run on PostgreSQL by themselves
// in the first pass already (the cluster, the store contract, the migration).
//
// DATABASE_URL picks the server (default postgres://postgres@127.0.0.1/test). Without a reachable
// PostgreSQL the pass is skipped with a notice – except under CI, where it fails.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1/test';
const NOT_AGAIN = ['server/backup.test.ts', 'server/cluster/**', 'server/store/store-contract.test.ts', 'server/migrate-cli.test.ts'];

async function dropTestSchemas(): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'");
    for (const { nspname } of rows) await client.query(`DROP SCHEMA ${client.escapeIdentifier(nspname)} CASCADE`);
    return rows.length;
  } finally {
    await client.end();
  }
}

try {
  await dropTestSchemas();
} catch (e) {
  const why = `no PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//…@')} (${(e as Error).message})`;
  if (process.env.CI) {
    console.error(`test:postgres: ${why}; CI runs every test on both stores`);
    process.exit(1);
  }
  console.warn(`test:postgres: skipped – ${why}. Start PostgreSQL or set DATABASE_URL to run the tests on it too.`);
  process.exit(0);
}

console.log(`test:postgres: the server and browser tests again, on PostgreSQL (${url.replace(/\/\/[^@]*@/, '//…@')})`);
const run = spawnSync('npx', ['vitest', 'run', 'server', 'e2e', ...NOT_AGAIN.flatMap((f) => ['--exclude', f]), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url, RAADSLAG_SCHEMA_PER_DATA_DIR: '1' },
});
const dropped = await dropTestSchemas();
console.log(`test:postgres: dropped ${dropped} test schema(s)`);
process.exit(run.status ?? 1);
