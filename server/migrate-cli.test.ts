// `npm run migrate` as an operator runs it, in a process of its own, from a SQLite database that
// the store made (and still has open, as a running server would) into a fresh PostgreSQL schema:
// every session's meta and log (event JSON byte for byte, owners too), campaigns, attachments and
// reviews arrive; a session PostgreSQL had already is left as it was; a second run copies
// nothing; a file from before the owner column and the campaigns copies too; a missing file or
// an unreachable database is said plainly.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_PG_URL, postgresAvailable } from './testing/postgres.ts';
import { openPgStore } from './store/pg-store.ts';
import { openSqliteStore } from './store/sqlite-store.ts';
import type { EventRow, SessionMeta, Store } from './store/store.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PG_URL = TEST_PG_URL;
const PG = await postgresAvailable();
const run = promisify(execFile);
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(REPO, 'server/migrate-cli.ts'), ...args], { cwd: REPO });

const schema = `migrate_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-migrate-'));
const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (!PG) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_old CASCADE`).finally(() => client.end());
});

const T = 1_767_225_600_000;
const meta = (code: string, createdAt: number, hostTokenHash = `hash-${code}`): SessionMeta => ({ code, hostTokenHash, questionSetId: 'set-1', createdAt });
const row = (code: string, seq: number, clientKey: string | null, owner: string | null = null): EventRow => ({
  code,
  seq,
  clientKey,
  owner,
  event: { at: T + seq, type: 'sessionDetailsSet', details: { purpose: `Purpose "${seq}" – Æble, {x} \\`, place: 'Aalborg' } },
});

/** Builds the SQLite side through the store itself, so the layout is the real one. */
async function sqliteWithData(): Promise<Store> {
  const store = openSqliteStore(dir);
  for (const [i, code] of ['AAAAAA', 'BBBBBB', 'CCCCCC'].entries()) await store.createSession(meta(code, T + i), row(code, 1, null));
  await store.commit([{ kind: 'append', rows: [row('AAAAAA', 2, 'join-1', 'device-1'), row('AAAAAA', 3, 'answer-1'), row('CCCCCC', 2, 'join-2', 'device-2')] }]);
  const campaign = (id: string) => ({ id, name: `Forløb ${id}`, organiserTokenHash: `org-${id}`, attachCode: `ATTACH-${id}`, lang: 'da' as const, createdAt: T });
  await store.campaigns.create(campaign('k1'));
  await store.campaigns.create(campaign('k2'));
  await store.campaigns.attach({ campaignId: 'k1', code: 'CCCCCC', label: 'Kommune', heldOn: '2026-03-01', attachedAt: T });
  await store.campaigns.attach({ campaignId: 'k1', code: 'AAAAAA', label: 'Region', heldOn: null, attachedAt: T });
  const review = (campaignId: string, noteId: string, at: number) => ({ campaignId, workshop: 'AAAAAA', noteId, status: 'inProgress' as const, reviewedIn: 'CCCCCC', at });
  for (const r of [review('k1', 'n9', T + 5), review('k1', 'n1', T + 5), review('k1', 'n5', T + 1), review('k2', 'n2', T)]) await store.campaigns.review(r);
  return store;
}

/** The events' text as each database holds it. */
function sqliteEventText(): string[][] {
  const db = new Database(path.join(dir, 'raadslag.db'), { readonly: true });
  try {
    return db.prepare("SELECT code, seq, event FROM events WHERE code <> 'BBBBBB' ORDER BY code, seq").raw().all() as string[][];
  } finally {
    db.close();
  }
}
async function pgEventText(): Promise<string[][]> {
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<string[]>({ text: "SELECT code, seq, event FROM events WHERE code <> 'BBBBBB' ORDER BY code, seq", rowMode: 'array' })).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!PG)('npm run migrate', () => {
  it('copies sessions, logs, campaigns, attachments and reviews once, leaving what PostgreSQL has', async () => {
    const sqlite = await sqliteWithData();
    stores.push(sqlite);
    // PostgreSQL has a session BBBBBB of its own already: it stays as it is.
    const before = await openPgStore({ url: PG_URL, schema });
    await before.createSession(meta('BBBBBB', T, 'pg-own'), row('BBBBBB', 1, null));
    await before.close();

    const first = await cli('--from', dir, '--to', PG_URL, '--schema', schema);
    expect(first.stdout).toContain('sessions: 2 copied (5 events), 1 skipped');
    expect(first.stdout).toContain('campaigns: 2 copied (4 reviews), 0 skipped; workshop attachments: 2 copied');

    const pgStore = await openPgStore({ url: PG_URL, schema });
    stores.push(pgStore);
    for (const code of ['AAAAAA', 'CCCCCC']) {
      expect(await pgStore.loadMeta(code)).toEqual(await sqlite.loadMeta(code));
      expect(await pgStore.loadEvents(code)).toEqual(await sqlite.loadEvents(code));
    }
    expect(await pgEventText()).toEqual(sqliteEventText().map(([code, seq, event]) => [code, Number(seq), event]));
    expect(await pgStore.loadMeta('BBBBBB')).toEqual(meta('BBBBBB', T, 'pg-own'));
    for (const id of ['k1', 'k2']) {
      expect(await pgStore.campaigns.get(id)).toEqual(await sqlite.campaigns.get(id));
      expect(await pgStore.campaigns.workshops(id)).toEqual(await sqlite.campaigns.workshops(id));
      expect(await pgStore.campaigns.reviews(id)).toEqual(await sqlite.campaigns.reviews(id));
    }
    expect((await pgStore.campaigns.reviews('k1')).map((r) => r.noteId)).toEqual(['n5', 'n9', 'n1']);

    // Again, naming the file this time: nothing new.
    const second = await cli('--from', path.join(dir, 'raadslag.db'), '--to', PG_URL, '--schema', schema);
    expect(second.stdout).toContain('sessions: 0 copied (0 events), 3 skipped');
    expect(second.stdout).toContain('campaigns: 0 copied (0 reviews), 2 skipped; workshop attachments: 0 copied');
    expect(await pgStore.campaigns.reviews('k1')).toHaveLength(3);
    expect((await pgStore.loadSessions()).map((s) => [s.meta.code, s.events.length])).toEqual([['AAAAAA', 3], ['BBBBBB', 1], ['CCCCCC', 2]]);
  });

  it('copies a database from before the owner column and the campaigns', async () => {
    const oldDir = path.join(dir, 'v1');
    fs.mkdirSync(oldDir);
    const db = new Database(path.join(oldDir, 'raadslag.db'));
    db.exec(`CREATE TABLE sessions (code TEXT PRIMARY KEY, host_token_hash TEXT NOT NULL, question_set_id TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE events (code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE, seq INTEGER NOT NULL, client_key TEXT, event TEXT NOT NULL, PRIMARY KEY (code, seq)) WITHOUT ROWID;`);
    db.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?)').run('OLDOLD', 'h', 'set-1', T);
    db.prepare('INSERT INTO events VALUES (?, ?, ?, ?)').run('OLDOLD', 1, 'k', JSON.stringify(row('OLDOLD', 1, null).event));
    db.close();
    const { stdout } = await cli('--from', oldDir, '--to', PG_URL, '--schema', `${schema}_old`);
    expect(stdout).toContain('sessions: 1 copied (1 events), 0 skipped');
    const pgStore = await openPgStore({ url: PG_URL, schema: `${schema}_old` });
    stores.push(pgStore);
    expect(await pgStore.loadEvents('OLDOLD')).toEqual([{ ...row('OLDOLD', 1, 'k'), owner: null }]);
  });

  it('says so when the SQLite file is missing or PostgreSQL cannot be reached', async () => {
    await expect(cli('--from', path.join(dir, 'nowhere'), '--to', PG_URL)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no Rådslag database at') });
    await expect(cli('--from', dir, '--to', 'postgres://postgres:secret@127.0.0.1:1/test')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot use PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test: .*ECONNREFUSED/),
    });
    await expect(cli('--from', dir)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--from and --to are required') });
  });
});
