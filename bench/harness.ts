// One measured run: a fresh server (Rådslag or the floor), S sessions each with a console (host)
// and a screen held here in the parent, S × M participants in the worker processes; everyone
// joins, then answers a scale question and an open-text question within the window.
import { io, type Socket } from 'socket.io-client';
import { now, type AnswerSample, type ClientSpec, type ServerStats } from './ipc.ts';
import { monotone, percentile, screenDelays, type ScreenSample } from './metrics.ts';
import type { BenchServer, Worker } from './procs.ts';
import { ScreenFrames, type FrameFigures } from './screen-frames.ts';

/**
 * `votes`: dots each participant puts on others' open-text answers (0: no voting round).
 * `screenFrames`: a Chromium screen on the first session, results shown live, frames recorded
 * (Rådslag only: the floor serves no pages).
 */
/** `spread`: on a cluster, phones connect to its nodes in turn rather than through the balancer (--spread). */
export type Plan = { sessions: number; perSession: number; windowMs: number; votes: number; screenFrames?: boolean; spread?: boolean };
export type Target = 'raadslag' | 'floor';

export const QUESTIONS = [
  { id: 'q1-1', kind: 'scale' },
  { id: 'q1-4', kind: 'text' },
] as const;

const JOIN_CONCURRENCY = 100; // joins in flight per worker
const ACK_TIMEOUT_MS = 30_000;
const SETTLE_MS = 3_000; // how long the screens may take to show the last answers

export type RunResult = {
  target: Target;
  participants: number;
  joined: number;
  joinFailed: number;
  joinAllMs: number;
  joinLatencies: number[];
  answers: number;
  answerFailed: number;
  ackLatencies: number[];
  screenDelays: number[];
  unseen: number;
  /** From openVoting to each phone holding its voting window (its `me`), ms. */
  votingMeMs: number[];
  votingMissing: number;
  votes: number;
  voteFailed: number;
  voteLatencies: number[];
  before: ServerStats;
  after: ServerStats;
  frames: number;
  bytes: number;
  byEvent: Record<string, number>;
  bytesByEvent: Record<string, number>;
  screenViews: number;
  /** With plan.screenFrames: the Chromium screen's frames and long tasks, per phase. */
  screenFrames: FrameFigures[];
  errors: string[];
};

export type Console = { code: string; host: Socket; screen: Socket; views: ScreenSample[]; agenda: { index: number; questionId?: string }[] };

/**
 * `starting` is the server under test, started by the caller; `measured` is called once the
 * figures are taken, before the clients disconnect and the server stops (the caller may start
 * the next server then: its start-up overlaps only this run's teardown).
 */
export async function runOnce(
  target: Target,
  starting: Promise<BenchServer>,
  plan: Plan,
  workers: Worker[],
  log: (s: string) => void,
  measured: () => void = () => {},
): Promise<RunResult> {
  const server = await starting;
  const consoles: Console[] = [];
  let screen: ScreenFrames | undefined;
  const frames: FrameFigures[] = [];
  try {
    for (let s = 0; s < plan.sessions; s += 10) {
      const batch = Array.from({ length: Math.min(10, plan.sessions - s) }, () => openConsole(server.url));
      consoles.push(...(await Promise.all(batch)));
    }
    if (plan.screenFrames && target === 'raadslag') {
      screen = await ScreenFrames.open(server.url, consoles[0]!.code);
      log(`${target}: a Chromium screen on session ${consoles[0]!.code}`);
    }
    await sleep(300);
    const before = await server.stats();
    const errors: string[] = [];

    // Join: participants of session s are spread round-robin over the workers.
    const specs: ClientSpec[][] = workers.map(() => []);
    let g = 0;
    for (let s = 0; s < plan.sessions; s++) {
      for (let j = 0; j < plan.perSession; j++) specs[g++ % workers.length]!.push({ code: consoles[s]!.code, session: s });
    }
    const participants = g;
    log(`${target}: ${participants} participants joining ${plan.sessions} session(s)…`);
    await screen?.start();
    const t0 = now();
    const joinTimeout = 60_000 + participants * 20;
    const joins = await Promise.all(
      workers.map((w, i) => {
        const urls = plan.spread ? server.nodeUrls : undefined;
        return w.ask({ type: 'join', url: server.url, ...(urls ? { urls } : {}), clients: specs[i]!, concurrency: JOIN_CONCURRENCY, timeoutMs: joinTimeout }, 'joined', joinTimeout + 10_000);
      }),
    );
    const joinAllMs = now() - t0;
    if (screen) frames.push(await screen.stop('lobby: joins'));
    for (const j of joins) if (j.firstError) errors.push(`join: ${j.firstError}`);

    // Answer: each question in turn, in every session at once.
    const samples: AnswerSample[] = [];
    const delays: number[] = [];
    let unseen = 0;
    for (const q of QUESTIONS) {
      await Promise.all(consoles.map((c) => host(c, { type: 'goTo', index: c.agenda.find((a) => a.questionId === q.id)?.index ?? 0 })));
      await Promise.all(consoles.map((c) => host(c, { type: 'openAnswering', questionId: q.id })));
      // The screen shows results as they come in: every view re-renders the chart or the wall.
      if (screen) await host(consoles[0]!, { type: 'setResultsVisible', questionId: q.id, visible: true });
      await screen?.start();
      log(`${target}: answering ${q.id} (${q.kind}) within ${plan.windowMs} ms…`);
      const spec = { questionId: q.id, kind: q.kind, t0: now() + 200, windowMs: plan.windowMs, timeoutMs: ACK_TIMEOUT_MS };
      const replies = await Promise.all(workers.map((w) => w.ask({ type: 'answer', ...spec }, 'answered', plan.windowMs + ACK_TIMEOUT_MS + 10_000)));
      const mine = replies.flatMap((r) => r.samples);
      for (const r of replies) if (r.firstError) errors.push(`${q.id}: ${r.firstError}`);
      await waitForScreens(consoles, q.id, mine);
      if (screen) {
        await screen.waitAnswered(mine.filter((a) => a.session === 0 && a.ok).length);
        frames.push(await screen.stop(`${q.id} (${q.kind}): answers`));
      }
      for (const [s, c] of consoles.entries()) {
        const r = screenDelays(mine.filter((a) => a.session === s), c.views.filter((v) => v.questionId === q.id));
        delays.push(...r.delays);
        unseen += r.unseen;
      }
      samples.push(...mine);
      await Promise.all(consoles.map((c) => host(c, { type: 'closeAnswering', questionId: q.id })));
    }
    if (plan.votes > 0) await screen?.start();
    const voting = plan.votes > 0 ? await votingRound(target, plan, consoles, workers, log) : undefined;
    if (screen && plan.votes > 0) frames.push(await screen.stop('q1-4: dot voting'));
    if (voting?.error) errors.push(voting.error);

    const counts = await Promise.all(workers.map((w) => w.ask({ type: 'counts' }, 'counts', 10_000)));
    const after = await server.stats();
    measured();
    await Promise.all(workers.map((w) => w.ask({ type: 'close' }, 'closed', 30_000)));
    const byEvent: Record<string, number> = {};
    for (const c of counts) for (const [e, n] of Object.entries(c.counts.byEvent)) byEvent[e] = (byEvent[e] ?? 0) + n;
    const bytesByEvent: Record<string, number> = {};
    for (const c of counts) for (const [e, n] of Object.entries(c.counts.bytesByEvent ?? {})) bytesByEvent[e] = (bytesByEvent[e] ?? 0) + n;
    const ok = samples.filter((a) => a.ok);
    return {
      target,
      participants,
      joined: joins.reduce((n, j) => n + j.done, 0),
      joinFailed: joins.reduce((n, j) => n + j.failed, 0),
      joinAllMs,
      joinLatencies: joins.flatMap((j) => j.latencies),
      answers: samples.length,
      answerFailed: samples.length - ok.length,
      ackLatencies: ok.map((a) => a.ack - a.send),
      screenDelays: delays,
      unseen,
      votingMeMs: voting?.meMs ?? [],
      votingMissing: voting?.missing ?? 0,
      votes: voting?.samples.length ?? 0,
      voteFailed: voting?.samples.filter((v) => !v.ok).length ?? 0,
      voteLatencies: voting?.samples.filter((v) => v.ok).map((v) => v.ack - v.send) ?? [],
      before,
      after,
      frames: counts.reduce((n, c) => n + c.counts.frames, 0),
      bytes: counts.reduce((n, c) => n + c.counts.bytes, 0),
      byEvent,
      bytesByEvent,
      screenViews: consoles.reduce((n, c) => n + c.views.length, 0),
      screenFrames: frames,
      errors,
    };
  } finally {
    await screen?.close();
    for (const c of consoles) {
      c.host.disconnect();
      c.screen.disconnect();
    }
    await server.stop();
  }
}

/** Voting on the open-text question: the facilitator opens it, every phone gets its window, votes. */
async function votingRound(target: Target, plan: Plan, consoles: Console[], workers: Worker[], log: (s: string) => void) {
  const q = QUESTIONS.find((x) => x.kind === 'text')!.id;
  const opened = now();
  try {
    await Promise.all(consoles.map((c) => host(c, { type: 'openVoting', questionId: q })));
  } catch (error) {
    return { meMs: [], missing: 0, samples: [], error: `openVoting: ${String(error)} (voting round skipped)` };
  }
  const ready = await Promise.all(workers.map((w) => w.ask({ type: 'awaitVoting', questionId: q, timeoutMs: 30_000 }, 'votingReady', 40_000)));
  log(`${target}: voting on ${q}, ${plan.votes} dots each within ${plan.windowMs} ms…`);
  const spec = { questionId: q, votes: plan.votes, t0: now() + 200, windowMs: plan.windowMs, timeoutMs: ACK_TIMEOUT_MS };
  const replies = await Promise.all(workers.map((w) => w.ask({ type: 'vote', ...spec }, 'voted', plan.windowMs + ACK_TIMEOUT_MS + 10_000)));
  await Promise.all(consoles.map((c) => host(c, { type: 'closeAnswering', questionId: q })));
  const firstError = replies.find((r) => r.firstError)?.firstError;
  return {
    meMs: ready.flatMap((r) => r.meAt.map((t) => t - opened)),
    missing: ready.reduce((n, r) => n + r.missing, 0),
    samples: replies.flatMap((r) => r.samples),
    ...(firstError ? { error: `votes: ${firstError}` } : {}),
  };
}

export async function openConsole(url: string): Promise<Console> {
  const res = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!res.ok) throw new Error(`POST /api/sessions: ${res.status}`);
  const { code, hostToken } = (await res.json()) as { code: string; hostToken: string };
  const opts = { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 10_000 };
  // The code in the URL too, as the app sends it: a load balancer (--cluster) routes by it.
  const host = io(url, { ...opts, query: { code }, auth: { code, as: 'host', token: hostToken } });
  const screen = io(url, { ...opts, query: { code }, auth: { code, as: 'screen' } });
  const c: Console = { code, host, screen, views: [], agenda: [] };
  screen.on('view', (v: { step?: { kind?: string; question?: { id?: string }; answered?: number } | null }) => {
    const step = v.step?.kind === 'question' ? v.step : null;
    c.views.push({ t: now(), questionId: step?.question?.id ?? null, answered: step?.answered ?? 0 });
  });
  const first = new Promise<void>((resolve, reject) => {
    host.once('view', (v: { agenda?: Console['agenda'] }) => {
      c.agenda = v.agenda ?? [];
      resolve();
    });
    host.once('connect_error', reject);
    setTimeout(() => reject(new Error('host: no view within 10 s')), 10_000).unref();
  });
  const screenUp = new Promise<void>((resolve, reject) => {
    screen.once('view', () => resolve());
    screen.once('connect_error', reject);
    setTimeout(() => reject(new Error('screen: no view within 10 s')), 10_000).unref();
  });
  await Promise.all([first, screenUp]);
  return c;
}

export async function host(c: Console, command: Record<string, unknown>): Promise<void> {
  // Client ids are 21–64 URL-safe characters: a short random string is padded.
  const id = `host_${c.code}_${Math.random().toString(36).slice(2, 12).padEnd(10, '0')}`;
  const ack = (await c.host.timeout(ACK_TIMEOUT_MS).emitWithAck('command', { id, command })) as { ok: boolean; error?: unknown };
  if (!ack.ok) throw new Error(`host ${String(command.type)}: ${JSON.stringify(ack.error)}`);
}

/** Waits (bounded) until every screen shows as many answers as its session had acked. */
async function waitForScreens(consoles: Console[], questionId: string, samples: AnswerSample[]): Promise<void> {
  const want = consoles.map((_, s) => samples.filter((a) => a.session === s && a.ok).length);
  const deadline = now() + SETTLE_MS;
  while (now() < deadline) {
    const seen = consoles.every((c, s) => (monotone(c.views.filter((v) => v.questionId === questionId)).at(-1)?.answered ?? 0) >= want[s]!);
    if (seen) return;
    await sleep(50);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
