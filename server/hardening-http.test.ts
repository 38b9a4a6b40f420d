// Issue 12, HTTP side, on real servers: no spelling of a path gets past the facilitator
// password; password guesses are limited; workshops are limited per address, in total and by
// free disk; the wrong-code throttle holds against pipelining; tokens are not cached.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config } from './config.ts';
import { startServer, type RunningServer } from './server.ts';
import { REPO, createSession, tempDataDir, testConfig } from './testing/harness.ts';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function serve(extra: Partial<Config> = {}): Promise<RunningServer & { questionsDir: string }> {
  // A copy of questions/, so that an upload that got through would show as a new file.
  const questionsDir = fs.mkdtempSync(path.join(tempDataDir(), 'q-'));
  for (const f of fs.readdirSync(path.join(REPO, 'questions'))) {
    if (f.endsWith('.json') || f.endsWith('.md')) fs.copyFileSync(path.join(REPO, 'questions', f), path.join(questionsDir, f));
  }
  const server = await startServer({ ...testConfig(tempDataDir()), questionsDir, ...extra });
  servers.push(server);
  return Object.assign(server, { questionsDir });
}

const post = (url: string, body: object, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const UPLOAD = { filename: 'x.md', content: '---\nid: sneaky\ntitle: Sneaky\n---\n\n# Tema\n\n## Spørgsmål?\n\ntype: text\n' };

describe('the facilitator password', () => {
  const sessionSpellings = ['/api/sessions/', '/API/SESSIONS', '/api/Sessions', '/Api/sessions', '/API/sessions/', '/api//sessions', '/api/sessions//', '//api/sessions', '/api/sessions/.', '/api/%73essions', '/api/sessions%2F', '/api/SESSIONS/status', '/api/sessions/status/', '/api/sessions;x'];
  const uploadSpellings = ['/api/question-sets/', '/API/Question-Sets', '/api/Question-sets', '/API/QUESTION-SETS/', '/api//question-sets', '/api/question-sets//', '/api/question%2Dsets'];

  it('no spelling of a guarded path creates a workshop or writes a file without it', async () => {
    const s = await serve({ facilitatorPassword: 'hemmelig-kode' });
    const before = fs.readdirSync(s.questionsDir).sort();
    for (const p of [...sessionSpellings, '/api/sessions', '/api/sessions?x=1', '/api/sessions/status']) {
      const res = await post(`${s.url}${p}`, p.includes('status') ? { sessions: [] } : {});
      const text = await res.text();
      expect([401, 404], `${p} → ${res.status} ${text}`).toContain(res.status);
      expect(text, p).not.toMatch(/hostToken/);
    }
    for (const p of [...uploadSpellings, '/api/question-sets']) {
      const res = await post(`${s.url}${p}`, UPLOAD);
      expect([401, 404], `${p} → ${res.status}`).toContain(res.status);
    }
    expect(fs.readdirSync(s.questionsDir).sort()).toEqual(before);
    expect(s.sessions.count()).toBe(0);
    // The right password on the one spelling works.
    const ok = await post(`${s.url}/api/sessions`, {}, { 'x-facilitator-password': 'hemmelig-kode' });
    expect(ok.status).toBe(201);
  });

  it('limits wrong guesses per address with back-off – parallel guesses included – and then refuses even the right one', async () => {
    const s = await serve({ facilitatorPassword: 'hemmelig-kode' });
    const guesses = await Promise.all(Array.from({ length: 40 }, (_, i) => post(`${s.url}/api/sessions`, {}, { 'x-facilitator-password': `gæt-${i}` })));
    const statuses = guesses.map((r) => r.status);
    expect(statuses.filter((x) => x === 401).length).toBe(10);
    expect(statuses.filter((x) => x === 429).length).toBe(30);
    const locked = await post(`${s.url}/api/sessions`, {}, { 'x-facilitator-password': 'hemmelig-kode' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(30);
    expect(await locked.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('a correct password is given back: a facilitator who logs in often never runs out', async () => {
    const s = await serve({ facilitatorPassword: 'hemmelig-kode' });
    for (let i = 0; i < 15; i++) {
      const res = await post(`${s.url}/api/sessions/status`, { sessions: [] }, { 'x-facilitator-password': 'hemmelig-kode' });
      expect(res.status).toBe(200);
    }
  });
});

describe('workshop quotas', () => {
  it('per address per minute', async () => {
    const s = await serve({ sessionsPerIpPerMinute: 3 });
    const statuses = await Promise.all(Array.from({ length: 6 }, () => post(`${s.url}/api/sessions`, {}).then((r) => r.status)));
    expect(statuses.filter((x) => x === 201).length).toBe(3);
    expect(statuses.filter((x) => x === 429).length).toBe(3);
  });

  it('in total, and by free disk, with a message that says why', async () => {
    const s = await serve({ maxSessions: 2 });
    await createSession(s.url);
    await createSession(s.url);
    const full = await post(`${s.url}/api/sessions`, {});
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({ error: { code: 'too_many_sessions' } });

    const d = await serve({ minFreeDiskMb: 1024 * 1024 * 1024 }); // a petabyte: never free
    const res = await post(`${d.url}/api/sessions`, {});
    expect(res.status).toBe(507);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('disk_full');
    expect(body.error.message).toMatch(/disk is nearly full.*running workshops go on/);
  });

  it('the answer that carries the host token is never cached', async () => {
    const s = await serve();
    const res = await post(`${s.url}/api/sessions`, {});
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

/** Sends `paths` as GETs pipelined on one connection; resolves with the status of each answer. */
function pipelined(port: number, paths: string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let raw = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      raw += d;
      const statuses = [...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
      if (statuses.length === paths.length) {
        socket.destroy();
        resolve(statuses);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve([...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]))));
    socket.write(paths.map((p) => `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`).join(''));
  });
}

describe('the wrong-code throttle', () => {
  it('counts pipelined lookups before answering them: the live code at the end of 1,000 is refused', async () => {
    const s = await serve({ wrongCodesPerMinute: 20 });
    const live = await createSession(s.url);
    const paths = Array.from({ length: 999 }, (_, i) => `/api/sessions/ZZ${String(i).padStart(4, '0')}`);
    paths.push(`/api/sessions/${live.code}`);
    const statuses = await pipelined(s.port, paths);
    expect(statuses.filter((x) => x === 404).length).toBeLessThanOrEqual(20);
    expect(statuses.filter((x) => x === 200).length).toBe(0);
    expect(statuses.length).toBe(1000);
    expect(statuses.at(-1)).toBe(429);
  });
});
