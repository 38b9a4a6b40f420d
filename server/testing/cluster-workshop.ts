// One workshop of the cluster tests, through the load balancer: a console, a screen and phones
// running the recovery workload (workload.ts), each phase opened when the test says so – so a
// test can take a node away while exactly this workshop's phones answer, or vote. Also what is
// measured: when each phone was acknowledged again after a loss, and the verdict on the stored
// log. Only tests import this module.
import { expect } from 'vitest';
import { seededRandom } from '../../shared/session/actor.ts';
import type { HostView, ScreenView } from '../../shared/session/views.ts';
import type { Store } from '../store/store.ts';
import { TestClient, type Created } from './harness.ts';
import { ResilientClient } from './resilient-client.ts';
import { Q, runPhone, shownBy, sleep, verify, type Phone } from './workload.ts';

export type Phase = 'answering' | 'voting';

export type Workshop = {
  session: Created;
  host: ResilientClient<HostView>;
  phones: Phone[];
  /** When the screen got a view, and how many had answered the text question then. */
  screenViews: { at: number; answered: number }[];
  /** How often the screen's socket connected (1: it never had to reconnect). */
  screenConnects: () => number;
  /** When each phase was opened (the phones start on it then). */
  opened: Partial<Record<Phase, number>>;
  /** The console opens the questions, then the phones answer. */
  openAnswering: () => Promise<void>;
  /** Once every phone's answers are in, the console opens the voting. */
  openVoting: () => Promise<void>;
  joined: Promise<void>;
  work: Promise<unknown>;
  close: () => void;
};

type Gate = { open: () => void; opened: Promise<void> };
function gate(): Gate {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Where each client connects: all through one address (a balancer), or each to a node of its own. */
export type Placement = string | { host: string; screen: string; phone: (i: number) => string };

/** `seed`: the phones' scripts; `pace`: a phone's pause before each command, from and to (ms). */
export function startWorkshop(at: Placement, session: Created, seed: number, phoneCount: number, pace: [number, number]): Workshop {
  const where = typeof at === 'string' ? { host: at, screen: at, phone: () => at } : at;
  const host = new ResilientClient<HostView>(where.host, session.code, 'host', session.hostToken);
  // The room's screen, on the text question: its count moves with every text answer.
  const screen = new ResilientClient<ScreenView>(where.screen, session.code, 'screen');
  const screenViews: Workshop['screenViews'] = [];
  screen.socket.on('view', (v: ScreenView) => screenViews.push({ at: Date.now(), answered: v.step?.kind === 'question' ? (v.step.answered ?? 0) : -1 }));
  let screenConnects = 0;
  screen.socket.on('connect', () => screenConnects++);
  const phones: Phone[] = Array.from({ length: phoneCount }, (_, i) => ({ client: new ResilientClient(where.phone(i), session.code, 'participant'), acked: [] }));
  const [answering, voting, textsIn] = [gate(), gate(), gate()];
  const opened: Workshop['opened'] = {};
  let done = 0;
  const run = (p: Phone, i: number) =>
    runPhone(p, i, seededRandom(seed + i), { textsDone: () => ++done === phoneCount && textsIn.open(), answeringOpen: answering.opened, votingOpen: voting.opened, pace });
  const work = Promise.all(phones.map(run));
  work.catch(() => {});
  const joined = until(() => phones.every((p) => p.participantId !== undefined), `${phoneCount} phones joined in ${session.code}`);
  return {
    session,
    host,
    phones,
    screenViews,
    screenConnects: () => screenConnects,
    opened,
    joined,
    work,
    openAnswering: async () => {
      await host.until(() => host.view !== undefined, 'the console view');
      await host.deliver({ type: 'goTo', index: host.view!.agenda.find((a) => a.questionId === Q.text)!.index });
      for (const questionId of Object.values(Q)) await host.deliver({ type: 'openAnswering', questionId });
      opened.answering = Date.now();
      answering.open();
    },
    openVoting: async () => {
      await textsIn.opened;
      await host.deliver({ type: 'openVoting', questionId: Q.text });
      opened.voting = Date.now();
      voting.open();
    },
    close: () => [host, screen, ...phones.map((p) => p.client)].forEach((c) => c.close()),
  };
}

/** Rejects with the first phone's or console's error in any of `ws` (a refused command, a timeout); never resolves. */
export function firstFailure(ws: readonly Workshop[]): Promise<never> {
  const failed = Promise.race(ws.map((w) => w.work.then(() => new Promise<never>(() => {}))));
  failed.catch(() => {});
  return failed;
}

export const acks = (w: Workshop, type?: string) => w.phones.reduce((n, p) => n + p.acked.filter((a) => !type || a.delivered.command.type === type).length, 0);

export async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * Acks already on their way when a node went arrive within milliseconds; an ack from the next
 * owner cannot come sooner than a lease expires, so the first 200 ms after a loss are not counted.
 */
const IN_FLIGHT_MS = 200;

/** Whether the phone had work of an open phase left at `at` (acknowledged later than in flight). */
function busyAt(w: Workshop, p: Phone, at: number): boolean {
  const after = at + IN_FLIGHT_MS;
  const answering = w.opened.answering !== undefined && w.opened.answering <= at && (p.answeredAt ?? Infinity) > after;
  const voting = w.opened.voting !== undefined && w.opened.voting <= at && (p.doneAt ?? Infinity) > after;
  return answering || voting;
}

/**
 * Per phone that had work left when the workshop's node went at `at`: how long until its next
 * ack (ms). Read once the work is done: every such phone has a next ack then.
 */
export function backAfter(w: Workshop, at: number): number[] {
  return w.phones.flatMap((p) => {
    if (!busyAt(w, p, at)) return [];
    const next = p.acked.find((a) => a.at > at + IN_FLIGHT_MS);
    return next ? [next.at - at] : [Infinity];
  });
}

/** Whether any phone was acknowledged after the loss at `at` (the workshop runs again somewhere). */
export const backAtAll = (w: Workshop, at: number) => w.phones.some((p) => p.acked.some((a) => a.at > at + IN_FLIGHT_MS));

/** The screen got a view after the loss at `at`. */
export const screenAfter = (w: Workshop, at: number) => w.screenViews.some((v) => v.at > at + IN_FLIGHT_MS);

export const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

/**
 * The verdict on a finished workshop, from the store and from a console through the balancer:
 * contiguous seqs, and verify's (every ack stored once, no duplicates, results = a recount).
 */
export async function verdict(url: string, store: Store, w: Workshop) {
  const viewer = await TestClient.connect<HostView>(url, { code: w.session.code, as: 'host', token: w.session.hostToken });
  const shown = await shownBy(viewer);
  viewer.close();
  const rows = await store.loadEvents(w.session.code);
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  return verify(rows, w.phones, shown, w.phones.length);
}
