// A workshop with one question of every response type, for the spreadsheet's and the raw exports'
// tests: a scale with "Ved ikke", a number, a single choice with "Andet", a multiple choice, a
// ranking, statements and a text with dot votes and a word cloud. Answered by 6 employees,
// 5 politicians and one executive (a group under the minimum of 5, which no raw export may show),
// plus two analog answers on the scale, at two tables. Only tests import this module.
import type { Lang } from '../protocol.ts';
import { parseQuestionSet, type QuestionSet } from '../question-set.ts';
import type { SessionEvent } from '../session/events.ts';
import { initialState } from '../session/evolve.ts';
import { GUEST, HOST, SET, T0, answer, must, open, type Joined, type World } from '../session/test-fixtures.ts';

export const TYPES_SET: QuestionSet = parseQuestionSet(
  {
    ...structuredClone(SET),
    id: 'alle-typer',
    themes: [
      {
        id: 'alle',
        title: { da: 'Alle typer', en: 'Every type' },
        questions: [
          { id: 'sk', text: { da: 'Hvor godt virker det?', en: 'How well does it work?' }, response: { type: 'scale', min: 1, max: 5, minLabel: { da: 'Slet ikke', en: 'Not at all' }, maxLabel: { da: 'Meget godt', en: 'Very well' }, dontKnow: true } },
          { id: 'ta', text: { da: 'Hvor mange mål?', en: 'How many goals?' }, response: { type: 'number', min: 0, max: 100 } },
          { id: 'v1', text: { da: 'Hvad er vigtigst?', en: 'What matters most?' }, response: { type: 'choice', options: [{ da: 'Tid', en: 'Time' }, { da: 'Penge', en: 'Money' }, { da: 'Tillid', en: 'Trust' }], multiple: false, other: true } },
          { id: 'v2', text: { da: 'Hvad fylder?', en: 'What fills the days?' }, response: { type: 'choice', options: [{ da: 'Møder', en: 'Meetings' }, { da: 'Mails', en: 'Mail' }], multiple: true, other: true } },
          { id: 'ra', text: { da: 'Rangér dagsordenerne', en: 'Rank the agendas' }, response: { type: 'ranking', items: [{ da: 'Økonomi', en: 'Finances' }, { da: 'Innovation', en: 'Innovation' }, { da: 'Vækst', en: 'Growth' }] } },
          { id: 'ud', text: { da: 'Er du enig?', en: 'Do you agree?' }, response: { type: 'statements', statements: [{ da: 'Vi har for mange mål', en: 'We have too many goals' }, { da: 'Data hjælper', en: 'Data helps' }] } },
          { id: 'tx', text: { da: 'Hvad skal vi gøre?', en: 'What should we do?' }, response: { type: 'text', maxAnswers: 3 } },
          { id: 'ik', text: { da: 'Et spørgsmål, vi ikke nåede', en: 'A question we did not reach' }, response: { type: 'scale', min: 1, max: 5, minLabel: { da: 'Lav' }, maxLabel: { da: 'Høj' } } },
        ],
      },
    ],
  },
  'fixture-types',
);

export function typesWorld(lang: Lang = 'da'): World {
  const created: SessionEvent = { type: 'sessionCreated', code: 'TYPE01', set: TYPES_SET, lang, at: T0 };
  const w: World = { state: initialState(created), events: [created], counter: 0, now: T0 };
  must(w, HOST, { type: 'configureSession', tables: 2 });
  must(w, HOST, { type: 'setSessionDetails', place: 'Mødelokale 2', facilitator: 'Anne', minuteTaker: 'Bo' });
  must(w, HOST, { type: 'next' });
  const seat = (role: 'employee' | 'politician' | 'executive', table: number): Joined => {
    const [e] = must(w, GUEST, { type: 'join', role, table });
    if (e?.type !== 'participantJoined') throw new Error('no participantJoined');
    return { participantId: e.participantId, token: e.token, actor: { kind: 'participant', participantId: e.participantId } };
  };
  const emp = Array.from({ length: 6 }, (_, i) => seat('employee', (i % 2) + 1));
  const pol = Array.from({ length: 5 }, (_, i) => seat('politician', (i % 2) + 1));
  const exe = seat('executive', 1);
  const all = [...emp, ...pol, exe];
  for (const q of ['sk', 'ta', 'v1', 'v2', 'ra', 'ud', 'tx']) open(w, q);
  must(w, HOST, { type: 'configureQuestion', questionId: 'tx', wordCloud: true });
  all.forEach((p, i) => {
    answer(w, p, 'sk', i === 3 ? { kind: 'dontKnow' } : { kind: 'scale', value: (i % 5) + 1 });
    answer(w, p, 'ta', { kind: 'number', value: i * 7 });
    answer(w, p, 'v1', i % 4 === 3 ? { kind: 'choice', options: [], other: `Andet ${i}` } : { kind: 'choice', options: [i % 3] });
    answer(w, p, 'v2', { kind: 'choice', options: i % 2 ? [0, 1] : [1], ...(i === 5 ? { other: 'Kaffe' } : {}) });
    answer(w, p, 'ra', { kind: 'ranking', order: i % 3 ? [1, 0, 2] : [2, 1, 0] });
    answer(w, p, 'ud', { kind: 'statements', votes: [i % 2 ? 'agree' : 'disagree', i % 3 ? 'agree' : 'pass'] });
  });
  const texts = ['Færre mål', 'Mere tid til borgerne', 'Bedre data', 'Færre møder og mål'];
  const ids = emp.slice(0, 4).map((p, i) => answer(w, p, 'tx', { kind: 'text', text: texts[i]! }));
  answer(w, exe, 'tx', { kind: 'text', text: 'Direktionens eget forslag' });
  must(w, HOST, { type: 'addAnalogCounts', questionId: 'sk', entries: [{ answer: { kind: 'scale', value: 4 }, count: 2 }] });
  must(w, HOST, { type: 'openVoting', questionId: 'tx' });
  for (const voter of pol) for (const id of [ids[0]!, ids[2]!]) must(w, voter.actor, { type: 'castVote', questionId: 'tx', answerId: id });
  must(w, pol[0]!.actor, { type: 'castVote', questionId: 'tx', answerId: ids[1]! });
  must(w, HOST, { type: 'closeAnswering', questionId: 'tx' });
  must(w, HOST, { type: 'addNote', scope: { kind: 'question', questionId: 'v1' }, kind: 'decision', text: 'Tillid prioriteres', onScreen: false });
  must(w, HOST, { type: 'addNote', scope: { kind: 'question', questionId: 'v1' }, kind: 'action', text: 'Plan for tillid', who: 'HR', due: '2025-06-01', onScreen: false });
  return w;
}
