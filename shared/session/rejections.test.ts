// Every way an answer can be refused, as one table: the code, and that a refusal changes nothing.
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Command } from '../protocol.ts';
import type { Actor } from './actor.ts';
import {
  GUEST, HOST, SCREEN, answer, close, dontKnow, join, newWorld, num, open, run, scale, setWith, text, type World,
} from './test-fixtures.ts';

/**
 * A room mid-workshop: q1-1 (scale 1–5), q1-2 (number 0–500) and q1-4 (text, 3 × 280 chars) are
 * open; q1-3 was opened and closed; q2-1 was never opened. One participant has answered already.
 */
function room(set = newWorld().state.set): { w: World; me: Actor } {
  const w = newWorld(set);
  const me = join(w, 'employee', 'Birthe');
  const other = join(w, 'politician');
  for (const q of ['q1-1', 'q1-2', 'q1-3', 'q1-4']) open(w, q);
  close(w, 'q1-3');
  answer(w, other, 'q1-1', scale(2));
  answer(w, other, 'q1-4', text('andres svar'));
  answer(w, me, 'q1-4', text('mit første'));
  return { w, me: me.actor };
}

const submit = (questionId: string, answer: AnswerValue): Command => ({ type: 'submitAnswer', questionId, answer });

type Case = [label: string, command: Command, code: string];

const ANSWER_REJECTIONS: Case[] = [
  // wrong type for the question
  ['number answer to a scale question', submit('q1-1', num(3)), 'wrong_answer_type'],
  ['text answer to a scale question', submit('q1-1', text('3')), 'wrong_answer_type'],
  ['scale answer to a number question', submit('q1-2', scale(3)), 'wrong_answer_type'],
  ['Ved ikke to a number question', submit('q1-2', dontKnow), 'wrong_answer_type'],
  ['text answer to a number question', submit('q1-2', text('12')), 'wrong_answer_type'],
  ['scale answer to a text question', submit('q1-4', scale(3)), 'wrong_answer_type'],
  ['number answer to a text question', submit('q1-4', num(3)), 'wrong_answer_type'],
  ['Ved ikke to a text question', submit('q1-4', dontKnow), 'wrong_answer_type'],
  // unknown questions, including names that live on Object.prototype
  ['an unknown question id', submit('q9-9', scale(3)), 'unknown_question'],
  ['a question id "constructor"', submit('constructor', scale(3)), 'unknown_question'],
  ['a question id "__proto__"', submit('__proto__', scale(3)), 'unknown_question'],
  ['withdraw from an unknown question', { type: 'withdrawAnswer', questionId: 'q9-9', answerId: 'a_1' }, 'unknown_question'],
  ['withdraw from question "constructor"', { type: 'withdrawAnswer', questionId: 'constructor', answerId: 'a_1' }, 'unknown_question'],
  ['withdraw from question "__proto__"', { type: 'withdrawAnswer', questionId: '__proto__', answerId: 'a_1' }, 'unknown_question'],
  ['withdraw answer id "constructor"', { type: 'withdrawAnswer', questionId: 'q1-4', answerId: 'constructor' }, 'unknown_answer'],
  // out of range
  ['scale 0 on 1–5', submit('q1-1', scale(0)), 'out_of_range'],
  ['scale 6 on 1–5', submit('q1-1', scale(6)), 'out_of_range'],
  ['scale 10 on 1–5', submit('q1-1', scale(10)), 'out_of_range'],
  ['number -1 on 0–500', submit('q1-2', num(-1)), 'out_of_range'],
  ['number 501 on 0–500', submit('q1-2', num(501)), 'out_of_range'],
  ['number 2.5 on 0–500', submit('q1-2', num(2.5)), 'out_of_range'],
  ['number 1e9 on 0–500', submit('q1-2', num(1e9)), 'out_of_range'],
  ['text longer than maxLength (281 > 280)', submit('q1-4', text('x'.repeat(281))), 'out_of_range'],
  // empty text
  ['empty text', submit('q1-4', text('')), 'empty_answer'],
  ['whitespace-only text', submit('q1-4', text(' \n\t ')), 'empty_answer'],
  // closed or never opened
  ['a scale answer to a closed question', submit('q1-3', scale(3)), 'question_closed'],
  ['Ved ikke to a closed question', submit('q1-3', dontKnow), 'question_closed'],
  ['an answer to a never-opened question', submit('q2-1', scale(3)), 'question_closed'],
];

describe('a rejected command changes nothing', () => {
  it.each(ANSWER_REJECTIONS.map(([label, command, code]) => ({ label, command, code })))('$label → $code', ({ command, code }) => {
    const { w, me } = room();
    const before = structuredClone(w.state);
    const d = run(w, me, command);
    expect(d).toMatchObject({ ok: false, error: { code } });
    if (!d.ok) expect(d.error.message).toBeTruthy();
    expect(w.state).toEqual(before);
  });

  it.each<[string, string, Actor, Command]>([
    ['a guest answering before joining', 'not_joined', GUEST, submit('q1-1', scale(3))],
    ['a guest withdrawing', 'not_joined', GUEST, { type: 'withdrawAnswer', questionId: 'q1-4', answerId: 'a_1' }],
    ['the screen answering', 'not_joined', SCREEN, submit('q1-1', scale(3))],
    ['the host answering', 'not_joined', HOST, submit('q1-1', scale(3))],
  ])('%s → %s', (_label, code, actor, command) => {
    const { w } = room();
    const before = structuredClone(w.state);
    expect(run(w, actor, command)).toMatchObject({ ok: false, error: { code } });
    expect(w.state).toEqual(before);
  });

  it('withdrawing from a closed question → question_closed', () => {
    const w = newWorld();
    const p = join(w);
    open(w, 'q1-4');
    const id = answer(w, p, 'q1-4', text('nået'));
    close(w, 'q1-4');
    const before = structuredClone(w.state);
    expect(run(w, p.actor, { type: 'withdrawAnswer', questionId: 'q1-4', answerId: id })).toMatchObject({
      ok: false,
      error: { code: 'question_closed' },
    });
    expect(w.state).toEqual(before);
  });
});

describe('the edges that are accepted', () => {
  it.each<[string, Command]>([
    ['scale 1 (min)', submit('q1-1', scale(1))],
    ['scale 5 (max)', submit('q1-1', scale(5))],
    ['Ved ikke on a scale with dontKnow: true', submit('q1-1', dontKnow)],
    ['number 0', submit('q1-2', num(0))],
    ['number 500', submit('q1-2', num(500))],
    ['text of exactly maxLength (280)', submit('q1-4', text('y'.repeat(280)))],
    ['text of 280 chars padded with spaces', submit('q1-4', text(`  ${'y'.repeat(280)}  `))],
    ['a reopened question', submit('q1-3', scale(4))],
  ])('%s', (label, command) => {
    const { w, me } = room();
    if (label.includes('reopened')) open(w, 'q1-3');
    expect(run(w, me, command)).toMatchObject({ ok: true, events: [{ type: 'answerSubmitted' }] });
  });

  it('Ved ikke on a scale with dontKnow: false → wrong_answer_type', () => {
    const { w, me } = room(setWith('q1-1', { dontKnow: false }));
    const before = structuredClone(w.state);
    expect(run(w, me, submit('q1-1', dontKnow))).toMatchObject({ ok: false, error: { code: 'wrong_answer_type' } });
    expect(w.state).toEqual(before);
    expect(run(w, me, submit('q1-1', scale(1)))).toMatchObject({ ok: true });
  });

  it('a 0–10 scale takes 0 and 10 but not 11', () => {
    const { w, me } = room(setWith('q1-1', { min: 0, max: 10 }));
    expect(run(w, me, submit('q1-1', scale(0))).ok).toBe(true);
    expect(run(w, me, submit('q1-1', scale(10))).ok).toBe(true);
    expect(run(w, me, submit('q1-1', scale(11)))).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
  });

  it('maxAnswers from the question set is what limits text answers', () => {
    const { w, me } = room(setWith('q1-4', { maxAnswers: 1 }));
    // `me` already has one answer to q1-4 in this room.
    expect(run(w, me, submit('q1-4', text('én til')))).toMatchObject({ ok: false, error: { code: 'too_many_answers' } });
  });
});
