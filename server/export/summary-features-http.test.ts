// The summary's newer content end to end over HTTP: notes, decisions and actions survive a
// restart on the same data folder and come back in the JSON summary; a re-vote's two rounds are
// both in it.
import { afterAll, describe, expect, it } from 'vitest';
import { SET } from '../../shared/session/test-fixtures.ts';
import type { Summary, SummaryQuestion } from '../../shared/summary/summary.ts';
import { Harness, stepIndex, tempDataDir, type Created } from '../testing/harness.ts';

const running = new Set<Harness>();
afterAll(async () => {
  for (const h of running) await h.close().catch(() => {});
});
async function start(dataDir?: string): Promise<Harness> {
  const h = await Harness.start(dataDir);
  running.add(h);
  return h;
}
async function stop(h: Harness): Promise<void> {
  running.delete(h);
  await h.close();
}
async function summaryOf(h: Harness, s: Created): Promise<Summary> {
  const res = await fetch(`${h.url}/api/sessions/${s.code}/summary?format=json`, { headers: { authorization: `Bearer ${s.hostToken}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Summary;
}
const question = (s: Summary, id: string): SummaryQuestion => s.themes.flatMap((t) => t.questions).find((q) => q.id === id)!;

describe('the JSON summary over HTTP', () => {
  it('keeps notes, decisions and actions across a server restart', async () => {
    const dataDir = tempDataDir();
    let h = await start(dataDir);
    const session = await h.createSession();
    const host = await h.host(session);
    const themeId = SET.themes[0]!.id; // the built-in set, which a session gets by default
    await host.must({ type: 'addNote', scope: { kind: 'question', questionId: 'q1-1' }, kind: 'action', text: 'Skriv et udkast', who: 'Sekretariatet', due: '2025-04-01' });
    await host.must({ type: 'addNote', scope: { kind: 'theme', themeId }, kind: 'decision', text: 'Færre mål' });
    await host.must({ type: 'addNote', scope: { kind: 'session' }, kind: 'note', text: 'Holdt i byrådssalen' });
    await host.must({ type: 'addNote', scope: { kind: 'session' }, kind: 'parking', text: 'Budgettet' });
    const before = await summaryOf(h, session);
    await stop(h);

    h = await start(dataDir);
    const after = await summaryOf(h, session);
    expect(after).toEqual(before);
    const action = { kind: 'action', text: 'Skriv et udkast', who: 'Sekretariatet', due: '2025-04-01', scope: { kind: 'question', themeId, questionId: 'q1-1', number: '1.1' } };
    expect(question(after, 'q1-1').notes).toEqual([action]);
    expect(after.actions).toEqual([action]);
    expect(after.themes[0]!.notes).toEqual([{ kind: 'decision', text: 'Færre mål', scope: { kind: 'theme', themeId, number: '1' } }]);
    expect(after.keyPoints[0]!.decisions.map((d) => d.text)).toEqual(['Færre mål']);
    expect(after.notes).toEqual([{ kind: 'note', text: 'Holdt i byrådssalen', scope: { kind: 'session' } }]);
    expect(after.parkingLot).toEqual([{ kind: 'parking', text: 'Budgettet', scope: { kind: 'session' } }]);
  });

  it('holds both rounds of a re-vote', async () => {
    const h = await start();
    const session = await h.createSession();
    const host = await h.host(session);
    await host.must({ type: 'goTo', index: stepIndex(host.view!, 'q1-1') });
    await host.must({ type: 'openAnswering', questionId: 'q1-1' });
    const phones = await Promise.all(Array.from({ length: 5 }, () => h.participant(session)));
    for (const [i, phone] of phones.entries()) {
      await phone.must({ type: 'join', role: i < 3 ? 'employee' : 'manager' });
      await phone.must({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 1 + (i % 2) } });
    }
    await host.must({ type: 'closeAnswering', questionId: 'q1-1' });
    await host.must({ type: 'startRevote', questionId: 'q1-1' });
    for (const phone of phones) await phone.must({ type: 'submitAnswer', questionId: 'q1-1', answer: { kind: 'scale', value: 4 } });
    await host.must({ type: 'closeAnswering', questionId: 'q1-1' });

    const s = await summaryOf(h, session);
    expect(s.schemaVersion).toBe(3);
    const q = question(s, 'q1-1');
    expect(q.round).toBe(2);
    expect(q.rounds!.map((r) => ({ round: r.round, n: r.n, median: r.figures?.median, counts: r.bars.map((b) => b.count) }))).toEqual([
      { round: 1, n: 5, median: 1, counts: [3, 2, 0, 0, 0] },
      { round: 2, n: 5, median: 4, counts: [0, 0, 0, 5, 0] },
    ]);
    expect(q.rounds!.every((r) => typeof r.closedAt === 'string')).toBe(true);
    expect(q).toMatchObject({ n: 5, figures: { median: 4 } });
    expect(s.answers.filter((a) => a.questionId === 'q1-1').map((a) => a.round)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(s.keyPoints[0]!.points[0]!.previous).toEqual({ round: 1, headline: 'median 1 af 5, n=5, enighed' });
  });
});
