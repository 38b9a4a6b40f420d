// SQLite store (better-sqlite3, WAL). Durability by default: synchronous=FULL, so a committed
// transaction survives a power cut as well as a crash; the cost of the fsync is shared by
// grouping the events of one commit into one transaction (see commit-queue.ts), and it is paid
// in the commit thread (commit-thread.mjs), not on the event loop. The main thread's connection
// reads, and makes the rare other writes (a new session, a rotated token, campaigns).
// synchronous=NORMAL (SQLITE_SYNCHRONOUS=normal) still survives a crash of the process, but a
// power cut may lose what was committed since the last checkpoint: for very large rooms.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { SessionEvent } from '../../shared/session/events.ts';
import type { EventRow, SessionMeta, Store, StoredSession, WriteOp } from './store.ts';
import { sqliteCampaigns } from './campaign-store.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  code TEXT PRIMARY KEY,
  host_token_hash TEXT NOT NULL,
  question_set_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  code TEXT NOT NULL REFERENCES sessions(code) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  client_key TEXT,
  event TEXT NOT NULL,
  PRIMARY KEY (code, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS events_client_key ON events(code, client_key) WHERE client_key IS NOT NULL;
`;

export function openSqliteStore(dataDir: string, file = 'raadslag.db', synchronous: 'full' | 'normal' = 'full'): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(dataDir, file);
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA);
  // v2: who owns a client id (a join: its device's hash), for exactly-once across restarts.
  if (!(db.pragma('table_info(events)') as { name: string }[]).some((c) => c.name === 'owner')) db.exec('ALTER TABLE events ADD COLUMN owner TEXT');

  const insertSession = db.prepare(
    'INSERT INTO sessions (code, host_token_hash, question_set_id, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertEvent = db.prepare('INSERT INTO events (code, seq, client_key, event, owner) VALUES (?, ?, ?, ?, ?)');
  const byClientKey = db.prepare('SELECT event, owner FROM events WHERE code = ? AND client_key = ?');
  const allSessions = db.prepare('SELECT code, host_token_hash, question_set_id, created_at FROM sessions ORDER BY created_at');
  const eventsOf = db.prepare('SELECT seq, client_key, event, owner FROM events WHERE code = ? ORDER BY seq');
  const sessionCount = db.prepare('SELECT COUNT(*) AS n FROM sessions');
  const sessionByCode = db.prepare('SELECT code, host_token_hash, question_set_id, created_at FROM sessions WHERE code = ?');
  const updateHostTokenHash = db.prepare('UPDATE sessions SET host_token_hash = ? WHERE code = ?');

  // The commit thread shares the database file; the main connection waits for its write lock.
  db.pragma('busy_timeout = 10000');
  const thread = commitThread(dbFile, synchronous);
  type Ev = { seq: number; client_key: string | null; event: string; owner: string | null };
  const rowsOf = (code: string): EventRow[] =>
    (eventsOf.all(code) as Ev[]).map((e) => ({ code, seq: e.seq, clientKey: e.client_key, event: JSON.parse(e.event) as SessionEvent, owner: e.owner }));

  /**
   * Moves the WAL into the database file and empties it. Another process reading (a backup, an
   * export) can hold the WAL's old frames for a moment: retried for ~5 s.
   */
  async function truncateWal(): Promise<boolean> {
    for (let i = 0; i < 50; i++) {
      const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
      if (r && r.busy === 0 && r.log === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  return {
    campaigns: sqliteCampaigns(db),
    async createSession(meta: SessionMeta, first: EventRow) {
      db.transaction(() => {
        insertSession.run(meta.code, meta.hostTokenHash, meta.questionSetId, meta.createdAt);
        insertEvent.run(first.code, first.seq, first.clientKey, JSON.stringify(first.event), null);
      })();
    },
    commit: (ops) => thread.commit(ops),
    async setHostTokenHash(code, hostTokenHash) {
      updateHostTokenHash.run(hostTokenHash, code);
    },
    loadEvents: async (code) => rowsOf(code),
    async loadMetas() {
      return (allSessions.all() as MetaRow[]).map(toMeta);
    },
    async countSessions() {
      return (sessionCount.get() as { n: number }).n;
    },
    async loadMeta(code) {
      const m = sessionByCode.get(code) as MetaRow | undefined;
      return m && toMeta(m);
    },
    async findClientKey(code, clientKey) {
      const row = byClientKey.get(code, clientKey) as { event: string; owner: string | null } | undefined;
      return row && { event: JSON.parse(row.event) as SessionEvent, owner: row.owner };
    },
    truncateWal,
    async loadSessions(): Promise<StoredSession[]> {
      return (allSessions.all() as MetaRow[]).map((m) => ({ meta: toMeta(m), events: rowsOf(m.code) }));
    },
    async close() {
      await thread.close();
      db.close();
    },
  };
}

type MetaRow = { code: string; host_token_hash: string; question_set_id: string; created_at: number };
const toMeta = (m: MetaRow): SessionMeta => ({ code: m.code, hostTokenHash: m.host_token_hash, questionSetId: m.question_set_id, createdAt: m.created_at });

type Pending = { resolve: (ms: number) => void; reject: (error: Error) => void };
type Reply = { id: number; ms: number } | { id: number; error: string } | { closed: true };
/** A row as the thread writes it: the event already JSON, so the thread only runs SQL. */
const serialized = (r: EventRow) => [r.code, r.seq, r.clientKey, JSON.stringify(r.event), r.owner ?? null];

/**
 * The commit thread, started on the first commit. It keeps the process alive only while a commit
 * is in flight, so a command-line tool that opened the store still exits when its work is done.
 */
function commitThread(file: string, synchronous: 'full' | 'normal') {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./commit-thread.mjs', import.meta.url), { workerData: { file, synchronous } });
    w.on('message', (reply: Reply) => {
      if ('closed' in reply) return;
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if ('error' in reply) p?.reject(new Error(`commit failed: ${reply.error}`));
      else p?.resolve(reply.ms);
    });
    w.on('error', (e) => failAll(e));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(new Error(`the commit thread stopped (exit code ${code})`));
    });
    return w;
  };
  return {
    commit(ops: readonly WriteOp[]): Promise<number> {
      const w = (worker ??= start());
      const id = nextId++;
      if (pending.size === 0) w.ref();
      return new Promise<number>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({
          id,
          ops: ops.map((op) => (op.kind === 'delete' ? op : { kind: op.kind, ...(op.kind === 'replace' ? { code: op.code } : {}), rows: op.rows.map(serialized) })),
        });
      });
    },
    /** Lets the commits in flight finish (the thread does them in order), then stops the thread. */
    async close(): Promise<void> {
      const w = worker;
      if (!w) return;
      await Promise.allSettled([...pending.values()].map((p) => new Promise<void>((done) => {
        const { resolve, reject } = p;
        p.resolve = (ms) => (resolve(ms), done());
        p.reject = (e) => (reject(e), done());
      })));
      worker = null;
      await w.terminate();
    },
  };
}
