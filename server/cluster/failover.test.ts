// Two nodes' session managers on one PostgreSQL (in one process, each with its own pool): one
// runs a session at a time; when its lease moves on, its next commit is refused by the fence, it
// lets the session go, and the new owner carries on from the log – nothing the old owner
// acknowledged is lost, nothing it could not commit appears.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SET } from '../../shared/session/test-fixtures.ts';
import { OwnedElsewhere, SessionManager } from '../sessions.ts';
import { openPgStore } from '../store/pg-store.ts';
import type { Store } from '../store/store.ts';
import { TEST_PG_URL, postgresAvailable } from '../testing/postgres.ts';

const PG = await postgresAvailable();
const schema = `failover_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const TTL = 10_000; // renewals every 3.3 s: none falls inside the few milliseconds a step takes
const stores: Store[] = [];
const managers: SessionManager[] = [];
let sql: pg.Client;

/** A node; `ttlMs` also bounds how long its open() waits for another node's lease (twice it). */
async function node(name: string, ttlMs = TTL): Promise<SessionManager> {
  const store = await openPgStore({ url: TEST_PG_URL, schema });
  stores.push(store);
  const m = await SessionManager.start(store, Date.now, (e) => { throw e; }, { node: name, ttlMs });
  managers.push(m);
  return m;
}
const join = (m: SessionManager, code: string) => m.execute(code, nanoid(), { type: 'join', role: 'citizen' }, { kind: 'guest' });

beforeAll(async () => {
  if (!PG) return;
  sql = new pg.Client({ connectionString: TEST_PG_URL });
  await sql.connect();
});
afterAll(async () => {
  if (!PG) return;
  for (const m of managers) m.close();
  for (const s of stores) await s.close();
  await sql.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await sql.end();
});

describe.skipIf(!PG)('one owner per session across nodes', () => {
  it('the owner runs it; another node waits, then is refused while the owner keeps it (taken moments ago)', async () => {
    const a = await node('A');
    const b = await node('B', 300);
    const { code } = await a.create(SET);
    expect(a.get(code)).toBeUndefined(); // created, not yet run by anyone
    expect((await join(a, code)).ok).toBe(true);
    const started = Date.now();
    // B waits twice its TTL for the lease, which A renews all along; then it is told so.
    await expect(b.open(code)).rejects.toBeInstanceOf(OwnedElsewhere);
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(b.get(code)).toBeUndefined();
    expect(a.get(code)?.state.participantCount).toBe(1);
  });

  it('a takeover fences the old owner: its next commit is refused, it lets the session go, the new owner has everything acknowledged', async () => {
    const a = await node('A2');
    const b = await node('B2');
    const { code } = await a.create(SET);
    const before = await join(a, code);
    expect(before.ok).toBe(true);
    let lost = '';
    a.placement!.onLost((c) => (lost = c));

    // A stops renewing (paused, cut off): its lease runs out, and B takes the session.
    await sql.query(`UPDATE ${schema}.session_leases SET expires_at = now() - interval '1 second' WHERE code = $1`, [code]);
    const taken = await b.open(code);
    expect(taken?.state.participantCount).toBe(1);

    // A wakes up and goes on as if nothing happened: the database refuses its write.
    const refused = await join(a, code);
    expect(refused.ok).toBe(false);
    expect(lost).toBe(code);
    expect(a.get(code)).toBeUndefined();

    // B carries on; the log holds A's acknowledged join and B's, not A's refused one.
    expect((await join(b, code)).ok).toBe(true);
    const log = await stores.at(-1)!.loadEvents(code);
    expect(log.filter((r) => r.event.type === 'participantJoined')).toHaveLength(2);
    expect(log.map((r) => r.seq)).toEqual(log.map((_, i) => i + 1));

    // A third node asks for the session: B holds it, so it is told to try later.
    await expect((await node('C2', 200)).open(code)).rejects.toBeInstanceOf(OwnedElsewhere);

    // B rotates the console link, then stops gracefully: it gives its leases up, and A takes over
    // at once with everything – the new link included (A had the old one in memory).
    const token = await b.rotateHostToken(code);
    await b.drain();
    await b.releaseLeases();
    const back = await a.open(code);
    expect(back?.state.participantCount).toBe(2);
    expect(a.isHost(code, token)).toBe(true);
    expect((await join(a, code)).ok).toBe(true);
  });

  it('a node that gets a session’s traffic asks its holder to hand it over: committed, released, taken at once – and not handed back before a lease’s life', async () => {
    const a = await node('A4', 400);
    const b = await node('B4', 400);
    const { code } = await a.create(SET);
    expect((await join(a, code)).ok).toBe(true);
    let lost = '';
    a.placement!.onLost((c) => (lost = c));
    await new Promise((r) => setTimeout(r, 450)); // held for a lease's life: A may hand it on
    const asked = Date.now();
    const opened = await b.open(code);
    // Well before A's renewed lease would have run out (it never does while A lives).
    expect(Date.now() - asked).toBeLessThan(400);
    expect(opened?.state.participantCount).toBe(1);
    expect(lost).toBe(code);
    expect(a.get(code)).toBeUndefined();
    expect((await join(b, code)).ok).toBe(true);
    // A asks straight back: B took it just now and keeps it for a lease's life first (no
    // ping-pong when two nodes both get its traffic for a moment), then hands it back.
    const tookAt = Date.now();
    const backAgain = await a.open(code);
    expect(Date.now() - tookAt).toBeGreaterThanOrEqual(350);
    expect(backAgain?.state.participantCount).toBe(2);
    expect(b.get(code)).toBeUndefined();
  });

  it('a list or an overview on another node reads the session without taking it (peek)', async () => {
    const a = await node('A5', 400);
    const b = await node('B5', 400);
    const { code } = await a.create(SET);
    // Nobody runs it yet: B reads it and leaves it free.
    expect((await b.peek(code))?.state.participantCount).toBe(0);
    expect(await stores.at(-1)!.leases!.holder(code)).toBeUndefined();
    expect((await join(a, code)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 450)); // A could hand it on now, if asked
    let lost = '';
    a.placement!.onLost((c) => (lost = c));
    expect((await b.peek(code))?.state.participantCount).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(lost).toBe('');
    expect(a.get(code)?.state.participantCount).toBe(1);
    expect(b.get(code)).toBeUndefined();
  });
});

