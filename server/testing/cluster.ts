// A cluster for tests: nodes (server/main.ts in child processes on loopback ports) on one
// PostgreSQL schema of their own and one Redis, behind the shipped HAProxy config
// (testing/haproxy.ts). A node can be SIGKILLed and started again on its port under its NODE_ID
// (as systemd restarts a node), or paused (SIGSTOP) and resumed. Who runs a workshop is read from
// the lease table. Only tests import this module.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { freePort, spawnServer, type ChildServer } from './child-server.ts';
import { startHaproxy, type RunningHaproxy } from './haproxy.ts';
import { tempDataDir } from './harness.ts';
import { TEST_PG_URL } from './postgres.ts';
import { sleep } from './workload.ts';

export type ClusterNode = { name: string; port: number; child: ChildServer };

export class TestCluster {
  readonly schema = `cluster_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  readonly nodes: ClusterNode[] = [];
  /** The balancer the latest `balance` started. */
  lb!: RunningHaproxy;
  private readonly balancers: RunningHaproxy[] = [];
  private readonly sql: pg.Pool;

  constructor(
    private readonly options: { leaseTtlMs: number; redisUrl?: string },
  ) {
    this.sql = new pg.Pool({ connectionString: TEST_PG_URL, max: 2 });
  }

  async startNode(name: string, port?: number): Promise<ClusterNode> {
    const p = port ?? (await freePort());
    const child = await spawnServer(tempDataDir(), p, this.env(name));
    const known = this.nodes.find((n) => n.name === name);
    if (known) known.child = child;
    else this.nodes.push({ name, port: p, child });
    return known ?? this.nodes.at(-1)!;
  }

  private env(name: string): Record<string, string> {
    return {
      DATABASE_URL: TEST_PG_URL,
      DATABASE_SCHEMA: this.schema,
      NODE_ID: name,
      LEASE_TTL_MS: String(this.options.leaseTtlMs),
      // Dead peers noticed within 2 s on both sides.
      PING_INTERVAL_MS: '1000',
      PING_TIMEOUT_MS: '1000',
      TRUST_PROXY: 'loopback',
      // 300 phones and the test's lookups all come from 127.0.0.1, through HAProxy: no caps per
      // address, but with Redis the join and creation budgets are counted there, shared by all
      // nodes (high enough never to refuse), so Redis is in every join's path.
      MAX_CONNECTIONS_PER_IP: '0',
      WRONG_CODES_PER_MINUTE: '0',
      ...(this.options.redisUrl
        ? { REDIS_URL: this.options.redisUrl, JOINS_PER_IP_PER_MINUTE: '1000000', SESSIONS_PER_IP_PER_MINUTE: '1000000' }
        : { JOINS_PER_IP_PER_MINUTE: '0', SESSIONS_PER_IP_PER_MINUTE: '0' }),
    };
  }

  /** HAProxy in front of `nodes` (default: all), once it has every one of them UP. */
  async balance(nodes = this.nodes, spare = 2): Promise<RunningHaproxy> {
    this.lb = await startHaproxy({ backends: nodes.map((n) => ({ name: n.name, port: n.port })), spare });
    this.balancers.push(this.lb);
    for (const n of nodes) await this.lb.waitForServer(n.name, 'UP');
    return this.lb;
  }

  /** SIGKILL, then the same node again (its port, its NODE_ID), back in the balancer. */
  async killAndRestart(node: ClusterNode, afterKill: () => Promise<void>): Promise<void> {
    node.child.process.kill('SIGKILL');
    await node.child.exited;
    await afterKill();
    await this.startNode(node.name, node.port);
    // Without a balancer (clients connect to nodes directly), the node is back once it listens.
    if (this.balancers.length) await this.lb.waitForServer(node.name, 'UP', 30_000);
  }

  async ownerOf(code: string): Promise<ClusterNode> {
    const node = await this.ownerNameOf(code).then((name) => this.nodes.find((n) => n.name === name));
    if (!node) throw new Error(`no live owner of ${code}`);
    return node;
  }

  private async ownerNameOf(code: string): Promise<string | undefined> {
    const { rows } = await this.sql.query<{ node: string }>(`SELECT node FROM ${this.schema}.session_leases WHERE code = $1 AND expires_at > now()`, [code]);
    return rows[0]?.node;
  }

  /** Resolves with the node that took `code` over from `from`. */
  async movedFrom(code: string, from: ClusterNode, timeoutMs = 30_000): Promise<ClusterNode> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const owner = await this.ownerOf(code).catch(() => undefined);
      if (owner && owner !== from) return owner;
      if (Date.now() > deadline) throw new Error(`${code} did not move from ${from.name}`);
      await sleep(100);
    }
  }

  /** For a failing test: the leases, HAProxy's view of the nodes, and the nodes' last words. */
  async describe(): Promise<string> {
    const leases = await this.sql.query(`SELECT code, node, generation, expires_at > now() AS live FROM ${this.schema}.session_leases`);
    const servers = this.balancers.length ? JSON.stringify([...(await this.lb.servers())]) : 'no balancer';
    const outputs = this.nodes.map((n) => `${n.name}:\n${n.child.output().slice(-1500)}`);
    return [`leases ${JSON.stringify(leases.rows)}`, `servers ${servers}`, ...outputs].join('\n');
  }

  async close(): Promise<void> {
    for (const n of this.nodes) {
      if (n.child.process.exitCode === null && n.child.process.signalCode !== 'SIGKILL') {
        n.child.process.kill('SIGCONT');
        n.child.process.kill('SIGKILL');
      }
    }
    for (const b of this.balancers) await b.close();
    await this.sql.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
    await this.sql.end();
  }
}
