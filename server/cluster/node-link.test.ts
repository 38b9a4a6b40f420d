// Requests between nodes over Redis (node-link.ts): an answer comes back to its asker, an error
// too; nobody listening is NodeGone at once; a node that dies while a request waits on it is seen
// by the watch within a moment, not after the request's timeout; silence is NoAnswer.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeGone, NodeLink, NoAnswer } from './node-link.ts';
import { TEST_REDIS_URL, redisAvailable } from '../testing/redis.ts';

const REDIS = await redisAvailable();
const prefix = `test:${randomUUID()}`;
const links: NodeLink[] = [];
afterAll(() => links.forEach((l) => l.close()));

async function link(node: string): Promise<NodeLink> {
  const l = await NodeLink.open(TEST_REDIS_URL, node, prefix);
  links.push(l);
  return l;
}

describe.skipIf(!REDIS)('requests between nodes', () => {
  it('an answer, and an error, come back to the node that asked', async () => {
    const [a, b] = [await link('a'), await link('b')];
    b.serve(async (kind, body) => {
      if (kind === 'fail') throw new Error('refused here');
      return { kind, echoed: body };
    });
    expect(await a.call('b', 'echo', { x: 1 }, 2000)).toEqual({ kind: 'echo', echoed: { x: 1 } });
    await expect(a.call('b', 'fail', {}, 2000)).rejects.toThrow('refused here');
  });

  it('a node nobody listens for is gone at once; one that never answers is NoAnswer after the timeout', async () => {
    const a = await link('a2');
    const started = Date.now();
    await expect(a.call('nobody', 'echo', {}, 5000)).rejects.toBeInstanceOf(NodeGone);
    expect(Date.now() - started).toBeLessThan(1000);
    const silent = await link('silent');
    silent.serve(() => new Promise(() => {}));
    await expect(a.call('silent', 'echo', {}, 300)).rejects.toBeInstanceOf(NoAnswer);
  });

  it('a node that goes while a request waits on it: the request fails as NodeGone within a moment, long before its timeout', async () => {
    const a = await link('a3');
    const dying = await link('dying');
    dying.serve(() => new Promise(() => {}));
    const waiting = a.call('dying', 'echo', {}, 20_000);
    await new Promise((r) => setTimeout(r, 100));
    const closed = Date.now();
    dying.close();
    await expect(waiting).rejects.toBeInstanceOf(NodeGone);
    expect(Date.now() - closed).toBeLessThan(2000);
  });
});
