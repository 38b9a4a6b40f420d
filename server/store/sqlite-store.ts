// SQLite store (better-sqlite3, WAL). Durability by default: synchronous=FULL, so a committed
// transaction survives a power cut as well as a crash; the cost of the fsync is shared by
// grouping the events of one event-loop turn into one transaction (see commit-queue.ts).
// synchronous=NORMAL (SQLITE_SYNCHRONOUS=normal) still survives a crash of the process, but a
// power cut may lose what was committed since the last checkpoint: for very large rooms.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SessionEvent } from '../../shared/session/events.ts';
import type { EventRow, SessionMeta, Store, StoredSession } from './store.ts';
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
  const db = new Database(path.join(dataDir, file));
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
  const updateHostTokenHash = db.prepare('UPDATE sessions SET host_token_hash = ? WHERE code = ?');

  const deleteEvents = db.prepare('DELETE FROM events WHERE code = ?');
  const deleteMeta = db.prepare('DELETE FROM sessions WHERE code = ?');
  const deleteAll = db.transaction((code: string) => {
    deleteEvents.run(code);
    deleteMeta.run(code);
  });

  const appendAll = db.transaction((rows: readonly EventRow[]) => {
    for (const r of rows) insertEvent.run(r.code, r.seq, r.clientKey, JSON.stringify(r.event), r.owner ?? null);
  });
  const replaceAll = db.transaction((code: string, rows: readonly EventRow[]) => {
    deleteEvents.run(code);
    for (const r of rows) insertEvent.run(r.code, r.seq, r.clientKey, JSON.stringify(r.event), r.owner ?? null);
  });
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
    createSession(meta: SessionMeta, first: EventRow) {
      db.transaction(() => {
        insertSession.run(meta.code, meta.hostTokenHash, meta.questionSetId, meta.createdAt);
        insertEvent.run(first.code, first.seq, first.clientKey, JSON.stringify(first.event), null);
      })();
    },
    append(rows) {
      if (rows.length) appendAll(rows);
    },
    setHostTokenHash(code, hostTokenHash) {
      updateHostTokenHash.run(hostTokenHash, code);
    },
    loadEvents: rowsOf,
    loadMetas() {
      type MetaRow = { code: string; host_token_hash: string; question_set_id: string; created_at: number };
      return (allSessions.all() as MetaRow[]).map((m) => ({ code: m.code, hostTokenHash: m.host_token_hash, questionSetId: m.question_set_id, createdAt: m.created_at }));
    },
    findClientKey(code, clientKey) {
      const row = byClientKey.get(code, clientKey) as { event: string; owner: string | null } | undefined;
      return row && { event: JSON.parse(row.event) as SessionEvent, owner: row.owner };
    },
    async replaceLog(code, rows) {
      replaceAll(code, rows);
      return truncateWal();
    },
    loadSessions(): StoredSession[] {
      type MetaRow = { code: string; host_token_hash: string; question_set_id: string; created_at: number };
      type Ev = { seq: number; client_key: string | null; event: string };
      return (allSessions.all() as MetaRow[]).map((m) => {
        const events = (eventsOf.all(m.code) as Ev[]).map((e) => ({
          code: m.code,
          seq: e.seq,
          clientKey: e.client_key,
          event: JSON.parse(e.event) as SessionEvent,
        }));
        return {
          meta: { code: m.code, hostTokenHash: m.host_token_hash, questionSetId: m.question_set_id, createdAt: m.created_at },
          events,
        };
      });
    },
    deleteSession(code) {
      deleteAll(code);
      // Move everything into the database file (where secure_delete zeroed the rows) and empty
      // the WAL, which would otherwise still hold the deleted text in older frames.
      void truncateWal();
    },
    close() {
      db.close();
    },
  };
}
