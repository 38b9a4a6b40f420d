// Issue 12, socket side, with real socket.io clients on real servers: one participant token on
// 100 sockets gets a few tabs and one shared budget; `me` is coalesced; joins are limited per
// address and per workshop; a socket that stops reading is let go.
import { nanoid } from 'nanoid';
import { io, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, JoinResult } from '../shared/protocol.ts';
import type { HostView } from '../shared/session/views.ts';
import type { Config } from './config.ts';
import { startServer, type RunningServer } from './server.ts';
import { TestClient, createSession, stepIndex, tempDataDir, testConfig, type Created } from './testing/harness.ts';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
const clients: TestClient<unknown>[] = [];
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of clients) c.close();
  for (const s of servers) await s.close();
});

async function serve(extra: Partial<Config> = {}): Promise<RunningServer> {
  const server = await startServer({ ...testConfig(tempDataDir()), ...extra });
  servers.push(server);
  return server;
}

/** Resolves with the connected socket, or with the refusal's code. */
function open(url: string, auth: object): Promise<Socket | string> {
  const socket = io(url, { transports: ['websocket'], auth, reconnection: false, forceNew: true });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve(e.data?.code ?? e.message);
    });
  });
}
const send = (s: Socket, command: object) => s.timeout(10_000).emitWithAck('command', { id: nanoid(), command }) as Promise<Ack>;

async function hostOn(server: RunningServer, session: Created, questionId: string): Promise<TestClient<HostView>> {
  const host = await TestClient.connect<HostView>(server.url, { code: session.code, as: 'host', token: session.hostToken });
  clients.push(host);
  await host.must({ type: 'goTo', index: stepIndex(host.view!, questionId) });
  await host.must({ type: 'openAnswering', questionId });
  return host;
}

async function joined(server: RunningServer, session: Created): Promise<{ socket: Socket; token: string }> {
  const socket = (await open(server.url, { code: session.code, as: 'participant' })) as Socket;
  const ack = await send(socket, { type: 'join', role: 'citizen' });
  if (!ack.ok) throw new Error(`join refused: ${ack.error.code}`);
  return { socket, token: (ack.data as JoinResult).token };
}

const scale = () => ({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 1 + Math.floor(Math.random() * 5) } });

describe('one participant token on 100 sockets', () => {
  it('gets a few tabs, one budget for all of them, coalesced `me`s – and a normal phone is not slowed', async () => {
    const server = await serve();
    const session = await createSession(server.url);
    await hostOn(server, session, 'q1-1');
    const attacker = await joined(server, session);
    const normal = await joined(server, session);
    const rssBefore = process.memoryUsage().rss;

    const tries = await Promise.all(Array.from({ length: 100 }, () => open(server.url, { code: session.code, as: 'participant', token: attacker.token })));
    const tabs = tries.filter((t): t is Socket => typeof t !== 'string');
    expect(tabs.length).toBe(4); // 5 with the one that joined
    expect(tries.filter((t) => t === 'too_many_tabs').length).toBe(96);

    const all = [attacker.socket, ...tabs];
    let mes = 0;
    for (const s of all) s.on('me', () => mes++);
    // 5 sockets × 15 answers at once: one budget of 40 (+ what refills meanwhile), not 5 × 40.
    const acks = await Promise.all(all.flatMap((s) => Array.from({ length: 15 }, () => send(s, scale()))));
    const accepted = acks.filter((a) => a.ok).length;
    expect(acks.filter((a) => !a.ok && a.error.code === 'rate_limited').length).toBeGreaterThanOrEqual(20);
    expect(accepted).toBeGreaterThanOrEqual(40);
    expect(accepted).toBeLessThan(60);
    await new Promise((r) => setTimeout(r, 300));
    // Every socket of the token hears its own view, but at most once per flush, not per answer.
    expect(mes).toBeGreaterThanOrEqual(all.length);
    expect(mes).toBeLessThan(accepted * all.length);

    // A tab that closes makes room for another.
    tabs[0]!.close();
    let again: Socket | string = 'too_many_tabs';
    for (let i = 0; i < 40 && typeof again === 'string'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      again = await open(server.url, { code: session.code, as: 'participant', token: attacker.token });
    }
    expect(typeof again).not.toBe('string');
    all[1] = again as Socket;

    // A flood – 5 × 200 at once, going on while refused – lets go of every tab of the token and
    // keeps it out for a while; the normal phone goes on meanwhile.
    const gone = Promise.all(all.map((s) => new Promise((r) => (s.connected ? s.once('disconnect', r) : r(null)))));
    const flood = Promise.all(all.flatMap((s) => Array.from({ length: 200 }, () => send(s, scale()).catch(() => null))));
    const normalAcks: Ack[] = [];
    for (let i = 0; i < 10; i++) normalAcks.push(await send(normal.socket, scale()));
    await gone;
    const answered = (await flood).filter((a): a is Ack => a !== null);
    // Cut off mid-flood (the connections are dropped, not closed politely): most never get an ack.
    expect(answered.length).toBeLessThan(500);
    expect(answered.filter((a) => a.ok).length).toBeLessThanOrEqual(40);
    expect(await open(server.url, { code: session.code, as: 'participant', token: attacker.token })).toBe('rate_limited');
    expect(normalAcks.every((a) => a.ok)).toBe(true);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
  });
});

describe('joins', () => {
  it('are limited per address per minute', async () => {
    const server = await serve({ joinsPerIpPerMinute: 5 });
    const session = await createSession(server.url);
    const guests = (await Promise.all(Array.from({ length: 8 }, () => open(server.url, { code: session.code, as: 'participant' })))) as Socket[];
    const acks = await Promise.all(guests.map((g) => send(g, { type: 'join', role: 'citizen' })));
    expect(acks.filter((a) => a.ok).length).toBe(5);
    expect(acks.filter((a) => !a.ok && a.error.code === 'rate_limited').length).toBe(3);
  });

  it('are limited per workshop (MAX_PARTICIPANTS), and the count stays at the cap', async () => {
    const server = await serve({ maxParticipants: 3 });
    const session = await createSession(server.url);
    const guests = (await Promise.all(Array.from({ length: 5 }, () => open(server.url, { code: session.code, as: 'participant' })))) as Socket[];
    const acks: Ack[] = [];
    for (const g of guests) acks.push(await send(g, { type: 'join', role: 'citizen' }));
    expect(acks.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual(['ok', 'ok', 'ok', 'session_full', 'session_full']);
    expect(server.sessions.get(session.code)!.state.participantCount).toBe(3);
  });
});

describe('a socket that stops reading', () => {
  it('is let go once its unsent data passes the limit; the others go on', async () => {
    const server = await serve({ sendBufferLimitBytes: 256 * 1024, pingIntervalMs: 60_000, pingTimeoutMs: 60_000 });
    const session = await createSession(server.url);
    const auth = { code: session.code, as: 'host' as const, token: session.hostToken };
    const slow = (await open(server.url, auth)) as Socket;
    const steady = await TestClient.connect<HostView>(server.url, auth);
    clients.push(steady);
    // The slow reader stops reading its TCP socket (it stays open: no FIN, no RST).
    const engine = slow.io.engine as unknown as { transport: { ws: { _socket: { pause: () => void } } } };
    engine.transport.ws._socket.pause();
    const writers = (await Promise.all(Array.from({ length: 5 }, () => open(server.url, auth)))) as Socket[];
    const note = (i: number) => ({ type: 'addNote', scope: { kind: 'session' }, kind: 'note', text: `${i} ${'x'.repeat(900)}` });
    let i = 0;
    const deadline = Date.now() + 40_000;
    while (server.slowDropped() === 0 && Date.now() < deadline) {
      await Promise.all(writers.map((w) => send(w, note(i++))));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(server.slowDropped()).toBeGreaterThanOrEqual(1);
    // The steady console still hears every change.
    const before = i;
    await send(writers[0]!, note(before));
    await steady.waitForView((v) => JSON.stringify(v).includes(`"${before} x`), 'the latest note', 10_000);
    expect(steady.socket.connected).toBe(true);
  }, 60_000);
});
