// `npm run backup` while 200 phones answer: the copy opens, passes PRAGMA integrity_check and
// holds every event acknowledged before the backup started.
//
// The server runs in a child process as in production; 200 real socket.io phones answer without
// pause; the backup is the real CLI in a process of its own, as an operator would run it. A reader
// that holds an old snapshot (as an export might) keeps SQLite from checkpointing, so what the
// phones send meanwhile lives only in the WAL: a copy of the database file made at the moment the
// backup starts – the README's old advice, minus the WAL – misses acknowledged events, and the
// test checks that it does before it trusts the backup. (Replacing the online backup by that
// copy makes this test fail.)
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { nanoid } from 'nanoid';
import { afterAll, describe, expect, it } from 'vitest';
import type { JoinResult } from '../shared/protocol.ts';
import type { HostView } from '../shared/session/views.ts';
import { startServer, type RunningServer } from './server.ts';
import { spawnServer, type ChildServer } from './testing/child-server.ts';
import { REPO, TestClient, createSession, stepIndex, tempDataDir, testConfig } from './testing/harness.ts';

const run = promisify(execFile);
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(REPO, 'server/backup-cli.ts'), ...args], { cwd: REPO });
const PHONES = 200;
const clients: TestClient<unknown>[] = [];
let child: ChildServer | undefined;
let restored: RunningServer | undefined;
let pin: Database.Database | undefined;
afterAll(async () => {
  for (const c of clients) c.close();
  pin?.close();
  child?.process.kill('SIGKILL');
  await child?.exited;
  await restored?.close();
});

/** Client keys (as the store writes them) of the commands in `file`. */
function storedKeys(file: string): Set<string> {
  const db = new Database(file);
  try {
    return new Set((db.prepare('SELECT client_key FROM events WHERE client_key IS NOT NULL').all() as { client_key: string }[]).map((r) => r.client_key));
  } finally {
    db.close();
  }
}

describe('npm run backup', () => {
  it('copies every acknowledged event while 200 phones answer, where a copy of the file would lose some', async () => {
    const dataDir = tempDataDir();
    child = await spawnServer(dataDir);
    const session = await createSession(child.url);
    const host = await TestClient.connect<HostView>(child.url, { code: session.code, as: 'host', token: session.hostToken });
    clients.push(host);
    await host.must({ type: 'goTo', index: stepIndex(host.view!, 'q1-1') });
    await host.must({ type: 'openAnswering', questionId: 'q1-1' });

    // Every acknowledged command (joins too) with the time its ack arrived.
    const acked: { key: string; at: number }[] = [];
    const ids: string[] = [];
    for (let i = 0; i < PHONES; i++) {
      const p = await TestClient.connect(child.url, { code: session.code, as: 'participant' }, 15_000);
      clients.push(p);
      const id = nanoid();
      const ack = await p.send({ type: 'join', role: 'citizen' }, id);
      if (!ack.ok) throw new Error(`join refused: ${ack.error.code}`);
      acked.push({ key: `guest:${id}`, at: Date.now() });
      ids.push((ack.data as JoinResult).participantId);
    }
    // The joins go into the database file; then a reader takes its snapshot, and from here on
    // nothing is checkpointed into the file: the answers live in the WAL only.
    const dbFile = path.join(dataDir, 'raadslag.db');
    pin = new Database(dbFile, { fileMustExist: true });
    for (let i = 0; (pin.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]!.busy !== 0; i++) {
      if (i > 100) throw new Error('the WAL could not be checkpointed');
      await new Promise((r) => setTimeout(r, 50));
    }
    pin.prepare('BEGIN').run();
    pin.prepare('SELECT count(*) FROM events').get();

    let answering = true;
    const loops = clients.slice(1).map(async (p, i) => {
      while (answering) {
        const id = nanoid();
        const ack = await p.send({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 1 + (i % 5) } }, id).catch(() => null);
        if (ack?.ok) acked.push({ key: `${ids[i]}:${id}`, at: Date.now() });
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    });
    // Wait until the phones have answered a good deal, not for a fixed time.
    const enough = PHONES * 3;
    while (acked.length < PHONES + enough) await new Promise((r) => setTimeout(r, 100));

    // The moment the backup starts: the naive copy is taken at the same instant.
    const startedAt = Date.now();
    const naive = path.join(path.dirname(dataDir), `naive-${nanoid(6)}.db`);
    fs.copyFileSync(dbFile, naive);
    const out = path.join(path.dirname(dataDir), `backup-${nanoid(6)}.db`);
    const { stdout } = await cli('--out', out, '--data-dir', dataDir);
    // The phones went on answering while the copy was made; stop once some more have come in.
    const after = acked.length;
    while (acked.length < after + PHONES) await new Promise((r) => setTimeout(r, 100));
    answering = false;
    await Promise.all(loops);
    expect(stdout).toMatch(/integrity ok/);

    // `at` and `startedAt` are in ms: an ack pushed in the very turn before the backup started has the same time.
    const before = acked.filter((a) => a.at <= startedAt);
    expect(before.length).toBeGreaterThanOrEqual(PHONES + enough);
    // The test has teeth: a copy of the database file alone lacks acknowledged events.
    const inFile = storedKeys(naive);
    const lostByCopy = before.filter((a) => !inFile.has(a.key));
    expect(lostByCopy.length).toBeGreaterThan(PHONES);

    // The backup opens, is intact, holds every one of them, and needs no WAL of its own.
    const copy = new Database(out, { readonly: true, fileMustExist: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const keys = storedKeys(out);
    expect(before.filter((a) => !keys.has(a.key))).toEqual([]);
    expect(fs.existsSync(`${out}-wal`) ? fs.statSync(`${out}-wal`).size : 0).toBe(0);

    // The restore check, and a refusal to overwrite.
    expect((await cli('--check', out)).stdout).toMatch(/integrity ok; 1 workshops/);
    await expect(cli('--out', out, '--data-dir', dataDir)).rejects.toThrow(/exists already/);

    // Restored as the check says (the copy as raadslag.db of a new DATA_DIR), a server serves the
    // workshop with all 200 participants.
    const restoredDir = tempDataDir();
    fs.copyFileSync(out, path.join(restoredDir, 'raadslag.db'));
    restored = await startServer(testConfig(restoredDir));
    const console2 = await TestClient.connect<HostView>(restored.url, { code: session.code, as: 'host', token: session.hostToken });
    clients.push(console2);
    expect(console2.view!.participants).toBe(PHONES);
  }, 240_000);
});
