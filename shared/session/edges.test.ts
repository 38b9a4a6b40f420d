// Rough edges a facilitator met in a full workshop run (issue 14), pinned in the core.
import { describe, expect, it } from 'vitest';
import { hostView, meView } from './views.ts';
import { HOST, answer, close, dontKnow, goToAndOpen, join, must, newWorld, run, scale, stepOf, text } from './test-fixtures.ts';

describe('undo is scoped and honest', () => {
  it('never leaves answers under a question shown as not opened, however often it is pressed', () => {
    const w = newWorld();
    const p = join(w);
    for (const q of ['q1-1', 'q1-3']) {
      goToAndOpen(w, q);
      answer(w, p, q, scale(3));
      close(w, q);
    }
    for (let i = 0; i < 40 && run(w, HOST, { type: 'undo' }).ok; i++);
    for (const [id, r] of Object.entries(w.state.runs)) {
      if (r.respondents > 0) expect(r.phase, id).not.toBe('idle');
    }
  });

  it('says what the next undo will do', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    expect(hostView(w.state).undoNext).toEqual({ kind: 'phase', questionId: 'q1-1', phase: 'idle' });
    join(w);
    answer(w, join(w), 'q1-1', scale(2));
    // The opening can no longer be undone: the next undo goes back a step instead.
    expect(hostView(w.state).undoNext).toEqual({ kind: 'step', index: 0 });
  });
});

describe('an ended workshop offers exactly reviewing', () => {
  it('allows moving between steps and nothing else', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    must(w, HOST, { type: 'endSession' });
    const can = hostView(w.state).can;
    const allowed = Object.entries(can).filter(([k, v]) => v === true && k !== 'question').map(([k]) => k).sort();
    expect(allowed).toEqual(['goTo', 'next', 'previous', 'sessionDetails']);
    expect(Object.entries(can.question!).filter(([, v]) => v === true)).toEqual([]);
    expect(can.question!.applyTemplate).toEqual({ '1-2-4-all': false, 'what-so-what-now-what': false });
    must(w, HOST, { type: 'goTo', index: stepOf('q1-3') });
    expect(w.state.cursor).toBe(stepOf('q1-3'));
  });

  it("a phone's me offers no answering or voting after the end", () => {
    const w = newWorld();
    const p = join(w);
    goToAndOpen(w, 'q1-4');
    answer(w, p, 'q1-4', text('mere tid'));
    expect(meView(w.state, p.participantId)!.answering['q1-4']).toEqual({ answer: true, withdraw: true, answersLeft: 2 });
    must(w, HOST, { type: 'endSession' });
    expect(meView(w.state, p.participantId)!.answering).toEqual({});
  });
});

describe('questions added live', () => {
  it('keep the order they were added in', () => {
    const w = newWorld();
    must(w, HOST, { type: 'goTo', index: stepOf('q1-1') });
    const spec = { type: 'number', min: 0, max: 10 } as const;
    must(w, HOST, { type: 'addQuestion', text: 'Først', response: spec });
    must(w, HOST, { type: 'addQuestion', text: 'Dernæst', response: spec });
    const labels = hostView(w.state).agenda.slice(stepOf('q1-1') + 1, stepOf('q1-1') + 3).map((a) => a.label.da);
    expect(labels).toEqual(['Først', 'Dernæst']);
  });
});

describe('results read the same everywhere', () => {
  it('"Ved ikke" is never counted as an answer: not overall, not in a group, not in the theme overview', () => {
    const w = newWorld();
    must(w, HOST, { type: 'configureSession', minGroupSize: 1 });
    goToAndOpen(w, 'q1-1');
    const ps = Array.from({ length: 6 }, () => join(w, 'employee'));
    ps.forEach((p, i) => answer(w, p, 'q1-1', i === 0 ? dontKnow : scale(3)));
    must(w, HOST, { type: 'configureQuestion', questionId: 'q1-1', split: 'role' });
    const r = hostView(w.state).results!;
    expect(r).toMatchObject({ n: 5, dontKnow: 1 });
    expect(r.groups![0]).toMatchObject({ key: 'employee', n: 5, dontKnow: 1 });
    must(w, HOST, { type: 'goTo', index: stepOf('q1-1') - 1 });
    expect(hostView(w.state).overview!.find((o) => o.questionId === 'q1-1')).toMatchObject({ n: 5, dontKnow: 1 });
  });

  it('an agreement label needs at least the minimum group size of answers', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    const ps = Array.from({ length: 5 }, () => join(w));
    [2, 2, 3, 3].forEach((v, i) => answer(w, ps[i]!, 'q1-1', scale(v)));
    expect(hostView(w.state).results).toMatchObject({ n: 4, agreement: null });
    answer(w, ps[4]!, 'q1-1', scale(3));
    expect(hostView(w.state).results).toMatchObject({ n: 5, agreement: 'consensus' });
  });

  it('open text is not split into groups (no empty cards holding only a count)', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-4');
    answer(w, join(w, 'politician'), 'q1-4', text('mere tid'));
    expect(run(w, HOST, { type: 'configureQuestion', questionId: 'q1-4', split: 'role' })).toMatchObject({ ok: false, error: { code: 'wrong_answer_type' } });
    expect(hostView(w.state).can.question!.splitByRole).toBe(false);
    expect(hostView(w.state).results).not.toHaveProperty('groups');
  });
});

describe('text input is honest', () => {
  it.each(['\u200b\u200b\u200b', ' \u2060\ufeff ', '\u3164', '\u00a0\n\t'])('refuses an answer of only invisible characters (%j)', (blank) => {
    const w = newWorld();
    goToAndOpen(w, 'q1-4');
    expect(run(w, join(w).actor, { type: 'submitAnswer', questionId: 'q1-4', answer: text(blank) })).toMatchObject({ ok: false, error: { code: 'empty_answer' } });
  });

  it('refuses a text over the limit rather than cutting it', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-4');
    expect(run(w, join(w).actor, { type: 'submitAnswer', questionId: 'q1-4', answer: text('x'.repeat(281)) })).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
  });
});
