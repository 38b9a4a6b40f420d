// The core's facilitation features as the summary shows them: notes, decisions, actions and the
// parking lot; hidden, pending and merged answers and removed participants; analog counts; a
// re-vote; late answers; tables. Driven through the core on the fixture and small worlds.
import { describe, expect, it } from 'vitest';
import { HOST, answer, close, join, must, newWorld, open, scale, text } from '../session/test-fixtures.ts';
import { fixtureWorld, UNSHOWN_TEXTS } from './fixture.ts';
import { buildSummary, type Summary, type SummaryQuestion } from './summary.ts';

function question(s: Summary, id: string): SummaryQuestion {
  const q = s.themes.flatMap((t) => t.questions).find((x) => x.id === id);
  if (!q) throw new Error(`no ${id} in the summary`);
  return q;
}

const w = fixtureWorld();
const s = buildSummary(w.state);

describe('notes, decisions, actions and the parking lot', () => {
  it('sorts each note to its session, theme or question, in the order made, with who and when', () => {
    expect(s.notes.map((n) => [n.kind, n.text])).toEqual([
      ['note', 'Workshoppen blev holdt i byrådssalen'],
      ['action', 'Send opsummeringen til alle deltagere'],
    ]);
    expect(s.notes[1]).toMatchObject({ who: 'Sekretariatet', due: '2025-03-21', scope: { kind: 'session' } });
    expect(question(s, 'q1-1').notes).toEqual([
      { kind: 'decision', text: 'Resultatstyringen forenkles til tre mål pr. område', scope: { kind: 'question', themeId: 'faerre-maal-mere-ledelse', questionId: 'q1-1', number: '1.1' } },
      { kind: 'action', text: 'Lav et udkast til færre mål', who: 'Direktionen', due: '2025-05-01', scope: { kind: 'question', themeId: 'faerre-maal-mere-ledelse', questionId: 'q1-1', number: '1.1' } },
    ]);
    expect(s.themes[0]!.notes.map((n) => [n.kind, n.text, n.scope])).toEqual([
      ['decision', 'Målene drøftes igen i <b>juni</b>', { kind: 'theme', themeId: 'faerre-maal-mere-ledelse', number: '1' }],
      ['action', '=Indkald til møde', { kind: 'theme', themeId: 'faerre-maal-mere-ledelse', number: '1' }],
    ]);
    expect(question(s, 'q1-4').notes.map((n) => n.kind)).toEqual(['note']);
  });

  it('follows edits and deletions', () => {
    expect(s.themes[1]!.notes).toEqual([{ kind: 'decision', text: 'Vi laver en fælles ordliste om data', scope: { kind: 'theme', themeId: 'skab-faelles-forstaaelse', number: '2' } }]);
    expect(JSON.stringify(s)).not.toContain('slettes igen');
  });

  it('gathers every action in one list, and parking-lot items only in the parking lot', () => {
    expect(s.actions.map((a) => [a.text, a.who, a.due, a.scope.kind])).toEqual([
      ['Send opsummeringen til alle deltagere', 'Sekretariatet', '2025-03-21', 'session'],
      ['Lav et udkast til færre mål', 'Direktionen', '2025-05-01', 'question'],
      ['=Indkald til møde', 'Sekretariatet', undefined, 'theme'],
    ]);
    expect(s.parkingLot.map((p) => [p.text, p.scope.kind])).toEqual([
      ['Hvem ejer data? Tages op i direktionen', 'theme'],
      ['Budgettet for 2026', 'session'],
    ]);
    const everywhere = [...s.notes, ...s.themes.flatMap((t) => [...t.notes, ...t.questions.flatMap((q) => q.notes)])];
    expect(everywhere.some((n) => n.kind === 'parking')).toBe(false);
  });

  it('puts the decisions of a theme and its questions in its key points', () => {
    expect(s.keyPoints.map((k) => k.decisions.map((d) => d.text))).toEqual([
      ['Resultatstyringen forenkles til tre mål pr. område', 'Målene drøftes igen i <b>juni</b>'],
      ['Vi laver en fælles ordliste om data'],
      [],
      [],
    ]);
  });
});

describe('moderation', () => {
  const q14 = question(s, 'q1-4');

  it('counts hidden, pending and removed participants’ answers without showing them anywhere', () => {
    expect(q14).toMatchObject({ hidden: 3, n: 11, respondents: 11 });
    const json = JSON.stringify(s);
    for (const t of UNSHOWN_TEXTS) expect(json).not.toContain(t);
    for (const q of s.themes.flatMap((t) => t.questions)) if (q.id !== 'q1-4') expect(q.hidden, q.id).toBe(0);
  });

  it('lists merged texts under the answer they joined, with their dots added', () => {
    const target = q14.answers.find((a) => a.text === 'Mere tid til kerneopgaven')!;
    expect(target).toEqual({ text: 'Mere tid til kerneopgaven', votes: 2, merged: ['Mere tid til kerneopgaven!'] });
    expect(q14.answers.filter((a) => a.text === 'Mere tid til kerneopgaven!')).toEqual([]);
    // The merged one stays a raw answer of its own: it was not moderated away.
    expect(s.answers.filter((a) => a.questionId === 'q1-4').map((a) => a.value)).toContain('Mere tid til kerneopgaven!');
  });

  it('marks a pinned answer without moving it', () => {
    expect(q14.answers.findIndex((a) => a.pinned)).toBe(8);
    expect(q14.answers[8]!.text).toBe('Færre, men klarere mål');
  });

  it('an approved answer shows; a restored one too', () => {
    const w2 = fixtureWorld();
    const run = w2.state.runs['q1-4']!;
    const pendingId = Object.values(run.entries).find((e) => e.pending)!.id;
    const hiddenId = Object.values(run.entries).find((e) => e.hidden && !e.mergedInto && !w2.state.participants[e.participantId]!.removed)!.id;
    must(w2, HOST, { type: 'moderateAnswer', questionId: 'q1-4', answerId: pendingId, action: 'approve' });
    must(w2, HOST, { type: 'moderateAnswer', questionId: 'q1-4', answerId: hiddenId, action: 'restore' });
    const q = question(buildSummary(w2.state), 'q1-4');
    expect(q).toMatchObject({ hidden: 1, n: 13 });
    expect(q.answers.map((a) => a.text)).toEqual(expect.arrayContaining([UNSHOWN_TEXTS[0], UNSHOWN_TEXTS[1]]));
  });

  it('a removed participant is not counted by role, and none of their answers is a raw row', () => {
    expect(s.participants.total).toBe(20);
    expect(s.participants.byRole.find((r) => r.role === 'other')!.count).toBe(0);
    expect(s.answers.some((a) => a.role === 'other')).toBe(false);
    expect(q14.byRole.map((r) => r.role)).not.toContain('other');
  });
});

describe('analog answers', () => {
  it('are in the figures, not in the role splits, and counted apart', () => {
    const q13 = question(s, 'q1-3');
    expect(q13).toMatchObject({ analog: 5, n: 22, dontKnow: 1, respondents: 23 });
    expect(q13.analog).toBe(w.state.runs['q1-3']!.analog);
    expect(q13.bars.map((b) => b.count)).toEqual([3, 6, 5, 6, 2]);
    const byRole = q13.byRole.reduce((sum, r) => sum + (r.suppressed ? 0 : r.n), 0);
    expect(byRole).toBe(12);
    for (const q of s.themes.flatMap((t) => t.questions)) if (q.id !== 'q1-3') expect(q.analog, q.id).toBe(0);
  });

  it('belong to the round they were counted in', () => {
    const w2 = newWorld();
    const people = Array.from({ length: 3 }, () => join(w2));
    open(w2, 'q1-1');
    for (const p of people) answer(w2, p, 'q1-1', scale(2));
    must(w2, HOST, { type: 'addAnalogCounts', questionId: 'q1-1', entries: [{ answer: scale(1), count: 4 }] });
    close(w2, 'q1-1');
    must(w2, HOST, { type: 'startRevote', questionId: 'q1-1' });
    for (const p of people) answer(w2, p, 'q1-1', scale(4));
    const q = question(buildSummary(w2.state), 'q1-1');
    expect(q.rounds!.map((r) => [r.round, r.n, r.analog, r.respondents])).toEqual([[1, 7, 4, 7], [2, 3, 0, 3]]);
    expect(q).toMatchObject({ analog: 0, n: 3 });
  });
});

describe('re-vote', () => {
  const q31 = question(s, 'q3-1');

  it('holds both rounds, each with its figures, bars and headline; the question shows the last', () => {
    expect(q31.round).toBe(2);
    expect(q31.rounds!.map((r) => [r.round, r.n, r.figures?.median, r.headline])).toEqual([
      [1, 11, 2, 'median 2 af 5, n=11, enighed'],
      [2, 11, 4, 'median 4 af 5, n=11, enighed'],
    ]);
    expect(q31.rounds![0]!.bars.map((b) => b.count)).toEqual([2, 7, 2, 0, 0]);
    expect(q31.rounds![1]).toMatchObject({ figures: q31.figures, bars: q31.bars, headline: q31.headline });
    expect(q31.rounds!.every((r) => r.closedAt?.startsWith('2025-03-14T10:'))).toBe(true);
    expect(s.keyPoints[2]!.points[0]!.previous).toEqual({ round: 1, headline: 'median 2 af 5, n=11, enighed' });
    expect(question(s, 'q1-1').rounds).toBeUndefined();
  });

  it('keeps every round’s raw answers, each with its round', () => {
    const rows = s.answers.filter((a) => a.questionId === 'q3-1');
    expect(rows.map((a) => a.round)).toEqual([...Array(11).fill(1), ...Array(11).fill(2)]);
    expect(s.answers.filter((a) => a.questionId !== 'q3-1').some((a) => 'round' in a)).toBe(false);
  });
});

describe('late answers and tables', () => {
  it('marks the answer sent after the advisory timer', () => {
    // The one executive's answer: her role is merged into "Andet/for få" in the raw answers.
    expect(s.answers.filter((a) => a.late).map((a) => [a.questionId, a.role, a.value])).toEqual([['q1-2', 'otherOrFew', 14]]);
  });

  it('splits by table where tables are used, suppressed like roles', () => {
    expect(s.participants.byTable).toEqual([{ table: 1, count: 7 }, { table: 2, count: 7 }, { table: 3, count: 6 }]);
    expect(question(s, 'q1-1').byTable).toEqual([
      { table: 1, suppressed: false, respondents: 5, n: 4, dontKnow: 1, median: 3, counts: [1, 1, 0, 1, 1] },
      { table: 2, suppressed: true },
      { table: 3, suppressed: true },
    ]);
    expect(question(s, 'q1-3').byTable!.every((t) => !t.suppressed)).toBe(true);
  });

  it('without tables: no table split at all', () => {
    const w2 = newWorld();
    open(w2, 'q1-4');
    answer(w2, join(w2), 'q1-4', text('hej'));
    const plain = buildSummary(w2.state);
    expect(plain.participants.byTable).toBeUndefined();
    expect(question(plain, 'q1-4').byTable).toBeUndefined();
  });
});
