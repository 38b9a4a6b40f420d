// The recovery tests' workload and its verdict, shared by the one-server crash test
// (recovery.test.ts) and the cluster's failover test (cluster/cluster.test.ts): phones that join,
// answer a scale, a number and a text question, then vote on the texts and answer again – each
// command resent with the same id until acknowledged – and the checks made on the stored log
// afterwards. Only tests import this module.
import { expect } from 'vitest';
import type { JoinResult, SubmitResult } from '../../shared/protocol.ts';
import type { SessionEvent } from '../../shared/session/events.ts';
import type { HostView, MeView } from '../../shared/session/views.ts';
import type { Results } from '../../shared/session/results.ts';
import type { EventRow } from '../store/store.ts';
import type { Command, Delivered, ResilientClient } from './resilient-client.ts';
import type { TestClient } from './harness.ts';

export const Q = { scale: 'q1-1', number: 'q1-2', text: 'q1-4' } as const;

/**
 * `acked`: every command the server acknowledged, with its log key and when the ack came.
 * `answeredAt`, `doneAt`: when its answers before the voting, and all its work, were acknowledged.
 */
export type Phone = { client: ResilientClient; participantId?: string; acked: { key: string; delivered: Delivered; at: number }[]; answeredAt?: number; doneAt?: number };

/**
 * When a phone moves on. `textsDone`: called once its answers are in; `answeringOpen`: it answers
 * once this resolves (default at once, after joining); `votingOpen`: it votes once this resolves.
 * `pace`: the pause before each command, from and to (ms): a person's speed is far slower.
 */
export type PhoneGates = { textsDone: () => void; votingOpen: Promise<void>; answeringOpen?: Promise<void>; pace?: [number, number] };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A phone's work: join, a shuffled mix of answers, then (once voting opens) dots, then more answers. */
export function scriptOf(random: () => number, phone: number): { before: Command[]; after: Command[] } {
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

export async function runPhone(phone: Phone, index: number, random: () => number, gates: PhoneGates): Promise<void> {
  const { textsDone, votingOpen, answeringOpen, pace = [15, 75] } = gates;
  const wait = () => sleep(pace[0] + random() * (pace[1] - pace[0]));
  const record = (d: Delivered) => {
    if (!d.ack.ok) throw new Error(`${d.command.type} refused: ${JSON.stringify(d.ack)}`);
    const actor = d.command.type === 'join' ? 'guest' : phone.participantId!;
    phone.acked.push({ key: `${actor}:${d.id}`, delivered: d, at: Date.now() });
  };
  const joined = await phone.client.deliver({ type: 'join', role: random() < 0.5 ? 'citizen' : 'employee' });
  record(joined);
  const data = (joined.ack as { data: JoinResult }).data;
  phone.participantId = data.participantId;
  phone.client.token = data.token;
  const { before, after } = scriptOf(random, index);
  await answeringOpen;
  for (const command of before) {
    await wait();
    record(await phone.client.deliver(command));
  }
  phone.answeredAt = Date.now();
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
    await wait();
    record(await phone.client.deliver({ type: 'castVote', questionId: Q.text, answerId: pick }));
  }
  for (const command of after) {
    await wait();
    record(await phone.client.deliver(command));
  }
  phone.doneAt = Date.now();
}

/** The aggregates recounted from the raw events, the way a person would with the log in hand. */
export function recount(events: SessionEvent[]) {
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

export async function resultsOf(host: TestClient<HostView>, questionId: string): Promise<Results> {
  const index = host.view!.agenda.find((a) => a.questionId === questionId)!.index;
  await host.must({ type: 'goTo', index });
  const view = await host.waitForView((v) => v.cursor === index && v.results !== null, `the results of ${questionId}`);
  return view.results!;
}


/** What the console showed at the end: each question's results and the participant count. */
export type Shown = { scale: Results; number: Results; text: Results; participants: number };

/** The console's results of the three questions, stepping to each (the host may be a resilient client's view). */
export async function shownBy(host: TestClient<HostView>): Promise<Shown> {
  return { scale: await resultsOf(host, Q.scale), number: await resultsOf(host, Q.number), text: await resultsOf(host, Q.text), participants: host.view!.participants };
}

/**
 * The verdict on one workshop's stored log: every acknowledged command in it exactly once,
 * nothing doubled, every acknowledged text and vote there, and the console's aggregates equal
 * to a recount of the raw events. Returns the counts for the figures.
 */
export function verify(rows: readonly EventRow[], phones: readonly Phone[], shown: Shown, expectedPhones: number) {
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
  const counts = {
    acknowledged: acked.length,
    found,
    duplicates: doubledKeys + doubledTexts + Math.max(0, joins - expectedPhones),
    resends: phones.reduce((n, p) => n + p.client.resends, 0),
    duplicateAcks: acked.filter((a) => a.delivered.ack.ok && a.delivered.ack.duplicate).length,
  };

  // Every acknowledged command is in the log exactly once; nothing is doubled.
  expect(found).toBe(acked.length);
  for (const a of acked) expect(perKey.get(a.key), a.key).toBe(1);
  expect(counts.duplicates).toBe(0);
  expect(shown.participants).toBe(expectedPhones);
  // Every acknowledged text answer is one of the answers in the log.
  const count = recount(events);
  for (const a of acked) if (a.delivered.command.type === 'submitAnswer' && a.delivered.ack.ok) expect(a.delivered.ack.data).toMatchObject({ answerId: expect.any(String) });
  const ackedTextIds = acked.filter((a) => (a.delivered.command as { questionId?: string }).questionId === Q.text && a.delivered.command.type === 'submitAnswer').map((a) => ((a.delivered.ack as { data: SubmitResult }).data.answerId));
  for (const id of ackedTextIds) expect(count.texts.has(id), id).toBe(true);
  expect(count.texts.size).toBe(expectedPhones * 3);

  // The console's aggregates equal the recount.
  expect(shown.scale).toMatchObject({ type: 'scale', n: count.scale.filter((v) => v !== 'dk').length, dontKnow: count.scale.filter((v) => v === 'dk').length });
  if (shown.scale.type === 'scale') for (const bar of shown.scale.bars) expect(bar.count, `bar ${bar.label}`).toBe(count.scale.filter((v) => v === bar.from).length);
  expect(shown.number).toMatchObject({ type: 'number', n: count.numbers.length, min: count.numbers[0], max: count.numbers[count.numbers.length - 1], median: count.median });
  expect(shown.text).toMatchObject({ type: 'text', n: count.texts.size, respondents: new Set(count.texts.values()).size });
  if (shown.text.type === 'text') for (const a of shown.text.answers) expect(a.votes ?? 0, `votes on ${a.id}`).toBe(count.votes.get(a.id) ?? 0);
  const votesAcked = acked.filter((a) => a.delivered.command.type === 'castVote').length;
  expect([...count.votes.values()].reduce((a, b) => a + b, 0)).toBe(votesAcked);
  return counts;
}
