// Session lifecycle against the real thing: deletion checked in the store itself (SQLite: the
// database file and its WAL; PostgreSQL: its tables), retention, the status list and the facilitator password.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.ts';
import { Harness, TestClient, tempDataDir, testConfig, type Created } from './testing/harness.ts';
import { storedText } from './testing/stored.ts';
import type { HostView } from '../shared/session/views.ts';

const SECRET = 'Hemmelig-sætning-om-Ølstykke-XYZZY-42';

async function answerText(h: Harness, created: Created, text: string): Promise<void> {
  const host = await h.host(created);
  const view = await host.waitForView((v) => v.agenda.length > 0);
  const step = view.agenda.find((a) => a.questionId === 'q1-4')!;
  await host.must({ type: 'goTo', index: step.index });
  await host.must({ type: 'openAnswering', questionId: 'q1-4' });
  const phone = await h.participant(created);
  await phone.must({ type: 'join', role: 'manager' });
  await phone.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text } });
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('deleting a session', () => {
  it('removes its answers from the database file and the WAL, and stops its code', async () => {
    harness = await Harness.start();
    const keep = await harness.createSession();
    const gone = await harness.createSession();
    await answerText(harness, keep, 'Dette svar bliver');
    await answerText(harness, gone, SECRET);
    expect(await storedText(harness.dataDir)).toContain(SECRET);

    const unauthorised = await fetch(`${harness.url}/api/sessions/${gone.code}`, { method: 'DELETE', headers: { Authorization: 'Bearer wrong-token-123' } });
    expect(unauthorised.status).toBe(403);
    const res = await fetch(`${harness.url}/api/sessions/${gone.code}`, { method: 'DELETE', headers: { Authorization: `Bearer ${gone.hostToken}` } });
    expect(res.status).toBe(204);

    const raw = await storedText(harness.dataDir);
    expect(raw).not.toContain(SECRET);
    expect(raw).toContain('Dette svar bliver');
    expect((await fetch(`${harness.url}/api/sessions/${gone.code}`)).status).toBe(404);
    // After a restart it stays gone, and the other session is intact.
    await harness.close();
    harness = await Harness.start(harness.dataDir);
    expect((await fetch(`${harness.url}/api/sessions/${gone.code}`)).status).toBe(404);
    expect((await fetch(`${harness.url}/api/sessions/${keep.code}`)).status).toBe(200);
  });

  it('lets go of the open pages of a deleted session', async () => {
    harness = await Harness.start();
    const created = await harness.createSession();
    const screen = await harness.screen(created);
    const fatal = new Promise<{ code: string }>((resolve) => screen.socket.on('fatal', resolve));
    await fetch(`${harness.url}/api/sessions/${created.code}`, { method: 'DELETE', headers: { Authorization: `Bearer ${created.hostToken}` } });
    expect((await fatal).code).toBe('no_such_session');
  });
});

describe('retention', () => {
  it('deletes sessions older than RETENTION_DAYS at start-up, from the files too', async () => {
    const dataDir = tempDataDir();
    harness = await Harness.start(dataDir);
    const old = await harness.createSession();
    await answerText(harness, old, SECRET);
    await harness.close();
    harness = undefined;

    // Started 31 days later with a 30-day retention: the session is past it.
    const later = Date.now() + 31 * 24 * 3600 * 1000;
    const realNow = Date.now;
    Date.now = () => later;
    let server: RunningServer | undefined;
    try {
      server = await startServer({ ...testConfig(dataDir), retentionDays: 30 });
      await server.sessions.drain(); // the sweep's deletions (on PostgreSQL, each takes the lease first)
      expect(server.sessions.has(old.code)).toBe(false);
    } finally {
      Date.now = realNow;
      await server?.close();
    }
    expect(await storedText(dataDir)).not.toContain(SECRET);
  });

  it('keeps sessions younger than the retention period', async () => {
    const dataDir = tempDataDir();
    const server = await startServer({ ...testConfig(dataDir), retentionDays: 30 });
    try {
      const res = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      const created = (await res.json()) as Created;
      expect(server.sessions.deleteOlderThan(Date.now() - 30 * 24 * 3600 * 1000)).toEqual([]);
      expect(server.sessions.has(created.code)).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('the start page list and the facilitator password', () => {
  it('reports status, title and participants only for tokens that match', async () => {
    harness = await Harness.start();
    const a = await harness.createSession();
    const b = await harness.createSession();
    const host = await harness.host(b);
    await host.must({ type: 'endSession' });
    const res = await fetch(`${harness.url}/api/sessions/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sessions: [{ code: a.code, token: a.hostToken }, { code: b.code, token: b.hostToken }, { code: a.code, token: 'not-the-token-000' }] }),
    });
    const list = (await res.json()) as { code: string; status: string; participants?: number }[];
    expect(list.map((s) => s.status)).toEqual(['active', 'ended', 'missing']);
    expect(list[0]!.participants).toBe(0);
  });

  it('requires FACILITATOR_PASSWORD to create or list sessions when it is set', async () => {
    const server = await startServer({ ...testConfig(tempDataDir()), facilitatorPassword: 'kaffe og kage' });
    try {
      const create = (password?: string) =>
        fetch(`${server.url}/api/sessions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(password ? { 'X-Facilitator-Password': password } : {}) },
          body: '{}',
        });
      expect((await create()).status).toBe(401);
      expect((await create('forkert')).status).toBe(401);
      expect((await create('kaffe og kage')).status).toBe(201);
      const config = (await (await fetch(`${server.url}/api/config`)).json()) as { passwordRequired: boolean };
      expect(config.passwordRequired).toBe(true);
      // Joining needs no password: phones never see it.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('an ended session can be reopened read-only by its console', async () => {
    harness = await Harness.start();
    const created = await harness.createSession();
    const host = await harness.host(created);
    await host.must({ type: 'endSession' });
    host.close();
    const again = await TestClient.connect<HostView>(harness.url, { code: created.code, as: 'host', token: created.hostToken });
    const view = await again.waitForView((v) => v.ended === true);
    expect(view.agenda.length).toBeGreaterThan(0);
    const refused = await again.send({ type: 'openAnswering', questionId: 'q1-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'session_ended' } });
    again.close();
  });
});
