// Per-address budgets shared by the nodes through Redis (REDIS_URL): an address that spreads its
// requests over two nodes gets one budget, not one per node; with Redis out of reach, each node
// still counts in its own memory. Real servers, real Redis.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { startServer, type RunningServer } from '../server.ts';
import { tempDataDir, testConfig } from '../testing/harness.ts';
import { TEST_REDIS_URL, redisAvailable } from '../testing/redis.ts';

const REDIS = await redisAvailable();
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function node(extra: Partial<Config>): Promise<RunningServer> {
  const s = await startServer({ ...testConfig(tempDataDir()), sessionsPerIpPerMinute: 3, ...extra });
  servers.push(s);
  return s;
}
const create = async (s: RunningServer) => (await fetch(`${s.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status;

describe.skipIf(!REDIS)('budgets shared through Redis', () => {
  it('two nodes give an address one budget of new workshops a minute; without Redis it would be one each', async () => {
    const prefix = `test:${randomUUID()}`;
    const [a, b] = [await node({ redisUrl: TEST_REDIS_URL, redisPrefix: prefix }), await node({ redisUrl: TEST_REDIS_URL, redisPrefix: prefix })];
    expect([await create(a), await create(b), await create(a)]).toEqual([201, 201, 201]);
    expect([await create(b), await create(a)]).toEqual([429, 429]);

    // The same without Redis: each node counts alone, and the address gets twice as many.
    const [c, d] = [await node({}), await node({})];
    expect([await create(c), await create(d), await create(c), await create(d), await create(c), await create(d)]).toEqual([201, 201, 201, 201, 201, 201]);
    expect(await create(c)).toBe(429);
  });

  it('with Redis out of reach a node still counts, in its own memory, and serves', async () => {
    const lonely = await node({ redisUrl: 'redis://127.0.0.1:1', redisPrefix: `test:${randomUUID()}` });
    expect([await create(lonely), await create(lonely), await create(lonely), await create(lonely)]).toEqual([201, 201, 201, 429]);
  });
});
