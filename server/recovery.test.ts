// Recovery under a hard crash: 100 phones join, answer and vote continuously against a server in
// a child process; the server is SIGKILLed at a seeded random moment and restarted on the same
// DATA_DIR and port; the phones reconnect and resend what was not acknowledged, with the same ids, and
// finish. Then, read straight from SQLite: every acknowledged command is in the log exactly once,
// nothing is doubled, and the console's aggregates equal a recount of the raw answer events.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JoinResult, SubmitResult } from '../shared/protocol.ts';
import { seededRandom } from '../shared/session/actor.ts';
import type { SessionEvent } from '../shared/session/events.ts';
import type { HostView, MeView } from '../shared/session/views.ts';
import type { Results } from '../shared/session/results.ts';
import { spawnServer, type ChildServer } from './testing/child-server.ts';
import { ResilientClient, type Command, type Delivered } from './testing/resilient-client.ts';
import { REPO, TestClient, createSession, tempDataDir, type Created } from './testing/harness.ts';
import { storedLog } from './testing/stored.ts';
import { readConfig } from './config.ts';
import { startServer, type RunningServer } from './server.ts';

const BASE_SEED = Number(process.env.RECOVERY_SEED ?? Math.floor(Math.random() * 1e6));
const SEEDS = [BASE_SEED, BASE_SEED + 1, BASE_SEED + 2];
const PHONES = 100;
const Q = { scale: 'q1-1', number: 'q1-2', text: 'q1-4' } as const;

type Phone = { client: ResilientClient; participantId?: string; acked: { key: string; delivered: Delivered }[] };
type Figures = { seed: number; ms: number; killedAtMs: number; acknowledged: number; found: number; duplicates: number; resends: number; duplicateAcks: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A phone's work: join, a shuffled mix of answers, then (once voting opens) dots, then more answers. */
function scriptOf(random: () => number, phone: number): { before: Command[]; after: Command[] } {
  const before: Command[] = [];
  // Every text is unique by construction (phone, number, a random tail), so two equal texts in the
  // log can only be one answer stored twice. (Random texts alone collided: seeds seed·1000+i give
  // correlated mulberry32 streams, and seed 633932 made 18 pairs of equal texts on 100 phones.)
  for (let i = 0; i < 3; i++) before.push({ type: 'submitAnswer', questionId: Q.text, answer: { kind: 'text', text: `svar ${phone}.${i} ${Math.floor(random() * 1e9).toString(36)}` } });
  for (let i = 0, n = 3 + Math.floor(random() * 5); i < n; i++) {
    const v = Math.floor(random() * 6);
    before.push({ type: 'submitAnswer', questionId: Q.scale, answer: v === 0 ? { kind: 'dontKnow' } : { kind: 'scale', value: v } });
  }
  for (let i = 0, n = 2 + Math.floor(random() * 3); i < n; i++) before.push({ type: 'submitAnswer', questionId: Q.number, answer: { kind: 'number', value: Math.floor(random() * 501) } });
  for (let i = before.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [before[i], before[j]] = [before[j]!, before[i]!];
  }
  const after: Command[] = [{ type: 'submitAnswer', questionId: Q.scale, answer: { kind: 'scale', value: 1 + Math.floor(random() * 5) } }];
  return { before, after };
}

async function runPhone(phone: Phone, index: number, random: () => number, textsDone: () => void, votingOpen: Promise<void>): Promise<void> {
  const pace = () => sleep(15 + random() * 60);
  const record = (d: Delivered) => {
    if (!d.ack.ok) throw new Error(`${d.command.type} refused: ${JSON.stringify(d.ack)}`);
    const actor = d.command.type === 'join' ? 'guest' : phone.participantId!;
    phone.acked.push({ key: `${actor}:${d.id}`, delivered: d });
  };
  const joined = await phone.client.deliver({ type: 'join', role: random() < 0.5 ? 'citizen' : 'employee' });
  record(joined);
  const data = (joined.ack as { data: JoinResult }).data;
  phone.participantId = data.participantId;
  phone.client.token = data.token;
  const { before, after } = scriptOf(random, index);
  for (const command of before) {
    await pace();
    record(await phone.client.deliver(command));
  }
  textsDone();
  await votingOpen;
  // The phone's window of answers comes in its own view (`me`), again after every reconnect.
  const sampleOf = (me: MeView | null | undefined) => me?.voting.find((v) => v.questionId === Q.text)?.sample;
  await phone.client.until(() => sampleOf(phone.client.me) !== undefined, 'the voting window');
  const sample = sampleOf(phone.client.me)!;
  const dots = new Map<string, number>();
  for (let i = 0; i < 3 && sample.length > 0; i++) {
    const pick = sample[Math.floor(random() * sample.length)]!.id;
    if ((dots.get(pick) ?? 0) >= 2) continue;
    dots.set(pick, (dots.get(pick) ?? 0) + 1);
    await pace();
    record(await phone.client.deliver({ type: 'castVote', questionId: Q.text, answerId: pick }));
  }
  for (const command of after) {
    await pace();
    record(await phone.client.deliver(command));
  }
}

/** The aggregates recounted from the raw events, the way a person would with the log in hand. */
function recount(events: SessionEvent[]) {
  const scale = new Map<string, number | 'dk'>();
  const numbers = new Map<string, number>();
  const texts = new Map<string, string>(); // answer id → participant
  const votes = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'answerSubmitted' && e.questionId === Q.scale) scale.set(e.participantId, e.answer.kind === 'scale' ? e.answer.value : 'dk');
    if (e.type === 'answerSubmitted' && e.questionId === Q.number && e.answer.kind === 'number') numbers.set(e.participantId, e.answer.value);
    if (e.type === 'answerSubmitted' && e.questionId === Q.text) texts.set(e.answerId, e.participantId);
    if (e.type === 'answerWithdrawn' && e.questionId === Q.text) texts.delete(e.answerId);
    if (e.type === 'voteCast') votes.set(e.answerId, (votes.get(e.answerId) ?? 0) + 1);
    if (e.type === 'voteRetracted') votes.set(e.answerId, (votes.get(e.answerId) ?? 0) - 1);
  }
  const sorted = [...numbers.values()].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { scale: [...scale.values()], numbers: sorted, median, texts, votes };
}

async function resultsOf(host: TestClient<HostView>, questionId: string): Promise<Results> {
  const index = host.view!.agenda.find((a) => a.questionId === questionId)!.index;
  await host.must({ type: 'goTo', index });
  const view = await host.waitForView((v) => v.cursor === index && v.results !== null, `the results of ${questionId}`);
  return view.results!;
}

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
    const work = Promise.all(phones.map((p, i) => runPhone(p, i, seededRandom(seed * 1000 + i), () => ++done === PHONES && allTexts(), votingOpen)));
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
    const shown = { scale: await resultsOf(viewer, Q.scale), number: await resultsOf(viewer, Q.number), text: await resultsOf(viewer, Q.text), participants: viewer.view!.participants };
    viewer.close();
    host.close();
    for (const p of phones) p.client.close();
    await restarted.close();
    restarted = undefined;

    const rows = await storedLog(dataDir, session.code);
    const perKey = new Map<string, number>();
    for (const r of rows) if (r.clientKey) perKey.set(r.clientKey, (perKey.get(r.clientKey) ?? 0) + 1);
    const events: SessionEvent[] = rows.map((r) => r.event);

    const acked = phones.flatMap((p) => p.acked);
    const found = acked.filter((a) => perKey.has(a.key)).length;
    const doubledKeys = [...perKey.values()].filter((n) => n > 1).length;
    const textCounts = new Map<string, number>();
    for (const e of events) if (e.type === 'answerSubmitted' && e.answer.kind === 'text') textCounts.set(e.answer.text, (textCounts.get(e.answer.text) ?? 0) + 1);
    const doubledTexts = [...textCounts.values()].filter((n) => n > 1).length;
    const joins = events.filter((e) => e.type === 'participantJoined').length;
    const figures: Figures = {
      seed,
      ms: Date.now() - t0,
      killedAtMs,
      acknowledged: acked.length,
      found,
      duplicates: doubledKeys + doubledTexts + Math.max(0, joins - PHONES),
      resends: phones.reduce((n, p) => n + p.client.resends, 0) + host.resends,
      duplicateAcks: acked.filter((a) => a.delivered.ack.ok && a.delivered.ack.duplicate).length,
    };
    console.log(
      `[recovery] seed ${seed}: SIGKILL at ${killedAtMs} ms; commands acknowledged ${figures.acknowledged}, found ${figures.found}, ` +
        `duplicates ${figures.duplicates}; resent ${figures.resends} (${figures.duplicateAcks} were already on disk: acked as duplicates); ${figures.ms} ms`,
    );

    // Every acknowledged command is in the log exactly once; nothing is doubled.
    expect(found).toBe(acked.length);
    for (const a of acked) expect(perKey.get(a.key), a.key).toBe(1);
    expect(figures.duplicates).toBe(0);
    expect(shown.participants).toBe(PHONES);
    // Every acknowledged text answer is one of the answers in the log.
    const count = recount(events);
    for (const a of acked) if (a.delivered.command.type === 'submitAnswer' && a.delivered.ack.ok) expect(a.delivered.ack.data).toMatchObject({ answerId: expect.any(String) });
    const ackedTextIds = acked.filter((a) => (a.delivered.command as { questionId?: string }).questionId === Q.text && a.delivered.command.type === 'submitAnswer').map((a) => ((a.delivered.ack as { data: SubmitResult }).data.answerId));
    for (const id of ackedTextIds) expect(count.texts.has(id), id).toBe(true);
    expect(count.texts.size).toBe(PHONES * 3);

    // The console's aggregates equal the recount.
    expect(shown.scale).toMatchObject({ type: 'scale', n: count.scale.filter((v) => v !== 'dk').length, dontKnow: count.scale.filter((v) => v === 'dk').length });
    if (shown.scale.type === 'scale') for (const bar of shown.scale.bars) expect(bar.count, `bar ${bar.label}`).toBe(count.scale.filter((v) => v === bar.from).length);
    expect(shown.number).toMatchObject({ type: 'number', n: count.numbers.length, min: count.numbers[0], max: count.numbers[count.numbers.length - 1], median: count.median });
    expect(shown.text).toMatchObject({ type: 'text', n: count.texts.size, respondents: new Set(count.texts.values()).size });
    if (shown.text.type === 'text') for (const a of shown.text.answers) expect(a.votes ?? 0, `votes on ${a.id}`).toBe(count.votes.get(a.id) ?? 0);
    const votesAcked = acked.filter((a) => a.delivered.command.type === 'castVote').length;
    expect([...count.votes.values()].reduce((a, b) => a + b, 0)).toBe(votesAcked);
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
