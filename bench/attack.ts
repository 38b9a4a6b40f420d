// `npm run bench -- --attack`: does a hostile participant slow the others down? Issue 12's
// acceptance: under the multi-socket attack (one token, 100 sockets) and a slow reader, a normal
// phone's answer→ack p99 stays within 2× its baseline, and server memory stays under a bound.
//
// One Rådslag server process; normal phones in this process, each answering, waiting for the
// ack, pausing 100–300 ms, again. First a baseline phase, then the same with the attacker
// (bench/attacker.ts, a process of its own) running: 100 sockets on one participant token
// flooding answers without waiting for acks, refused tabs retrying, and one socket that never
// reads. The server's RSS is sampled every second throughout.
//
// Here the attacker shares the machine's cores with the server (on a venue's network it would
// not), so a third, control phase runs CPU burners (bench/burner.ts) using as much CPU as the
// attacker did, and no attack: attack ÷ control is what the attack costs the server's phones;
// control ÷ baseline is what sharing the machine costs.
import { io, type Socket } from 'socket.io-client';
import type { AttackerToParent, ParentToAttacker } from './attacker.ts';
import type { ParentToBurner } from './burner.ts';
import { host, openConsole } from './harness.ts';
import { percentile, round } from './metrics.ts';
import { forkTs, nextMessage, ServerProc } from './procs.ts';

export type AttackOptions = { phones: number; seconds: number; rounds: number; sockets: number; rssBoundMb: number };
type Phase = { acks: number[]; failed: number; peakRssMb: number; endRssMb: number; loopP99Ms: number; cpuS: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let seq = 0;

function send(s: Socket, command: object): Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> {
  return s.timeout(10_000).emitWithAck('command', { id: `bench_${process.pid}_${++seq}_${Math.random().toString(36).slice(2, 12)}`, command });
}

async function participant(url: string, code: string): Promise<{ socket: Socket; token: string }> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 10_000, auth: { code, as: 'participant' } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const ack = await send(socket, { type: 'join', role: 'citizen' });
  if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack.error)}`);
  return { socket, token: (ack.data as { token: string }).token };
}

/** Normal phones answer for `seconds`; the server's RSS is sampled every second meanwhile. */
async function phase(server: ServerProc, phones: Socket[], seconds: number): Promise<Phase> {
  const acks: number[] = [];
  let failed = 0;
  let peakRssKb = 0;
  let endRssKb = 0;
  let loopP99Ms = 0;
  const first = await server.stats(); // also resets the loop-delay histogram
  const end = performance.now() + seconds * 1000;
  const sampler = (async () => {
    while (performance.now() < end) {
      await sleep(1000);
      const s = await server.stats();
      peakRssKb = Math.max(peakRssKb, s.rssKb);
      endRssKb = s.rssKb;
      loopP99Ms = Math.max(loopP99Ms, s.loopP99Ms);
    }
  })();
  await Promise.all(
    phones.map(async (p) => {
      while (performance.now() < end) {
        const t = performance.now();
        const ack = await send(p, { type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 1 + Math.floor(Math.random() * 5) } }).catch(() => null);
        if (ack?.ok) acks.push(performance.now() - t);
        else failed++;
        await sleep(100 + Math.random() * 200);
      }
    }),
  );
  await sampler;
  const last = await server.stats();
  return {
    acks,
    failed,
    peakRssMb: Math.max(peakRssKb, last.rssKb) / 1024,
    endRssMb: last.rssKb / 1024,
    loopP99Ms: Math.max(loopP99Ms, last.loopP99Ms),
    cpuS: last.cpuS - first.cpuS,
  };
}

/** Pools the phases of several rounds into one. */
function pooled(phases: Phase[]): Phase {
  return {
    acks: phases.flatMap((p) => p.acks),
    failed: phases.reduce((n, p) => n + p.failed, 0),
    peakRssMb: Math.max(...phases.map((p) => p.peakRssMb)),
    endRssMb: phases.at(-1)!.endRssMb,
    loopP99Ms: Math.max(...phases.map((p) => p.loopP99Ms)),
    cpuS: phases.reduce((n, p) => n + p.cpuS, 0),
  };
}

type Report = Extract<AttackerToParent, { type: 'report' }>;

/** One attack: a fresh seat for the flooder and the slow reader, the attacker process, a phase. */
async function attackPhase(server: ServerProc, code: string, phones: Socket[], o: AttackOptions, log: (s: string) => void): Promise<{ phase: Phase; report: Report }> {
  const attackerSeat = await participant(server.url, code);
  const slowSeat = await participant(server.url, code);
  attackerSeat.socket.close();
  slowSeat.socket.close();
  const attacker = forkTs('./attacker.ts');
  await nextMessage<AttackerToParent>(attacker, (m) => m.type === 'ready', 30_000, 'attacker start');
  attacker.send({ type: 'start', url: server.url, code, token: attackerSeat.token, slowToken: slowSeat.token, sockets: o.sockets } satisfies ParentToAttacker);
  await sleep(2000); // the attack in full swing before measuring
  log(`attack running (${o.sockets} sockets on one token + a slow reader); measuring for ${o.seconds} s`);
  const phaseResult = await phase(server, phones, o.seconds);
  const report = nextMessage<AttackerToParent>(attacker, (m) => m.type === 'report', 30_000, 'attacker report');
  attacker.send({ type: 'stop' } satisfies ParentToAttacker);
  return { phase: phaseResult, report: (await report) as Report };
}

export async function runAttack(o: AttackOptions, log: (s: string) => void): Promise<{ summary: Record<string, unknown>; failures: number }> {
  const server = await ServerProc.start('raadslag');
  const c = await openConsole(server.url);
  const step = c.agenda.find((a) => a.questionId === 'q1-1')?.index ?? 0;
  await host(c, { type: 'goTo', index: step });
  await host(c, { type: 'openAnswering', questionId: 'q1-1' });
  const phones: Socket[] = [];
  for (let i = 0; i < o.phones; i++) phones.push((await participant(server.url, c.code)).socket);
  log(`${o.phones} normal phones joined`);

  // Baseline and attack alternate, so that the machine's other load drifts into both alike.
  const baselines: Phase[] = [];
  const attacks: Phase[] = [];
  const reports: Report[] = [];
  for (let round = 1; round <= o.rounds; round++) {
    log(`round ${round}/${o.rounds}: baseline for ${o.seconds} s`);
    baselines.push(await phase(server, phones, o.seconds));
    const { phase: attacked, report } = await attackPhase(server, c.code, phones, o, log);
    attacks.push(attacked);
    reports.push(report);
    await sleep(1000);
  }
  const baseline = pooled(baselines);
  const attacked = pooled(attacks);
  const r = { sent: reports.reduce((n, x) => n + x.sent, 0), refusedHandshakes: reports.reduce((n, x) => n + x.refusedHandshakes, 0), cpuS: reports.reduce((n, x) => n + x.cpuS, 0) };
  const attackSeconds = o.rounds * (o.seconds + 2);
  const attackerCores = r.cpuS / attackSeconds;
  const burners = await Promise.all(
    Array.from({ length: Math.ceil(attackerCores) }, async () => {
      const b = forkTs('./burner.ts');
      await nextMessage<{ type: string }>(b, (m) => m.type === 'ready', 30_000, 'burner start');
      b.send({ type: 'start', duty: attackerCores / Math.ceil(attackerCores) } satisfies ParentToBurner);
      return b;
    }),
  );
  log(`control: burners using ${round(attackerCores, 2)} cores (the attacker's share), no attack; measuring for ${o.seconds} s`);
  await sleep(1000);
  const control = await phase(server, phones, o.seconds);
  for (const b of burners) b.send({ type: 'stop' } satisfies ParentToBurner);
  const finalStats = await server.stats();
  for (const p of phones) p.close();
  c.host.close();
  c.screen.close();
  await server.stop();

  const fig = (p: Phase) => ({ n: p.acks.length, failed: p.failed, p50: round(percentile(p.acks, 50)), p99: round(percentile(p.acks, 99)), peakRssMb: round(p.peakRssMb), loopP99Ms: round(p.loopP99Ms), serverCpuS: round(p.cpuS, 2) });
  const b = fig(baseline);
  const a = fig(attacked);
  const k = fig(control);
  const ratio = round(a.p99 / b.p99, 2);
  const attackCost = round(a.p99 / k.p99, 2);
  const peakRssMb = round(Math.max(baseline.peakRssMb, attacked.peakRssMb, control.peakRssMb, finalStats.rssKb / 1024));
  const summary = {
    scenario: 'attack',
    phones: o.phones,
    seconds: o.seconds,
    rounds: o.rounds,
    attackSockets: o.sockets,
    baseline: b,
    attack: a,
    control: k,
    p99Ratio: ratio,
    p99RatioToControl: attackCost,
    peakRssMb,
    rssBoundMb: o.rssBoundMb,
    attacker: {
      sent: r.sent,
      sentPerS: round(r.sent / attackSeconds),
      refusedHandshakes: r.refusedHandshakes,
      cores: round(attackerCores, 2),
      slowReaderDropped: finalStats.extra.slowDropped ?? null,
    },
  };
  console.log(`\n== attack: ${o.phones} normal phones; one token on ${o.sockets} sockets + one slow reader; ${o.rounds} rounds of ${o.seconds} s per phase ==`);
  const rows: [string, string][] = [
    ['answer → ack p50 / p99, baseline (ms)', `${b.p50} / ${b.p99}  (${b.n} acks, ${b.failed} failed)`],
    ['answer → ack p50 / p99, under attack (ms)', `${a.p50} / ${a.p99}  (${a.n} acks, ${a.failed} failed)`],
    ['answer → ack p50 / p99, control: burners, no attack (ms)', `${k.p50} / ${k.p99}  (${k.n} acks, ${k.failed} failed)`],
    ['p99 under attack ÷ baseline', `${ratio}  (acceptance: ≤ 2)`],
    ['p99 under attack ÷ control (the attack\'s own cost)', String(attackCost)],
    ['server event-loop delay p99, baseline / attack / control (ms)', `${b.loopP99Ms} / ${a.loopP99Ms} / ${k.loopP99Ms}`],
    ['server CPU, baseline / attack / control (s)', `${b.serverCpuS} / ${a.serverCpuS} / ${k.serverCpuS}`],
    ['attacker CPU (cores)', String(summary.attacker.cores)],
    ['server peak RSS (MB)', `${peakRssMb}  (bound: ${o.rssBoundMb})`],
    ['attacker: messages sent (per s)', `${r.sent} (${summary.attacker.sentPerS})`],
    ['attacker: handshakes refused', String(r.refusedHandshakes)],
    ['slow reader let go by the server', String(summary.attacker.slowReaderDropped)],
  ];
  const w = Math.max(...rows.map((x) => x[0].length));
  for (const [label, value] of rows) console.log(`${label.padEnd(w)}  ${value}`);
  const failures = (ratio > 2 ? 1 : 0) + (peakRssMb > o.rssBoundMb ? 1 : 0) + b.failed + a.failed + k.failed;
  return { summary, failures };
}
