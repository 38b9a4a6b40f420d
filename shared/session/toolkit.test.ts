// The facilitator's toolkit in the core: each moderation action, notes, agenda edits, ad-hoc
// questions, analog counts, undo, methods and the session's lifecycle.
import { describe, expect, it } from 'vitest';
import type { ScaleResults, TextResults } from './results.ts';
import { replay } from './evolve.ts';
import { hostView, meView, participantView, screenView } from './views.ts';
import { answer, close, goToAndOpen, GUEST, HOST, join, must, newWorld, reveal, run, scale, stepOf, text, type World } from './test-fixtures.ts';

const Q = 'q1-4';
const wall = (view: { results: unknown }) => view.results as TextResults;

function textWorld(): { w: World; ids: string[]; authors: ReturnType<typeof join>[] } {
  const w = newWorld();
  goToAndOpen(w, Q);
  const authors = [join(w, 'manager'), join(w, 'employee'), join(w, 'politician')];
  const ids = authors.map((a, i) => answer(w, a, Q, text(['Mere data', 'Flere data!', 'Bedre ledelse'][i]!)));
  reveal(w, Q);
  return { w, ids, authors };
}

describe('moderation', () => {
  it('hide takes an answer off the screen, the phones and the count; restore brings it back', () => {
    const { w, ids } = textWorld();
    must(w, HOST, { type: 'moderateAnswer', questionId: Q, answerId: ids[0]!, action: 'hide' });
    expect(wall(screenView(w.state)).answers.map((a) => a.id)).not.toContain(ids[0]);
    expect(wall(participantView(w.state)).answers.map((a) => a.id)).not.toContain(ids[0]);
    expect(wall(screenView(w.state)).n).toBe(2);
    // The facilitator still sees it, marked, and it stays in the data.
    expect(wall(hostView(w.state)).answers.find((a) => a.id === ids[0])).toMatchObject({ hidden: true });
    expect(w.state.runs[Q]!.entries[ids[0]!]).toBeDefined();
    must(w, HOST, { type: 'moderateAnswer', questionId: Q, answerId: ids[0]!, action: 'restore' });
    expect(wall(screenView(w.state)).n).toBe(3);
  });

  it('a hidden answer cannot be voted for and leaves the voting samples', () => {
    const { w, ids, authors } = textWorld();
    must(w, HOST, { type: 'moderateAnswer', questionId: Q, answerId: ids[0]!, action: 'hide' });
    must(w, HOST, { type: 'openVoting', questionId: Q });
    expect(run(w, authors[1]!.actor, { type: 'castVote', questionId: Q, answerId: ids[0]! })).toMatchObject({ ok: false, error: { code: 'unknown_answer' } });
    expect(meView(w.state, authors[1]!.participantId)!.voting[0]!.sample.map((s) => s.id)).not.toContain(ids[0]);
  });

  it('pin puts an answer first on the screen', () => {
    const { w, ids } = textWorld();
    must(w, HOST, { type: 'moderateAnswer', questionId: Q, answerId: ids[0]!, action: 'pin' });
    expect(wall(screenView(w.state)).answers[0]).toMatchObject({ id: ids[0], pinned: true });
  });

  it('merge combines votes and lists the merged texts', () => {
    const { w, ids, authors } = textWorld();
    must(w, HOST, { type: 'openVoting', questionId: Q });
    must(w, authors[2]!.actor, { type: 'castVote', questionId: Q, answerId: ids[0]! });
    must(w, authors[0]!.actor, { type: 'castVote', questionId: Q, answerId: ids[1]! });
    must(w, authors[0]!.actor, { type: 'castVote', questionId: Q, answerId: ids[1]! });
    must(w, HOST, { type: 'mergeAnswers', questionId: Q, targetId: ids[0]!, sourceIds: [ids[1]!] });
    close(w, Q);
    const shown = wall(screenView(w.state));
    expect(shown.answers.map((a) => a.id)).toEqual([ids[0], ids[2]]);
    expect(shown.answers[0]).toMatchObject({ votes: 3, merged: ['Flere data!'] });
  });

  it('a moderation queue holds text answers back until approved', () => {
    const w = newWorld();
    goToAndOpen(w, Q);
    must(w, HOST, { type: 'configureQuestion', questionId: Q, moderate: true });
    reveal(w, Q);
    const id = answer(w, join(w), Q, text('Venter på godkendelse'));
    expect(wall(screenView(w.state)).answers).toEqual([]);
    expect(wall(hostView(w.state)).answers[0]).toMatchObject({ id, pending: true });
    must(w, HOST, { type: 'moderateAnswer', questionId: Q, answerId: id, action: 'approve' });
    expect(wall(screenView(w.state)).answers.map((a) => a.id)).toEqual([id]);
  });

  it('removing a participant hides all their answers and voids their token', () => {
    const { w, ids, authors } = textWorld();
    goToAndOpen(w, 'q1-1');
    answer(w, authors[0]!, 'q1-1', scale(5));
    must(w, HOST, { type: 'removeParticipant', participantId: authors[0]!.participantId });
    expect((hostView(w.state).results as ScaleResults).n).toBe(0);
    expect(w.state.runs[Q]!.entries[ids[0]!]!.hidden).toBe(true);
    expect(w.state.tokens[authors[0]!.token]).toBeUndefined();
    expect(w.state.participantCount).toBe(2);
    expect(run(w, authors[0]!.actor, { type: 'submitAnswer', questionId: 'q1-1', answer: scale(1) })).toMatchObject({ ok: false, error: { code: 'removed' } });
  });

  it('lock joining refuses new phones; end session refuses everything', () => {
    const w = newWorld();
    must(w, HOST, { type: 'setJoiningLocked', locked: true });
    expect(run(w, GUEST, { type: 'join', role: 'citizen' })).toMatchObject({ ok: false, error: { code: 'joining_locked' } });
    must(w, HOST, { type: 'setJoiningLocked', locked: false });
    join(w);
    must(w, HOST, { type: 'endSession' });
    expect(participantView(w.state).ended).toBe(true);
    expect(run(w, HOST, { type: 'openAnswering', questionId: 'q1-1' })).toMatchObject({ ok: false, error: { code: 'session_ended' } });
    // Reviewing stays possible: the facilitator may still move between the steps.
    expect(run(w, HOST, { type: 'next' })).toMatchObject({ ok: true });
    expect(run(w, GUEST, { type: 'join', role: 'citizen' })).toMatchObject({ ok: false, error: { code: 'session_ended' } });
  });
});

describe('notes, decisions, actions and the parking lot', () => {
  it('are kept per scope, editable, and shown on the screen only when chosen', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    const [added] = must(w, HOST, { type: 'addNote', scope: { kind: 'question', questionId: 'q1-1' }, kind: 'action', text: 'Lav en målplan', who: 'Direktionen', due: 'Q2', onScreen: false });
    must(w, HOST, { type: 'addNote', scope: { kind: 'session' }, kind: 'parking', text: 'Digitalisering', onScreen: false });
    const id = added!.type === 'noteAdded' ? added.note.id : '';
    expect(hostView(w.state).notes.map((n) => n.kind)).toEqual(['action', 'parking']);
    expect(screenView(w.state).notes).toEqual([]);
    must(w, HOST, { type: 'updateNote', noteId: id, onScreen: true });
    expect(screenView(w.state).notes).toMatchObject([{ text: 'Lav en målplan', who: 'Direktionen', due: 'Q2' }]);
    must(w, HOST, { type: 'deleteNote', noteId: id });
    expect(run(w, HOST, { type: 'deleteNote', noteId: id })).toMatchObject({ ok: false, error: { code: 'unknown_note' } });
    expect(replay(w.events).notes).toEqual(w.state.notes);
  });
});

describe('agenda control', () => {
  it('skip, reorder and an ad-hoc question, with the cursor on the same step', () => {
    const w = newWorld();
    must(w, HOST, { type: 'goTo', index: stepOf('q1-1') });
    must(w, HOST, { type: 'setStepSkipped', index: stepOf('q1-2'), skipped: true });
    must(w, HOST, { type: 'next' });
    expect(w.state.cursor).toBe(stepOf('q1-3'));
    must(w, HOST, { type: 'moveStep', index: stepOf('q1-4'), to: 1 });
    expect(w.state.agenda[w.state.cursor]).toMatchObject({ questionId: 'q1-3' });
    must(w, HOST, { type: 'addQuestion', text: 'Hvad tager I med hjem?', response: { type: 'text', maxAnswers: 2, maxLength: 200, voting: { budget: 3, maxPerAnswer: 2 } } });
    const added = w.state.agenda[w.state.cursor + 1]!;
    expect(added.kind).toBe('question');
    must(w, HOST, { type: 'next' });
    expect(participantView(w.state).step).toMatchObject({ kind: 'question', question: { text: { da: 'Hvad tager I med hjem?' } } });
    expect(replay(w.events).agenda).toEqual(w.state.agenda);
  });

  it('changes a question type only before it has answers', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-3');
    const choice = { type: 'choice' as const, options: [{ da: 'Ja' }, { da: 'Nej' }], multiple: false, other: false };
    must(w, HOST, { type: 'changeQuestionType', questionId: 'q1-3', response: choice });
    answer(w, join(w), 'q1-3', { kind: 'choice', options: [0] });
    expect(run(w, HOST, { type: 'changeQuestionType', questionId: 'q1-3', response: choice })).toMatchObject({ ok: false, error: { code: 'not_allowed_now' } });
    // Other sessions of the same set are untouched: the session holds its own copy.
    expect(newWorld().state.set.themes[0]!.questions.find((q) => q.id === 'q1-3')!.response.type).toBe('scale');
  });
});

describe('analog counts and undo', () => {
  it('analog counts add to the results, marked, and undo takes them out again', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    answer(w, join(w, 'manager'), 'q1-1', scale(4));
    must(w, HOST, { type: 'addAnalogCounts', questionId: 'q1-1', entries: [{ answer: scale(2), count: 3 }, { answer: { kind: 'dontKnow' }, count: 1 }] });
    const r = hostView(w.state).results as ScaleResults & { analog?: number };
    expect(r).toMatchObject({ n: 4, dontKnow: 1, median: 2, analog: 3 }); // "don't know" is not counted as an analog answer
    expect(w.state.runs['q1-1']!.tally.byRole.manager!.n).toBe(1); // analog answers have no role
    must(w, HOST, { type: 'undo' });
    expect(hostView(w.state).results).toMatchObject({ n: 1, dontKnow: 0, median: 4 });
  });

  it.each([
    ['next', (w: World) => must(w, HOST, { type: 'next' }), (w: World) => w.state.cursor, 0],
    ['close', (w: World) => close(w, 'q1-1'), (w: World) => w.state.runs['q1-1']!.phase, 'open'],
    ['reveal', (w: World) => reveal(w, 'q1-1'), (w: World) => w.state.runs['q1-1']!.resultsVisible, false],
  ] as const)('undo of %s puts things back', (_name, act, read, _expected) => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    const before = read(w);
    act(w);
    expect(read(w)).not.toEqual(before);
    must(w, HOST, { type: 'undo' });
    expect(read(w)).toEqual(before);
  });

  it('undo walks back several steps, then says there is nothing left', () => {
    const w = newWorld();
    must(w, HOST, { type: 'next' });
    must(w, HOST, { type: 'next' });
    must(w, HOST, { type: 'undo' });
    must(w, HOST, { type: 'undo' });
    expect(w.state.cursor).toBe(0);
    expect(run(w, HOST, { type: 'undo' })).toMatchObject({ ok: false, error: { code: 'nothing_to_undo' } });
    expect(replay(w.events).cursor).toBe(0);
  });
});

describe('methods', () => {
  it('1-2-4-All adds three timed steps after the question; the table step is per table, one answer each', () => {
    const w = newWorld();
    expect(run(w, HOST, { type: 'applyTemplate', questionId: Q, template: '1-2-4-all' })).toMatchObject({ ok: false, error: { code: 'unknown_table' } });
    must(w, HOST, { type: 'configureSession', tables: 2 });
    must(w, HOST, { type: 'applyTemplate', questionId: Q, template: '1-2-4-all' });
    const at = stepOf(Q);
    const steps = w.state.agenda.slice(at + 1, at + 4).map((s) => (s.kind === 'question' ? s.questionId : ''));
    const fours = steps[2]!;
    expect(w.state.runs[fours]!.perTable).toBe(true);
    must(w, HOST, { type: 'goTo', index: at + 3 });
    must(w, HOST, { type: 'openAnswering', questionId: fours });
    expect(w.state.runs[fours]!.timer).toMatchObject({ autoClose: false });
    const [a] = must(w, GUEST, { type: 'join', role: 'manager', table: 1 });
    const [b] = must(w, GUEST, { type: 'join', role: 'employee', table: 1 });
    const pa = { participantId: (a as { participantId: string }).participantId, token: '', actor: { kind: 'participant' as const, participantId: (a as { participantId: string }).participantId } };
    const pb = { participantId: (b as { participantId: string }).participantId, token: '', actor: { kind: 'participant' as const, participantId: (b as { participantId: string }).participantId } };
    const id = answer(w, pa, fours, text('Bordets svar'));
    // The table shares one answer: the other member sees it as theirs and the limit is reached.
    expect(meView(w.state, pb.participantId)!.answers[fours]!.map((x) => x.id)).toEqual([id]);
    expect(run(w, pb.actor, { type: 'submitAnswer', questionId: fours, answer: text('Et til') })).toMatchObject({ ok: false, error: { code: 'too_many_answers' } });
  });

  it('What/So what/Now what: the Now-what answers become actions, once each', () => {
    const w = newWorld();
    must(w, HOST, { type: 'applyTemplate', questionId: Q, template: 'what-so-what-now-what' });
    const nowWhat = w.state.agenda[stepOf(Q) + 3]!;
    const id = nowWhat.kind === 'question' ? nowWhat.questionId : '';
    must(w, HOST, { type: 'goTo', index: stepOf(Q) + 3 });
    must(w, HOST, { type: 'openAnswering', questionId: id });
    answer(w, join(w), id, text('Nedsæt en arbejdsgruppe'));
    must(w, HOST, { type: 'answersToActions', questionId: id });
    expect(Object.values(w.state.notes)).toMatchObject([{ kind: 'action', text: 'Nedsæt en arbejdsgruppe' }]);
    expect(run(w, HOST, { type: 'answersToActions', questionId: id })).toMatchObject({ ok: false, error: { code: 'empty_answer' } });
  });
});
