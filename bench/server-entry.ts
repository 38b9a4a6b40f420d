// Rådslag under test, in its own process so its CPU and memory are its own. Started by
// bench/run.ts with child_process.fork; a fresh temp data folder per run, removed on stop.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server/server.ts';
import { serveStats, type ServerToParent } from './ipc.ts';

const repo = fileURLToPath(new URL('..', import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-bench-'));

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  questionsDir: path.join(repo, 'questions'),
  clientDir: path.join(repo, 'dist', 'client'),
  // A cluster node (--cluster, bench/cluster.ts): PostgreSQL, its name and lease time ...
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, databaseSchema: process.env.DATABASE_SCHEMA, nodeId: process.env.NODE_ID } : {}),
  // ... and Redis: shared limits, forwarding, views through the adapter.
  ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL, redisPrefix: process.env.REDIS_PREFIX } : {}),
});

serveStats(
  () => ({ ...server.broadcaster.sent }),
  async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  () => {
    // The commit thread's figures: commits, milliseconds in them, the longest since the last request.
    const stats = server.sessions.commitStats();
    const now = { ...stats, slowDropped: server.slowDropped() };
    stats.commitMaxMs = 0; // the maximum is per stats request, like the loop delay
    return now;
  },
);
process.send?.({ type: 'ready', url: server.url } satisfies ServerToParent);
