// Issue 12, findings 10 and 11 and the no-store rule, on real servers: whom the server believes
// about a client's address (TRUST_PROXY), which Host and Origin it answers (the allowlist), and
// that no response carrying a token is cached.
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig, type Config } from './config.ts';
import { startServer, type RunningServer } from './server.ts';
import { lanAddress } from './app.ts';
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

/** One HTTP request with the headers as given – Host included, which fetch does not let a caller set. */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A WebSocket upgrade on a raw socket: resolves with the status code (101 = accepted) and, for a refusal, its text. */
function upgrade(port: number, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let got = '';
    const status = () => Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0);
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      got += d;
      if (status() === 101) {
        socket.destroy();
        resolve({ status: 101, text: '' });
      }
    });
    // A refusal is written whole and the connection closed.
    socket.on('close', () => resolve({ status: status(), text: got.split('\r\n\r\n')[1] ?? '' }));
    socket.on('error', reject);
    const lines = Object.entries({ Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13', ...headers }).map(([k, v]) => `${k}: ${v}`);
    socket.write(`GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
  });
}

describe('the Host allowlist (DNS rebinding)', () => {
  const evil = { host: 'rebind.evil.example', origin: 'http://rebind.evil.example' };

  it('a request or handshake with another name in Host and Origin is refused, and nothing is made', async () => {
    const s = await serve();
    const session = await createSession(s.url);
    const before = s.sessions.count();
    const create = await raw(s.port, 'POST', '/api/sessions', evil, '{}');
    expect(create.status).toBe(421);
    expect(JSON.parse(create.text)).toMatchObject({ error: { code: 'host_not_allowed', message: expect.stringMatching(/rebind\.evil\.example.*ALLOWED_HOSTS/) } });
    expect(s.sessions.count()).toBe(before);
    const upload = await raw(s.port, 'POST', '/api/question-sets', evil, JSON.stringify({ filename: 'x.md', content: 'x' }));
    expect(upload.status).toBe(421);
    // Nothing that builds a link from the name, nor the pages themselves.
    for (const path of [`/api/sessions/${session.code}`, `/api/sessions/${session.code}/qr.svg`, '/', `/join/${session.code}`, '/api/question-sets']) {
      const res = await raw(s.port, 'GET', path, evil);
      expect(res.status, path).toBe(421);
      expect(res.text, path).not.toContain(`http://${evil.host}`);
    }
    // Socket handshakes: polling and WebSocket.
    const polling = await raw(s.port, 'GET', '/socket.io/?EIO=4&transport=polling', evil);
    expect(polling.status).toBe(403);
    expect(polling.text).toMatch(/host not allowed/);
    // engine.io refuses an upgrade with a 400 and the reason.
    expect(await upgrade(s.port, evil)).toEqual({ status: 400, text: expect.stringMatching(/host not allowed/) });
    // Host alone (no Origin: not a browser page, but still not our name) is refused too.
    expect(await upgrade(s.port, { host: evil.host })).toEqual({ status: 400, text: expect.stringMatching(/host not allowed/) });
    // The same requests by the server's own name pass.
    const own = { host: `127.0.0.1:${s.port}`, origin: `http://127.0.0.1:${s.port}` };
    expect((await upgrade(s.port, own)).status).toBe(101);
    expect((await raw(s.port, 'GET', '/socket.io/?EIO=4&transport=polling', own)).status).toBe(200);
    const lookup = await raw(s.port, 'GET', `/api/sessions/${session.code}`, own);
    expect(JSON.parse(lookup.text)).toMatchObject({ joinUrl: `http://127.0.0.1:${s.port}/join/${session.code}` });
    // /healthz answers monitors by any name; it tells nothing.
    expect((await raw(s.port, 'GET', '/healthz', evil)).status).toBe(200);
  });

  it('join links and QR codes come from PUBLIC_URL or an allowed name only; ALLOWED_HOSTS adds names', async () => {
    const s = await serve({ publicUrl: 'https://raadslag.kommune.example', allowedHosts: ['intern.kommune.example'] });
    const session = await createSession(s.url);
    for (const host of ['raadslag.kommune.example', 'intern.kommune.example:8443', `127.0.0.1:${s.port}`]) {
      const res = await raw(s.port, 'GET', `/api/sessions/${session.code}`, { host });
      expect(res.status, host).toBe(200);
      expect(JSON.parse(res.text).joinUrl, host).toBe(`https://raadslag.kommune.example/join/${session.code}`);
    }
    expect((await raw(s.port, 'GET', `/api/sessions/${session.code}`, { host: 'raadslag.kommune.example.evil.example' })).status).toBe(421);
    expect((await raw(s.port, 'POST', '/api/sessions', { host: 'andet.example' }, '{}')).status).toBe(421);
  });

  it('npm start on a LAN (HOST=0.0.0.0): a phone reaching the laptop by its LAN address, its hostname or localhost is let in', async () => {
    const s = await serve({ host: '0.0.0.0' });
    const session = await createSession(`http://127.0.0.1:${s.port}`);
    const names = ['localhost', '127.0.0.1', '[::1]', os.hostname(), `${os.hostname()}.local`];
    const lan = lanAddress();
    if (lan) names.push(lan);
    for (const name of names) {
      const res = await raw(s.port, 'GET', `/api/sessions/${session.code}`, { host: `${name}:${s.port}` });
      expect(res.status, name).toBe(200);
      if (lan && name === lan) expect(JSON.parse(res.text).joinUrl).toBe(`http://${lan}:${s.port}/join/${session.code}`);
    }
    expect((await raw(s.port, 'GET', `/api/sessions/${session.code}`, { host: `rebind.evil.example:${s.port}` })).status).toBe(421);
  });

  it('readConfig reads ALLOWED_HOSTS and refuses what is not a host', () => {
    expect(readConfig({ ALLOWED_HOSTS: 'Raadslag.Kommune.dk, 10.0.0.5:3000, [fd00::1]' }, '/tmp').allowedHosts).toEqual(['raadslag.kommune.dk', '10.0.0.5', '[fd00::1]']);
    expect(() => readConfig({ ALLOWED_HOSTS: 'https://x.example/path' }, '/tmp')).toThrow(/ALLOWED_HOSTS: "https:\/\/x\.example\/path" is not a host/);
  });
});
