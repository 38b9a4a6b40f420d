// The server's limits, each on a real server with real clients: message size, messages per
// socket, connections per address, unknown join codes per address, and the Origin check.
import { io, type Socket } from 'socket.io-client';
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ack } from '../shared/protocol.ts';
import type { HostView } from '../shared/session/views.ts';
import type { Config } from './config.ts';
import { budget } from './security/quotas.ts';
import { keyOf } from './security/address.ts';
import { startServer, type RunningServer } from './server.ts';
import { TestClient, connectError, createSession, tempDataDir, testConfig, type Created } from './testing/harness.ts';

const servers: RunningServer[] = [];
const sockets: Socket[] = [];
afterAll(async () => {
  for (const s of sockets) s.close();
  for (const s of servers) await s.close();
});

async function serve(extra: Partial<Config> = {}): Promise<RunningServer> {
  const server = await startServer({ ...testConfig(tempDataDir()), ...extra });
  servers.push(server);
  return server;
}

type Opts = { transports?: ('websocket' | 'polling')[]; origin?: string };
/** Resolves with the connected socket, or rejects with the connect_error. */
function open(url: string, auth: object, opts: Opts = {}): Promise<Socket> {
  const socket = io(url, {
    transports: opts.transports ?? ['websocket'],
    auth,
    reconnection: false,
    forceNew: true,
    ...(opts.origin ? { extraHeaders: { Origin: opts.origin } } : {}),
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('the handshake was accepted');
    },
    (e: Error & { data?: { code?: string } }) => e,
  );
const send = (s: Socket, envelope: unknown) => s.timeout(5000).emitWithAck('command', envelope) as Promise<Ack>;

async function until(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('message size (maxHttpBufferSize, 64 KiB)', () => {
  it('a bigger message closes the connection; one just under is parsed and refused as a payload', async () => {
    const server = await serve();
    const session = await createSession(server.url);
    const phone = await open(server.url, { code: session.code, as: 'participant' });
    const under = await send(phone, { id: nanoid(), command: { type: 'join', role: 'citizen', name: 'x'.repeat(60_000) } });
    expect(under).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const closed = new Promise<string>((resolve) => phone.once('disconnect', resolve));
    const ack = send(phone, { id: nanoid(), command: { type: 'join', role: 'citizen', name: 'x'.repeat(70 * 1024) } }).catch((e: Error) => e);
    expect(await closed).toMatch(/transport (close|error)/);
    expect(await ack).toBeInstanceOf(Error); // never acknowledged, never applied
    const host = await TestClient.connect<HostView>(server.url, { code: session.code, as: 'host', token: session.hostToken });
    expect(host.view!.participants).toBe(0);
    host.close();
  });
});

describe('messages per socket (20 a second, bursts of 40)', () => {
  it('a flood is answered rate_limited, and the socket may go on after a pause', async () => {
    const server = await serve();
    const session = await createSession(server.url);
    const screen = await open(server.url, { code: session.code, as: 'screen' });
    const acks = await Promise.all(Array.from({ length: 100 }, () => send(screen, { id: nanoid(), command: { type: 'next' } })));
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate_limited');
    const others = acks.filter((a) => a.ok || a.error.code !== 'rate_limited');
    // The first 40 (the burst) pass the limiter – and are refused by the rules: a screen may not steer.
    expect(others.length).toBeGreaterThanOrEqual(40);
    expect(others.every((a) => !a.ok && a.error.code === 'forbidden')).toBe(true);
    expect(limited.length).toBeGreaterThanOrEqual(40);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/slow down/) } });
    await new Promise((r) => setTimeout(r, 600));
    expect(await send(screen, { id: nanoid(), command: { type: 'next' } })).toMatchObject({ error: { code: 'forbidden' } });
  });
});

describe('connections per address (MAX_CONNECTIONS_PER_IP)', () => {
  it('refuses the connection over the cap with too_many_connections, and takes one again when one closes', async () => {
    const server = await serve({ maxConnectionsPerIp: 5 });
    const session = await createSession(server.url);
    const five = await Promise.all(Array.from({ length: 5 }, () => open(server.url, { code: session.code, as: 'screen' })));
    const err = await refusal(open(server.url, { code: session.code, as: 'screen' }));
    expect(err.data?.code).toBe('too_many_connections');
    expect(err.message).toMatch(/too many connections/);
    five[0]!.close();
    // The server counts the close when the transport ends; then there is room for one more.
    await until(() => open(server.url, { code: session.code, as: 'screen' }).then(() => true, () => false), 'room for one more');
    expect(five.slice(1).every((s) => s.connected)).toBe(true);
  });

  it('the default is generous and configurable; 0 means no cap', async () => {
    const { readConfig } = await import('./config.ts');
    expect(readConfig({}).maxConnectionsPerIp).toBe(1000);
    expect(readConfig({ MAX_CONNECTIONS_PER_IP: '0' }).maxConnectionsPerIp).toBe(0);
    expect(() => readConfig({ MAX_CONNECTIONS_PER_IP: 'many' })).toThrow(/MAX_CONNECTIONS_PER_IP/);
  });
});

describe('unknown join codes per address (WRONG_CODES_PER_MINUTE)', () => {
  it('after the limit, lookups without a token are refused rate_limited; tokens still pass', async () => {
    const server = await serve({ wrongCodesPerMinute: 5 });
    const session = await createSession(server.url);
    const phone = await open(server.url, { code: session.code, as: 'participant' });
    const joined = (await send(phone, { id: nanoid(), command: { type: 'join', role: 'citizen' } })) as { data: { token: string } };
    for (let i = 0; i < 5; i++) expect((await connectError(server.url, { code: `ZZZZ${i}Z`, as: 'participant' })).data?.code).toBe('no_such_session');
    // Over the limit: an unknown code and a real one look the same, so guessing learns nothing.
    expect((await connectError(server.url, { code: 'ZZZZ9Z', as: 'participant' })).data?.code).toBe('rate_limited');
    expect((await connectError(server.url, { code: session.code, as: 'participant' })).data?.code).toBe('rate_limited');
    expect((await connectError(server.url, { code: session.code, as: 'screen' })).data?.code).toBe('rate_limited');
    const http = await fetch(`${server.url}/api/sessions/${session.code}`);
    expect(http.status).toBe(429);
    expect(Number(http.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await http.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Phones that joined and the console carry tokens: they resume whatever a prober does.
    await open(server.url, { code: session.code, as: 'participant', token: joined.data.token });
    await open(server.url, { code: session.code, as: 'host', token: session.hostToken });
    const summary = await fetch(`${server.url}/api/sessions/${session.code}/summary?format=json`, { headers: { authorization: `Bearer ${session.hostToken}` } });
    expect(summary.status).toBe(200);
  });

  it('HTTP 404s of GET /api/sessions/:code count against the same budget', async () => {
    const server = await serve({ wrongCodesPerMinute: 3 });
    const session: Created = await createSession(server.url);
    expect((await fetch(`${server.url}/api/sessions/${session.code}`)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/api/sessions/NOPE${i}X`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/sessions/NOPE9X`)).status).toBe(429);
    expect((await fetch(`${server.url}/api/sessions/${session.code}/qr.svg`)).status).toBe(429);
    expect((await connectError(server.url, { code: session.code, as: 'participant' })).data?.code).toBe('rate_limited');
    // Other endpoints are not affected.
    expect((await fetch(`${server.url}/api/question-sets`)).status).toBe(200);
  });

  it('the window passes: after it the address may try again (a one-second window; the throttle is guards.ts\'s budget)', async () => {
    const t = budget(20, 1);
    for (let i = 0; i < 20; i++) {
      expect(await t.peek('a')).toBe(0);
      expect(await t.take('a')).toBe(0);
    }
    // Used up: a lookup of a code that exists (peek) and a miss (take) are refused alike.
    expect(await t.peek('a')).toBe(1);
    expect(await t.take('a')).toBe(1);
    expect(await t.peek('b')).toBe(0);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await t.peek('a')).toBe(0);
    expect(await t.take('a')).toBe(0);
    // Retry-After: the rest of the minute from the first miss.
    const minute = budget(1, 60);
    await minute.take('a');
    expect(await minute.peek('a')).toBe(60);
    expect(await budget(0, 60).peek('a')).toBe(0);
  });

  it('addresses are counted per IPv4 address and per IPv6 /64', () => {
    expect(keyOf('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(keyOf('2001:db8:1:2:aaaa::1')).toBe(keyOf('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(keyOf('2001:db8:1:2::1')).not.toBe(keyOf('2001:db8:1:3::1'));
  });
});

describe('Origin check of the socket handshake (allowRequest) and of POSTs', () => {
  it('refuses another site on both transports; allows same origin, ALLOWED_ORIGINS and no Origin', async () => {
    const server = await serve({ allowedOrigins: ['https://raadslag.kommune.example'] });
    const session = await createSession(server.url);
    const auth = { code: session.code, as: 'screen' };
    for (const transports of [['websocket'], ['polling']] as const) {
      await expect(open(server.url, auth, { transports: [...transports], origin: 'http://evil.example' })).rejects.toThrow();
      await expect(open(server.url, auth, { transports: [...transports], origin: 'null' })).rejects.toThrow();
      await open(server.url, auth, { transports: [...transports], origin: server.url });
      await open(server.url, auth, { transports: [...transports], origin: 'https://raadslag.kommune.example' });
      await open(server.url, auth, { transports: [...transports] });
    }
    const post = (origin?: string) =>
      fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body: '{}' });
    expect((await post('http://evil.example')).status).toBe(403);
    expect((await post(server.url)).status).toBe(201);
    expect((await post()).status).toBe(201);
  });
});
