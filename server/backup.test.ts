// `npm run backup` while 200 phones answer: the copy opens, passes PRAGMA integrity_check and
// holds every event acknowledged before the backup started. The backup runs as its own process,
// as an operator would run it, beside the live server.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, it } from 'vitest';
import type { JoinResult } from '../shared/protocol.ts';
import { Harness, REPO, TestClient, stepIndex } from './testing/harness.ts';

const run = promisify(execFile);
const PHONES = 200;
let h: Harness | undefined;
const phones: TestClient<unknown>[] = [];
afterAll(async () => {
  for (const p of phones) p.close();
  await h?.close();
});

describe('npm run backup', () => {
  it('copies a consistent snapshot while 200 phones answer', async () => {
    h = await Harness.start();
    const session = await h.createSession();
    const host = await h.host(session);
    await host.must({ type: 'goTo', index: stepIndex(host.view!, 'q1-1') });
    await host.must({ type: 'openAnswering', questionId: 'q1-1' });
    const ids: string[] = [];
    for (let i = 0; i < PHONES; i++) {
      const p = await h.participant(session);
      ids.push((await p.must<JoinResult>({ type: 'join', role: 'citizen' })).participantId);
      phones.push(p);
    }
    // Every acknowledged answer with the time its ack arrived.
    const acked: { key: string; at: number }[] = [];
    let answering = true;
    const loops = phones.map(async (p, i) => {
      while (answering) {
        const id = nanoid();
        const ack = await p.send({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 1 + (i % 5) } }, id);
        if (ack.ok) acked.push({ key: `${ids[i]}:${id}`, at: Date.now() });
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    const out = path.join(h.dataDir, '..', `backup-${nanoid(6)}.db`);
    const startedAt = Date.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(REPO, 'server/backup-cli.ts'), '--out', out, '--data-dir', h.dataDir], { cwd: REPO });
    await new Promise((r) => setTimeout(r, 500));
    answering = false;
    await Promise.all(loops);
    expect(stdout).toMatch(/integrity ok/);

    const before = acked.filter((a) => a.at < startedAt);
    expect(before.length).toBeGreaterThan(PHONES);
    expect(acked.length).toBeGreaterThan(before.length); // the phones went on answering meanwhile
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const keys = new Set((copy.prepare('SELECT client_key FROM events WHERE client_key IS NOT NULL').all() as { client_key: string }[]).map((r) => r.client_key));
    copy.close();
    const missing = before.filter((a) => !keys.has(a.key));
    expect(missing).toEqual([]);
    expect(fs.existsSync(`${out}-wal`) ? fs.statSync(`${out}-wal`).size : 0).toBe(0);

    // The restore check of the copy, and a refusal to overwrite.
    const checked = await run(process.execPath, ['--import', 'tsx', path.join(REPO, 'server/backup-cli.ts'), '--check', out], { cwd: REPO });
    expect(checked.stdout).toMatch(/integrity ok; 1 workshops/);
    await expect(run(process.execPath, ['--import', 'tsx', path.join(REPO, 'server/backup-cli.ts'), '--out', out, '--data-dir', h.dataDir], { cwd: REPO })).rejects.toThrow(/exists already/);
  }, 120_000);
});
