// Over real sockets: every response type end to end (host, screen, phones), dot voting with
// per-phone samples, moderation reaching the screen and the phones, and live agenda edits that
// the phones follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView, ParticipantView, ScreenView } from '../shared/session/views.ts';
import type { ChoiceResults, RankingResults, Results, StatementsResults, TextResults } from '../shared/session/results.ts';
import type { Role } from '../shared/protocol.ts';
import { Harness, type Created, type TestClient } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

type Room = { created: Created; host: TestClient<HostView>; screen: TestClient<ScreenView>; phones: TestClient<ParticipantView>[] };

async function room(roles: Role[]): Promise<Room> {
  const created = await h.createSession();
  const host = await h.host(created);
  const screen = await h.screen(created);
  const phones: TestClient<ParticipantView>[] = [];
  for (const role of roles) {
    const p = await h.participant(created);
    await p.must({ type: 'join', role });
    phones.push(p);
  }
  return { created, host, screen, phones };
}

async function goToOpen(r: Room, questionId: string): Promise<void> {
  const view = await r.host.waitForView((v) => v.agenda.some((a) => a.questionId === questionId));
  await r.host.must({ type: 'goTo', index: view.agenda.find((a) => a.questionId === questionId)!.index });
  await r.host.must({ type: 'openAnswering', questionId });
  await Promise.all(r.phones.map((p) => p.waitForView((v) => v.step?.kind === 'question' && v.step.question.id === questionId && v.step.phase === 'open')));
}

describe('response types over sockets', () => {
  it('choice: a question changed live to multiple choice, answered by phones, shown sorted on the screen', async () => {
    const r = await room(['manager', 'employee', 'politician']);
    await r.host.must({
      type: 'changeQuestionType',
      questionId: 'q1-3',
      response: { type: 'choice', options: [{ da: 'Ja' }, { da: 'Delvist' }, { da: 'Nej' }], multiple: true, other: true },
    });
    await goToOpen(r, 'q1-3');
    await r.phones[0]!.must({ type: 'submitAnswer', questionId: 'q1-3', answer: { kind: 'choice', options: [1] } });
    await r.phones[1]!.must({ type: 'submitAnswer', questionId: 'q1-3', answer: { kind: 'choice', options: [1, 2] } });
    await r.phones[2]!.must({ type: 'submitAnswer', questionId: 'q1-3', answer: { kind: 'choice', options: [], other: 'Det kommer an på' } });
    await r.host.must({ type: 'setResultsVisible', questionId: 'q1-3', visible: true });
    const view = await r.screen.waitForView((v) => (v.results as ChoiceResults | null)?.n === 3);
    const res = view.results as ChoiceResults;
    expect(res.bars.map((b) => [b.from, b.count])).toEqual([[1, 2], [2, 1], [0, 0]]);
    expect(res.other).toBe(1);
  });

  it('ranking: mean rank and share first reach the screen', async () => {
    const r = await room(['manager', 'employee']);
    await r.host.must({ type: 'changeQuestionType', questionId: 'q2-1', response: { type: 'ranking', items: [{ da: 'Økonomi' }, { da: 'Ledelse' }, { da: 'Borgere' }] } });
    await goToOpen(r, 'q2-1');
    await r.phones[0]!.must({ type: 'submitAnswer', questionId: 'q2-1', answer: { kind: 'ranking', order: [2, 0, 1] } });
    await r.phones[1]!.must({ type: 'submitAnswer', questionId: 'q2-1', answer: { kind: 'ranking', order: [2, 1, 0] } });
    await r.host.must({ type: 'setResultsVisible', questionId: 'q2-1', visible: true });
    const view = await r.screen.waitForView((v) => (v.results as RankingResults | null)?.n === 2);
    expect((view.results as RankingResults).items[0]).toMatchObject({ index: 2, meanRank: 1, firstShare: 1 });
  });

  it('statements with a role split: small groups are suppressed on the screen', async () => {
    const roles: Role[] = [...Array(5).fill('manager'), 'politician'];
    const r = await room(roles);
    await goToOpen(r, 'u1');
    await r.host.must({ type: 'configureQuestion', questionId: 'u1', split: 'role' });
    const count = (r.phones[0]!.view!.step as { question: { response: { statements: unknown[] } } }).question.response.statements.length;
    for (const p of r.phones) await p.must({ type: 'submitAnswer', questionId: 'u1', answer: { kind: 'statements', votes: Array.from({ length: count }, (_, i) => (i === 0 ? 'agree' : 'disagree')) } });
    await r.host.must({ type: 'setResultsVisible', questionId: 'u1', visible: true });
    const view = await r.screen.waitForView((v) => (v.results as StatementsResults | null)?.n === 6);
    const res = view.results as Results & StatementsResults;
    expect(res.statements.find((s) => s.index === 0)).toMatchObject({ agree: 6, label: 'consensus' });
    // Groups come in the order of the roles (politician first).
    expect(res.groups).toEqual([
      expect.objectContaining({ key: 'politician', n: 1, suppressed: true, results: null }),
      expect.objectContaining({ key: 'manager', n: 5, suppressed: false }),
    ]);
  });

  it('dot voting: each phone gets its own sample, others\' votes stay hidden until voting closes', async () => {
    const r = await room(['manager', 'employee', 'citizen']);
    await goToOpen(r, 'q1-4');
    const ids: string[] = [];
    for (const [i, p] of r.phones.entries()) ids.push((await p.must<{ answerId: string }>({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: `Forslag ${i}` } })).answerId);
    await r.host.must({ type: 'setResultsVisible', questionId: 'q1-4', visible: true });
    await r.host.must({ type: 'openVoting', questionId: 'q1-4' });
    const me = await r.phones[0]!.waitForMe((m) => m.voting.length === 1);
    expect(me.voting[0]!.sample.map((s) => s.id).sort()).toEqual([ids[1], ids[2]].sort()); // never its own
    await r.phones[0]!.must({ type: 'castVote', questionId: 'q1-4', answerId: ids[1]! });
    expect((await r.phones[0]!.waitForMe((m) => m.voting[0]?.used === 1)).voting[0]!.sample.find((s) => s.id === ids[1])!.mine).toBe(1);
    const own = await r.phones[1]!.send({ type: 'castVote', questionId: 'q1-4', answerId: ids[1]! });
    expect(own).toMatchObject({ ok: false, error: { code: 'own_answer' } });
    const during = await r.screen.waitForView((v) => v.step?.kind === 'question' && v.step.phase === 'voting');
    expect((during.results as TextResults).votesShown).toBe(false);
    await r.host.must({ type: 'closeAnswering', questionId: 'q1-4' });
    const after = await r.screen.waitForView((v) => (v.results as TextResults | null)?.votesShown === true);
    expect((after.results as TextResults).answers[0]).toMatchObject({ id: ids[1], votes: 1 });
  });
});

describe('the facilitator toolkit over sockets', () => {
  it('hide and merge update the screen and the phones at once', async () => {
    const r = await room(['manager', 'employee', 'citizen']);
    await goToOpen(r, 'q1-4');
    const ids: string[] = [];
    for (const [i, p] of r.phones.entries()) ids.push((await p.must<{ answerId: string }>({ type: 'submitAnswer', questionId: 'q1-4', answer: { kind: 'text', text: ['Mere data', 'Flere data', 'Grimt sprog'][i]! } })).answerId);
    await r.host.must({ type: 'setResultsVisible', questionId: 'q1-4', visible: true });
    await r.screen.waitForView((v) => (v.results as TextResults | null)?.answers.length === 3);
    await r.host.must({ type: 'moderateAnswer', questionId: 'q1-4', answerId: ids[2]!, action: 'hide' });
    await r.host.must({ type: 'mergeAnswers', questionId: 'q1-4', targetId: ids[0]!, sourceIds: [ids[1]!] });
    const screen = await r.screen.waitForView((v) => (v.results as TextResults | null)?.answers.length === 1);
    expect((screen.results as TextResults).answers[0]).toMatchObject({ id: ids[0], merged: ['Flere data'] });
    const phone = await r.phones[0]!.waitForView((v) => (v.results as TextResults | null)?.answers.length === 1);
    expect(JSON.stringify(phone)).not.toContain('Grimt sprog');
  });

  it('a removed participant is disconnected and cannot come back with the same token', async () => {
    const r = await room(['manager']);
    const token = (await h.participant(r.created)).socket; // a second socket stays a guest
    token.close();
    const me = await r.phones[0]!.waitForMe(() => true);
    const fatal = new Promise<{ code: string }>((resolve) => r.phones[0]!.socket.on('fatal', resolve));
    await r.host.must({ type: 'removeParticipant', participantId: me.participantId });
    expect((await fatal).code).toBe('removed');
    await r.host.waitForView((v) => v.participants === 0);
  });

  it('agenda edits live: an ad-hoc question added after the current step, and the phones follow', async () => {
    const r = await room(['manager', 'employee']);
    await goToOpen(r, 'q1-1');
    await r.host.must({ type: 'addQuestion', text: 'Hvad tager du med hjem?', response: { type: 'text', maxAnswers: 2, maxLength: 200, voting: { budget: 3, maxPerAnswer: 2 } } });
    await r.host.must({ type: 'next' });
    const step = await r.phones[1]!.waitForView((v) => v.step?.kind === 'question' && v.step.question.text.da === 'Hvad tager du med hjem?');
    const questionId = (step.step as { question: { id: string } }).question.id;
    await r.host.must({ type: 'openAnswering', questionId });
    await r.phones[1]!.waitForView((v) => v.step?.kind === 'question' && v.step.phase === 'open');
    await r.phones[1]!.must({ type: 'submitAnswer', questionId, answer: { kind: 'text', text: 'Energi' } });
    await r.host.waitForView((v) => v.step?.kind === 'question' && v.step.answered === 1);
    // Skip and reorder reach the console's agenda.
    const agenda = r.host.view!.agenda;
    await r.host.must({ type: 'setStepSkipped', index: agenda.length - 1, skipped: true });
    await r.host.waitForView((v) => v.agenda[v.agenda.length - 1]!.skipped === true);
  });

  it('notes and the blank screen reach the screen; undo puts back the last step', async () => {
    const r = await room([]);
    await r.host.must({ type: 'next' });
    await r.host.must({ type: 'addNote', scope: { kind: 'session' }, kind: 'decision', text: 'Vi mødes igen i maj', onScreen: true });
    await r.screen.waitForView((v) => v.notes.some((n) => n.text === 'Vi mødes igen i maj'));
    await r.host.must({ type: 'setScreenBlank', blank: true });
    await r.screen.waitForView((v) => v.blank);
    await r.host.must({ type: 'undo' });
    await r.screen.waitForView((v) => !v.blank);
    await r.host.must({ type: 'undo' });
    await r.screen.waitForView((v) => v.cursor === 0);
  });
});
