// `npm run bench [-- flags]`: the load harness. See bench/README.md for what it does and what
// each figure means. The last line of output is one JSON object.
import { parseArgs } from 'node:util';
import { MAX_SOCKETS_PER_WORKER } from './ipc.ts';
import { runOnce, type Plan, type RunResult } from './harness.ts';
import { percentile, round } from './metrics.ts';
import { killAll, ServerProc, Worker, type BenchServer } from './procs.ts';
import { ClusterProc } from './cluster.ts';
import { runPageLoad } from './page-load.ts';
import { printFrames } from './screen-frames.ts';
import { runAttack } from './attack.ts';

const HARD_LIMIT_MS = 30 * 60_000;
/** --attack: the server's RSS must stay below this (docs/performance.md). */
const ATTACK_RSS_BOUND_MB = 300;

const { values: flags } = parseArgs({
  options: {
    participants: { type: 'string' },
    sessions: { type: 'string' },
    'per-session': { type: 'string' },
    window: { type: 'string' },
    votes: { type: 'string', default: '3' },
    scenario: { type: 'string', default: 'all' },
    'no-floor': { type: 'boolean', default: false },
    'page-load': { type: 'boolean', default: false },
    'no-slow-phones': { type: 'boolean', default: false },
    'slow-runs': { type: 'string', default: '1' },
    'screen-frames': { type: 'boolean', default: false },
    attack: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    phones: { type: 'string' },
    seconds: { type: 'string' },
    sockets: { type: 'string' },
    rounds: { type: 'string' },
    cluster: { type: 'string' },
    spread: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log('npm run bench -- [--scenario plenary|rooms|all] [--participants N] [--sessions S] [--per-session M] [--window MS] [--votes V] [--no-floor] [--screen-frames] [--cpu-prof DIR] [--cluster N [--spread]]');
  console.log('npm run bench -- --page-load [--participants N] [--window MS] [--no-slow-phones] [--slow-runs R]');
  console.log('npm run bench -- --attack [--phones N] [--seconds S] [--rounds R] [--sockets K]');
  process.exit(0);
}

const int = (name: string, raw: string | undefined, fallback: number, max: number): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return n;
};
const plenaryN = int('participants', flags.participants, 3000, 20_000);
// Three windows per run and four runs: a small (smoke) run gets 2 s windows so it ends within a minute.
// --page-load: phones open the page within 30 s (the room scanning the code), unless told otherwise.
const windowMs = int('window', flags.window, flags['page-load'] ? 30_000 : plenaryN < 1000 ? 2000 : 5000, 120_000);
const votes = flags.votes === '0' ? 0 : int('votes', flags.votes, 3, 10);
const roomsS = flags.sessions || flags['per-session'] || !flags.participants ? int('sessions', flags.sessions, 100, 1000) : Math.min(100, Math.ceil(plenaryN / 20));
const roomsM = flags.sessions || flags['per-session'] || !flags.participants ? int('per-session', flags['per-session'], 50, 5000) : Math.max(1, Math.round(plenaryN / roomsS));
if (roomsS * roomsM > 20_000) throw new Error('at most 20,000 participants in the rooms scenario');

// --cluster N: each scenario also on N nodes with PostgreSQL and Redis behind HAProxy (bench/cluster.ts).
// --spread: the cluster's phones connect to its nodes in turn, so most commands are forwarded to
// their workshop's node and its views reach them through the Redis adapter.
const clusterN = flags.cluster === undefined ? 0 : int('cluster', flags.cluster, 3, 16);
const spread = flags.spread;
if (spread && !clusterN) throw new Error('--spread needs --cluster N');

const scenarios: { name: 'plenary' | 'rooms'; plan: Plan }[] = [];
if (!['plenary', 'rooms', 'all'].includes(flags.scenario)) throw new Error('--scenario must be plenary, rooms or all');
// --screen-frames: a Chromium screen on the plenary session (bench/screen-frames.ts).
if (flags.scenario !== 'rooms') scenarios.push({ name: 'plenary', plan: { sessions: 1, perSession: plenaryN, windowMs, votes, screenFrames: flags['screen-frames'], spread } });
if (flags.scenario !== 'plenary') scenarios.push({ name: 'rooms', plan: { sessions: roomsS, perSession: roomsM, windowMs, votes, spread } });

const log = (s: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(1)}s] ${s}`);
const started = Date.now();
const hardStop = setTimeout(() => {
  console.error(`bench: gave up after ${HARD_LIMIT_MS / 60_000} minutes`);
  killAll();
  process.exit(1);
}, HARD_LIMIT_MS);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

type Summary = Record<string, unknown>;

async function main(): Promise<void> {
  if (flags['page-load']) return pageLoad();
  if (flags.attack) return attack();
  const most = Math.max(...scenarios.map((s) => s.plan.sessions * s.plan.perSession));
  // The runs, in order. The first server starts alongside the client workers, each next one
  // once the previous run's figures are taken (during its teardown): no run shares the machine
  // with another server's work.
  const targets = scenarios.flatMap(() => [...(flags['no-floor'] ? [] : ['floor' as const]), 'raadslag' as const, ...(clusterN ? ['cluster' as const] : [])]);
  // --cpu-prof DIR: each Rådslag server writes a V8 CPU profile into DIR/<scenario> (bench/profile-top.ts reads it).
  const profileDirs = scenarios.map((s) => (flags['cpu-prof'] ? `${flags['cpu-prof']}/${s.name}` : undefined));
  let raadslagStarts = 0;
  const start = (target: 'floor' | 'raadslag' | 'cluster') => {
    const p: Promise<BenchServer> = target === 'cluster' ? ClusterProc.start(clusterN) : ServerProc.start(target, target === 'raadslag' ? profileDirs[raadslagStarts++] : undefined);
    p.catch(() => undefined); // reported where it is awaited
    return p;
  };
  let next = start(targets[0]!);
  const workers = await Promise.all(Array.from({ length: Math.ceil(most / MAX_SOCKETS_PER_WORKER) }, () => Worker.start()));
  log(`${workers.length} client worker(s) ready`);
  const summaries: Summary[] = [];
  let failures = 0;
  let k = 0;
  const run = async (plan: Plan) => {
    const starting = next;
    const target = targets[k++]!;
    return runOnce(target === 'cluster' ? 'raadslag' : target, starting, plan, workers, log, () => {
      if (k < targets.length) next = start(targets[k]!);
    });
  };
  for (const { name, plan } of scenarios) {
    const floor = flags['no-floor'] ? undefined : await run(plan);
    const raadslag = await run(plan);
    const cluster = clusterN ? await run(plan) : undefined;
    for (const r of [floor, raadslag, cluster]) if (r) failures += r.joinFailed + r.answerFailed + r.unseen + r.voteFailed + r.votingMissing + r.errors.length;
    printTable(name, plan, raadslag, floor);
    printFrames(raadslag.screenFrames);
    if (!cluster) summaries.push(summarize(name, plan, raadslag, floor));
    else {
      printTable(`${name}, ${clusterN} nodes`, plan, cluster, raadslag, [`${clusterN} nodes`, 'one node']);
      // The same line as a single-node run, for the cluster, with the single node's beside it.
      const d = (k: string) => round((cluster.after.extra[k] ?? 0) - (cluster.before.extra[k] ?? 0), 2);
      const perNode = Array.from({ length: clusterN }, (_, i) => d(`node${i + 1}CpuS`));
      summaries.push({ ...summarize(name, plan, cluster, floor), cluster: { nodes: clusterN, nodeCpuS: perNode, haproxyCpuS: d('haproxyCpuS') }, singleNode: summarize(name, plan, raadslag, floor) });
    }
  }
  killAll();
  for (const s of summaries) console.log(JSON.stringify(s));
  if (summaries.length > 1) console.log(JSON.stringify({ ...summaries[0], rooms: summaries[1] }));
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  clearTimeout(hardStop);
  process.exit(failures ? 1 : 0);
}

/** The join storm: pages and joins at once, then two throttled Chromium phones (bench/page-load.ts). */
async function pageLoad(): Promise<void> {
  const { summary, failures } = await runPageLoad({ participants: plenaryN, windowMs, slowPhones: !flags['no-slow-phones'], slowRuns: int('slow-runs', flags['slow-runs'], 1, 15) }, log);
  killAll();
  console.log(JSON.stringify(summary));
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  clearTimeout(hardStop);
  process.exit(failures ? 1 : 0);
}

/** One token on many sockets and a slow reader against normal phones (bench/attack.ts). */
async function attack(): Promise<void> {
  const options = {
    phones: int('phones', flags.phones, 20, 1000),
    seconds: int('seconds', flags.seconds, 10, 600),
    rounds: int('rounds', flags.rounds, 3, 20),
    sockets: int('sockets', flags.sockets, 100, 1000),
    rssBoundMb: ATTACK_RSS_BOUND_MB,
  };
  const { summary, failures } = await runAttack(options, log);
  killAll();
  console.log(JSON.stringify(summary));
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  clearTimeout(hardStop);
  process.exit(failures ? 1 : 0);
}

function figures(r: RunResult) {
  return {
    joinAllMs: round(r.joinAllMs, 0),
    joinP99Ms: round(percentile(r.joinLatencies, 99)),
    ackP50Ms: round(percentile(r.ackLatencies, 50)),
    ackP99Ms: round(percentile(r.ackLatencies, 99)),
    screenP50Ms: round(percentile(r.screenDelays, 50)),
    screenP99Ms: round(percentile(r.screenDelays, 99)),
    serverCpuS: round(r.after.cpuS - r.before.cpuS, 2),
    serverRssMb: round(r.after.peakRssKb / 1024),
    rssKbPerParticipant: round((r.after.peakRssKb - r.before.rssKb) / r.participants, 2),
    msgsPerParticipant: round(r.frames / r.participants, 2),
    bytesPerParticipant: round(r.bytes / r.participants, 0),
    voteAckP50Ms: round(percentile(r.voteLatencies, 50)),
    voteAckP99Ms: round(percentile(r.voteLatencies, 99)),
    votingMeP99Ms: round(percentile(r.votingMeMs, 99)),
  };
}

function summarize(scenario: string, plan: Plan, r: RunResult, floor?: RunResult): Summary {
  const f = figures(r);
  const g = floor && figures(floor);
  const ratio = (a: number, b: number | undefined) => (b ? round(a / b, 2) : null);
  return {
    scenario,
    participants: r.participants,
    sessions: plan.sessions,
    joinAllMs: f.joinAllMs,
    joinP99Ms: f.joinP99Ms,
    ackP50Ms: f.ackP50Ms,
    ackP99Ms: f.ackP99Ms,
    screenP50Ms: f.screenP50Ms,
    screenP99Ms: f.screenP99Ms,
    serverCpuS: f.serverCpuS,
    serverRssMb: f.serverRssMb,
    rssKbPerParticipant: f.rssKbPerParticipant,
    floor: g
      ? { joinAllMs: g.joinAllMs, ackP99Ms: g.ackP99Ms, screenP99Ms: g.screenP99Ms, serverCpuS: g.serverCpuS, serverRssMb: g.serverRssMb, voteAckP99Ms: g.voteAckP99Ms }
      : null,
    ratio: g
      ? { screenP99: ratio(f.screenP99Ms, g.screenP99Ms), ackP99: ratio(f.ackP99Ms, g.ackP99Ms), cpu: ratio(f.serverCpuS, g.serverCpuS), rss: ratio(f.serverRssMb, g.serverRssMb) }
      : null,
    perSession: plan.perSession,
    windowMs: plan.windowMs,
    votes: plan.votes,
    voteAckP50Ms: f.voteAckP50Ms,
    voteAckP99Ms: f.voteAckP99Ms,
    votingMeP99Ms: f.votingMeP99Ms,
    msgsPerParticipant: f.msgsPerParticipant,
    bytesPerParticipant: f.bytesPerParticipant,
    ...(r.screenFrames.length ? { screenFrames: r.screenFrames } : {}),
    failed: { join: r.joinFailed, answer: r.answerFailed, unseen: r.unseen, vote: r.voteFailed, noVotingWindow: r.votingMissing, errors: r.errors.length },
  };
}

/** `columns`: the two columns' names (default Rådslag against the bare socket.io floor). */
function printTable(name: string, plan: Plan, r: RunResult, floor?: RunResult, columns: [string, string] = ['Rådslag', 'floor']): void {
  const a = figures(r);
  const b = floor && figures(floor);
  const sent = (x: RunResult) => ['host', 'screen', 'participants'].map((k) => (x.after.sent[k] ?? 0) - (x.before.sent[k] ?? 0)).join(' / ');
  const meMs = (x: RunResult) => `${round(percentile(x.votingMeMs, 50))} / ${round(percentile(x.votingMeMs, 99))}`;
  const loop = (x: RunResult) => `${round(x.after.loopP99Ms)} / ${round(x.after.loopMaxMs)}`;
  const commits = (x: RunResult) => {
    const d = (k: string) => (x.after.extra[k] ?? 0) - (x.before.extra[k] ?? 0);
    return `${d('commits')} / ${round(d('commitMs'), 0)} / ${round(x.after.extra.commitMaxMs ?? 0)}`;
  };
  const rows: [string, string | number, string | number | undefined][] = [
    ['participants joined / failed', `${r.joined} / ${r.joinFailed}`, floor && `${floor.joined} / ${floor.joinFailed}`],
    ['join: all done (ms)', a.joinAllMs, b?.joinAllMs],
    ['join: p50 / p99 per client (ms)', `${round(percentile(r.joinLatencies, 50))} / ${a.joinP99Ms}`, floor && `${round(percentile(floor.joinLatencies, 50))} / ${b!.joinP99Ms}`],
    ['answers acked / failed', `${r.answers - r.answerFailed} / ${r.answerFailed}`, floor && `${floor.answers - floor.answerFailed} / ${floor.answerFailed}`],
    ['answer → ack p50 / p99 (ms)', `${a.ackP50Ms} / ${a.ackP99Ms}`, b && `${b.ackP50Ms} / ${b.ackP99Ms}`],
    ['answer → screen p50 / p99 (ms)', `${a.screenP50Ms} / ${a.screenP99Ms}`, b && `${b.screenP50Ms} / ${b.screenP99Ms}`],
    ['answers never seen on a screen', r.unseen, floor?.unseen],
    ['voting window to phones p50 / p99 (ms)', meMs(r), floor && meMs(floor)],
    ['votes acked / failed', `${r.votes - r.voteFailed} / ${r.voteFailed}`, floor && `${floor.votes - floor.voteFailed} / ${floor.voteFailed}`],
    ['vote → ack p50 / p99 (ms)', `${a.voteAckP50Ms} / ${a.voteAckP99Ms}`, b && `${b.voteAckP50Ms} / ${b.voteAckP99Ms}`],
    ['server CPU during the run (s)', a.serverCpuS, b?.serverCpuS],
    ['server peak RSS (MB)', a.serverRssMb, b?.serverRssMb],
    ['RSS growth per participant (KB)', a.rssKbPerParticipant, b?.rssKbPerParticipant],
    ['frames / bytes to each participant', `${a.msgsPerParticipant} / ${a.bytesPerParticipant}`, b && `${b.msgsPerParticipant} / ${b.bytesPerParticipant}`],
    ['views broadcast host/screen/phones', sent(r), floor && sent(floor)],
    ['views received by the screens', r.screenViews, floor?.screenViews],
    ['server event-loop delay p99 / max (ms)', loop(r), floor && loop(floor)],
    ['commits (off the event loop) / ms in them / max ms', commits(r), floor && '–'],
  ];
  const w = Math.max(...rows.map((x) => x[0].length));
  console.log(`\n== ${name}: ${plan.sessions} session(s) × ${plan.perSession} participants, window ${plan.windowMs} ms, ${plan.votes} votes each ==`);
  console.log(`${''.padEnd(w)}  ${columns[0].padStart(16)}  ${(floor ? columns[1] : '').padStart(16)}`);
  for (const [label, x, y] of rows) console.log(`${label.padEnd(w)}  ${String(x).padStart(16)}  ${String(y ?? '').padStart(16)}`);
  const events = Object.entries(r.byEvent).map(([e, n]) => `${e} ${round(n / r.participants, 2)}`).join(', ');
  console.log(`events per participant (Rådslag): ${events}`);
  const bytes = Object.entries(r.bytesByEvent).map(([e, n]) => `${e} ${round(n / r.participants, 0)}`).join(', ');
  console.log(`bytes per participant by event (Rådslag): ${bytes}`);
  for (const e of [...r.errors, ...(floor?.errors ?? []).map((x) => `floor ${x}`)].slice(0, 5)) console.log(`! ${e}`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  killAll();
  process.exit(1);
});
