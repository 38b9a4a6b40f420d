// A fixed workshop for the summary's golden files, played through the core (decide + evolve)
// with a fixed clock and counter-made ids, so every run gives the same state. It covers:
// several roles; scale, number and text; a changed answer, a withdrawn text; "Ved ikke";
// q1-1 and q1-3 with ≥ 5 answers in two roles (the gap shows); q1-3 also with a role of 4
// (suppressed); q2-1 with 7 + 4 (secondary suppression); dot votes on the texts; texts that
// try to be markup or spreadsheet formulas. Only tests and the bench import this module.
import type { Lang, Role } from '../protocol.ts';
import type { SessionEvent } from '../session/events.ts';
import { initialState } from '../session/evolve.ts';
import {
  HOST, SET, T0, answer, dontKnow, join, must, num, open, scale, text, type Joined, type World,
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

export function emptyWorld(lang: Lang = 'da', code = 'TEST42'): World {
  const created: SessionEvent = { type: 'sessionCreated', code, set: SET, lang, at: T0 };
  return { state: initialState(created), events: [created], counter: 0, now: T0 };
}

function people(w: World, role: Role, count: number, name?: string): Joined[] {
  return Array.from({ length: count }, (_, i) => join(w, role, i === 0 ? name : undefined));
}

export function fixtureWorld(lang: Lang = 'da'): World {
  const w = emptyWorld(lang);
  const pol = people(w, 'politician', 6, 'Kirsten Hemmelig-Navn');
  const emp = people(w, 'employee', 7);
  const man = people(w, 'manager', 4);
  const cit = people(w, 'citizen', 2);
  const [exe] = people(w, 'executive', 1);

  open(w, 'q1-1');
  [4, 4, 5, 3, 5, 4].forEach((v, i) => answer(w, pol[i]!, 'q1-1', scale(v)));
  [2, 2, 3, 1, 2, 2].forEach((v, i) => answer(w, emp[i]!, 'q1-1', scale(v)));
  answer(w, emp[6]!, 'q1-1', dontKnow);
  answer(w, pol[3]!, 'q1-1', scale(5)); // changed her mind: 3 → 5

  open(w, 'q1-2');
  [12, 15, 8, 40, 10, 12].forEach((v, i) => answer(w, pol[i]!, 'q1-2', num(v)));
  [25, 30, 60, 18, 22, 35, 120].forEach((v, i) => answer(w, emp[i]!, 'q1-2', num(v)));
  answer(w, exe!, 'q1-2', num(14));

  open(w, 'q1-3');
  [3, 4, 4, 5, 3].forEach((v, i) => answer(w, pol[i]!, 'q1-3', scale(v)));
  [1, 2, 2, 3, 1, 5, 2].forEach((v, i) => answer(w, emp[i]!, 'q1-3', scale(v)));
  [3, 3, 4, 2].forEach((v, i) => answer(w, man[i]!, 'q1-3', scale(v)));
  answer(w, cit[0]!, 'q1-3', scale(1));
  answer(w, cit[1]!, 'q1-3', dontKnow);

  open(w, 'q1-4');
  TRICKY_TEXTS.forEach((t, i) => answer(w, emp[i % 7]!, 'q1-4', text(t)));
  answer(w, pol[0]!, 'q1-4', text('Færre, men klarere mål'));
  const gone = answer(w, pol[0]!, 'q1-4', text('Dette svar trækkes tilbage'));
  must(w, pol[0]!.actor, { type: 'withdrawAnswer', questionId: 'q1-4', answerId: gone });
  answer(w, man[0]!, 'q1-4', text('Brug forskningen aktivt'));
  must(w, HOST, { type: 'openVoting', questionId: 'q1-4' });
  const ids = Object.keys(w.state.runs['q1-4']!.entries);
  // Deterministic dots: citizens and managers vote for answers 1 and 3 (none is their own).
  for (const voter of [...cit, man[1]!, man[2]!]) {
    for (const id of [ids[0]!, ids[2]!]) must(w, voter.actor, { type: 'castVote', questionId: 'q1-4', answerId: id });
  }

  open(w, 'q2-1');
  [2, 3, 3, 4, 2, 3, 3].forEach((v, i) => answer(w, emp[i]!, 'q2-1', scale(v)));
  [4, 5, 4, 4].forEach((v, i) => answer(w, man[i]!, 'q2-1', scale(v)));

  open(w, 'q2-2');
  for (const p of emp.slice(0, 3)) answer(w, p, 'q2-2', dontKnow);
  return w;
}
