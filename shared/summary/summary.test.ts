import { describe, expect, it } from 'vitest';
import { parseQuestionSet } from '../question-set.ts';
import { fromCounts } from '../session/results.ts';
import { HOST, SET, answer, join, must, newWorld, open, text } from '../session/test-fixtures.ts';
import { emptyWorld, fixtureWorld } from './fixture.ts';
import { buildSummary, SUMMARY_SCHEMA_VERSION, type Summary, type SummaryQuestion } from './summary.ts';

function question(s: Summary, id: string): SummaryQuestion {
  const q = s.themes.flatMap((t) => t.questions).find((x) => x.id === id);
  if (!q) throw new Error(`no ${id} in the summary`);
  return q;
}
const shownRoles = (q: SummaryQuestion) => q.byRole.filter((r) => !r.suppressed).map((r) => r.role);
const hiddenRoles = (q: SummaryQuestion) => q.byRole.filter((r) => r.suppressed).map((r) => r.role);

describe('buildSummary', () => {
  it('of a fresh session: every theme and question, nothing answered, local time', () => {
    const s = buildSummary(emptyWorld().state);
    expect(s).toMatchObject({
      schemaVersion: SUMMARY_SCHEMA_VERSION,
      code: 'TEST42',
      title: SET.title.da,
      lang: 'da',
      date: '2025-03-14',
      createdAt: '2025-03-14T10:00:00+01:00',
      timeZone: 'Europe/Copenhagen',
      minGroup: 5,
      participants: { total: 0 },
      notes: [],
      actions: [],
      parkingLot: [],
      answers: [],
    });
    expect(s.participants.byTable).toBeUndefined();
    expect(s.keyPoints.every((k) => k.decisions.length === 0)).toBe(true);
    expect(s.themes.map((t) => [t.id, t.questions.length])).toEqual(SET.themes.map((t) => [t.id, t.questions.length]));
    for (const q of s.themes.flatMap((t) => t.questions)) {
      expect(q).toMatchObject({ respondents: 0, n: 0, analog: 0, hidden: 0, byRole: [], figures: null, gap: null, answers: [], notes: [], headline: 'ingen svar' });
      expect(q.rounds).toBeUndefined();
    }
  });

  it('carries the exact figures of the fixture (hand-computed)', () => {
    const s = buildSummary(fixtureWorld().state);
    expect(s.participants.total).toBe(20);
    const q11 = question(s, 'q1-1');
    // Politicians 4,4,5,5,5,4 (one changed 3 → 5); employees 2,2,3,1,2,2 and one "Ved ikke".
    expect(q11).toMatchObject({ respondents: 13, n: 12, dontKnow: 1, figures: { median: 3.5, q1: 2, q3: 4.25, iqr: 2.25, min: 1, max: 5, agreement: 'divided' } });
    expect(q11.bars.map((b) => b.count)).toEqual([1, 4, 1, 3, 3]);
    expect(q11.byRole).toEqual([
      { role: 'politician', suppressed: false, respondents: 6, n: 6, dontKnow: 0, median: 4.5, counts: [0, 0, 0, 3, 3] },
      { role: 'employee', suppressed: false, respondents: 7, n: 6, dontKnow: 1, median: 2, counts: [1, 4, 1, 0, 0] },
    ]);
    expect(q11.gap).toEqual({ high: { role: 'politician', median: 4.5 }, low: { role: 'employee', median: 2 }, difference: 2.5 });
    expect(q11.headline).toBe('median 3,5 af 5, n=12 (+1 ved ikke), uenighed');
    expect(s.keyPoints[0]!.points[0]!.gap).toBe('Politiker 4,5 mod Medarbejder/fagprofessionel 2 (forskel 2,5)');
    expect(question(s, 'q1-2')).toMatchObject({ n: 14, analog: 0, figures: { median: 20, min: 8, max: 120, agreement: null }, headline: 'median 20 mål, n=14' });
    expect(question(s, 'q2-1').figures).toMatchObject({ iqr: 1, agreement: 'consensus' });
    expect(question(s, 'q2-2')).toMatchObject({ n: 0, dontKnow: 3, figures: null, headline: 'n=0 (+3 ved ikke)' });
  });

  it('shows the bars the screen shows', () => {
    const w = fixtureWorld();
    const s = buildSummary(w.state);
    for (const q of SET.themes.flatMap((t) => t.questions)) {
      if (q.response.type !== 'scale' && q.response.type !== 'number') continue;
      const screen = fromCounts(q.response, w.state.runs[q.id]!.tally);
      expect(question(s, q.id).bars, q.id).toEqual('bars' in screen ? screen.bars : []);
      expect(question(s, q.id).figures?.median ?? null, q.id).toBe('median' in screen ? screen.median : null);
    }
  });

  it('hides small role splits, and the smallest shown one when the hidden ones could be worked out', () => {
    const s = buildSummary(fixtureWorld().state);
    expect([shownRoles(question(s, 'q1-3')), hiddenRoles(question(s, 'q1-3'))]).toEqual([['politician', 'employee'], ['manager', 'citizen']]);
    expect(question(s, 'q1-3').gap).toMatchObject({ difference: 2 });
    // 7 employees and 4 managers: showing the employees would give the managers away.
    expect([shownRoles(question(s, 'q2-1')), hiddenRoles(question(s, 'q2-1'))]).toEqual([[], ['manager', 'employee']]);
    expect(question(s, 'q2-1').gap).toBeNull();
    // One executive hides the six politicians too.
    expect(hiddenRoles(question(s, 'q1-2'))).toEqual(['politician', 'executive']);
    for (const q of s.themes.flatMap((t) => t.questions)) {
      for (const r of q.byRole) if (r.suppressed) expect(Object.keys(r).sort(), q.id).toEqual(['role', 'suppressed']);
    }
  });

  it('follows the session’s minimum group size', () => {
    const w = fixtureWorld();
    must(w, HOST, { type: 'configureSession', minGroupSize: 3 });
    const s = buildSummary(w.state);
    expect(s.minGroup).toBe(3);
    expect(shownRoles(question(s, 'q2-1'))).toEqual(['manager', 'employee']);
    expect(s.method.join(' ')).toContain('færre end 3 personer');
  });

  it('words the group rule right for every minimum: never “færre end 1”', () => {
    for (const [lang, k] of [['da', 1], ['da', 2], ['en', 1], ['en', 5]] as const) {
      const w = fixtureWorld(lang);
      must(w, HOST, { type: 'configureSession', minGroupSize: k });
      const method = buildSummary(w.state).method.join(' ');
      expect(method).not.toMatch(/færre end 1\b|fewer than 1\b/);
      if (k === 1) expect(method).toMatch(/sat til 1: alle roller|set to 1: every role/);
      else expect(method).toContain(lang === 'da' ? `færre end ${k} personer` : `fewer than ${k} people`);
    }
  });

  it('lists every visible text answer, oldest first, with dots, without the withdrawn one', () => {
    const s = buildSummary(fixtureWorld().state);
    const q = question(s, 'q1-4');
    expect(q.n).toBe(11);
    expect(q.answers.map((a) => a.text)).not.toContain('Dette svar trækkes tilbage');
    expect(q.answers[0]).toEqual({ text: 'Evidens, data og "dialog" – med kommaer', votes: 4 });
    // 4 + 4 from citizens and managers, 1 + 1 on the two answers merged into one.
    expect(q.answers.reduce((sum, a) => sum + (a.votes ?? 0), 0)).toBe(10);
    expect(q.headline).toContain('flest stemmer');
  });

  it('lists every text beyond any wall limit', () => {
    const w = newWorld();
    const people = Array.from({ length: 90 }, () => join(w));
    open(w, 'q1-4');
    for (const p of people) for (const t of ['a', 'b', 'c']) answer(w, p, 'q1-4', text(`${t} ${p.participantId}`));
    expect(question(buildSummary(w.state), 'q1-4')).toMatchObject({ n: 270, respondents: 90 });
    expect(question(buildSummary(w.state), 'q1-4').answers).toHaveLength(270);
  });

  it('is plain JSON with no names, tokens or participant ids', () => {
    const w = fixtureWorld();
    const s = buildSummary(w.state);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    const json = JSON.stringify(s);
    expect(json).not.toContain('Hemmelig');
    for (const p of Object.values(w.state.participants)) {
      expect(json).not.toContain(p.token);
      expect(json).not.toContain(`"${p.id}"`);
    }
    expect(json).not.toMatch(/participantId|SECRET/);
    // Every answer of every round, but the three that are not shown (hidden, pending, removed).
    const all = Object.values(w.state.runs).reduce((n, r) => n + Object.keys(r.entries).length + r.history.reduce((k, h) => k + Object.keys(h.entries).length, 0), 0);
    expect(s.answers).toHaveLength(all - 3);
  });

  it('speaks the session’s language', () => {
    const s = buildSummary(fixtureWorld('en').state);
    expect(s).toMatchObject({ lang: 'en', title: SET.title.en });
    expect(question(s, 'q1-1').text).toBe(SET.themes[0]!.questions[0]!.text.en);
    expect(question(s, 'q1-1').headline).toBe("median 3.5 of 5, n=12 (+1 don't know), divided");
    expect(s.method[0]).toMatch(/^Answers are anonymous/);
  });
});

describe('choice, ranking and statements questions', () => {
  const set = parseQuestionSet(
    {
      ...structuredClone(SET),
      themes: [
        {
          id: 'valg',
          title: { da: 'Valg' },
          questions: [
            { id: 'c1', text: { da: 'Hvad er vigtigst?' }, response: { type: 'choice', options: [{ da: 'Tid' }, { da: 'Penge' }, { da: 'Tillid' }], multiple: true, other: true } },
            { id: 'r1', text: { da: 'Rangér' }, response: { type: 'ranking', items: [{ da: 'A' }, { da: 'B' }, { da: 'C' }] } },
            { id: 's1', text: { da: 'Enig?' }, response: { type: 'statements', statements: [{ da: 'Mere tid' }, { da: 'Mindre papir' }] } },
          ],
        },
      ],
    },
    'test',
  );

  it('are summarised with their own figures and headlines', () => {
    const w = newWorld(set);
    const people = Array.from({ length: 6 }, () => join(w, 'employee'));
    for (const q of ['c1', 'r1', 's1']) open(w, q);
    people.forEach((p, i) => {
      answer(w, p, 'c1', { kind: 'choice', options: i < 4 ? [2] : [0, 1], ...(i === 5 ? { other: 'Ro' } : {}) });
      answer(w, p, 'r1', { kind: 'ranking', order: i < 4 ? [1, 0, 2] : [0, 1, 2] });
      answer(w, p, 's1', { kind: 'statements', votes: ['agree', i < 3 ? 'agree' : 'disagree'] });
    });
    const s = buildSummary(w.state);
    const [c1, r1, s1] = s.themes[0]!.questions;
    expect(c1).toMatchObject({ n: 6, other: 1, multiple: true, answers: [{ text: 'Ro' }], headline: 'flest valgte “Tillid” (4 af 6, 67 %)' });
    expect(c1!.bars.map((b) => [b.label, b.count])).toEqual([['Tillid', 4], ['Tid', 2], ['Penge', 2]]);
    expect(r1).toMatchObject({ headline: '“B” rangeret højest (gns. plads 1,33), n=6' });
    expect(r1!.ranking![0]).toEqual({ item: 'B', meanRank: 8 / 6, first: 4 });
    expect(s1!.statements![0]).toMatchObject({ text: 'Mere tid', agree: 6, label: 'consensus' });
    expect(s.answers.find((a) => a.questionId === 'c1' && a.other)).toMatchObject({ value: 'Tid; Penge; Andet: Ro', indexes: [0, 1], other: 'Ro' });
  });
});
