// Rådslag under test, in its own process so its CPU and memory are its own. Started by
// bench/run.ts with child_process.fork; a fresh temp data folder per run, removed on stop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startServer } from '../server/server.ts';
import { serveStats, type ServerToParent } from './ipc.ts';

// Diagnostics only: time every SQLite transaction (the store commits one per event-loop turn, and
// with synchronous=FULL each includes an fsync that blocks the loop). Wrapped before the store opens.
const sqlite = { commits: 0, commitMs: 0, commitMaxMs: 0 };
const proto = Database.prototype as unknown as { transaction: (fn: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown };
const transaction = proto.transaction;
proto.transaction = function (this: unknown, fn) {
  const tx = transaction.call(this, fn);
  return function (this: unknown, ...args: unknown[]) {
    const t = performance.now();
    try {
      return tx.apply(this, args);
    } finally {
      const ms = performance.now() - t;
      sqlite.commits++;
      sqlite.commitMs += ms;
      sqlite.commitMaxMs = Math.max(sqlite.commitMaxMs, ms);
    }
  };
};

const repo = fileURLToPath(new URL('..', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-bench-'));

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  questionsDir: path.join(repo, 'questions'),
  clientDir: path.join(repo, 'dist', 'client'),
});

serveStats(
  () => ({ ...server.broadcaster.sent }),
  async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  () => {
    const now = { ...sqlite, slowDropped: server.slowDropped() };
    sqlite.commitMaxMs = 0; // the maximum is per stats request, like the loop delay
    return now;
  },
);
process.send?.({ type: 'ready', url: server.url } satisfies ServerToParent);
