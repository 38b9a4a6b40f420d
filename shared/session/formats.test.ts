// Every response type with hand-computed expectations (empty, one answer, ties, "don't know",
// out of range), splits by role and table with the suppression rule at 4 and 5, re-vote rounds,
// and hidden results that never reach the screen or the phones before they are shown.
import { describe, expect, it } from 'vitest';
import { parseQuestionSet, type QuestionSet } from '../question-set.ts';
import { LIMITS, parseCommand } from '../protocol.ts';
import { defaultSpec } from '../../client/host/response-specs.ts';
import type { ChoiceResults, RankingResults, ScaleResults, StatementsResults } from './results.ts';
import { hostView, participantView, screenView } from './views.ts';
import { answer, close, dontKnow, goToAndOpen, HOST, join, must, newWorld, reveal, run, scale, SET, type World } from './test-fixtures.ts';

/** The real set with a fourth theme question swapped for a choice, a ranking and a 0–10 scale. */
function setWithTypes(): QuestionSet {
  const set = structuredClone(SET);
  const theme = set.themes[0]!;
  theme.questions.push(
    { id: 'c1', text: { da: 'Hvilke dagsordener fylder mest?' }, response: { type: 'choice', options: [{ da: 'Økonomi' }, { da: 'Innovation' }, { da: 'Vækst' }], multiple: true, maxChoices: 2, other: true } },
    { id: 'c2', text: { da: 'Vælg én' }, response: { type: 'choice', options: [{ da: 'Ja' }, { da: 'Nej' }], multiple: false, other: false } },
    { id: 'r1', text: { da: 'Rangér' }, response: { type: 'ranking', items: [{ da: 'A' }, { da: 'B' }, { da: 'C' }] } },
    { id: 's10', text: { da: 'Fra 0 til 10' }, response: { type: 'scale', min: 0, max: 10, minLabel: { da: 'Slet ikke' }, maxLabel: { da: 'Helt' }, dontKnow: false } },
  );
  return set;
}

function world(): World {
  const w = newWorld(setWithTypes());
  return w;
}

/** goTo for questions not in the fixture's AGENDA (read the live agenda instead). */
function openQ(w: World, questionId: string): void {
  const index = w.state.agenda.findIndex((s) => s.kind === 'question' && s.questionId === questionId);
  must(w, HOST, { type: 'goTo', index });
  must(w, HOST, { type: 'openAnswering', questionId });
}

const results = <T>(w: World) => hostView(w.state).results as T;

describe('choice', () => {
  it('is empty before answers, then counts options sorted by count with n = respondents', () => {
    const w = world();
    openQ(w, 'c1');
    expect(results<ChoiceResults>(w)).toMatchObject({ type: 'choice', n: 0, other: 0 });
    const [a, b, c] = [join(w), join(w), join(w)];
    answer(w, a, 'c1', { kind: 'choice', options: [2, 0] });
    answer(w, b, 'c1', { kind: 'choice', options: [2] });
    answer(w, c, 'c1', { kind: 'choice', options: [1], other: 'Klima' });
    const r = results<ChoiceResults>(w);
    expect(r.n).toBe(3);
    expect(r.other).toBe(1);
    // Vækst 2, then a tie at 1 (Økonomi, Innovation) in option order.
    expect(r.bars.map((b) => [b.from, b.count])).toEqual([[2, 2], [0, 1], [1, 1]]);
  });

  it.each([
    [{ kind: 'choice', options: [0, 1, 2] }, 'out_of_range'], // more than maxChoices
    [{ kind: 'choice', options: [0, 0] }, 'out_of_range'],
    [{ kind: 'choice', options: [3] }, 'out_of_range'],
    [{ kind: 'choice', options: [] }, 'empty_answer'],
    [{ kind: 'scale', value: 1 }, 'wrong_answer_type'],
  ])('rejects %j with %s', (bad, code) => {
    const w = world();
    openQ(w, 'c1');
    const p = join(w);
    const before = structuredClone(w.state);
    expect(run(w, p.actor, { type: 'submitAnswer', questionId: 'c1', answer: bad as never })).toMatchObject({ ok: false, error: { code } });
    expect(w.state).toEqual(before);
  });

  it('single choice takes one option and no "other" when not offered', () => {
    const w = world();
    openQ(w, 'c2');
    const p = join(w);
    expect(run(w, p.actor, { type: 'submitAnswer', questionId: 'c2', answer: { kind: 'choice', options: [0, 1] } })).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    expect(run(w, p.actor, { type: 'submitAnswer', questionId: 'c2', answer: { kind: 'choice', options: [], other: 'x' } })).toMatchObject({ ok: false, error: { code: 'wrong_answer_type' } });
    answer(w, p, 'c2', { kind: 'choice', options: [1] });
    answer(w, p, 'c2', { kind: 'choice', options: [0] }); // a change replaces
    expect(results<ChoiceResults>(w).bars.map((b) => [b.from, b.count])).toEqual([[0, 1], [1, 0]]);
  });
});

describe('ranking', () => {
  it('gives mean rank and share ranked first; ties keep item order', () => {
    const w = world();
    openQ(w, 'r1');
    expect(results<RankingResults>(w).items.every((i) => i.meanRank === null)).toBe(true);
    const [a, b] = [join(w), join(w)];
    answer(w, a, 'r1', { kind: 'ranking', order: [0, 1, 2] });
    answer(w, b, 'r1', { kind: 'ranking', order: [1, 0, 2] });
    const r = results<RankingResults>(w);
    // A: ranks 1 and 2 → 1.5; B: 2 and 1 → 1.5; C: 3 and 3 → 3.
    expect(r.items.map((i) => [i.index, i.meanRank, i.firstShare])).toEqual([[0, 1.5, 0.5], [1, 1.5, 0.5], [2, 3, 0]]);
  });

  it.each([[[0, 1]], [[0, 0, 1]], [[0, 1, 3]]])('rejects the incomplete or invalid order %j', (order) => {
    const w = world();
    openQ(w, 'r1');
    const p = join(w);
    expect(run(w, p.actor, { type: 'submitAnswer', questionId: 'r1', answer: { kind: 'ranking', order } })).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
  });
});

describe('ranking at the limit', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ da: `Punkt ${i + 1}` }));
  const setOf = (n: number) => {
    const set = structuredClone(SET);
    set.themes[0]!.questions.push({ id: 'r10', text: { da: 'Rangér ti' }, response: { type: 'ranking', items: items(n) } });
    return set;
  };

  it('takes 10 items: the set, the console form, the protocol and the core; 11 are refused', () => {
    expect(LIMITS.rankingItems).toBe(10);
    expect(() => parseQuestionSet(setOf(10), 'ti.json')).not.toThrow();
    expect(() => parseQuestionSet(setOf(11), 'elleve.json')).toThrow(/items/);
    expect(defaultSpec('ranking', items(10).map((i) => i.da))).toMatchObject({ type: 'ranking', items: items(10) });
    expect(defaultSpec('ranking', items(11).map((i) => i.da))).toBe('needItems');
    const order = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    const command = { type: 'submitAnswer', questionId: 'r10', answer: { kind: 'ranking', order } } as const;
    expect(parseCommand({ id: 'cmd_abc123XYZ_0123456789', command })).toMatchObject({ ok: true });
    expect(parseCommand({ id: 'cmd_abc123XYZ_0123456789', command: { ...command, answer: { kind: 'ranking', order: [...order, 10] } } })).toMatchObject({ ok: false });
    const w = newWorld(parseQuestionSet(setOf(10), 'ti.json'));
    openQ(w, 'r10');
    const p = join(w);
    answer(w, p, 'r10', command.answer);
    const r = results<RankingResults>(w);
    expect(r.items).toHaveLength(10);
    expect(r.items[0]).toMatchObject({ index: 9, meanRank: 1, firstShare: 1 });
  });
});

describe('statements', () => {
  it('sorts from consensus to divisive and counts pass apart', () => {
    const w = newWorld();
    goToAndOpen(w, 'u1');
    const n = SET.themes[0]!.questions.find((q) => q.id === 'u1')!.response;
    const count = n.type === 'statements' ? n.statements.length : 0;
    const votes = (first: 'agree' | 'disagree' | 'pass', second: 'agree' | 'disagree' | 'pass') => [first, second, ...Array(count - 2).fill(null)];
    const [a, b, c, d] = [join(w), join(w), join(w), join(w)];
    answer(w, a, 'u1', { kind: 'statements', votes: votes('agree', 'agree') });
    answer(w, b, 'u1', { kind: 'statements', votes: votes('agree', 'disagree') });
    answer(w, c, 'u1', { kind: 'statements', votes: votes('agree', 'pass') });
    answer(w, d, 'u1', { kind: 'statements', votes: votes('agree', 'disagree') });
    const r = results<StatementsResults>(w);
    expect(r.n).toBe(4);
    const s0 = r.statements.find((s) => s.index === 0)!;
    const s1 = r.statements.find((s) => s.index === 1)!;
    expect(s0).toMatchObject({ agree: 4, disagree: 0, pass: 0, agreeShare: 1, consensus: 1, label: 'consensus' });
    // 1 agree, 2 disagree, 1 pass: consensus |1−2|/3 = 1/3 → mixed.
    expect(s1).toMatchObject({ agree: 1, disagree: 2, pass: 1, label: 'mixed' });
    expect(s1.consensus).toBeCloseTo(1 / 3);
    expect(r.statements[0]!.index).toBe(0); // most consensus first
    expect(r.statements.slice(-1)[0]!.consensus).toBeNull(); // nobody took a side: last
  });

  it('rejects a vote list of the wrong length or with no vote', () => {
    const w = newWorld();
    goToAndOpen(w, 'u1');
    const p = join(w);
    expect(run(w, p.actor, { type: 'submitAnswer', questionId: 'u1', answer: { kind: 'statements', votes: ['agree'] } })).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    expect(run(w, p.actor, { type: 'submitAnswer', questionId: 'u1', answer: { kind: 'statements', votes: Array(6).fill(null) } })).toMatchObject({ ok: false, error: { code: 'empty_answer' } });
  });
});

describe('scale 0–10 and spread', () => {
  it('has 11 bars, a median, an IQR and an agreement label; out of range is refused', () => {
    const w = world();
    openQ(w, 's10');
    // Five answers: an agreement label needs the minimum group size (5).
    const ps = Array.from({ length: 5 }, () => join(w));
    [0, 10, 0, 10, 5].forEach((v, i) => answer(w, ps[i]!, 's10', scale(v)));
    const r = results<ScaleResults>(w);
    expect(r.bars).toHaveLength(11);
    expect(r.median).toBe(5);
    expect(r.iqr).toBe(10);
    expect(r.agreement).toBe('divided');
    expect(run(w, ps[0]!.actor, { type: 'submitAnswer', questionId: 's10', answer: scale(11) })).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    expect(run(w, ps[0]!.actor, { type: 'submitAnswer', questionId: 's10', answer: dontKnow })).toMatchObject({ ok: false, error: { code: 'wrong_answer_type' } });
  });
});

describe('splits by role and table, with the suppression rule', () => {
  function split(groupSize: number, kind: 'role' | 'table') {
    const w = newWorld();
    must(w, HOST, { type: 'configureSession', tables: 2 });
    goToAndOpen(w, 'q1-1');
    must(w, HOST, { type: 'configureQuestion', questionId: 'q1-1', split: kind });
    for (let i = 0; i < groupSize; i++) {
      const [e] = must(w, { kind: 'guest' }, { type: 'join', role: 'manager', table: 1 });
      answer(w, { participantId: (e as { participantId: string }).participantId, token: '', actor: { kind: 'participant', participantId: (e as { participantId: string }).participantId } }, 'q1-1', scale(4));
    }
    for (let i = 0; i < 6; i++) {
      const [e] = must(w, { kind: 'guest' }, { type: 'join', role: 'politician', table: 2 });
      const id = (e as { participantId: string }).participantId;
      answer(w, { participantId: id, token: '', actor: { kind: 'participant', participantId: id } }, 'q1-1', scale(2));
    }
    return hostView(w.state).results!.groups!;
  }

  it.each(['role', 'table'] as const)('by %s: a group of 4 is suppressed, a group of 5 is shown', (kind) => {
    const four = split(4, kind);
    const five = split(5, kind);
    const first = kind === 'role' ? (g: { key: string }) => g.key === 'manager' : (g: { key: string }) => g.key === '1';
    expect(four.find(first)).toMatchObject({ n: 4, suppressed: true, results: null });
    expect(five.find(first)).toMatchObject({ n: 5, suppressed: false, results: { type: 'scale', median: 4 } });
    expect(five.find((g) => !first(g))).toMatchObject({ n: 6, suppressed: false, results: { median: 2 } });
  });

  it('the minimum group size is configurable', () => {
    const w = newWorld();
    must(w, HOST, { type: 'configureSession', minGroupSize: 2 });
    goToAndOpen(w, 'q1-1');
    must(w, HOST, { type: 'configureQuestion', questionId: 'q1-1', split: 'role' });
    answer(w, join(w, 'manager'), 'q1-1', scale(3));
    answer(w, join(w, 'manager'), 'q1-1', scale(5));
    expect(hostView(w.state).results!.groups![0]).toMatchObject({ key: 'manager', n: 2, suppressed: false, results: { median: 4 } });
  });

  it('the theme overview names the largest gap between roles with enough answers', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    for (let i = 0; i < 5; i++) answer(w, join(w, 'manager'), 'q1-1', scale(5));
    for (let i = 0; i < 5; i++) answer(w, join(w, 'politician'), 'q1-1', scale(2));
    for (let i = 0; i < 4; i++) answer(w, join(w, 'citizen'), 'q1-1', scale(1)); // too few to compare
    must(w, HOST, { type: 'goTo', index: w.state.agenda.findIndex((s) => s.kind === 'theme') });
    const item = hostView(w.state).overview!.find((o) => o.questionId === 'q1-1')!;
    expect(item).toMatchObject({ n: 14, dontKnow: 0, gap: { high: 'manager', low: 'politician', diff: 3, measure: 'median' } });
    // The room sees the overview only when the facilitator shows it.
    expect(screenView(w.state).overview).toBeNull();
  });
});

describe('re-vote', () => {
  it('keeps the first round and shows before and after', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-1');
    const [a, b] = [join(w), join(w)];
    answer(w, a, 'q1-1', scale(2));
    answer(w, b, 'q1-1', scale(2));
    expect(run(w, HOST, { type: 'startRevote', questionId: 'q1-1' })).toMatchObject({ ok: false, error: { code: 'not_allowed_now' } });
    close(w, 'q1-1');
    must(w, HOST, { type: 'startRevote', questionId: 'q1-1' });
    answer(w, a, 'q1-1', scale(4));
    const r = hostView(w.state).results as ScaleResults & { previous?: ScaleResults; round?: number };
    expect(r.round).toBe(2);
    expect(r.previous).toMatchObject({ n: 2, median: 2 });
    expect(r).toMatchObject({ n: 1, median: 4 });
    expect(w.state.runs['q1-1']!.history).toHaveLength(1);
  });

  it('is refused for open text', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-4');
    close(w, 'q1-4');
    expect(run(w, HOST, { type: 'startRevote', questionId: 'q1-4' })).toMatchObject({ ok: false, error: { code: 'wrong_answer_type' } });
  });
});

describe('hidden results never reach the screen or the phones before they are shown', () => {
  it.each(['q1-1', 'q1-2', 'q1-4', 'u1'])('%s', (questionId) => {
    const w = newWorld();
    goToAndOpen(w, questionId);
    const p = join(w);
    const spec = SET.themes.flatMap((t) => t.questions).find((q) => q.id === questionId)!.response;
    const value =
      spec.type === 'scale' ? scale(3) : spec.type === 'number' ? { kind: 'number' as const, value: 7 } : spec.type === 'text' ? { kind: 'text' as const, text: 'HEMMELIGT-SVAR' } : { kind: 'statements' as const, votes: spec.type === 'statements' ? spec.statements.map(() => 'agree' as const) : [] };
    answer(w, p, questionId, value);
    expect(screenView(w.state).results).toBeNull();
    expect(participantView(w.state).results).toBeNull();
    expect(JSON.stringify(screenView(w.state))).not.toContain('HEMMELIGT-SVAR');
    expect(JSON.stringify(participantView(w.state))).not.toContain('HEMMELIGT-SVAR');
    expect(hostView(w.state).results).not.toBeNull();
    reveal(w, questionId);
    expect(screenView(w.state).results).not.toBeNull();
    expect(participantView(w.state).results).not.toBeNull();
  });

  it('others\' votes stay hidden from the screen until voting closes', () => {
    const w = newWorld();
    goToAndOpen(w, 'q1-4');
    const [a, b] = [join(w), join(w)];
    const id = answer(w, a, 'q1-4', { kind: 'text', text: 'et svar' });
    must(w, HOST, { type: 'openVoting', questionId: 'q1-4' });
    must(w, b.actor, { type: 'castVote', questionId: 'q1-4', answerId: id });
    reveal(w, 'q1-4');
    const during = screenView(w.state).results;
    expect(during && during.type === 'text' && during.votesShown).toBe(false);
    close(w, 'q1-4');
    const after = screenView(w.state).results;
    expect(after && after.type === 'text' && after.answers[0]!.votes).toBe(1);
  });
});
