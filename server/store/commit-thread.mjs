// The commit thread: owns the SQLite connection that writes the event log, so that the fsync of
// every commit (synchronous=FULL) waits here and not on the event loop. Each message is one group
// of writes, done in one transaction in the order given; the reply comes once it is durable.
// Plain JavaScript, so it starts in milliseconds under tsx, vitest or node alike. The main thread
// keeps its own connection for reads and rare writes (WAL lets both work at once).
//
// in:  { id, ops: [{ kind: 'append', rows: [code, seq, clientKey, eventJson, owner][] }
//                 | { kind: 'replace', code, rows } | { kind: 'delete', code }] }
// out: { id, ms } once committed, or { id, error } (nothing of the group was written)
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, synchronous } = workerData;
const db = new Database(file);
db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
db.pragma('foreign_keys = ON');
db.pragma('secure_delete = ON');
// The main thread's connection writes now and then (a new session, a campaign): wait for it.
db.pragma('busy_timeout = 10000');

const insert = db.prepare('INSERT INTO events (code, seq, client_key, event, owner) VALUES (?, ?, ?, ?, ?)');
const deleteEvents = db.prepare('DELETE FROM events WHERE code = ?');
const deleteMeta = db.prepare('DELETE FROM sessions WHERE code = ?');

const write = db.transaction((ops) => {
  for (const op of ops) {
    if (op.kind === 'append') for (const r of op.rows) insert.run(r[0], r[1], r[2], r[3], r[4]);
    else if (op.kind === 'replace') {
      deleteEvents.run(op.code);
      for (const r of op.rows) insert.run(r[0], r[1], r[2], r[3], r[4]);
    } else if (op.kind === 'delete') {
      deleteEvents.run(op.code);
      deleteMeta.run(op.code);
    } else throw new Error(`unknown write ${op.kind}`);
  }
});

parentPort.on('message', (message) => {
  if (message.kind === 'close') {
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  const t = performance.now();
  try {
    write(message.ops);
    parentPort.postMessage({ id: message.id, ms: performance.now() - t });
  } catch (e) {
    parentPort.postMessage({ id: message.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
