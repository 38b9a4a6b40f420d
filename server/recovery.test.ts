// Recovery under a hard crash: 100 phones join, answer and vote continuously against a server in
// a child process; the server is SIGKILLed at a seeded random moment and restarted on the same
// DATA_DIR and port; the phones reconnect and resend what was not acknowledged, with the same ids, and
// finish. Then, read from the store: every acknowledged command is in the log exactly once,
// nothing is doubled, and the console's aggregates equal a recount of the raw answer events.
import fs from 'node:fs';
import { describe, it } from 'vitest';
import { seededRandom } from '../shared/session/actor.ts';
import type { HostView } from '../shared/session/views.ts';
import { spawnServer, type ChildServer } from './testing/child-server.ts';
import { ResilientClient } from './testing/resilient-client.ts';
import { REPO, TestClient, createSession, tempDataDir, type Created } from './testing/harness.ts';
import { storedLog } from './testing/stored.ts';
import { Q, runPhone, shownBy, sleep, verify, type Phone } from './testing/workload.ts';
import { readConfig } from './config.ts';
import { startServer, type RunningServer } from './server.ts';

const BASE_SEED = Number(process.env.RECOVERY_SEED ?? Math.floor(Math.random() * 1e6));
const SEEDS = [BASE_SEED, BASE_SEED + 1, BASE_SEED + 2];
const PHONES = 100;

type Figures = { seed: number; ms: number; killedAtMs: number; acknowledged: number; found: number; duplicates: number; resends: number; duplicateAcks: number };

async function runSeed(seed: number): Promise<Figures> {
  const random = seededRandom(seed);
  const t0 = Date.now();
  const dataDir = tempDataDir();
  const server: ChildServer = await spawnServer(dataDir);
  let restarted: RunningServer | undefined;
  const session: Created = await createSession(server.url);
  const host = new ResilientClient<HostView>(server.url, session.code, 'host', session.hostToken);
  const phones: Phone[] = Array.from({ length: PHONES }, () => ({ client: new ResilientClient(server.url, session.code, 'participant'), acked: [] }));
  try {
    for (const questionId of Object.values(Q)) await host.deliver({ type: 'openAnswering', questionId });
    let done = 0;
    let allTexts!: () => void;
    const textsIn = new Promise<void>((resolve) => (allTexts = resolve));
    const votingOpen = textsIn.then(() => host.deliver({ type: 'openVoting', questionId: Q.text })).then(() => {});
    const work = Promise.all(phones.map((p, i) => runPhone(p, i, seededRandom(seed * 1000 + i), { textsDone: () => ++done === PHONES && allTexts(), votingOpen })));
    work.catch(() => {});

    // The crash: somewhere in the answering or the voting, never announced.
    const killedAtMs = Math.round(200 + random() * 1300);
    await sleep(killedAtMs);
    server.process.kill('SIGKILL');
    await server.exited;
    await sleep(random() * 300);
    // The restart runs in this process (the same code, the same DATA_DIR and port, its modules
    // already loaded): a second cold start of a child costs many seconds on a busy machine.
    restarted = await startServer(readConfig({ PORT: String(server.port), HOST: '127.0.0.1', DATA_DIR: dataDir }, REPO));
    const url = restarted.url;
    await work;

    // The console's aggregates, then the raw log (after a clean stop, so nothing is in flight).
    const viewer = await TestClient.connect<HostView>(url, { code: session.code, as: 'host', token: session.hostToken });
    const shown = await shownBy(viewer);
    viewer.close();
    host.close();
    for (const p of phones) p.client.close();
    await restarted.close();
    restarted = undefined;

    const counts = verify(await storedLog(dataDir, session.code), phones, shown, PHONES);
    const figures: Figures = { seed, ms: Date.now() - t0, killedAtMs, ...counts, resends: counts.resends + host.resends };
    console.log(
      `[recovery] seed ${seed}: SIGKILL at ${killedAtMs} ms; commands acknowledged ${figures.acknowledged}, found ${figures.found}, ` +
        `duplicates ${figures.duplicates}; resent ${figures.resends} (${figures.duplicateAcks} were already on disk: acked as duplicates); ${figures.ms} ms`,
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
    return figures;
  } finally {
    host.close();
    for (const p of phones) p.client.close();
    if (server.process.exitCode === null && server.process.signalCode === null) server.process.kill('SIGKILL');
    await restarted?.close();
  }
}

describe('recovery after SIGKILL, with 100 phones answering and voting', () => {
  it(`loses no acknowledged command and doubles none (seeds ${SEEDS.join(', ')})`, { timeout: 240_000 }, async () => {
    console.log(`[recovery] seeds ${SEEDS.join(', ')} – rerun with RECOVERY_SEED=${BASE_SEED}`);
    // The seeds run side by side, each with its own server process and data folder.
    const all = await Promise.all(SEEDS.map((seed) => runSeed(seed)));
    const total = all.reduce((t, f) => ({ acknowledged: t.acknowledged + f.acknowledged, found: t.found + f.found, duplicates: t.duplicates + f.duplicates }), { acknowledged: 0, found: 0, duplicates: 0 });
    console.log(`[recovery] all seeds: commands acknowledged ${total.acknowledged}, found ${total.found}, duplicates ${total.duplicates}`);
  });
});
