// The limits several nodes share besides the budgets (shared-budgets.test.ts): unknown join codes
// per address and open connections per address, through Redis – an address spreading its traffic
// over two nodes gets one allowance, not one per node; with Redis out of reach each node counts
// alone and serves – and the stored-workshop cap (MAX_SESSIONS), counted in PostgreSQL. Real
// servers, real Redis, real PostgreSQL.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { ConnectionCounter } from '../security/ip-limits.ts';
import { startServer, type RunningServer } from '../server.ts';
import { TestClient, connectError, createSession, tempDataDir, testConfig } from '../testing/harness.ts';
import { TEST_PG_URL, postgresAvailable } from '../testing/postgres.ts';
import { TEST_REDIS_URL, redisAvailable } from '../testing/redis.ts';
import { clusterConnections } from './connection-counts.ts';

const REDIS = await redisAvailable();
const PG = await postgresAvailable();
const DEAD_REDIS = 'redis://127.0.0.1:1';
const servers: RunningServer[] = [];
const clients: TestClient<unknown>[] = [];
const redises: Redis[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  for (const s of servers) await s.close();
  for (const r of redises) r.disconnect();
});

async function node(extra: Partial<Config>): Promise<RunningServer> {
  const s = await startServer({ ...testConfig(tempDataDir()), ...extra });
  servers.push(s);
  return s;
}
/** Two nodes sharing one Redis prefix (one installation), or – `redisUrl` a closed port – none. */
const pair = async (extra: Partial<Config>, redisUrl = TEST_REDIS_URL) => {
  const prefix = `test:${randomUUID()}`;
  return [await node({ redisUrl, redisPrefix: prefix, ...extra }), await node({ redisUrl, redisPrefix: prefix, ...extra })] as const;
};
const lookup = async (s: RunningServer, code: string) => (await fetch(`${s.url}/api/sessions/${code}`)).status;
const screen = async (s: RunningServer, code: string) => {
  const c = await TestClient.connect(s.url, { code, as: 'screen' });
  clients.push(c);
  return c;
};
const refusedWith = async (s: RunningServer, code: string) => (await connectError(s.url, { code, as: 'screen' })).data?.code;

describe.skipIf(!REDIS)('unknown join codes per address, over all nodes (WRONG_CODES_PER_MINUTE)', () => {
  it('two nodes give an address one budget of misses, sockets and HTTP together', async () => {
    const [a, b] = await pair({ wrongCodesPerMinute: 3 });
    expect([await lookup(a, 'NOPE1X'), await lookup(b, 'NOPE2X')]).toEqual([404, 404]);
    expect((await connectError(a.url, { code: 'NOPE3X', as: 'participant' })).data?.code).toBe('no_such_session');
    // The fourth miss, on either node, is refused – and so is any lookup without a token.
    const over = await fetch(`${b.url}/api/sessions/NOPE4X`);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(50);
    expect((await connectError(b.url, { code: 'NOPE5X', as: 'participant' })).data?.code).toBe('rate_limited');
    expect(await lookup(a, 'NOPE6X')).toBe(429);
  });

  it('a lookup that finds its workshop costs nothing (taken ahead, given back)', async () => {
    const [a, b] = await pair({ wrongCodesPerMinute: 2 });
    const session = await createSession(a.url); // SQLite here: the workshop is A's alone
    for (let i = 0; i < 4; i++) expect(await lookup(a, session.code)).toBe(200);
    expect((await screen(a, session.code)).hello?.audience).toBe('screen');
    expect([await lookup(b, 'NOPE1X'), await lookup(a, 'NOPE2X'), await lookup(b, 'NOPE3X')]).toEqual([404, 404, 429]);
    expect(await lookup(a, session.code)).toBe(429);
  });

  it('a Redis that answers nothing (connected, then silent) is given up on per command, not waited for', async () => {
    // Answers the client's ready check (INFO), then nothing: a machine gone without closing.
    const silent = net.createServer((socket) => socket.on('data', (d) => String(d).includes('INFO') && socket.write('$0\r\n\r\n')));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const [a] = await pair({ wrongCodesPerMinute: 2 }, `redis://127.0.0.1:${(silent.address() as net.AddressInfo).port}`);
      const started = Date.now();
      expect([await lookup(a, 'NOPE1X'), await lookup(a, 'NOPE2X'), await lookup(a, 'NOPE3X')]).toEqual([404, 404, 429]);
      expect(Date.now() - started).toBeLessThan(3 * 1000);
    } finally {
      silent.close();
    }
  });

  it('with Redis out of reach each node counts its own misses, in memory, and serves', async () => {
    const [a, b] = await pair({ wrongCodesPerMinute: 2 }, DEAD_REDIS);
    expect([await lookup(a, 'NOPE1X'), await lookup(a, 'NOPE2X'), await lookup(a, 'NOPE3X')]).toEqual([404, 404, 429]);
    expect([await lookup(b, 'NOPE1X'), await lookup(b, 'NOPE2X'), await lookup(b, 'NOPE3X')]).toEqual([404, 404, 429]);
  });
});

describe.skipIf(!REDIS)('open connections per address, over all nodes (MAX_CONNECTIONS_PER_IP)', () => {
  it('two nodes hold the cap together; a closed socket frees a place on either', async () => {
    const [a, b] = await pair({ maxConnectionsPerIp: 3 });
    // Each node has its own data folder (SQLite): a workshop on each to keep screens open on.
    const [onA, onB] = [await createSession(a.url), await createSession(b.url)];
    const held = [await screen(a, onA.code), await screen(a, onA.code), await screen(b, onB.code)];
    expect(await refusedWith(b, onB.code)).toBe('too_many_connections');
    expect(await refusedWith(a, onA.code)).toBe('too_many_connections');
    held[0]!.close();
    // Counted out when node A sees the transport end; then node B has room.
    let again: TestClient<unknown> | undefined;
    for (let i = 0; i < 50 && !again; i++) {
      await new Promise((r) => setTimeout(r, 20));
      again = await screen(b, onB.code).catch(() => undefined);
    }
    expect(again).toBeDefined();
    expect(await refusedWith(a, onA.code)).toBe('too_many_connections');
  });

  it('with Redis out of reach each node counts its own connections and serves', async () => {
    const [a, b] = await pair({ maxConnectionsPerIp: 2 }, DEAD_REDIS);
    const [onA, onB] = [await createSession(a.url), await createSession(b.url)];
    await Promise.all([screen(a, onA.code), screen(a, onA.code), screen(b, onB.code), screen(b, onB.code)]);
    expect(await refusedWith(a, onA.code)).toBe('too_many_connections');
    expect(await refusedWith(b, onB.code)).toBe('too_many_connections');
  });

  it("a node that dies takes its count with it; one whose count Redis lost writes it again", async () => {
    const prefix = `test:${randomUUID()}`;
    const connect = async () => {
      const r = new Redis(TEST_REDIS_URL, { enableOfflineQueue: false, lazyConnect: true });
      redises.push(r);
      await r.connect();
      return r;
    };
    const [ra, rb] = [await connect(), await connect()];
    const [localA, localB] = [new ConnectionCounter(), new ConnectionCounter()];
    const ttlMs = 300;
    const a = clusterConnections({ client: ra, prefix }, 'A', localA, ttlMs);
    const b = clusterConnections({ client: rb, prefix }, 'B', localB, ttlMs);
    localA.add('x');
    expect(await a.add('x')).toBe(1);
    localA.add('x');
    expect(await a.add('x')).toBe(2);
    // Redis loses A's count (a restart, say): A's next refresh puts it back from its own.
    await rb.del(`${prefix}:connections:A`);
    await new Promise((r) => setTimeout(r, ttlMs / 2));
    localB.add('x');
    expect(await b.add('x')).toBe(3);
    // A dies without a word (its connection to Redis cut, its refreshes stop): its count expires.
    ra.disconnect();
    await new Promise((r) => setTimeout(r, ttlMs + 100));
    localB.add('x');
    expect(await b.add('x')).toBe(2);
    await a.close();
    await b.close();
  });
});

describe.skipIf(!PG)('stored workshops, over all nodes (MAX_SESSIONS)', () => {
  const schema = `limits_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  afterAll(async () => {
    const sql = new pg.Client({ connectionString: TEST_PG_URL });
    await sql.connect();
    await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.end();
  });

  it("a node counts the other nodes' workshops too", async () => {
    const db = { databaseUrl: TEST_PG_URL, databaseSchema: schema, maxSessions: 3 };
    const [a, b] = [await node({ ...db, nodeId: 'A' }), await node({ ...db, nodeId: 'B' })];
    const create = async (s: RunningServer) => (await fetch(`${s.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status;
    expect([await create(a), await create(b), await create(b)]).toEqual([201, 201, 201]);
    // A created one itself; the other two it learns of from the store (its count is a second old at most).
    await new Promise((r) => setTimeout(r, 1100));
    expect(await create(a)).toBe(503);
    expect(await create(b)).toBe(503);
  });
});
