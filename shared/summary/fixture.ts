// A fixed workshop for the summary's golden files, played through the core (decide + evolve)
// with a fixed clock and counter-made ids, so every run gives the same state. It covers:
// several roles at three tables; scale, number and text; a changed answer, a withdrawn text;
// "Ved ikke"; q1-1 and q1-3 with ≥ 5 answers in two roles (the gap shows); q1-3 also with a role
// of 4 (suppressed) and analog counts; q2-1 with 7 + 4 (secondary suppression); a late answer on
// q1-2 (advisory timer); dot votes on the texts of q1-4, where one answer is hidden, one awaits
// approval, one is pinned, one is merged into another (with its votes) and one comes from a
// participant who is then removed; a re-vote on q3-1; notes, decisions and actions on the
// session, a theme and questions, one edited and one deleted; the parking lot; texts that try to
// be markup or spreadsheet formulas. Only tests and the bench import this module.
import type { Lang, NoteKind, NoteScope, Role } from '../protocol.ts';
import type { SessionEvent } from '../session/events.ts';
import { initialState } from '../session/evolve.ts';
import {
  GUEST, HOST, SET, T0, answer, close, dontKnow, must, num, open, scale, text, type Joined, type World,
} from '../session/test-fixtures.ts';

export const TRICKY_TEXTS = [
  'Evidens, data og "dialog" – med kommaer',
  'Linje ét\nlinje to',
  'Æbler, øl og ål 🍏🍺',
  '=HYPERLINK("http://evil.example","klik")',
  '+1',
  '-1',
  '@SUM(A1)',
  '<script>alert("x")</script> & ![spor](http://tracker.example/x.png)',
] as const;

/** Texts the summary must never show: hidden, awaiting approval, or from a removed participant. */
export const UNSHOWN_TEXTS = ['Et svar, facilitator skjuler', 'Afventer godkendelse', 'Trolden skriver noget grimt'] as const;

export function emptyWorld(lang: Lang = 'da', code = 'TEST42'): World {
  const created: SessionEvent = { type: 'sessionCreated', code, set: SET, lang, at: T0 };
  return { state: initialState(created), events: [created], counter: 0, now: T0 };
}

function seated(w: World, role: Role, table: number, name?: string): Joined {
  const [e] = must(w, GUEST, { type: 'join', role, table, ...(name === undefined ? {} : { name }) });
  if (e?.type !== 'participantJoined') throw new Error('join gave no participantJoined');
  return { participantId: e.participantId, token: e.token, actor: { kind: 'participant', participantId: e.participantId } };
}

function note(w: World, scope: NoteScope, kind: NoteKind, noteText: string, extra: { who?: string; due?: string } = {}): string {
  const [e] = must(w, HOST, { type: 'addNote', scope, kind, text: noteText, ...extra, onScreen: false });
  if (e?.type !== 'noteAdded') throw new Error('addNote gave no noteAdded');
  return e.note.id;
}

export function fixtureWorld(lang: Lang = 'da'): World {
  const w = emptyWorld(lang);
  must(w, HOST, { type: 'configureSession', tables: 3 });
  must(w, HOST, { type: 'setSessionDetails', purpose: 'Drøfte udkastet til en ny forvaltningspolitik', place: 'Byrådssalen', facilitator: 'Anne Facilitator', minuteTaker: 'Bo Referent' });
  must(w, HOST, { type: 'next' });
  // Everyone takes the next seat round the three tables, in join order.
  let seat = 0;
  const people = (role: Role, count: number, name?: string): Joined[] =>
    Array.from({ length: count }, (_, i) => seated(w, role, (seat++ % 3) + 1, i === 0 ? name : undefined));
  const pol = people('politician', 6, 'Kirsten Hemmelig-Navn');
  const emp = people('employee', 7);
  const man = people('manager', 4);
  const cit = people('citizen', 2);
  const [exe] = people('executive', 1);
  const [troll] = people('other', 1);
  const session: NoteScope = { kind: 'session' };
  const theme1: NoteScope = { kind: 'theme', themeId: SET.themes[0]!.id };
  const theme2: NoteScope = { kind: 'theme', themeId: SET.themes[1]!.id };
  const q = (questionId: string): NoteScope => ({ kind: 'question', questionId });

  note(w, session, 'note', 'Workshoppen blev holdt i byrådssalen');
  note(w, session, 'action', 'Send opsummeringen til alle deltagere', { who: 'Sekretariatet', due: '2025-03-21' });

  open(w, 'q1-1');
  [4, 4, 5, 3, 5, 4].forEach((v, i) => answer(w, pol[i]!, 'q1-1', scale(v)));
  [2, 2, 3, 1, 2, 2].forEach((v, i) => answer(w, emp[i]!, 'q1-1', scale(v)));
  answer(w, emp[6]!, 'q1-1', dontKnow);
  answer(w, pol[3]!, 'q1-1', scale(5)); // changed her mind: 3 → 5
  note(w, q('q1-1'), 'decision', 'Resultatstyringen forenkles til tre mål pr. område');
  note(w, q('q1-1'), 'action', 'Lav et udkast til færre mål', { who: 'Direktionen', due: '2025-05-01' });

  open(w, 'q1-2');
  [12, 15, 8, 40, 10, 12].forEach((v, i) => answer(w, pol[i]!, 'q1-2', num(v)));
  [25, 30, 60, 18, 22, 35, 120].forEach((v, i) => answer(w, emp[i]!, 'q1-2', num(v)));
  // An advisory timer runs out; the executive answers after it.
  must(w, HOST, { type: 'setTimer', questionId: 'q1-2', seconds: 1, autoClose: false });
  w.now += 5000;
  answer(w, exe!, 'q1-2', num(14));
  must(w, HOST, { type: 'setTimer', questionId: 'q1-2', seconds: 0, autoClose: false });

  open(w, 'q1-3');
  [3, 4, 4, 5, 3].forEach((v, i) => answer(w, pol[i]!, 'q1-3', scale(v)));
  [1, 2, 2, 3, 1, 5, 2].forEach((v, i) => answer(w, emp[i]!, 'q1-3', scale(v)));
  [3, 3, 4, 2].forEach((v, i) => answer(w, man[i]!, 'q1-3', scale(v)));
  answer(w, cit[0]!, 'q1-3', scale(1));
  answer(w, cit[1]!, 'q1-3', dontKnow);
  // A show of hands from those without a phone: three 4s and two 2s.
  must(w, HOST, { type: 'addAnalogCounts', questionId: 'q1-3', entries: [{ answer: scale(4), count: 3 }, { answer: scale(2), count: 2 }] });

  open(w, 'q1-4');
  must(w, HOST, { type: 'configureQuestion', questionId: 'q1-4', wordCloud: true });
  TRICKY_TEXTS.forEach((t, i) => answer(w, emp[i % 7]!, 'q1-4', text(t)));
  const pinned = answer(w, pol[0]!, 'q1-4', text('Færre, men klarere mål'));
  const gone = answer(w, pol[0]!, 'q1-4', text('Dette svar trækkes tilbage'));
  must(w, pol[0]!.actor, { type: 'withdrawAnswer', questionId: 'q1-4', answerId: gone });
  answer(w, man[0]!, 'q1-4', text('Brug forskningen aktivt'));
  const target = answer(w, pol[1]!, 'q1-4', text('Mere tid til kerneopgaven'));
  const source = answer(w, pol[2]!, 'q1-4', text('Mere tid til kerneopgaven!'));
  const hidden = answer(w, emp[2]!, 'q1-4', text(UNSHOWN_TEXTS[0]));
  answer(w, troll!, 'q1-4', text(UNSHOWN_TEXTS[2]));
  must(w, HOST, { type: 'moderateAnswer', questionId: 'q1-4', answerId: hidden, action: 'hide' });
  must(w, HOST, { type: 'moderateAnswer', questionId: 'q1-4', answerId: pinned, action: 'pin' });
  must(w, HOST, { type: 'configureQuestion', questionId: 'q1-4', moderate: true });
  answer(w, man[3]!, 'q1-4', text(UNSHOWN_TEXTS[1]));
  must(w, HOST, { type: 'openVoting', questionId: 'q1-4' });
  const ids = Object.keys(w.state.runs['q1-4']!.entries);
  // Deterministic dots: citizens and managers vote for answers 1 and 3 (none is their own).
  for (const voter of [...cit, man[1]!, man[2]!]) {
    for (const id of [ids[0]!, ids[2]!]) must(w, voter.actor, { type: 'castVote', questionId: 'q1-4', answerId: id });
  }
  // One dot each on the two "Mere tid" answers; then they are merged, the dots added up.
  must(w, cit[0]!.actor, { type: 'castVote', questionId: 'q1-4', answerId: target });
  must(w, cit[1]!.actor, { type: 'castVote', questionId: 'q1-4', answerId: source });
  must(w, HOST, { type: 'mergeAnswers', questionId: 'q1-4', targetId: target, sourceIds: [source] });
  must(w, HOST, { type: 'removeParticipant', participantId: troll!.participantId });
  note(w, q('q1-4'), 'note', 'Svarene samles i et notat til udvalget');
  note(w, theme1, 'decision', 'Målene drøftes igen i <b>juni</b>', { who: 'Udvalget' });
  note(w, theme1, 'action', '=Indkald til møde', { who: 'Sekretariatet' });

  open(w, 'q2-1');
  [2, 3, 3, 4, 2, 3, 3].forEach((v, i) => answer(w, emp[i]!, 'q2-1', scale(v)));
  [4, 5, 4, 4].forEach((v, i) => answer(w, man[i]!, 'q2-1', scale(v)));

  open(w, 'q2-2');
  for (const p of emp.slice(0, 3)) answer(w, p, 'q2-2', dontKnow);
  const edited = note(w, theme2, 'note', 'Fælles sprog om data');
  must(w, HOST, { type: 'updateNote', noteId: edited, kind: 'decision', text: 'Vi laver en fælles ordliste om data' });
  const deleted = note(w, theme2, 'action', 'Denne handling slettes igen');
  must(w, HOST, { type: 'deleteNote', noteId: deleted });
  note(w, theme2, 'parking', 'Hvem ejer data? Tages op i direktionen');
  note(w, session, 'parking', 'Budgettet for 2026');

  // A re-vote: round 1, a discussion, round 2.
  open(w, 'q3-1');
  [2, 3, 2, 3, 2, 2].forEach((v, i) => answer(w, pol[i]!, 'q3-1', scale(v)));
  [1, 2, 2, 1, 2].forEach((v, i) => answer(w, emp[i]!, 'q3-1', scale(v)));
  close(w, 'q3-1');
  must(w, HOST, { type: 'startRevote', questionId: 'q3-1' });
  [4, 4, 3, 4, 5, 4].forEach((v, i) => answer(w, pol[i]!, 'q3-1', scale(v)));
  [3, 3, 4, 2, 3].forEach((v, i) => answer(w, emp[i]!, 'q3-1', scale(v)));
  close(w, 'q3-1');
  return w;
}
