// HTTP hardening and the host token: security headers with a strict CSP on every response, a
// host token that never leaves the console link's fragment, and a console link that can be
// rotated – after which the old token opens nothing, not even a console that is still open.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nanoid } from 'nanoid';
import type { HostView } from '../shared/session/views.ts';
import { CSP_DIRECTIVES } from './security/http.ts';
import { Harness, connectError, type Created } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const rotate = (code: string, headers: Record<string, string> = {}) =>
  fetch(`${h.url}/api/sessions/${code}/rotate-host-token`, { method: 'POST', headers });
const summary = (s: Created, token: string) => fetch(`${h.url}/api/sessions/${s.code}/summary?format=json`, { headers: bearer(token) });

function parseCsp(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  it.each(['/', '/join/ABCDEF', '/host/ABCDEF', '/screen/ABCDEF', '/api/question-sets', '/healthz', '/api/nope'])('%s carries the strict CSP and friends', async (path) => {
    const res = await fetch(`${h.url}${path}`);
    const csp = parseCsp(res.headers.get('content-security-policy'));
    // The phone page inlines its script and stylesheet, allowed by their SHA-256 only (server/static.ts).
    const hashes = (list: string[] | undefined) => (list ?? []).filter((s) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s));
    if (path.startsWith('/join/')) {
      expect(hashes(csp['script-src']).length).toBeGreaterThan(0);
      for (const key of ['script-src', 'style-src']) csp[key] = (csp[key] ?? []).filter((s) => !hashes([s]).length);
    }
    expect(csp).toEqual(Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([k, v]) => [k, [...v]])));
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toHaveProperty('upgrade-insecure-requests'); // would break plain http on a LAN
    expect(JSON.stringify(csp)).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('a downloaded HTML summary keeps its own, stricter policy', async () => {
    const s = await h.createSession();
    const res = await fetch(`${h.url}/api/sessions/${s.code}/summary?format=html`, { headers: bearer(s.hostToken) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });
});

describe('the host token', () => {
  it('has 192 random bits and appears only after the # of the console link', async () => {
    const a = await h.createSession();
    const b = await h.createSession();
    for (const s of [a, b]) {
      expect(s.hostToken).toMatch(/^[A-Za-z0-9_-]{32}$/); // 32 × 6 bits
      expect(s.hostUrl).toBe(`${h.url}/host/${s.code}#${s.hostToken}`);
      expect(s.hostUrl.split('#')[0]).not.toContain(s.hostToken);
      expect(s.screenUrl).not.toContain(s.hostToken);
      expect(s.joinUrl).not.toContain(s.hostToken);
    }
    expect(a.hostToken).not.toBe(b.hostToken);
    const info = await (await fetch(`${h.url}/api/sessions/${a.code}`)).text();
    expect(info).not.toContain(a.hostToken);
    const screen = await h.screen(a);
    const phone = await h.participant(a);
    expect(JSON.stringify(screen.view)).not.toContain(a.hostToken);
    expect(JSON.stringify(phone.view)).not.toContain(a.hostToken);
  });

  it('nothing the server prints carries a token, an address or an answer', async () => {
    const printed: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' '))),
    );
    try {
      const s = await h.createSession();
      const host = await h.host(s);
      const phone = await h.participant(s);
      await phone.must({ type: 'join', role: 'citizen', name: 'Navn Navnesen' });
      const step = host.view!.agenda.find((x) => x.questionId === 'q1-4')!.index;
      await host.must({ type: 'goTo', index: step });
      await host.must({ type: 'openAnswering', questionId: 'q1-4' });
      await phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'hemmeligt svar' } });
      await phone.send({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'x'.repeat(600) } });
      await connectError(h.url, { code: s.code, as: 'host', token: 'wrong-token-000' });
      await rotate(s.code, bearer(s.hostToken));
      const all = printed.join('\n');
      for (const secret of [s.hostToken, 'Navn Navnesen', 'hemmeligt svar', '127.0.0.1', 'wrong-token-000']) expect(all).not.toContain(secret);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('POST /api/sessions/:code/rotate-host-token', () => {
  it('needs the current token: 401 without, 403 with a wrong one or for another session', async () => {
    const a = await h.createSession();
    const b = await h.createSession();
    expect((await rotate(a.code)).status).toBe(401);
    expect((await rotate(a.code, bearer('x'.repeat(32)))).status).toBe(403);
    expect((await rotate(a.code, bearer(b.hostToken))).status).toBe(403);
    expect((await rotate('NOPE42', bearer(a.hostToken))).status).toBe(403);
    expect((await summary(a, a.hostToken)).status).toBe(200); // nothing changed
  });

  it('gives a new link; the old token stops working for HTTP, new handshakes and open consoles', async () => {
    const s = await h.createSession();
    const console1 = await h.host(s);
    const console2 = await h.host(s);
    const left = [console1, console2].map((c) => new Promise<string>((resolve) => c.socket.once('disconnect', resolve)));
    const res = await rotate(s.code, bearer(s.hostToken));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { hostToken: string; hostUrl: string };
    expect(body.hostToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(body.hostToken).not.toBe(s.hostToken);
    expect(body.hostUrl).toBe(`${h.url}/host/${s.code}#${body.hostToken}`);
    // Consoles on the old token are told to go ("io server disconnect": no automatic retry).
    expect(await Promise.all(left)).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await summary(s, s.hostToken)).status).toBe(403);
    expect((await rotate(s.code, bearer(s.hostToken))).status).toBe(403);
    expect((await connectError(h.url, { code: s.code, as: 'host', token: s.hostToken })).data?.code).toBe('forbidden');
    // The new one works everywhere, and the session is untouched.
    expect((await summary(s, body.hostToken)).status).toBe(200);
    const fresh = await h.host({ ...s, hostToken: body.hostToken });
    await fresh.must({ type: 'next' });
    expect(fresh.view!.code).toBe(s.code);
    // Screens and phones are not consoles: they stay.
    const screen = await h.screen(s);
    await rotate(s.code, bearer(body.hostToken));
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.socket.connected).toBe(true);
  });

  it('a rotated token stays rotated after a restart', async () => {
    const dataDir = h.dataDir;
    const s = await h.createSession();
    const body = (await (await rotate(s.code, bearer(s.hostToken))).json()) as { hostToken: string };
    await h.close();
    h = await Harness.start(dataDir);
    expect((await summary(s, s.hostToken)).status).toBe(403);
    expect((await summary(s, body.hostToken)).status).toBe(200);
    const host = await h.host({ ...s, hostToken: body.hostToken });
    expect((host.view as HostView).code).toBe(s.code);
    expect(await host.send({ type: 'next' }, nanoid())).toMatchObject({ ok: true });
  });
});
