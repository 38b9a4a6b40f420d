// `--cluster N`: Rådslag as N nodes on one PostgreSQL and one Redis behind the shipped HAProxy config
// (deploy/haproxy/haproxy.cfg), measured as one server: the clients talk to HAProxy, and the
// figures add up the nodes' CPU and memory (HAProxy's own CPU is reported beside them). Each run
// gets a fresh schema, dropped when it stops.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { startHaproxy, type RunningHaproxy } from '../server/testing/haproxy.ts';
import type { ServerStats } from './ipc.ts';
import { ServerProc, type BenchServer } from './procs.ts';

export const CLUSTER_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1/test';
export const CLUSTER_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export class ClusterProc implements BenchServer {
  private constructor(
    readonly nodes: ServerProc[],
    private readonly lb: RunningHaproxy,
    private readonly schema: string,
  ) {}

  get url(): string {
    return this.lb.url;
  }

  /** Each node's own address (--spread: phones connect to them in turn, not through the balancer). */
  get nodeUrls(): string[] {
    return this.nodes.map((n) => n.url);
  }

  static async start(n: number): Promise<ClusterProc> {
    const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const nodes = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        ServerProc.start('raadslag', undefined, { DATABASE_URL: CLUSTER_DATABASE_URL, DATABASE_SCHEMA: schema, NODE_ID: `bench${i + 1}`, REDIS_URL: CLUSTER_REDIS_URL, REDIS_PREFIX: `bench:${schema}` }),
      ),
    );
    // Health checks that tolerate a node busy for seconds (see patient() in server/testing/haproxy.ts).
    const lb = await startHaproxy({ backends: nodes.map((node, i) => ({ name: `node${i + 1}`, port: Number(new URL(node.url).port) })), patientChecks: true });
    for (let i = 1; i <= n; i++) await lb.waitForServer(`node${i}`, 'UP', 30_000);
    return new ClusterProc(nodes, lb, schema);
  }

  /** The nodes' figures added up (CPU, memory, views sent), the worst event loop, and HAProxy's CPU. */
  async stats(): Promise<ServerStats> {
    const all = await Promise.all(this.nodes.map((n) => n.stats()));
    const sum = (f: (s: ServerStats) => number) => all.reduce((a, s) => a + f(s), 0);
    const merge = (f: (s: ServerStats) => Record<string, number>) => {
      const out: Record<string, number> = {};
      for (const s of all) for (const [k, v] of Object.entries(f(s))) out[k] = (out[k] ?? 0) + v;
      return out;
    };
    return {
      cpuS: sum((s) => s.cpuS),
      rssKb: sum((s) => s.rssKb),
      peakRssKb: sum((s) => s.peakRssKb),
      sent: merge((s) => s.sent),
      loopP99Ms: Math.max(...all.map((s) => s.loopP99Ms)),
      loopMaxMs: Math.max(...all.map((s) => s.loopMaxMs)),
      extra: { ...merge((s) => s.extra), haproxyCpuS: this.haproxyCpuS(), ...Object.fromEntries(all.map((s, i) => [`node${i + 1}CpuS`, s.cpuS])) },
    };
  }

  /** HAProxy's CPU seconds so far, from /proc (Linux). */
  private haproxyCpuS(): number {
    const stat = fs.readFileSync(`/proc/${this.lb.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (100 a second)
  }

  async stop(): Promise<void> {
    // What HAProxy saw (health checks going down, say) for a look afterwards.
    fs.writeFileSync(`${process.env.TMPDIR ?? '/tmp'}/raadslag-bench-haproxy.log`, this.lb.output());
    await Promise.all(this.nodes.map((n) => n.stop()));
    await this.lb.close();
    const client = new pg.Client({ connectionString: CLUSTER_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`).finally(() => client.end());
  }
}
