// Screen views for the stage test, built by the real core (decide + evolve + screenView) from
// scripted sessions: every step kind and phase, with empty, typical and maximal content – the
// most the limits allow: 30 theme statements, a 10-statement poll, 6 roles and 6 tables split,
// 8 options with "Andet", 10 items to rank (LIMITS.rankingItems), 300 answers of up to 500
// characters on the wall, a 300-character word with no spaces, 300-character questions.
import { LIMITS, ROLES, type AnswerValue, type Command, type Role } from '../shared/protocol.ts';
import { parseQuestionSet, type QuestionSet } from '../shared/question-set.ts';
import { screenView, type ScreenView } from '../shared/session/views.ts';
import { HOST, SET, join, must, newWorld, type Joined, type World } from '../shared/session/test-fixtures.ts';

export type Content = 'empty' | 'typical' | 'max';
export type StageCase = { state: string; view: ScreenView };

const LONG_WORD = 'Kommunalbestyrelsesmedlemsforventningsafstemningsprocesevalueringsrapport'.repeat(5).slice(0, 300);
const words = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => ['styring', 'tillid', 'mål', 'borgerne', 'ledelse', 'faglighed', 'evidens', 'dialog', 'samarbejde'][(i * 7 + seed) % 9]).join(' ');
const sentence = (chars: number, seed: number) => `${seed}: ${words(Math.ceil(chars / 7), seed)}`.slice(0, chars);
const loc = (da: string) => ({ da, en: `EN ${da}`.slice(0, da.length) });

/** The maximal set: every list at the limit, long texts everywhere. */
function maxSet(): QuestionSet {
  const q = (id: string, response: object) => ({ id, text: loc(sentence(300, id.length)), response });
  return parseQuestionSet(
    {
      id: 'stage-max',
      version: 1,
      title: loc(sentence(160, 1)),
      context: { title: loc(sentence(120, 2)), points: Array.from({ length: 12 }, (_, i) => ({ heading: loc(sentence(80, i)), text: loc(sentence(160, i + 3)) })) },
      themes: [
        {
          id: 'maks',
          title: loc(sentence(150, 3)),
          description: loc(sentence(300, 4)),
          statements: Array.from({ length: 30 }, (_, i) => ({ text: loc(sentence(140, i)), details: [loc(sentence(90, i + 1)), loc(sentence(90, i + 2))] })),
          questions: [
            q('skala', { type: 'scale', min: 0, max: 10, minLabel: loc(sentence(60, 5)), maxLabel: loc(sentence(60, 6)) }),
            q('tal', { type: 'number', min: 0, max: 1_000_000, unit: loc('kroner pr. indbygger') }),
            q('valg', { type: 'choice', options: Array.from({ length: 8 }, (_, i) => loc(sentence(90, i))), multiple: true, other: true }),
            q('rang', { type: 'ranking', items: Array.from({ length: LIMITS.rankingItems }, (_, i) => loc(sentence(100, i))) }),
            q('udsagn', { type: 'statements', statements: Array.from({ length: 10 }, (_, i) => loc(sentence(150, i))) }),
            q('tekst', { type: 'text', maxAnswers: 5, maxLength: 500 }),
          ],
        },
      ],
    },
    'stage-max',
  );
}

/** The built-in set with a choice and a ranking question added to its first theme. */
function typicalSet(): QuestionSet {
  const set = structuredClone(SET);
  set.themes[0]!.questions.push(
    { id: 'valg', text: { da: 'Hvilken dagsorden fylder mest hos jer?', en: 'Which agenda takes up most room?' }, response: { type: 'choice', options: [{ da: 'Stram økonomi' }, { da: 'Innovation' }, { da: 'Produktivitet' }, { da: 'Vækst' }], multiple: false, other: true } },
    { id: 'rang', text: { da: 'Rangér dagsordenerne', en: 'Rank the agendas' }, response: { type: 'ranking', items: [{ da: 'Stram økonomi' }, { da: 'Innovation' }, { da: 'Produktivitet' }, { da: 'Vækst' }, { da: 'Digitalisering' }] } },
  );
  return set;
}

type Ids = { scale: string; number: string; choice: string; ranking: string; statements: string; text: string };
const TYPICAL_IDS: Ids = { scale: 'q1-1', number: 'q1-2', choice: 'valg', ranking: 'rang', statements: 'u1', text: 'q1-4' };
const MAX_IDS: Ids = { scale: 'skala', number: 'tal', choice: 'valg', ranking: 'rang', statements: 'udsagn', text: 'tekst' };

/** What person i answers to each question type (deterministic; differs by role so splits differ). */
function answerFor(type: keyof Ids, i: number, set: QuestionSet, id: string, round = 0): AnswerValue[] {
  const spec = set.themes.flatMap((t) => t.questions).find((x) => x.id === id)!.response;
  switch (type) {
    case 'scale':
      return [i % 11 === 10 ? { kind: 'dontKnow' } : { kind: 'scale', value: spec.type === 'scale' ? spec.min + ((i * 3 + round + (i % 6)) % (spec.max - spec.min + 1)) : 1 }];
    case 'number':
      return [{ kind: 'number', value: (i * 7919) % (spec.type === 'number' ? spec.max : 100) }];
    case 'choice': {
      if (spec.type !== 'choice') return [];
      const other = spec.other && i % 5 === 0;
      const picks = [i % spec.options.length, (i * 3) % spec.options.length].filter((v, k, a) => a.indexOf(v) === k);
      const options = spec.multiple ? picks : other ? [] : picks.slice(0, 1);
      return [{ kind: 'choice', options, ...(other ? { other: 'Noget helt andet' } : {}) }];
    }
    case 'ranking': {
      const n = spec.type === 'ranking' ? spec.items.length : 3;
      // Early items lean towards the top, each role (i % 6) with its own noise: means differ.
      const key = (k: number) => k + (((i * 13 + k * 7) % 5) * (1 + (i % 6))) / 2;
      const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => key(a) - key(b) || a - b);
      return [{ kind: 'ranking', order }];
    }
    case 'statements': {
      const n = spec.type === 'statements' ? spec.statements.length : 1;
      // The share agreeing differs by statement and by role (i % 6), and moves a little in a re-vote.
      const votes = Array.from({ length: n }, (_, k) => {
        const r = (i * 7 + k * 11 + round * 3) % 10;
        return r < 2 + ((k + (i % 6)) % 7) ? 'agree' : r < 9 ? 'disagree' : 'pass';
      });
      return [{ kind: 'statements', votes }];
    }
    case 'text': {
      const max = spec.type === 'text' ? spec.maxLength : 280;
      const per = spec.type === 'text' ? spec.maxAnswers : 1;
      return Array.from({ length: per }, (_, k) => {
        const n = i * per + k;
        const text = n === 7 || n % 100 === 95 ? LONG_WORD.slice(0, max) : n % 9 === 0 ? sentence(max, n) : sentence(20 + ((n * 37) % 120), n);
        return { kind: 'text', text: `#${n} ${text}`.slice(0, max) };
      });
    }
  }
}

export function stageCases(content: Content): StageCase[] {
  const set = content === 'max' ? maxSet() : typicalSet();
  const ids = content === 'max' ? MAX_IDS : TYPICAL_IDS;
  const w = newWorld(set);
  const cases: StageCase[] = [];
  const shot = (state: string) => cases.push({ state, view: structuredClone(screenView(w.state)) });
  const host = (command: Command) => must(w, HOST, command);
  const people: Joined[] = [];
  host({ type: 'configureSession', tables: content === 'max' ? 6 : 3 });
  if (content !== 'empty') {
    const count = content === 'max' ? 60 : 24;
    for (let i = 0; i < count; i++) {
      // Typical: few citizens (2), so their group is "too few answers".
      const role = content === 'typical' ? (i < 2 ? 'citizen' : ROLES[[0, 1, 2, 3, 5][i % 5]!]!) : ROLES[i % ROLES.length]!;
      const table = (i % (content === 'max' ? 6 : 3)) + 1;
      people.push(joinAt(w, role, table));
    }
  }
  shot('lobby');
  const stepOfQ = (id: string) => w.state.agenda.findIndex((s) => s.kind === 'question' && s.questionId === id);
  host({ type: 'goTo', index: w.state.agenda.findIndex((s) => s.kind === 'context') });
  shot('context');
  const themeStep = w.state.agenda.findIndex((s) => s.kind === 'theme');
  const answerAll = (type: keyof Ids, round = 0) => people.forEach((p, i) => answerFor(type, i, set, ids[type], round).forEach((a) => must(w, p.actor, { type: 'submitAnswer', questionId: ids[type], answer: a })));

  for (const type of ['scale', 'number', 'choice', 'ranking', 'statements'] as const) {
    const questionId = ids[type];
    host({ type: 'goTo', index: stepOfQ(questionId) });
    if (type === 'scale') shot('question-idle');
    host({ type: 'openAnswering', questionId });
    answerAll(type);
    shot(`${type}-open`);
    host({ type: 'closeAnswering', questionId });
    if (type === 'scale') shot('question-closed');
    host({ type: 'setResultsVisible', questionId, visible: true });
    shot(`${type}-results`);
    if (type !== 'number') {
      host({ type: 'configureQuestion', questionId, split: 'role' });
      shot(`${type}-by-role`);
      if (type === 'scale' || type === 'statements') {
        host({ type: 'configureQuestion', questionId, split: 'table' });
        shot(`${type}-by-table`);
      }
      host({ type: 'configureQuestion', questionId, split: 'none' });
    }
    if (type === 'scale' || type === 'statements') {
      host({ type: 'startRevote', questionId });
      answerAll(type, 1);
      host({ type: 'closeAnswering', questionId });
      shot(`${type}-revote`);
    }
  }
  // The open-text wall: answers, pages, the word cloud, voting.
  host({ type: 'goTo', index: stepOfQ(ids.text) });
  host({ type: 'openAnswering', questionId: ids.text });
  answerAll('text');
  host({ type: 'closeAnswering', questionId: ids.text });
  host({ type: 'setResultsVisible', questionId: ids.text, visible: true });
  decorateWall(w, ids.text);
  shot('text-wall');
  host({ type: 'turnScreenPage', by: 1 });
  shot('text-wall-page-2');
  host({ type: 'configureQuestion', questionId: ids.text, wordCloud: true });
  shot('text-cloud');
  host({ type: 'configureQuestion', questionId: ids.text, wordCloud: false });
  // Voting needs answers to vote on: an empty room has no voting step.
  if (people.length > 0) {
    host({ type: 'openVoting', questionId: ids.text });
    shot('text-voting');
    host({ type: 'closeAnswering', questionId: ids.text });
    shot('text-votes');
  }
  // Notes chosen for the screen, on a question.
  host({ type: 'goTo', index: stepOfQ(ids.scale) });
  const noteText = content === 'max' ? sentence(1000, 9) : 'Vi tager målplanen op på næste direktionsmøde';
  host({ type: 'addNote', scope: { kind: 'question', questionId: ids.scale }, kind: 'decision', text: noteText, onScreen: true });
  host({ type: 'addNote', scope: { kind: 'session' }, kind: 'action', text: content === 'max' ? sentence(1000, 10) : 'Lav en målplan', who: 'Direktionen', due: 'Q2', onScreen: true });
  shot('notes');
  host({ type: 'goTo', index: themeStep });
  shot('theme');
  host({ type: 'configureScreen', overview: true });
  shot('overview');
  host({ type: 'setScreenBlank', blank: true });
  shot('blank');
  host({ type: 'setScreenBlank', blank: false });
  host({ type: 'endSession' });
  shot('ended');
  return cases;
}

function joinAt(w: World, role: Role, table: number): Joined {
  const [e] = must(w, { kind: 'guest' }, { type: 'join', role, table });
  if (e?.type !== 'participantJoined') throw new Error('no join');
  return { participantId: e.participantId, token: e.token, actor: { kind: 'participant', participantId: e.participantId } };
}

/** A pinned answer and a few merged duplicates, as a facilitator would leave the wall. */
function decorateWall(w: World, questionId: string): void {
  const run = w.state.runs[questionId]!;
  const ids = run.order.filter((id) => run.entries[id]);
  if (ids.length < 4) return;
  must(w, HOST, { type: 'moderateAnswer', questionId, answerId: ids[1]!, action: 'pin' });
  must(w, HOST, { type: 'mergeAnswers', questionId, targetId: ids[2]!, sourceIds: [ids[3]!] });
}

/** Every page of the wall of 300 answers, as the screen gets them page by page. */
export function wallPages(): ScreenView[] {
  const set = maxSet();
  const w = newWorld(set);
  const people = Array.from({ length: 60 }, (_, i) => join(w, ROLES[i % ROLES.length]));
  must(w, HOST, { type: 'goTo', index: w.state.agenda.findIndex((s) => s.kind === 'question' && s.questionId === 'tekst') });
  must(w, HOST, { type: 'openAnswering', questionId: 'tekst' });
  people.forEach((p, i) => answerFor('text', i, set, 'tekst').forEach((a) => must(w, p.actor, { type: 'submitAnswer', questionId: 'tekst', answer: a })));
  must(w, HOST, { type: 'setResultsVisible', questionId: 'tekst', visible: true });
  const first = screenView(w.state);
  const count = first.results?.type === 'text' ? (first.results.page?.count ?? 0) : 0;
  const pages: ScreenView[] = [];
  for (let p = 0; p < count; p++) {
    pages.push(structuredClone(screenView(w.state)));
    must(w, HOST, { type: 'turnScreenPage', by: 1 });
  }
  return pages;
}
