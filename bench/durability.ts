// What durability costs: acknowledged answers per second with SQLite's synchronous=FULL (what
// Rådslag runs with: an ack means the answer survives a power cut) against synchronous=NORMAL
// (survives a crash of the process, but not of the machine). Same server, same load; only the
// pragma differs, switched in a child process before the store opens.
//
//   npx tsx bench/durability.ts [--phones 200] [--seconds 5] [--rounds 1]
//
// The data folder is made under $BENCH_DATA_DIR (default: the OS temp folder); on tmpfs an
// fsync costs nothing and the comparison means nothing, so the bench says so.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';

type Mode = 'FULL' | 'NORMAL';
type Stats = { commits: number; commitMs: number };
type FromChild = { type: 'ready'; url: string; dataDir: string } | { type: 'stats'; stats: Stats };
const TMPFS_MAGIC = 0x01021994;

// ---------------------------------------------------------------- the server, in a child

async function serve(mode: Mode): Promise<void> {
  const { default: Database } = await import('better-sqlite3');
  const proto = Database.prototype as unknown as {
    pragma: (source: string, options?: unknown) => unknown;
    transaction: (fn: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown;
  };
  const pragma = proto.pragma;
  proto.pragma = function (this: unknown, source: string, options?: unknown) {
    return pragma.call(this, /^synchronous\s*=/i.test(source) ? `synchronous = ${mode}` : source, options);
  };
  const stats: Stats = { commits: 0, commitMs: 0 };
  const transaction = proto.transaction;
  proto.transaction = function (this: unknown, fn) {
    const tx = transaction.call(this, fn);
    return function (this: unknown, ...args: unknown[]) {
      const t = performance.now();
      try {
        return tx.apply(this, args);
      } finally {
        stats.commits++;
        stats.commitMs += performance.now() - t;
      }
    };
  };
  const { startServer } = await import('../server/server.ts');
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const dataDir = fs.mkdtempSync(path.join(process.env.BENCH_DATA_DIR ?? os.tmpdir(), 'raadslag-durability-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, questionsDir: path.join(repo, 'questions'), clientDir: path.join(repo, 'dist', 'client') });
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'stats') process.send!({ type: 'stats', stats } satisfies FromChild);
    if (m.type === 'stop') {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send!({ type: 'ready', url: server.url, dataDir } satisfies FromChild);
}

// ---------------------------------------------------------------- the load, in the parent

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

function next<T extends FromChild['type']>(child: ChildProcess, type: T): Promise<Extract<FromChild, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" from the server within 60 s`)), 60_000);
    const on = (m: FromChild) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off('message', on);
      resolve(m as Extract<FromChild, { type: T }>);
    };
    child.on('message', on);
  });
}

const connect = (url: string, auth: object) =>
  new Promise<Socket>((resolve, reject) => {
    const s = io(url, { transports: ['websocket'], auth, forceNew: true, reconnection: false });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
const sendAck = (s: Socket, command: object) => s.timeout(30_000).emitWithAck('command', { id: Math.random().toString(36).slice(2, 14).padEnd(12, 'x'), command }) as Promise<{ ok: boolean }>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]! : NaN);

async function measure(mode: Mode, phones: number, seconds: number) {
  const child = fork(fileURLToPath(import.meta.url), ['server', mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { url, dataDir } = await next(child, 'ready');
    const fsType = fs.statfsSync(dataDir).type;
    const session = (await (await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { code: string; hostToken: string };
    const host = await connect(url, { code: session.code, as: 'host', token: session.hostToken });
    await sendAck(host, { type: 'openAnswering', questionId: 'q1-1' });
    const sockets: Socket[] = [];
    for (let i = 0; i < phones; i += 50) {
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, phones - i) }, () => connect(url, { code: session.code, as: 'participant' })))));
    }
    await Promise.all(sockets.map((s) => sendAck(s, { type: 'join', role: 'citizen' })));
    const before = (await (child.send({ type: 'stats' }), next(child, 'stats'))).stats;
    const latencies: number[] = [];
    let acked = 0;
    const start = performance.now();
    const end = start + seconds * 1000;
    // Each phone answers again as soon as it has its ack, kept under the 20-a-second socket limit.
    await Promise.all(
      sockets.map(async (s) => {
        while (performance.now() < end) {
          const t = performance.now();
          const ack = await sendAck(s, { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 1 + Math.floor(Math.random() * 5) } });
          const dt = performance.now() - t;
          if (ack.ok) {
            acked++;
            latencies.push(dt);
          }
          await sleep(Math.max(0, 55 - dt));
        }
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    const after = (await (child.send({ type: 'stats' }), next(child, 'stats'))).stats;
    for (const s of [...sockets, host]) s.close();
    const commits = after.commits - before.commits;
    return {
      mode,
      phones,
      ackedPerSecond: Math.round(acked / elapsed),
      ackP50Ms: Math.round(pct(latencies, 0.5) * 10) / 10,
      ackP99Ms: Math.round(pct(latencies, 0.99) * 10) / 10,
      commits,
      answersPerCommit: Math.round((acked / Math.max(1, commits)) * 10) / 10,
      commitMeanMs: Math.round(((after.commitMs - before.commitMs) / Math.max(1, commits)) * 100) / 100,
      tmpfs: fsType === TMPFS_MAGIC,
    };
  } finally {
    child.send({ type: 'stop' });
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  const phones = flag('phones', 200);
  const seconds = flag('seconds', 5);
  const rounds = flag('rounds', 1);
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  for (let r = 0; r < rounds; r++) for (const mode of ['FULL', 'NORMAL'] as const) results.push(await measure(mode, phones, seconds));
  if (results.some((r) => r.tmpfs)) console.warn('warning: the data folder is on tmpfs, where fsync costs nothing: set BENCH_DATA_DIR to a folder on a disk.');
  console.log(`durability: ${phones} phones answering for ${seconds} s, at most ${Math.round(phones * (1000 / 55))} answers/s offered (the socket limit)`);
  console.log('mode    acked/s  ack p50 ms  ack p99 ms  commits  answers/commit  commit mean ms');
  for (const r of results) {
    console.log(
      `${r.mode.padEnd(6)}  ${String(r.ackedPerSecond).padStart(7)}  ${String(r.ackP50Ms).padStart(10)}  ${String(r.ackP99Ms).padStart(10)}  ${String(r.commits).padStart(7)}  ${String(r.answersPerCommit).padStart(14)}  ${String(r.commitMeanMs).padStart(14)}`,
    );
  }
  const median = (mode: Mode, key: 'ackedPerSecond' | 'ackP50Ms' | 'commitMeanMs') => pct(results.filter((r) => r.mode === mode).map((r) => r[key]), 0.5);
  for (const mode of ['FULL', 'NORMAL'] as const) {
    console.log(`median ${mode}: ${median(mode, 'ackedPerSecond')} acked answers/s, ack p50 ${median(mode, 'ackP50Ms')} ms, commit ${median(mode, 'commitMeanMs')} ms`);
  }
  console.log(JSON.stringify(results));
  process.exit(0);
}

// Last: the helpers above are initialised by now.
if (process.argv[2] === 'server') await serve(process.argv[3] as Mode);
else await main();
