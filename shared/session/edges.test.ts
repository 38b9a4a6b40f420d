// Rough edges a facilitator met in a full workshop run (issue 14), pinned in the core.
import { describe, expect, it } from 'vitest';
import { hostView, meView } from './views.ts';
import { HOST, answer, goToAndOpen, join, must, newWorld, run, scale, stepOf, text, close } from './test-fixtures.ts';

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
    expect(allowed).toEqual(['goTo', 'next', 'previous']);
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
