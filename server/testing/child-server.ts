// A real server in a child process (`node --import tsx server/main.ts`, configured by PORT, HOST
// and DATA_DIR like in production), for tests that kill it hard. Only tests import this module.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { REPO } from './harness.ts';

export type ChildServer = { process: ChildProcess; url: string; port: number; exited: Promise<void>; output: () => string };

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** Starts the server; resolves once /healthz answers. `port` to come back on the same address. */
export async function spawnServer(dataDir: string, port?: number, env: Record<string, string> = {}): Promise<ChildServer> {
  const p = port ?? (await freePort());
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d) => (output += String(d)));
  proc.stderr.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${p}`;
  // Generous: a cold start (tsx compiling the server) takes many seconds on a loaded 2-core machine.
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { process: proc, url, port: p, exited, output: () => output };
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`the server did not start within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
