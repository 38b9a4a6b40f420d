// Start-up with many stored idle sessions (issue 12): fills a data folder with N sessions of
// ~60 events each, then measures, in fresh child processes, time to /healthz and RSS for
//  - lazy: the server as it is (reads session metas; logs replay on first use), and
//  - eager: what start-up did before – every session's log read and replayed.
//   npx tsx bench/startup.ts [N=5000]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadQuestionSets } from '../server/question-sets.ts';
import { SessionManager } from '../server/sessions.ts';
import { openSqliteStore } from '../server/store/sqlite-store.ts';
import { tempDataDir } from '../server/testing/harness.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];

if (mode === 'lazy' || mode === 'eager') {
  const dir = process.argv[3]!;
  const t0 = performance.now();
  if (mode === 'lazy') {
    const { startServer } = await import('../server/server.ts');
    const { testConfig } = await import('../server/testing/harness.ts');
    const s = await startServer(testConfig(dir));
    const ok = (await fetch(`${s.url}/healthz`)).ok;
    console.log(JSON.stringify({ mode, ok, ms: Math.round(performance.now() - t0), rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), sessions: s.sessions.count() }));
    await s.close();
  } else {
    const { evolve, initialState } = await import('../shared/session/evolve.ts');
    const store = openSqliteStore(dir);
    let n = 0;
    for (const stored of await store.loadSessions()) {
      const [first, ...rest] = stored.events;
      if (first?.event.type !== 'sessionCreated') continue;
      const state = initialState(first.event);
      for (const r of rest) evolve(state, r.event);
      (globalThis as { keep?: unknown[] }).keep = [...((globalThis as { keep?: unknown[] }).keep ?? []), state];
      n++;
    }
    console.log(JSON.stringify({ mode, ms: Math.round(performance.now() - t0), rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), sessions: n }));
  }
  process.exit(0);
}

const N = Number(process.argv[2] ?? 5000);
const dir = tempDataDir();
const store = openSqliteStore(dir, undefined, 'normal');
const sets = loadQuestionSets(path.join(REPO, 'questions'));
const set = [...sets.values()][0]!;
const sessions = await SessionManager.start(store);
for (let i = 0; i < N; i++) {
  const { code } = await sessions.create(set);
  for (let p = 0; p < 20; p++) {
    await sessions.execute(code, `join_${String(p).padStart(20, '0')}`, { type: 'join', role: 'citizen', name: `P${p}` }, { kind: 'guest' });
  }
}
sessions.close();
await sessions.drain();
await store.close();
for (const m of ['eager', 'lazy']) console.log(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), m, dir], { cwd: REPO }).toString().trim());
