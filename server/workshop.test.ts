// A walking-skeleton workshop on a real server: 24 real socket.io phones of every role, a host and
// a screen. The host steps to a scale, a number and a text question, everyone answers, and the
// views carry the exact (hand-computed) aggregates; the screen sees results only once revealed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type AnswerValue, type JoinResult } from '../shared/protocol.ts';
import type { Results } from '../shared/session/results.ts';
import type { HostView, ParticipantView, ScreenView } from '../shared/session/views.ts';
import { Harness, inBatches, stepIndex, type Created, type TestClient } from './testing/harness.ts';

const N = 24;
const DK: AnswerValue = { kind: 'dontKnow' };
const s = (value: number): AnswerValue => ({ kind: 'scale', value });
/** Final scale answers: 3×1, 5×2, 3×3, 6×4, 5×5, 2×Ved ikke → n 22, median (3+4)/2 = 3.5. */
const SCALE: AnswerValue[] = [1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5].map(s).concat([DK, DK]);
/** Number answers over 0..500: sorted, the 12th and 13th are 25 and 30 → median 27.5; bins of 100. */
const NUMBERS = [0, 3, 5, 5, 8, 10, 12, 12, 15, 20, 20, 25, 30, 40, 50, 60, 75, 100, 120, 150, 200, 250, 400, 500];

let h: Harness;
let session: Created;
let host: TestClient<HostView>;
let screen: TestClient<ScreenView>;
let phones: TestClient<ParticipantView>[] = [];
const joined: JoinResult[] = [];

const hostResults = (pred: (r: Results) => boolean, what: string) =>
  host.waitForView((v) => v.results !== null && pred(v.results), what).then((v) => v.results!);
const counts = (r: Results) => ('bars' in r ? r.bars.map((b) => b.count) : []);

async function goToAndOpen(questionId: string): Promise<void> {
  const index = stepIndex(host.view!, questionId);
  await host.must({ type: 'goTo', index });
  await host.must({ type: 'openAnswering', questionId });
  await host.waitForView((v) => v.cursor === index && v.step?.kind === 'question' && v.step.phase === 'open', `${questionId} open`);
}

beforeAll(async () => {
  h = await Harness.start();
  session = await h.createSession();
  host = await h.host(session);
  screen = await h.screen(session);
  phones = await Promise.all(Array.from({ length: N }, () => h.participant(session)));
  const results = await Promise.all(
    phones.map((p, i) => p.must<JoinResult>({ type: 'join', role: ROLES[i % ROLES.length], ...(i % 3 === 0 ? { name: `Deltager ${i}` } : {}) })),
  );
  joined.push(...results);
});
afterAll(async () => {
  await h?.close();
});

describe('a workshop with 24 phones', () => {
  it('everyone joins: distinct ids and tokens, counted by role; hello tells each its audience', async () => {
    expect(new Set(joined.map((j) => j.participantId)).size).toBe(N);
    expect(new Set(joined.map((j) => j.token)).size).toBe(N);
    const v = await host.waitForView((x) => x.participants === N, '24 participants');
    expect(v.roleCounts).toEqual(Object.fromEntries(ROLES.map((r) => [r, N / ROLES.length])));
    await screen.waitForView((x) => x.participants === N, 'screen: 24 participants');
    expect(host.hello?.audience).toBe('host');
    expect(screen.hello?.audience).toBe('screen');
    expect(phones[0]!.hello?.audience).toBe('participant');
    for (const [i, p] of phones.entries()) {
      await p.waitForMe((me) => me.participantId === joined[i]!.participantId, `me of phone ${i}`);
    }
    expect(phones[3]!.me).toMatchObject({ name: 'Deltager 3', role: ROLES[3], answers: {} });
  });

  it('scale: exact n, Ved ikke, median and bars on the host; the screen sees nothing until revealed', async () => {
    await goToAndOpen('q1-1');
    // Phone 0 first says 5 and then changes its mind: only the last answer counts.
    await phones[0]!.must({ type: 'submitAnswer', questionId: 'q1-1', answer: s(5) });
    await inBatches(phones, 8, (p, i) => p.must({ type: 'submitAnswer', questionId: 'q1-1', answer: SCALE[i] }));
    const r = await hostResults((x) => x.type === 'scale' && x.n === 22 && x.dontKnow === 2, 'scale results');
    expect(r).toMatchObject({ type: 'scale', n: 22, dontKnow: 2, median: 3.5 });
    expect(counts(r)).toEqual([3, 5, 3, 6, 5]);
    expect(host.view!.step).toMatchObject({ kind: 'question', answered: N });

    const hidden = await screen.waitForView((v) => v.step?.kind === 'question' && v.step.question.id === 'q1-1', 'screen on q1-1');
    expect(hidden.results).toBeNull();
    expect(phones[5]!.view!.results).toBeNull();

    await host.must({ type: 'setResultsVisible', questionId: 'q1-1', visible: true });
    const shown = await screen.waitForView((v) => v.results !== null, 'screen results');
    expect(shown.results).toEqual(r);
    const phoneView = await phones[5]!.waitForView((v) => v.results !== null, 'phone results');
    expect(phoneView.results).toEqual(r);
    expect(phoneView).not.toHaveProperty('participants');
    expect(JSON.stringify(phoneView)).not.toContain('"answered"');
    await phones[0]!.waitForMe((me) => me.answers['q1-1']?.length === 1 && me.answers['q1-1'][0]!.answer.kind === 'scale');
    expect(phones[0]!.me!.answers['q1-1']![0]!.answer).toEqual(s(1));
  });

  it('number: exact n, median, min, max and bins', async () => {
    await goToAndOpen('q1-2');
    const shownBefore = await screen.waitForView((v) => v.step?.kind === 'question' && v.step.question.id === 'q1-2', 'screen on q1-2');
    expect(shownBefore.results).toBeNull();
    await inBatches(phones, 8, (p, i) => p.must({ type: 'submitAnswer', questionId: 'q1-2', answer: { kind: 'number', value: NUMBERS[i] } }));
    const r = await hostResults((x) => x.type === 'number' && x.n === N, 'number results');
    expect(r).toMatchObject({ type: 'number', n: 24, median: 27.5, min: 0, max: 500 });
    expect('bars' in r && r.bars.map((b) => b.label)).toEqual(['0–99', '100–199', '200–299', '300–399', '400–500']);
    expect(counts(r)).toEqual([17, 3, 2, 0, 2]);
    await host.must({ type: 'setResultsVisible', questionId: 'q1-2', visible: true });
    expect((await screen.waitForView((v) => v.results !== null, 'number on screen')).results).toEqual(r);
  });

  it('text: several answers each up to three, counted exactly; a fourth is refused', async () => {
    await goToAndOpen('q1-4');
    await inBatches(phones, 8, (p, i) => p.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `Svar ${i}` } }));
    await inBatches(phones.slice(0, 4), 4, (p, i) => p.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `Andet svar ${i}` } }));
    await phones[0]!.must({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: '  Tredje svar  ' } });
    const fourth = await phones[0]!.send({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: 'Fjerde' } });
    expect(fourth).toMatchObject({ ok: false, error: { code: 'too_many_answers' } });

    const r = await hostResults((x) => x.type === 'text' && x.n === N + 5, 'text results');
    expect(r).toMatchObject({ type: 'text', n: 29, respondents: 24 });
    const texts = r.type === 'text' ? r.answers.map((a) => a.text).sort() : [];
    const expected = [...phones.map((_, i) => `Svar ${i}`), ...[0, 1, 2, 3].map((i) => `Andet svar ${i}`), 'Tredje svar'].sort();
    expect(texts).toEqual(expected);
    expect((await screen.waitForView((v) => v.step?.kind === 'question' && v.step.question.id === 'q1-4')).results).toBeNull();
    const me = await phones[0]!.waitForMe((m) => m.answers['q1-4']?.length === 3, 'three texts in me');
    expect(me.answers['q1-4']!.map((a) => a.answer)).toEqual(
      ['Svar 0', 'Andet svar 0', 'Tredje svar'].map((text) => ({ kind: 'text', text })),
    );
  });

  it('the JSON summary over HTTP holds the same figures', async () => {
    const res = await fetch(`${h.url}/api/sessions/${session.code}/summary?format=json`, {
      headers: { authorization: `Bearer ${session.hostToken}` },
    });
    type Q = { id: string; n: number; dontKnow: number; respondents: number; figures: { median: number } | null; bars: { count: number }[]; answers: unknown[] };
    const summary = (await res.json()) as { participants: { total: number }; themes: { questions: Q[] }[] };
    const q = (id: string) => summary.themes.flatMap((t) => t.questions).find((x) => x.id === id)!;
    expect(summary.participants.total).toBe(N);
    expect(q('q1-1')).toMatchObject({ n: 22, dontKnow: 2, respondents: 24, figures: { median: 3.5 } });
    expect(q('q1-1').bars.map((b) => b.count)).toEqual([3, 5, 3, 6, 5]);
    expect(q('q1-2')).toMatchObject({ n: 24, respondents: 24, figures: { median: 27.5 } });
    expect(q('q1-2').bars.map((b) => b.count)).toEqual([17, 3, 2, 0, 2]);
    expect(q('q1-4')).toMatchObject({ n: 29, respondents: 24 });
    expect(q('q1-4').answers).toHaveLength(29);
    expect(JSON.stringify(summary)).not.toMatch(/Deltager \d/);
  });

  it('no view any client received holds a participant token', async () => {
    const tokens = joined.map((j) => j.token);
    const json = JSON.stringify([host.view, screen.view, ...phones.map((p) => [p.view, p.me])]);
    for (const t of tokens) expect(json).not.toContain(t);
    expect(JSON.stringify([screen.view, ...phones.map((p) => p.view)])).not.toContain(session.hostToken);
    expect(JSON.stringify([screen.view, ...phones.map((p) => p.view)])).not.toMatch(/Deltager \d/);
  });
});
