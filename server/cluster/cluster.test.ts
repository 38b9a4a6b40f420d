// Three nodes on one PostgreSQL behind the shipped HAProxy config, 300 phones in 3 workshops, each
// workshop run by a different node. Its owner is taken away mid-workshop, three ways: SIGKILLed
// while phones answer, SIGSTOPped while they answer (paused, not dead) and resumed after the
// takeover, and SIGKILLed while they vote. Every time, the workshop moves to a live node, which
// replays the log; phones reconnect through HAProxy and resend what was not acknowledged. Then:
// every acknowledged command is stored exactly once, nothing is doubled, the console's results
// equal a recount of the log, every phone with work left was acknowledged again within 10 s, and
// the resumed node had its writes refused and let its workshop go.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/session/actor.ts';
import type { HostView, ScreenView } from '../../shared/session/views.ts';
import { openPgStore } from '../store/pg-store.ts';
import { freePort, spawnServer, type ChildServer } from '../testing/child-server.ts';
import { haproxyBinary, startHaproxy, type RunningHaproxy } from '../testing/haproxy.ts';
import { TestClient, createSession, tempDataDir, type Created } from '../testing/harness.ts';
import { TEST_PG_URL, postgresAvailable } from '../testing/postgres.ts';
import { ResilientClient } from '../testing/resilient-client.ts';
import { Q, runPhone, shownBy, sleep, verify, type Phone } from '../testing/workload.ts';

const PG = await postgresAvailable();
const HAPROXY = haproxyBinary() !== undefined;
const PHONES = 100;
const LEASE_TTL_MS = 2000;
const schema = `cluster_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
const SEED = Number(process.env.CLUSTER_SEED ?? Math.floor(Math.random() * 1e6));

type Node = { name: string; port: number; child: ChildServer };
/** `screenViews`: when the workshop's screen got a view, and how many had answered then. */
type Workshop = { session: Created; host: ResilientClient<HostView>; phones: Phone[]; votingOpen: Promise<void>; openVoting: () => void; work: Promise<unknown>; screenViews: { at: number; answered: number }[] };

const nodes: Node[] = [];
let lb: RunningHaproxy | undefined;
const balancers: RunningHaproxy[] = [];
let sql: pg.Client | undefined;
const clients: ResilientClient[] = [];

beforeAll(async () => {
  if (!PG || !HAPROXY) return;
  sql = new pg.Client({ connectionString: TEST_PG_URL });
  await sql.connect();
});
afterAll(async () => {
  for (const c of clients) c.close();
  for (const n of nodes) {
    if (n.child.process.exitCode === null && n.child.process.signalCode !== 'SIGKILL') {
      n.child.process.kill('SIGCONT');
      n.child.process.kill('SIGKILL');
    }
  }
  for (const b of balancers) await b.close();
  await sql?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await sql?.end();
});

async function startNode(name: string): Promise<Node> {
  const port = await freePort();
  const child = await spawnServer(tempDataDir(), port, {
    DATABASE_URL: TEST_PG_URL,
    DATABASE_SCHEMA: schema,
    NODE_ID: name,
    LEASE_TTL_MS: String(LEASE_TTL_MS),
    // Dead peers noticed within 2 s on both sides.
    PING_INTERVAL_MS: '1000',
    PING_TIMEOUT_MS: '1000',
    TRUST_PROXY: 'loopback',
    // 300 phones and the test's lookups all come from 127.0.0.1, through HAProxy.
    MAX_CONNECTIONS_PER_IP: '0',
    JOINS_PER_IP_PER_MINUTE: '0',
    SESSIONS_PER_IP_PER_MINUTE: '0',
    WRONG_CODES_PER_MINUTE: '0',
  });
  return { name, port, child };
}

async function ownerOf(code: string): Promise<Node> {
  const { rows } = await sql!.query<{ node: string }>(`SELECT node FROM ${schema}.session_leases WHERE code = $1 AND expires_at > now()`, [code]);
  const node = nodes.find((n) => n.name === rows[0]?.node);
  if (!node) throw new Error(`no live owner of ${code}`);
  return node;
}

/** Workshops made through HAProxy and opened there (their code's node takes the lease): one per node. */
async function workshopsOnEveryNode(): Promise<Created[]> {
  const byOwner = new Map<string, Created>();
  for (let i = 0; i < 60 && byOwner.size < nodes.length; i++) {
    const session = await createSession(lb!.url);
    expect((await fetch(`${lb!.url}/api/sessions/${session.code}`)).status).toBe(200);
    const owner = await ownerOf(session.code);
    if (!byOwner.has(owner.name)) byOwner.set(owner.name, session);
  }
  expect(byOwner.size).toBe(nodes.length);
  return nodes.map((n) => byOwner.get(n.name)!);
}

function startWorkshop(session: Created, index: number, pace: [number, number], phones_ = PHONES): Workshop {
  const host = new ResilientClient<HostView>(lb!.url, session.code, 'host', session.hostToken);
  // The room's screen, on the text question: its count moves with every text answer.
  const screen = new ResilientClient<ScreenView>(lb!.url, session.code, 'screen');
  const screenViews: Workshop['screenViews'] = [];
  screen.socket.on('view', (v: ScreenView) => screenViews.push({ at: Date.now(), answered: v.step?.kind === 'question' ? (v.step.answered ?? 0) : -1 }));
  clients.push(screen);
  const phones: Phone[] = Array.from({ length: phones_ }, () => ({ client: new ResilientClient(lb!.url, session.code, 'participant'), acked: [] }));
  clients.push(host, ...phones.map((p) => p.client));
  let openVoting!: () => void;
  const ready = new Promise<void>((resolve) => (openVoting = resolve));
  let done = 0;
  let allTexts!: () => void;
  const textsIn = new Promise<void>((resolve) => (allTexts = resolve));
  // Voting opens once every text is in and the test says so (a kill is planned inside it).
  const votingOpen = Promise.all([textsIn, ready]).then(() => host.deliver({ type: 'openVoting', questionId: Q.text })).then(() => {});
  const work = (async () => {
    await host.until(() => host.view !== undefined, 'the console view');
    await host.deliver({ type: 'goTo', index: host.view!.agenda.find((a) => a.questionId === Q.text)!.index });
    for (const questionId of Object.values(Q)) await host.deliver({ type: 'openAnswering', questionId });
    await Promise.all(phones.map((p, i) => runPhone(p, i, seededRandom(SEED * 1000 + index * PHONES + i), () => ++done === phones_ && allTexts(), votingOpen, pace)));
  })();
  work.catch(() => {});
  return { session, host, phones, votingOpen, openVoting, work, screenViews };
}

const acks = (w: Workshop, type?: string) => w.phones.reduce((n, p) => n + p.acked.filter((a) => !type || a.delivered.command.type === type).length, 0);
async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * Per phone that had work left: how long after the owner's loss at `at` its next ack came (ms).
 * Acks already on their way when the process died arrive within milliseconds; an ack from the
 * next owner cannot come sooner than a lease expires, so those first 200 ms are not counted.
 */
function backWithin(w: Workshop, at: number): number[] {
  return w.phones.flatMap((p) => {
    const next = p.acked.find((a) => a.at > at + 200);
    return next ? [next.at - at] : [];
  });
}
async function movedFrom(code: string, from: Node): Promise<Node> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const owner = await ownerOf(code).catch(() => undefined);
    if (owner && owner !== from) return owner;
    if (Date.now() > deadline) throw new Error(`${code} did not move from ${from.name}`);
    await sleep(100);
  }
}
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

describe.skipIf(!PG || !HAPROXY)('three nodes on PostgreSQL behind HAProxy', () => {
  it('owners SIGKILLed while answering and while voting, one SIGSTOPped and resumed: nothing acknowledged lost or doubled, phones back within 10 s', { timeout: 300_000 }, async () => {
    console.log(`[cluster] seed ${SEED} (rerun with CLUSTER_SEED=${SEED})`);
    nodes.push(...(await Promise.all(['node1', 'node2', 'node3'].map(startNode))));
    lb = await startHaproxy({ backends: nodes.map((n) => ({ name: n.name, port: n.port })) });
    balancers.push(lb);
    for (const n of nodes) await lb.waitForServer(n.name, 'UP');

    const [s1, s2, s3] = await workshopsOnEveryNode();
    const [killed, paused, voting] = [await ownerOf(s1!.code), await ownerOf(s2!.code), await ownerOf(s3!.code)];
    // People's pace: a command every 0.15–0.6 s, so the answering lasts a few seconds.
    const w1 = startWorkshop(s1!, 0, [150, 600]);
    const w2 = startWorkshop(s2!, 1, [150, 600]);
    const w3 = startWorkshop(s3!, 2, [150, 600]);
    w1.openVoting();
    w2.openVoting();

    // 1 and 2: in the middle of the answering, w1's owner dies and w2's owner is paused.
    await until(() => acks(w1) >= 3 * PHONES && acks(w2) >= 3 * PHONES, 'three commands a phone in w1 and w2');
    const t1 = Date.now();
    killed.child.process.kill('SIGKILL');
    paused.child.process.kill('SIGSTOP');
    await until(() => backWithin(w1, t1).length > 0 && backWithin(w2, t1).length > 0, 'acks in w1 and w2 after the owners went').catch(async (e: unknown) => {
      const leases = await sql!.query(`SELECT code, node, generation, expires_at > now() AS live FROM ${schema}.session_leases`);
      console.log('[cluster] leases', JSON.stringify(leases.rows), 'servers', JSON.stringify([...(await lb!.servers())]));
      console.log('[cluster] w1 back', backWithin(w1, t1).length, 'w2 back', backWithin(w2, t1).length, 'connected w1', w1.phones.filter((p) => p.client.socket.connected).length, 'w2', w2.phones.filter((p) => p.client.socket.connected).length);
      console.log('[cluster] w2 problems', JSON.stringify(w2.phones.slice(0, 5).map((p) => [p.client.lastProblem, p.client.socket.active])));
      for (const n of nodes) console.log(`[cluster] ${n.name} output:\n${n.child.output().slice(-1500)}`);
      console.log(`[cluster] haproxy:\n${lb!.output().slice(-3000)}`);
      throw e;
    });
    await movedFrom(s1!.code, killed);
    await movedFrom(s2!.code, paused);
    // The paused node wakes up: its leases are gone, its writes refused; it lets w2 go and lives on.
    await sleep(1000);
    paused.child.process.kill('SIGCONT');
    await until(() => paused.child.output().includes(`another node runs workshop ${s2!.code} now`), 'the resumed node letting w2 go', 20_000);
    expect(paused.child.process.exitCode).toBeNull();
    expect(paused.child.output()).not.toMatch(/fatal/);
    expect((await ownerOf(s2!.code)).name).not.toBe(paused.name);
    await lb.waitForServer(paused.name, 'UP');

    // 3: w3's voting opens; in its middle, the node running w3 now dies.
    w3.openVoting(); // once every phone's texts are in
    await w3.votingOpen;
    await until(() => acks(w3, 'castVote') >= PHONES / 2, 'votes in w3');
    const owner3 = await ownerOf(s3!.code);
    const t3 = Date.now();
    owner3.child.process.kill('SIGKILL');
    await Promise.all([w1.work, w2.work, w3.work]);
    await movedFrom(s3!.code, owner3);

    // Takeover: per phone with work left, the time from the owner's loss to its next ack.
    const back1 = [...backWithin(w1, t1), ...backWithin(w2, t1)];
    const back3 = backWithin(w3, t3);
    console.log(
      `[cluster] SIGKILL ${killed.name} + SIGSTOP ${paused.name} while answering: ${back1.length} phones back, p50 ${quantile(back1, 0.5)} ms, max ${Math.max(...back1)} ms; ` +
        `SIGKILL ${owner3.name} while voting: ${back3.length} phones back, p50 ${quantile(back3, 0.5)} ms, max ${Math.max(...back3)} ms`,
    );
    expect(back1.length).toBeGreaterThan(PHONES);
    // The screens carry on: each got views after its workshop's owner went, and ends showing every
    // phone's three texts.
    for (const [w, at] of [[w1, t1], [w2, t1], [w3, t3]] as const) {
      expect(w.screenViews.some((v) => v.at > at + 200), `${w.session.code}'s screen after the loss`).toBe(true);
      await until(() => w.screenViews.at(-1)?.answered === PHONES, `${w.session.code}'s screen showing all ${PHONES}`, 10_000);
    }
    expect(back3.length).toBeGreaterThan(0);
    expect(Math.max(...back1, ...back3)).toBeLessThanOrEqual(10_000);

    // The verdict per workshop, from PostgreSQL and from a console through HAProxy.
    const store = await openPgStore({ url: TEST_PG_URL, schema });
    try {
      for (const w of [w1, w2, w3]) {
        const viewer = await TestClient.connect<HostView>(lb.url, { code: w.session.code, as: 'host', token: w.session.hostToken });
        const shown = await shownBy(viewer);
        viewer.close();
        const rows = await store.loadEvents(w.session.code);
        expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
        const counts = verify(rows, w.phones, shown, PHONES);
        console.log(`[cluster] ${w.session.code}: acknowledged ${counts.acknowledged}, found ${counts.found}, duplicates ${counts.duplicates}, resent ${counts.resends + w.host.resends}`);
      }
    } finally {
      await store.close();
    }
  });

  it('a node added and a node drained during the workshops: workshops move, phones carry on, nothing lost or doubled', { timeout: 300_000 }, async () => {
    const first = await Promise.all(['d1', 'd2', 'd3'].map(startNode));
    const added = await startNode('d4'); // started now, in the balancer only later
    nodes.push(...first, added);
    lb = await startHaproxy({ backends: first.map((n) => ({ name: n.name, port: n.port })), spare: 2 });
    balancers.push(lb);
    for (const n of first) await lb.waitForServer(n.name, 'UP');

    const EACH = 30;
    const sessions: Created[] = [];
    for (let i = 0; i < 8; i++) {
      const session = await createSession(lb.url);
      expect((await fetch(`${lb.url}/api/sessions/${session.code}`)).status).toBe(200);
      sessions.push(session);
    }
    const ownersBefore = await Promise.all(sessions.map((x) => ownerOf(x.code)));
    const shops = sessions.map((x, i) => startWorkshop(x, 10 + i, [250, 900], EACH));
    for (const w of shops) w.openVoting();
    await until(() => shops.every((w) => acks(w) >= 3 * EACH), 'three commands a phone everywhere');

    // Added: the spare slot takes d4; a console reloading (a request through the balancer) moves
    // each workshop whose code now hashes to d4 there – its holder hands it over.
    const tAdd = Date.now();
    await lb.runtime(`set server raadslag/spare1 addr 127.0.0.1 port ${added.port}`);
    await lb.runtime('set server raadslag/spare1 state ready');
    await lb.waitForServer('spare1', 'UP');
    // Like a console, retried while the workshop is on its way (503, Retry-After: 1).
    for (const x of sessions) {
      const deadline = Date.now() + 10_000;
      let status = 0;
      while ((status = (await fetch(`${lb.url}/api/sessions/${x.code}`)).status) === 503 && Date.now() < deadline) await sleep(1000);
      expect(status).toBe(200);
    }
    await sleep(1500);
    const toAdded = (await Promise.all(sessions.map((x) => ownerOf(x.code)))).filter((o) => o.name === 'd4').length;

    // Drained: no new connections for d1, then it stops cleanly – its leases released, its pages
    // let go; they reconnect through the balancer and their workshops' new nodes take them at once.
    const drained = first[0]!;
    await lb.runtime(`set server raadslag/${drained.name} state drain`);
    const tDrain = Date.now();
    drained.child.process.kill('SIGTERM');
    await drained.child.exited;
    await Promise.all(shops.map((w) => w.work)).catch(async (e: unknown) => {
      console.log('[cluster] servers', JSON.stringify([...(await lb!.servers())]));
      for (const w of shops) {
        const down = w.phones.filter((p) => !p.client.socket.connected);
        const owner = await ownerOf(w.session.code).catch(() => undefined);
        console.log(`[cluster] ${w.session.code} owner ${owner?.name} disconnected ${down.length}: ${JSON.stringify([...new Set(down.map((p) => p.client.lastProblem))])}`);
      }
      for (const n of nodes.slice(-4)) console.log(`[cluster] ${n.name}:\n${n.child.output().slice(-800)}`);
      throw e;
    });
    const ownersAfter = await Promise.all(sessions.map((x) => ownerOf(x.code)));
    expect(ownersAfter.map((o) => o.name)).not.toContain(drained.name);

    const moved = (at: number, from: (i: number) => boolean) => shops.flatMap((w, i) => (from(i) ? backWithin(w, at) : []));
    const backAdd = moved(tAdd, (i) => ownersAfter[i]!.name === 'd4');
    const backDrain = moved(tDrain, (i) => ownersBefore[i]!.name === drained.name);
    console.log(
      `[cluster] added d4: ${toAdded} of ${sessions.length} workshops moved there; drained ${drained.name} (ran ${ownersBefore.filter((o) => o === drained).length}); ` +
        `phones back after the drain: ${backDrain.length}, p50 ${quantile(backDrain, 0.5)} ms, max ${Math.max(...backDrain)} ms; after the move to d4: ${backAdd.length}, max ${Math.max(...backAdd)} ms`,
    );
    expect(Math.max(0, ...backAdd, ...backDrain)).toBeLessThanOrEqual(10_000);

    const store = await openPgStore({ url: TEST_PG_URL, schema });
    try {
      for (const w of shops) {
        const viewer = await TestClient.connect<HostView>(lb.url, { code: w.session.code, as: 'host', token: w.session.hostToken });
        const shown = await shownBy(viewer);
        viewer.close();
        const rows = await store.loadEvents(w.session.code);
        expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
        verify(rows, w.phones, shown, EACH);
      }
    } finally {
      await store.close();
    }
  });
});
