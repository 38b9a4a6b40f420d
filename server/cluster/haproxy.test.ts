// The shipped load-balancer config (deploy/haproxy/haproxy.cfg) in a real HAProxy in front of
// three real Rådslag servers: every request of one join code – socket.io (websocket and polling),
// the API, the pages – reaches one node; codes spread over all nodes; a drained node keeps its
// open websockets while its codes go elsewhere; a node added while running takes over some codes
// and, the hashing being consistent, only those move. Which node served a request is seen at the
// nodes themselves (their HTTP servers' request and upgrade events), not told by HAProxy.
//
// The three servers are independent (each its own data folder): this is about routing, not about
// shared state, so a workshop exists only on the node that created it.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView, ParticipantView } from '../../shared/session/views.ts';
import { startServer, type RunningServer } from '../server.ts';
import { TestClient, connectError, createSession, stepIndex, tempDataDir, testConfig, type Created } from '../testing/harness.ts';
import { haproxyBinary, startHaproxy, type RunningHaproxy } from '../testing/haproxy.ts';

type Node = { name: string; server: RunningServer };
type Seen = { node: string; url: string; code: string | undefined; forwardedFor: unknown; forwardedProto: unknown };

const seen: Seen[] = [];
const nodes: Node[] = [];
const clients: TestClient<unknown>[] = [];
let lb: RunningHaproxy;
/** Where each code of the first test went: the nodes' "own" codes for the later tests. */
const home = new Map<string, string>();
const CODES = codes(20, 'routing');

/** A node whose every HTTP request and websocket upgrade is noted with the code it carries. */
async function startNode(name: string): Promise<Node> {
  // Hundreds of unknown codes from one address: that limit is not what this test is about.
  const server = await startServer({ ...testConfig(tempDataDir()), wrongCodesPerMinute: 0, trustProxy: 'loopback' });
  const note = (req: IncomingMessage) => {
    const url = req.url ?? '/';
    seen.push({ node: name, url, code: codeIn(url), forwardedFor: req.headers['x-forwarded-for'], forwardedProto: req.headers['x-forwarded-proto'] });
  };
  // First in line: Express rewrites req.url while it routes (a mount path is cut off).
  server.io.httpServer.prependListener('request', note);
  server.io.httpServer.prependListener('upgrade', note);
  return { name, server };
}

/** The code as the config reads it: ?code= on socket.io, else the path's. */
function codeIn(url: string): string | undefined {
  const u = new URL(url, 'http://x');
  const raw = u.searchParams.get('code') ?? /^\/(?:api\/sessions|join|host|screen)\/([A-Za-z0-9]+)/.exec(u.pathname)?.[1];
  return raw?.toUpperCase();
}

/** Deterministic join codes (the same routing on every run): 6 of A–Z 0–9 from a hash. */
function codes(n: number, seed: string): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length: n }, (_, i) => [...createHash('sha256').update(`${seed}:${i}`).digest().subarray(0, 6)].map((b) => alphabet[b % 36]).join(''));
}

/** The nodes that served `code` while `job` ran. */
async function servedBy(code: string, job: () => Promise<unknown>): Promise<{ nodes: Set<string>; requests: Seen[] }> {
  const from = seen.length;
  await job();
  const requests = seen.slice(from).filter((s) => s.code === code);
  return { nodes: new Set(requests.map((s) => s.node)), requests };
}

/** The one node a plain API request for `code` reaches now. */
async function routeOf(code: string): Promise<string> {
  let status = 0;
  const { nodes: n } = await servedBy(code, async () => {
    const res = await fetch(`${lb.url}/api/sessions/${code}`);
    status = res.status;
    await res.arrayBuffer();
  });
  expect(n.size, `GET /api/sessions/${code} (${status})`).toBe(1);
  return [...n][0]!;
}

/** A socket.io handshake over long-polling (several requests: handshake, connect packet, poll); its refusal's code. */
function pollingRefusal(code: string): Promise<string | undefined> {
  const socket = io(lb.url, { transports: ['polling'], auth: { code, as: 'screen' }, query: { code }, reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    const done = (result: string | undefined) => {
      socket.close();
      resolve(result);
    };
    socket.once('connect', () => done('accepted'));
    socket.once('connect_error', (e: Error & { data?: { code?: string } }) => done(e.data?.code));
  });
}

/**
 * A workshop lives only on the node that made it (the nodes are independent): make workshops on
 * each node in turn until one's code hashes to its own node – HAProxy's route answers 200 only then.
 */
async function workshopOnItsOwnNode(): Promise<[Node, Created]> {
  for (let i = 0; i < 30; i++) {
    const node = nodes[i % nodes.length]!;
    const created = await createSession(node.server.url);
    if ((await fetch(`${lb.url}/api/sessions/${created.code}`)).status === 200) return [node, created];
  }
  throw new Error('30 workshops and none routed to its own node');
}

async function connect<V>(created: Created, as: 'host' | 'participant'): Promise<TestClient<V>> {
  const client = await TestClient.connect<V>(lb.url, { code: created.code, as, ...(as === 'host' ? { token: created.hostToken } : {}) });
  clients.push(client);
  return client;
}

describe.skipIf(!haproxyBinary())('HAProxy in front of three nodes, routing by join code', () => {
  beforeAll(async () => {
    nodes.push(...(await Promise.all(['node1', 'node2', 'node3'].map(startNode))));
    lb = await startHaproxy({ backends: nodes.map((n) => ({ name: n.name, port: n.server.port })), spare: 2 });
    for (const n of nodes) await lb.waitForServer(n.name, 'UP');
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await lb?.close();
    await Promise.all(nodes.map((n) => n.server.close()));
  });

  it('every request of one code reaches one node – socket.io (websocket, polling), API, pages – and codes spread over all', async () => {
    for (const code of CODES) {
      const { nodes: served, requests } = await servedBy(code, async () => {
        expect((await connectError(lb.url, { code, as: 'screen' })).data?.code).toBe('no_such_session');
        // Refused only once the node has the handshake's connect packet: polling works only if
        // all its requests reach the node that made the socket.io session.
        expect(await pollingRefusal(code), `${code} over polling`).toBe('no_such_session');
        expect((await fetch(`${lb.url}/api/sessions/${code}`)).status).toBe(404);
        for (const page of ['join', 'host', 'screen']) expect((await fetch(`${lb.url}/${page}/${code.toLowerCase()}`)).status).toBe(200);
      });
      // Each kind of request was seen (the code in ?code= or in the path), and all at one node.
      const kinds = ['transport=websocket', 'transport=polling', `/api/sessions/${code}`, '/join/', '/host/', '/screen/'];
      for (const kind of kinds) expect(requests.some((r) => r.url.includes(kind)), `${code}: ${kind}`).toBe(true);
      expect([...served], code).toHaveLength(1);
      home.set(code, [...served][0]!);
      // The client's address and scheme, as the nodes' TRUST_PROXY expects them.
      expect(requests.every((r) => r.forwardedFor === '127.0.0.1' && r.forwardedProto === 'http'), `${code}: X-Forwarded-For/-Proto`).toBe(true);
    }
    const perNode = nodes.map((n) => `${n.name} ${[...home.values()].filter((h) => h === n.name).length}`);
    console.log(`${CODES.length} codes per node: ${perNode.join(', ')}`);
    expect(new Set(home.values())).toEqual(new Set(['node1', 'node2', 'node3']));
  });

  let owner: Node;
  let created: Created;
  let host: TestClient<HostView>;
  let phone: TestClient<ParticipantView>;

  it('a workshop through HAProxy: its websockets reach the node that holds it, stay open and carry commands and views', async () => {
    [owner, created] = await workshopOnItsOwnNode();
    const { nodes: served, requests } = await servedBy(created.code, async () => {
      host = await connect<HostView>(created, 'host');
      phone = await connect<ParticipantView>(created, 'participant');
    });
    expect([...served]).toEqual([owner.name]);
    expect(requests.filter((r) => r.url.includes('transport=websocket'))).toHaveLength(2);
    expect(host.hello?.audience).toBe('host');
    await phone.must({ type: 'join', role: 'employee' });
    await host.waitForView((v) => v.participants === 1, 'the phone joined');
    const step = stepIndex(host.view!, 'q1-4');
    await host.must({ type: 'goTo', index: step });
    await phone.waitForView((v) => v.cursor === step, 'the phone follows the host');
  });

  it('drain: new requests for the drained node’s codes go elsewhere, its open websockets stay; ready brings them back', async () => {
    const drained = owner.name;
    const before = await Promise.all(CODES.map(routeOf));
    expect(before).toEqual(CODES.map((c) => home.get(c)));
    await lb.runtime(`set server raadslag/${drained} state drain`);
    await lb.waitForServer(drained, 'DRAIN');

    const during = new Map<string, string>();
    for (const code of CODES) during.set(code, await routeOf(code));
    const own = CODES.filter((c) => home.get(c) === drained);
    console.log(`draining ${drained}: its ${own.length} codes went to ${own.map((c) => during.get(c)).join(', ')}`);
    for (const code of CODES) {
      if (home.get(code) === drained) expect(during.get(code), code).not.toBe(drained);
      else expect(during.get(code), `${code} was not on the drained node: it stays`).toBe(home.get(code));
    }
    // The workshop's code now reaches a node that does not have it, sockets and API alike ...
    expect((await fetch(`${lb.url}/api/sessions/${created.code}`)).status).toBe(404);
    expect((await connectError(lb.url, { code: created.code, as: 'screen' })).data?.code).toBe('no_such_session');
    // ... while the websockets opened before the drain still work, both ways.
    const step = stepIndex(host.view!, 'q2-1');
    await host.must({ type: 'goTo', index: step });
    await phone.waitForView((v) => v.cursor === step, 'the phone follows the host after the drain');
    expect(host.socket.connected && phone.socket.connected).toBe(true);

    await lb.runtime(`set server raadslag/${drained} state ready`);
    await lb.waitForServer(drained, 'UP');
    expect(await Promise.all(CODES.map(routeOf))).toEqual(before);
    expect((await fetch(`${lb.url}/api/sessions/${created.code}`)).status).toBe(200);
  });

  it('a node added while running (a spare slot, over the runtime API) takes over some codes; all others keep their node', async () => {
    const all = [...CODES, ...codes(100, 'adding')];
    const before = new Map<string, string>();
    for (const code of all) before.set(code, await routeOf(code));

    const added = await startNode('spare1');
    nodes.push(added);
    await lb.runtime(`set server raadslag/spare1 addr 127.0.0.1 port ${added.server.port}`);
    await lb.runtime('set server raadslag/spare1 state ready');
    await lb.waitForServer('spare1', 'UP');

    const moved: string[] = [];
    for (const code of all) {
      const now = await routeOf(code);
      if (now === before.get(code)) continue;
      moved.push(code);
      // Consistent hashing: a code moves only to the new node, never between the old ones.
      expect(now, code).toBe('spare1');
    }
    console.log(`adding a 4th node: ${all.length - moved.length} of ${all.length} codes kept their node, ${moved.length} moved to it`);
    expect(moved.length).toBeGreaterThan(0);
    expect((all.length - moved.length) / all.length).toBeGreaterThanOrEqual(0.6);
  });
});
