// Issue 12, findings 10 and 11 and the no-store rule, on real servers: whom the server believes
// about a client's address (TRUST_PROXY), which Host and Origin it answers (the allowlist), and
// that no response carrying a token is cached.
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig, type Config } from './config.ts';
import { startServer, type RunningServer } from './server.ts';
import { createSession, tempDataDir, testConfig } from './testing/harness.ts';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function serve(extra: Partial<Config> = {}): Promise<RunningServer> {
  const server = await startServer({ ...testConfig(tempDataDir()), ...extra });
  servers.push(server);
  return server;
}

const post = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A handshake with extra headers; resolves with the refusal's code, or 'connected'. */
function handshake(url: string, auth: object, headers: Record<string, string>): Promise<string> {
  const socket = io(url, { transports: ['websocket'], auth, extraHeaders: headers, reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (e: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve(e.data?.code ?? e.message);
    });
  });
}

describe('TRUST_PROXY: whose X-Forwarded-For is believed', () => {
  it('a direct client rotating X-Forwarded-For is counted as one client (HTTP)', async () => {
    // The proxy is elsewhere; this test's client (127.0.0.1) reaches the server directly.
    const s = await serve({ trustProxy: '10.9.8.7', sessionsPerIpPerMinute: 3 });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post(`${s.url}/api/sessions`, {}, { 'x-forwarded-for': `203.0.113.${i + 1}` }).then((r) => r.status)),
    );
    expect(statuses.filter((x) => x === 201).length).toBe(3);
    expect(statuses.filter((x) => x === 429).length).toBe(5);
  });

  it('… and on socket handshakes (the wrong-code throttle)', async () => {
    const s = await serve({ trustProxy: '10.9.8.7', wrongCodesPerMinute: 3 });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(await handshake(s.url, { code: `ZZZZ${i}Z`, as: 'participant' }, { 'x-forwarded-for': `198.51.100.${i + 1}` }));
    expect(codes.slice(0, 3)).toEqual(['no_such_session', 'no_such_session', 'no_such_session']);
    expect(codes.slice(3)).toEqual(['rate_limited', 'rate_limited', 'rate_limited']);
  });

  it('a trusted proxy\'s clients are counted apart, by the entry the proxy added, not what the client prepended', async () => {
    // Here this test plays the proxy (loopback is trusted).
    const s = await serve({ trustProxy: 'loopback', sessionsPerIpPerMinute: 2 });
    const from = (client: string, spoof = '') => post(`${s.url}/api/sessions`, {}, { 'x-forwarded-for': `${spoof}${client}` }).then((r) => r.status);
    expect([await from('203.0.113.1'), await from('203.0.113.2'), await from('203.0.113.1'), await from('203.0.113.2')]).toEqual([201, 201, 201, 201]);
    expect(await from('203.0.113.1', '192.0.2.77, ')).toBe(429);
    expect(await from('203.0.113.2', '192.0.2.78, ')).toBe(429);
    expect(await from('203.0.113.3')).toBe(201);
  });

  it('readConfig takes Express\'s forms but never "trust everyone"', () => {
    const env = (TRUST_PROXY: string, HOST?: string) => readConfig({ TRUST_PROXY, ...(HOST ? { HOST } : {}) }, '/tmp').trustProxy;
    expect(env('')).toBeUndefined();
    expect(env('0')).toBeUndefined();
    expect(env('loopback')).toBe('loopback');
    expect(env('10.0.0.5, 192.168.0.0/16, uniquelocal')).toBe('10.0.0.5,192.168.0.0/16,uniquelocal');
    expect(env('fd00::1')).toBe('fd00::1');
    expect(env('1')).toBe(1); // one hop: fine while only this machine can reach the server
    expect(() => env('1', '0.0.0.0')).toThrow(/TRUST_PROXY=1 \(a hop count\).*HOST=0\.0\.0\.0/);
    expect(env('10.0.0.5', '0.0.0.0')).toBe('10.0.0.5');
    expect(() => env('true')).toThrow(/would believe X-Forwarded-For from anyone/);
    expect(() => env('proxy.example')).toThrow(/not an address/);
  });
});

describe('Cache-Control: no-store', () => {
  it('on every answer that carries a token or a session\'s data – and on every other /api answer, refusals included', async () => {
    const s = await serve();
    const created = await post(`${s.url}/api/sessions`, {});
    const { code, hostToken } = (await created.clone().json()) as { code: string; hostToken: string };
    const bearer = { authorization: `Bearer ${hostToken}` };
    const rotated = await post(`${s.url}/api/sessions/${code}/rotate-host-token`, {}, bearer);
    const token = ((await rotated.clone().json()) as { hostToken: string }).hostToken;
    const auth = { authorization: `Bearer ${token}` };
    const answers: [string, Response][] = [
      ['POST /api/sessions (host token)', created],
      ['rotate-host-token (host token)', rotated],
      ['summary', await fetch(`${s.url}/api/sessions/${code}/summary?format=md`, { headers: auth })],
      ['question-set export', await fetch(`${s.url}/api/sessions/${code}/question-set`, { headers: auth })],
      ['erase', await post(`${s.url}/api/sessions/${code}/erase`, { purge: true }, auth)],
      ['status', await post(`${s.url}/api/sessions/status`, { sessions: [{ code, token }] })],
      ['session lookup', await fetch(`${s.url}/api/sessions/${code}`)],
      ['qr', await fetch(`${s.url}/api/sessions/${code}/qr.svg`)],
      ['question sets', await fetch(`${s.url}/api/question-sets`)],
      ['config', await fetch(`${s.url}/api/config`)],
      ['a refusal', await fetch(`${s.url}/api/sessions/${code}/summary`, { headers: { authorization: 'Bearer wrong' } })],
      ['an unknown endpoint', await fetch(`${s.url}/api/nothing`)],
      // The socket's polling transport carries the join ack's participant token over HTTP.
      ['socket.io polling', await fetch(`${s.url}/socket.io/?EIO=4&transport=polling`)],
    ];
    expect(created.status).toBe(201);
    expect(rotated.status).toBe(200);
    for (const [what, res] of answers) expect(res.headers.get('cache-control'), what).toBe('no-store');
  });
});
