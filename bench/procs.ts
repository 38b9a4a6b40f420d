// Child processes of the bench: the server under test and the client workers. Every wait for a
// child has a deadline; every child is killed by its own pid when the bench ends, however it ends.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ParentToServer, ParentToWorker, ServerStats, ServerToParent, WorkerToParent } from './ipc.ts';

const children = new Set<ChildProcess>();

/** Forks a .ts file under bench/ with the same tsx loader this process runs with. */
export function forkTs(relative: string, extraExecArgv: string[] = [], env?: NodeJS.ProcessEnv): ChildProcess {
  const child = fork(fileURLToPath(new URL(relative, import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...(env ? { env: { ...process.env, ...env } } : {}),
    ...(extraExecArgv.length ? { execArgv: [...process.execArgv, ...extraExecArgv] } : {}),
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function killAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  children.clear();
}

/** The next message from `child` that passes `match`, or an error after `timeoutMs`. */
export function nextMessage<T>(child: ChildProcess, match: (m: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: T) => {
      if (!match(m)) return;
      done();
      resolve(m);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`${what}: the child exited (${code}) first`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** What a run needs of the server under test: one process (ServerProc) or a cluster (bench/cluster.ts). */
/** `nodeUrls`: a cluster's nodes, for phones spread over them (--spread). */
export type BenchServer = { readonly url: string; readonly nodeUrls?: string[]; stats(): Promise<ServerStats>; stop(): Promise<void> };

export class ServerProc implements BenchServer {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /**
   * `profileDir`: write a V8 CPU profile of the server there when it stops (--cpu-prof). `env`: the
   * server's own settings (a cluster node's DATABASE_URL, NODE_ID…; see bench/cluster.ts).
   */
  static async start(kind: 'raadslag' | 'floor', profileDir?: string, env?: NodeJS.ProcessEnv): Promise<ServerProc> {
    const child = forkTs(kind === 'floor' ? './floor/server.ts' : './server-entry.ts', profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [], env);
    const ready = await nextMessage<ServerToParent>(child, (m) => m.type === 'ready', 60_000, `${kind} server start`);
    return new ServerProc(child, (ready as { url: string }).url);
  }

  async stats(): Promise<ServerStats> {
    const reply = nextMessage<ServerToParent>(this.child, (m) => m.type === 'stats', 10_000, 'server stats');
    this.child.send({ type: 'stats' } satisfies ParentToServer);
    return ((await reply) as { stats: ServerStats }).stats;
  }

  async stop(): Promise<void> {
    const stopped = nextMessage<ServerToParent>(this.child, (m) => m.type === 'stopped', 10_000, 'server stop').catch(() => undefined);
    this.child.send({ type: 'stop' } satisfies ParentToServer);
    await stopped;
    if (this.child.exitCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
  }
}

export class Worker {
  private constructor(readonly child: ChildProcess) {}

  static async start(): Promise<Worker> {
    const child = forkTs('./clients.ts');
    await nextMessage<WorkerToParent>(child, (m) => m.type === 'ready', 60_000, 'client worker start');
    return new Worker(child);
  }

  /** Sends `message` and waits for the reply of type `reply`. */
  async ask<K extends WorkerToParent['type']>(message: ParentToWorker, reply: K, timeoutMs: number): Promise<Extract<WorkerToParent, { type: K }>> {
    const answer = nextMessage<WorkerToParent>(this.child, (m) => m.type === reply, timeoutMs, `worker ${message.type}`);
    this.child.send(message);
    return (await answer) as Extract<WorkerToParent, { type: K }>;
  }
}
