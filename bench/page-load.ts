// `npm run bench -- --page-load`: the join storm. N phones (default 3,000) open the join link
// at random moments within the window (default 5 s) – each loads the page and its assets over
// HTTP as a browser would (bench/phone-fetch.ts) – while the same N participants join over
// their sockets (the client workers, as in the socket bench). Then, on the quiet server, one
// Chromium phone on each of DevTools' "Fast 3G" and "Slow 3G" presets (bench/slow-phone.ts).
// Figures: bench/README.md ("Page loads"); results: docs/performance.md.
import { now, MAX_SOCKETS_PER_WORKER, type ClientSpec } from './ipc.ts';
import { openConsole } from './harness.ts';
import { percentile, round } from './metrics.ts';
import { loadPage, type PhoneLoad } from './phone-fetch.ts';
import { ServerProc, Worker } from './procs.ts';
import { slowPhones, type SlowPhone } from './slow-phone.ts';

const JOIN_CONCURRENCY = 100;
const LINK_BITS_PER_S = 100e6; // the room's network: 100 Mbit/s

/** `slowRuns`: runs per preset; the median run (by first answer) is reported. */
export type PageLoadPlan = { participants: number; windowMs: number; slowPhones: boolean; slowRuns: number };

export async function runPageLoad(plan: PageLoadPlan, log: (s: string) => void): Promise<{ summary: Record<string, unknown>; failures: number }> {
  const serverStarting = ServerProc.start('raadslag');
  const workers = await Promise.all(Array.from({ length: Math.ceil(plan.participants / MAX_SOCKETS_PER_WORKER) }, () => Worker.start()));
  const server = await serverStarting;
  const c = await openConsole(server.url);
  try {
    const before = await server.stats();
    log(`page-load: ${plan.participants} phones open the page within ${plan.windowMs} ms and join…`);
    const t0 = now();
    const loads = Promise.all(
      Array.from({ length: plan.participants }, async () => {
        await sleep(Math.random() * plan.windowMs);
        return loadPage(server.url, `/join/${c.code}`);
      }),
    ).then((r) => ({ r, at: now() }));
    const specs: ClientSpec[][] = workers.map(() => []);
    for (let i = 0; i < plan.participants; i++) specs[i % workers.length]!.push({ code: c.code, session: 0 });
    const timeoutMs = 60_000 + plan.participants * 20;
    const joins = Promise.all(
      workers.map((w, i) => w.ask({ type: 'join', url: server.url, clients: specs[i]!, concurrency: JOIN_CONCURRENCY, timeoutMs }, 'joined', timeoutMs + 10_000)),
    ).then((r) => ({ r, at: now() }));
    const [pages, joined] = await Promise.all([loads, joins]);
    const after = await server.stats();
    log(`page-load: pages served in ${round(pages.at - t0, 0)} ms, joins done in ${round(joined.at - t0, 0)} ms`);
    await Promise.all(workers.map((w) => w.ask({ type: 'close' }, 'closed', 30_000)));
    let slow: SlowPhone[] = [];
    if (plan.slowPhones) {
      log(`page-load: Chromium phones on Fast 3G and Slow 3G (${plan.slowRuns} run(s) each, the median reported)…`);
      slow = await slowPhones(server.url, ['Fast 3G', 'Slow 3G'], plan.slowRuns);
    }
    const summary = summarize(plan, pages.r, pages.at - t0, joined.r, joined.at - t0, after.cpuS - before.cpuS, slow);
    printTable(summary, pages.r);
    const failures = pages.r.filter((p) => !p.ok).length + joined.r.reduce((n, j) => n + j.failed, 0);
    return { summary, failures };
  } finally {
    c.host.disconnect();
    c.screen.disconnect();
    await server.stop();
  }
}

type Joined = { latencies: number[]; failed: number; done: number; firstError?: string };

function summarize(plan: PageLoadPlan, pages: PhoneLoad[], serveAllMs: number, joins: Joined[], joinAllMs: number, cpuS: number, slow: SlowPhone[]) {
  const ok = pages.filter((p) => p.ok);
  // What the room downloads once every phone has the page: per completed phone × phones. (The
  // bytes actually read in the run, failed and retried loads included, are `bytesRead`.)
  const perPhone = ok.length ? ok.reduce((n, p) => n + p.bytes, 0) / ok.length : 0;
  const total = Math.round(perPhone * plan.participants);
  const read = pages.reduce((n, p) => n + p.bytes, 0);
  const phone = (preset: string) => {
    const s = slow.find((x) => x.preset === preset);
    return s ? { formReadyMs: round(s.formReadyMs, 0), firstAnswerMs: round(s.firstAnswerMs, 0), steps: s.steps, requests: s.requests } : null;
  };
  return {
    scenario: 'page-load',
    participants: plan.participants,
    windowMs: plan.windowMs,
    bytesPerPhone: round(perPhone, 0),
    requestsPerPhone: round(ok.length ? ok.reduce((n, p) => n + p.requests, 0) / ok.length : 0, 1),
    totalBytes: total,
    bytesRead: read,
    transferSAt100Mbit: round((total * 8) / LINK_BITS_PER_S, 1),
    serveAllMs: round(serveAllMs, 0),
    pageLoadP50Ms: round(percentile(ok.map((p) => p.ms), 50)),
    pageLoadP99Ms: round(percentile(ok.map((p) => p.ms), 99)),
    joinAllMs: round(joinAllMs, 0),
    joinP99Ms: round(percentile(joins.flatMap((j) => j.latencies), 99)),
    serverCpuS: round(cpuS, 2),
    fast3g: phone('Fast 3G'),
    slow3g: phone('Slow 3G'),
    failed: { pages: pages.length - ok.length, joins: joins.reduce((n, j) => n + j.failed, 0) },
    firstError: pages.find((p) => p.error)?.error ?? joins.find((j) => j.firstError)?.firstError ?? null,
  };
}

function printTable(s: ReturnType<typeof summarize>, pages: PhoneLoad[]): void {
  const mb = (b: number) => `${round(b / 1e6, 1)} MB`;
  const rows: [string, string | number][] = [
    ['phones: pages loaded / failed', `${pages.length - s.failed.pages} / ${s.failed.pages}`],
    ['participants joined / failed', `${s.participants - s.failed.joins} / ${s.failed.joins}`],
    ['bytes per phone (as served, headers incl.)', `${s.bytesPerPhone} (${s.requestsPerPhone} requests)`],
    [`total for ${s.participants} phones`, mb(s.totalBytes)],
    ['implied transfer time at 100 Mbit/s (s)', s.transferSAt100Mbit],
    ['time to serve all pages (ms)', s.serveAllMs],
    ['page load per phone p50 / p99 (ms, loopback)', `${s.pageLoadP50Ms} / ${s.pageLoadP99Ms}`],
    ['joins: all done / p99 (ms)', `${s.joinAllMs} / ${s.joinP99Ms}`],
    ['server CPU, pages + joins (s)', s.serverCpuS],
    ['Fast 3G: join form ready / first answer acked (ms)', s.fast3g ? `${s.fast3g.formReadyMs} / ${s.fast3g.firstAnswerMs}` : '–'],
    ['Slow 3G: join form ready / first answer acked (ms)', s.slow3g ? `${s.slow3g.formReadyMs} / ${s.slow3g.firstAnswerMs}` : '–'],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n== page-load: ${s.participants} phones within ${s.windowMs} ms ==`);
  for (const [label, v] of rows) console.log(`${label.padEnd(w)}  ${String(v).padStart(20)}`);
  if (s.firstError) console.log(`! ${s.firstError}`);
  for (const [name, phone] of [['Fast 3G', s.fast3g], ['Slow 3G', s.slow3g]] as const) {
    if (!phone) continue;
    console.log(`\n-- ${name}: where the time went (ms from opening the link) --`);
    for (const [step, ms] of Object.entries(phone.steps)) console.log(`${String(ms).padStart(7)}  ${step}`);
    console.log('   sent →    done    bytes  request');
    for (const r of phone.requests) console.log(`${String(r.sentMs).padStart(7)} → ${String(r.doneMs).padStart(7)} ${String(r.bytes).padStart(8)}  ${r.what}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
