// HAProxy in front of test servers, running the shipped deploy/haproxy/haproxy.cfg: only its list
// of nodes is replaced by the test's (and the spare slots counted as asked); everything else –
// routing by join code, health checks, the runtime API – is the file operators use. HAProxy runs
// in the foreground on a port of its own, with its admin socket in a temporary folder, so a test
// never touches a system HAProxy. Only tests and the bench (--cluster) import this module.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './child-server.ts';
import { REPO } from './harness.ts';

export const HAPROXY_CONFIG = path.join(REPO, 'deploy', 'haproxy', 'haproxy.cfg');
/** The backend the config defines; runtime commands name servers as `raadslag/<name>`. */
export const HAPROXY_BACKEND = 'raadslag';

export type HaproxyBackend = { name: string; port: number; host?: string };
export type RunningHaproxy = {
  url: string;
  port: number;
  /** HAProxy's process id (the bench reads its CPU time). */
  pid: number;
  /** One command on the runtime API (admin level); resolves with HAProxy's whole answer. */
  runtime: (command: string) => Promise<string>;
  /** The backend's servers as `show stat` lists them: name → status (UP, DOWN, MAINT, DRAIN, …). */
  servers: () => Promise<Map<string, string>>;
  /** Waits until `server`'s status starts with `status` (e.g. "UP": also "UP 1/2"). */
  waitForServer: (server: string, status: string, timeoutMs?: number) => Promise<void>;
  /** HAProxy's own output so far (warnings, and its log: one line a request). */
  output: () => string;
  close: () => Promise<void>;
};

/** Debian installs HAProxy in /usr/sbin, which is not on every user's PATH. */
export function haproxyBinary(): string | undefined {
  const onPath = spawnSync('which', ['haproxy'], { encoding: 'utf8' });
  if (onPath.status === 0) return onPath.stdout.trim();
  return ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find((p) => fs.existsSync(p));
}

/** The shipped config with the test's nodes, each with id = its place in the list (as in the file). */
export function renderConfig(backends: readonly HaproxyBackend[], spare: number, patientChecks = false): string {
  const shipped = fs.readFileSync(HAPROXY_CONFIG, 'utf8');
  const nodes = /^[ \t]*# -- nodes:.*\n[\s\S]*?^[ \t]*# -- end of nodes --\n/m;
  if (!nodes.test(shipped)) throw new Error(`${HAPROXY_CONFIG}: the "# -- nodes" … "# -- end of nodes --" block is missing`);
  const lines = backends.map((b, i) => {
    if (!/^[A-Za-z0-9_-]+$/.test(b.name)) throw new Error(`not a server name: ${b.name}`);
    return `    server ${b.name} ${b.host ?? '127.0.0.1'}:${b.port} id ${i + 1}\n`;
  });
  const rendered = shipped.replace(nodes, lines.join(''));
  // "1-0" is no range: without spare slots, no server-template line.
  const slots = spare > 0 ? rendered : rendered.replace(/^[ \t]*server-template spare .*\n/m, '');
  return patientChecks ? patient(slots) : slots;
}

/**
 * The bench's balancer (bench/cluster.ts): a node must miss checks for about 30 s, not 5, before
 * it is marked down. The bench measures cost, not failover, on two cores shared by every part: a
 * join storm there (5,000 phones within seconds) queues a node's health check behind thousands of
 * handshakes for seconds, and the shipped checks then mark it down and cut all its sockets.
 */
function patient(config: string): string {
  const checks = /timeout check 1500ms\n(\s*default-server check .*?)fall 3 /;
  if (!checks.test(config)) throw new Error(`${HAPROXY_CONFIG}: the health check lines changed; update patient()`);
  return config.replace(checks, 'timeout check 5s\n$1fall 6 ');
}

/** `patientChecks`: see patient(). */
export async function startHaproxy(options: { backends: readonly HaproxyBackend[]; spare?: number; patientChecks?: boolean }): Promise<RunningHaproxy> {
  const binary = haproxyBinary();
  if (!binary) throw new Error("haproxy is not installed (Debian: apt-get install haproxy; .ci/run does it)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-haproxy-'));
  const config = path.join(dir, 'haproxy.cfg');
  const socket = path.join(dir, 'admin.sock');
  fs.writeFileSync(config, renderConfig(options.backends, options.spare ?? 2, options.patientChecks));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
  Object.assign(env, {
    RAADSLAG_BIND: `127.0.0.1:${port}`,
    RAADSLAG_HAPROXY_SOCKET: socket,
    RAADSLAG_HAPROXY_LOG: 'stdout',
    RAADSLAG_SPARE_SLOTS: String(Math.max(1, options.spare ?? 2)),
    // Tests run as whoever runs them: no switch to the haproxy user (only root could).
    RAADSLAG_HAPROXY_KEEP_USER: '1',
  });
  // -db: in the foreground, so that it is this child process and ends with it.
  const proc = spawn(binary, ['-f', config, '-db'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => (output = (output + String(d)).slice(-200_000));
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  const runtime = (command: string) => ask(socket, command);
  const servers = async () => parseStat(await runtime('show stat'));
  const running: RunningHaproxy = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: proc.pid!,
    runtime,
    servers,
    waitForServer: async (server, status, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = (await servers()).get(server);
        if (now?.startsWith(status)) return;
        if (Date.now() > deadline) throw new Error(`${server} is ${now ?? 'missing'}, not ${status}, after ${timeoutMs} ms`);
        await sleep(100);
      }
    },
    output: () => output,
    close: async () => {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        const killed = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killed);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await untilAnswering(running, () => proc.exitCode !== null);
  return running;
}

/** Ready once the runtime API answers and the frontend accepts connections. */
async function untilAnswering(h: RunningHaproxy, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited()) throw new Error(`haproxy exited:\n${h.output()}`);
    const up = await h.runtime('show info').then(() => canConnect(h.port), () => false);
    if (up) return;
    if (Date.now() > deadline) {
      await h.close();
      throw new Error(`haproxy did not answer within 15 s:\n${h.output()}`);
    }
    await sleep(50);
  }
}

/** The runtime API speaks one command per connection: write it, read until HAProxy closes. */
function ask(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = net.connect(socketPath);
    let answer = '';
    c.setEncoding('utf8');
    c.on('data', (d: string) => (answer += d));
    c.on('error', reject);
    c.on('end', () => resolve(answer));
    c.write(`${command}\n`);
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

/** `show stat` is CSV with a "# pxname,svname,…" header; the backend's own row is left out. */
function parseStat(csv: string): Map<string, string> {
  const [header = '', ...rows] = csv.trim().split('\n');
  const columns = header.replace(/^# /, '').split(',');
  const px = columns.indexOf('pxname');
  const sv = columns.indexOf('svname');
  const status = columns.indexOf('status');
  const out = new Map<string, string>();
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[px] !== HAPROXY_BACKEND || cells[sv] === 'BACKEND') continue;
    out.set(cells[sv] ?? '', cells[status] ?? '');
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
