// Leases and fencing against a real PostgreSQL: one owner per session at a time, a takeover only
// after expiry (PostgreSQL's clock), and a commit fenced by an old generation refused by the
// database – the split brain of a paused owner that wakes up after its successor took over.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitQueue } from '../store/commit-queue.ts';
import { openPgStore, pgPool } from '../store/pg-store.ts';
import { GroupCommit } from './group-commit.ts';
import { FencedError, type EventRow, type Store } from '../store/store.ts';
import { TEST_PG_URL, postgresAvailable } from '../testing/postgres.ts';

const PG = await postgresAvailable();
const schema = `leases_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let a: Store; // node A's connection to the shared database
let b: Store; // node B's
let codes = 0;

const row = (code: string, seq: number): EventRow => ({ code, seq, clientKey: `k${seq}`, event: { type: 'sessionConfigured', tables: seq, screenZoom: 1, at: seq } });
async function newSession(): Promise<string> {
  const code = `L${++codes}${randomUUID().slice(0, 4).toUpperCase()}`;
  await a.createSession({ code, hostTokenHash: 'h', questionSetId: 's', createdAt: 1 }, { code, seq: 1, clientKey: null, event: { type: 'sessionConfigured', tables: 1, screenZoom: 1, at: 1 } });
  return code;
}
const fence = (node: string, code: string, generation: number) => ({ node, generations: new Map([[code, generation]]) });

beforeAll(async () => {
  if (!PG) return;
  a = await openPgStore({ url: TEST_PG_URL, schema });
  b = await openPgStore({ url: TEST_PG_URL, schema });
});
afterAll(async () => {
  if (!PG) return;
  await a.close();
  await b.close();
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
});

describe.skipIf(!PG)('session leases in PostgreSQL', () => {
  it('one holder at a time: a live lease is refused to another node, and extended for its own', async () => {
    const code = await newSession();
    expect(await a.leases!.acquire(code, 'A', 5000)).toEqual({ ok: true, generation: 1 });
    const refused = await b.leases!.acquire(code, 'B', 5000);
    expect(refused.ok).toBe(false);
    expect(refused).toMatchObject({ holder: 'A' });
    expect(refused.ok === false && refused.expiresInMs).toBeGreaterThan(4000);
    // Its own node again: the same generation, so its commits in flight stay valid.
    expect(await a.leases!.acquire(code, 'A', 5000)).toEqual({ ok: true, generation: 1 });
    expect(await a.leases!.holder(code)).toMatchObject({ node: 'A', generation: 1 });
  });

  it('after expiry another node takes over with a higher generation; the old owner can neither renew nor commit', async () => {
    const code = await newSession();
    await a.leases!.acquire(code, 'A', 300);
    expect(await a.leases!.renew('A', new Map([[code, 1]]), 300)).toEqual(new Set([code]));
    await a.commit([{ kind: 'append', rows: [row(code, 2)] }], fence('A', code, 1));
    // A is paused (SIGSTOP): it renews nothing. B waits for the expiry, then takes the session.
    expect((await b.leases!.acquire(code, 'B', 300)).ok).toBe(false);
    await sleep(400);
    expect(await b.leases!.acquire(code, 'B', 5000)).toEqual({ ok: true, generation: 2 });
    // A wakes up: its renewal finds nothing, its commit is refused and writes nothing.
    expect(await a.leases!.renew('A', new Map([[code, 1]]), 300)).toEqual(new Set());
    await expect(a.commit([{ kind: 'append', rows: [row(code, 3)] }], fence('A', code, 1))).rejects.toBeInstanceOf(FencedError);
    // B carries on from the log as A left it.
    expect((await b.loadEvents(code)).map((r) => r.seq)).toEqual([1, 2]);
    await b.commit([{ kind: 'append', rows: [row(code, 3)] }], fence('B', code, 2));
    expect((await a.loadEvents(code)).map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('an owner paused in the middle of a commit holds a takeover up only until PostgreSQL ends its idle transaction', async () => {
    const code = await newSession();
    await a.leases!.acquire(code, 'A', 300);
    // A's commit, paused (SIGSTOP) just after its fence check: its transaction idle, the lease row
    // locked FOR SHARE. Without idleInTransactionMs, B's takeover would wait until A woke up.
    const paused = pgPool({ url: TEST_PG_URL, schema, poolSize: 1, idleInTransactionMs: 800 });
    const client = await paused.connect();
    client.on('error', () => {}); // PostgreSQL ends the connection
    await client.query('BEGIN');
    await client.query('SELECT generation FROM session_leases WHERE code = $1 FOR SHARE', [code]);
    await sleep(400); // A's lease has expired meanwhile
    const t = Date.now();
    expect(await b.leases!.acquire(code, 'B', 5000)).toEqual({ ok: true, generation: 2 });
    expect(Date.now() - t).toBeLessThan(3000);
    // A wakes up: its transaction is gone with its connection; nothing of it can commit.
    await expect(client.query('COMMIT')).rejects.toThrow();
    client.release(true);
    await paused.end();
  });

  it('a commit fenced for several sessions is refused whole when one of them moved', async () => {
    const kept = await newSession();
    const moved = await newSession();
    await a.leases!.acquire(kept, 'A', 5000);
    await a.leases!.acquire(moved, 'A', 1);
    await sleep(20);
    await b.leases!.acquire(moved, 'B', 5000);
    const both = { node: 'A', generations: new Map([[kept, 1], [moved, 1]]) };
    const refused = await a.commit([{ kind: 'append', rows: [row(kept, 2), row(moved, 2)] }], both).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FencedError);
    expect((refused as FencedError).codes).toEqual([moved]);
    expect((await a.loadEvents(kept)).map((r) => r.seq)).toEqual([1]);
  });

  it('a released lease is free at once (a drained node hands its sessions over without waiting)', async () => {
    const code = await newSession();
    await a.leases!.acquire(code, 'A', 60_000);
    await a.leases!.release(code, 'A', 1);
    expect(await b.leases!.acquire(code, 'B', 5000)).toEqual({ ok: true, generation: 2 });
    // A release by an old generation does nothing to the new owner's lease.
    await a.leases!.release(code, 'A', 1);
    expect(await a.leases!.holder(code)).toMatchObject({ node: 'B', generation: 2 });
  });

  it('a takeover racing a commit of the old owner: the commit is either in the new owner’s replay or refused, never after it', async () => {
    let landed = 0;
    let refused = 0;
    for (let i = 0; i < 30; i++) {
      const code = await newSession();
      await a.leases!.acquire(code, 'A', 30);
      await sleep(40); // expired, but nobody took it yet: A's commit may still land
      const rows = Array.from({ length: 400 }, (_, k) => row(code, k + 2));
      const [commit, replay] = await Promise.all([
        a.commit([{ kind: 'append', rows }], fence('A', code, 1)).then(
          () => 'landed' as const,
          (e: unknown) => (e instanceof FencedError ? ('refused' as const) : Promise.reject(e)),
        ),
        // B a little later each round, so that both orders happen.
        sleep(i % 10).then(() => b.leases!.acquire(code, 'B', 5000)).then(async (got) => {
          expect(got).toEqual({ ok: true, generation: 2 });
          return (await b.loadEvents(code)).length;
        }),
      ]);
      if (commit === 'landed') {
        landed++;
        expect(replay).toBe(401); // the takeover waited for the commit, and its replay has it
      } else {
        refused++;
        expect(replay).toBe(1);
        expect(await a.loadEvents(code)).toHaveLength(1);
      }
    }
    console.log(`[leases] takeover racing a commit: ${landed} commits landed first (in the replay), ${refused} refused`);
    expect(landed + refused).toBe(30);

  });

  it('a group commit writes the sessions still held and refuses, alone, the one taken over', async () => {
    const [kept, taken, unfenced] = [await newSession(), await newSession(), await newSession()];
    await a.leases!.acquire(kept, 'A', 5000);
    await a.leases!.acquire(taken, 'A', 200);
    await a.leases!.acquire(unfenced, 'A', 5000);
    await sleep(300);
    expect(await b.leases!.acquire(taken, 'B', 5000)).toEqual({ ok: true, generation: 2 });
    const { refused } = await a.commitGroup!([
      { ops: [{ kind: 'append', rows: [row(kept, 2)] }], fence: fence('A', kept, 1) },
      { ops: [{ kind: 'append', rows: [row(taken, 2)] }], fence: fence('A', taken, 1) },
      // A part whose fence does not name its session is not written either.
      { ops: [{ kind: 'append', rows: [row(unfenced, 2)] }], fence: fence('A', kept, 1) },
      { ops: [{ kind: 'append', rows: [row(kept, 3)] }], fence: fence('A', kept, 1) },
    ]);
    expect([...refused].sort()).toEqual([1, 2]);
    expect((await b.loadEvents(kept)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await b.loadEvents(taken)).toHaveLength(1);
    expect(await b.loadEvents(unfenced)).toHaveLength(1);
  });

  it('the sessions of one moment go to PostgreSQL as one transaction; each queue hears of its own part', async () => {
    const codes = await Promise.all(Array.from({ length: 20 }, () => newSession()));
    for (const code of codes) await a.leases!.acquire(code, 'A', 5000);
    const group = new GroupCommit({ commitGroup: (parts) => a.commitGroup!(parts) });
    const queues = codes.map((code) => new CommitQueue(group, (e) => console.error(e), () => fence('A', code, 1)));
    // A stale generation for the last one: its part alone is refused.
    const stale = new CommitQueue(group, () => {}, () => fence('A', codes[0]!, 7));
    const results = await Promise.allSettled([...queues.map((q, i) => q.push([row(codes[i]!, 2)])), stale.push([row(codes[0]!, 3)])]);
    expect(results.slice(0, 20).filter((r) => r.status !== "fulfilled")).toEqual([]);
    expect(results[20]).toMatchObject({ status: 'rejected', reason: expect.any(FencedError) });
    expect(group.stats).toEqual({ transactions: 1, parts: 21 });
    for (const code of codes) expect((await b.loadEvents(code)).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('renewals and group commits of the same leases at once never deadlock (both lock in code order)', async () => {
    const codes = await Promise.all(Array.from({ length: 60 }, () => newSession()));
    // Taken in another order than the codes', so that the rows' physical order is not theirs.
    for (const code of [...codes].reverse()) await a.leases!.acquire(code, 'A', 60_000);
    const group = new GroupCommit({ commitGroup: (parts) => a.commitGroup!(parts) });
    const failures: unknown[] = [];
    const queues = codes.map((code) => new CommitQueue(group, (e) => failures.push(e), () => fence('A', code, 1)));
    const until = Date.now() + 3000;
    const writers = queues.map(async (q, i) => {
      for (let n = 2; Date.now() < until; n++) await q.push([row(codes[i]!, n)]).catch((e: unknown) => failures.push(e));
    });
    const renewals = (async () => {
      let n = 0;
      // In a new order each time, as a node's map of held leases is in no particular order.
      for (; Date.now() < until; n++) {
        const shuffled = [...codes].sort(() => Math.random() - 0.5);
        await a.leases!.renew('A', new Map(shuffled.map((c) => [c, 1])), 60_000).catch((e: unknown) => failures.push(e));
      }
      return n;
    })();
    await Promise.all([...writers, renewals]);
    console.log(`[leases] ${await renewals} renewals beside ${group.stats.transactions} group commits; ${failures.length} failed`);
    expect(failures).toEqual([]);
  });

  it('deleting a session deletes its lease', async () => {
    const code = await newSession();
    await a.leases!.acquire(code, 'A', 5000);
    await a.commit([{ kind: 'delete', code }], fence('A', code, 1));
    expect(await b.leases!.holder(code)).toBeUndefined();
  });
});
