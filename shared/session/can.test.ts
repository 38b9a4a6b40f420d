// The console's and the phone's flags agree with decide(), generated rather than hand-listed:
// random command sequences are replayed, and in every state reached, for every command type, a
// command the console or a phone would send (random, valid parameters drawn from the state) is
// put to decide() and compared with the flag that would enable its control: flag ⇔ accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HostCommand, ROLES, type AnswerValue, type Command, type CommandType } from '../protocol.ts';
import type { QuestionSet, ResponseSpec } from '../question-set.ts';
import { findQuestion } from '../question-set.ts';
import { checkAnswer } from './answer-rules.ts';
import { decide } from './decide.ts';
import { TEMPLATE_IDS } from './templates.ts';
import { seededRandom } from './actor.ts';
import { hostView, meView, type HostView } from './views.ts';
import { GUEST, HOST, SET, contextFor, newWorld, run, stepOf, type World } from './test-fixtures.ts';

/** The real set plus a choice (several, capped, with "Andet") and a ranking question, so every type is in play. */
function testSet(): QuestionSet {
  const set = structuredClone(SET);
  set.themes[0]!.questions.push(
    { id: 'qc', text: { da: 'Vælg' }, response: { type: 'choice', options: [{ da: 'a' }, { da: 'b' }, { da: 'c' }], multiple: true, maxChoices: 2, other: true } },
    { id: 'qr', text: { da: 'Rangér' }, response: { type: 'ranking', items: [{ da: 'a' }, { da: 'b' }, { da: 'c' }] } },
  );
  return set;
}
const SET2 = testSet();

/** A seeded generator drives each choice, so a failing seed replays exactly. */
type Dice = { next: (n: number) => number };
const dice = (seed: number): Dice => {
  const random = seededRandom(seed);
  return { next: (n) => (n <= 0 ? 0 : Math.floor(random() * n)) };
};
const pickOf = <T,>(d: Dice, xs: readonly T[]): T | undefined => xs[d.next(xs.length)];

const HOST_TYPES = HostCommand.options.map((o) => o.shape.type.value);
const PHONE_TYPES = ['submitAnswer', 'withdrawAnswer', 'castVote', 'retractVote'] as const;
const FLOW = ['openAnswering', 'closeAnswering', 'openVoting', 'setResultsVisible', 'startRevote'] as const;

function anyAnswer(d: Dice, spec: ResponseSpec): AnswerValue {
  const valid = d.next(4) > 0;
  const texts = ['ja', ' mere tid ', '', '\u200b\u200b', 'x'.repeat(300)];
  switch (spec.type) {
    case 'scale':
      return d.next(5) === 0 ? { kind: 'dontKnow' } : { kind: 'scale', value: d.next(valid ? spec.max + 1 : 11) };
    case 'number':
      return { kind: 'number', value: valid ? spec.min + d.next(spec.max - spec.min + 1) : pickOf(d, [-5, 2.5, spec.max + 1])! };
    case 'text':
      return { kind: 'text', text: pickOf(d, texts)! };
    case 'choice': {
      const options = [0, 1, 2, 3].filter(() => d.next(2) === 0);
      return { kind: 'choice', options, ...(d.next(3) === 0 ? { other: pickOf(d, ['andet', ' ', '\u200b'])! } : {}) };
    }
    case 'ranking':
      return { kind: 'ranking', order: valid ? [2, 0, 1] : [0, 0, 1] };
    case 'statements':
      return { kind: 'statements', votes: spec.statements.map(() => pickOf(d, ['agree', 'disagree', 'pass', null] as const)!) };
  }
}

const RESPONSES: ResponseSpec[] = [
  { type: 'scale', min: 1, max: 5, minLabel: { da: 'lav' }, maxLabel: { da: 'høj' }, dontKnow: true },
  { type: 'text', maxAnswers: 2, maxLength: 280, voting: { budget: 3, maxPerAnswer: 2 } },
  { type: 'choice', options: [{ da: 'a' }, { da: 'b' }], multiple: true, other: true },
];

type Check = { command: Command; flag: boolean; actor: 'host' | string };

/** A command of this type the console would send now, and the flag of its control; null when there is no such control now. */
function hostCheck(w: World, view: HostView, type: (typeof HOST_TYPES)[number], d: Dice): Check | null {
  const s = w.state;
  const can = view.can;
  const q = can.question;
  const step = s.agenda[s.cursor];
  const questionId = step?.kind === 'question' ? step.questionId : undefined;
  const runOf = questionId ? s.runs[questionId] : undefined;
  const spec = questionId ? findQuestion(s.set, questionId)?.question.response : undefined;
  const host = (command: HostCommand, flag: boolean): Check => ({ command, flag, actor: 'host' });
  const needQ = <T,>(f: (q: NonNullable<typeof can.question>, id: string, run: NonNullable<typeof runOf>, spec: ResponseSpec) => T): T | null =>
    q && questionId && runOf && spec ? f(q, questionId, runOf, spec) : null;
  switch (type) {
    case 'goTo':
      // The ends often: that is where next and previous are refused.
      return host({ type, index: pickOf(d, [0, s.agenda.length - 1, d.next(s.agenda.length)])! }, can.goTo);
    case 'next':
    case 'previous':
    case 'undo':
    case 'endSession':
      return host({ type }, can[type]);
    case 'addQuestion':
      return host({ type, text: 'Nyt spørgsmål', response: pickOf(d, RESPONSES)! }, can.addQuestion);
    case 'configureSession':
      return host({ type, ...(d.next(2) ? { tables: d.next(4) } : {}), ...(d.next(2) ? { minGroupSize: 1 + d.next(5) } : {}) }, can.configureSession);
    case 'setSessionDetails':
      return host({ type, place: pickOf(d, ['Byrådssalen', ''])! }, can.sessionDetails);
    case 'setScreenBlank':
      return host({ type, blank: !s.screenBlank }, can.blankScreen);
    case 'setJoiningLocked':
      return host({ type, locked: !s.joinLocked }, can.lockJoining);
    case 'turnScreenPage':
      return host({ type, by: d.next(2) === 0 ? 1 : -1 }, can.turnScreenPage);
    case 'configureScreen':
      return d.next(2) === 0 ? host({ type, rotate: !s.screenRotate }, can.screenRotate) : host({ type, overview: !s.screenOverview }, can.screenOverview);
    case 'removeParticipant': {
      const p = pickOf(d, Object.values(s.participants).filter((x) => !x.removed));
      return p ? host({ type, participantId: p.id }, can.removeParticipant) : null;
    }
    case 'addNote':
      return host({ type, scope: questionId && d.next(2) ? { kind: 'question', questionId } : { kind: 'session' }, kind: 'note', text: 'n', onScreen: false }, can.notes);
    case 'updateNote':
    case 'deleteNote': {
      const noteId = pickOf(d, s.noteOrder);
      if (!noteId) return null;
      return host(type === 'updateNote' ? { type, noteId, onScreen: d.next(2) === 0 } : { type, noteId }, can.notes);
    }
    case 'setStepSkipped': {
      const index = d.next(s.agenda.length);
      return host({ type, index, skipped: !s.agenda[index]!.skipped }, view.agenda[index]!.can!.skip);
    }
    case 'moveStep': {
      const index = d.next(s.agenda.length);
      const up = d.next(2) === 0;
      if (up && index === 0) return null;
      return host({ type, index, to: up ? index - 1 : index + 1 }, up ? view.agenda[index]!.can!.moveUp : view.agenda[index]!.can!.moveDown);
    }
    case 'openAnswering':
    case 'closeAnswering':
    case 'openVoting':
    case 'startRevote':
    case 'answersToActions':
      return needQ((qc, id) => host({ type, questionId: id }, qc[type === 'answersToActions' ? 'toActions' : type]));
    case 'setResultsVisible':
      return needQ((qc, id, r) => host({ type, questionId: id, visible: !r.resultsVisible }, qc.setResultsVisible));
    case 'setTimer':
      return needQ((qc, id) => {
        const seconds = d.next(3) === 0 ? 0 : 60 * (1 + d.next(5));
        return host({ type, questionId: id, seconds, autoClose: d.next(2) === 0 }, seconds === 0 ? qc.clearTimer : qc.setTimer);
      });
    case 'configureQuestion':
      return needQ((qc, id, r) => {
        switch (d.next(4)) {
          case 0:
            return host({ type, questionId: id, perTable: !r.perTable }, qc.perTable);
          case 1:
            return host({ type, questionId: id, split: 'table' }, qc.splitByTable);
          case 2:
            return d.next(2) ? host({ type, questionId: id, split: 'role' }, qc.splitByRole) : host({ type, questionId: id, split: 'none' }, qc.configure);
          default:
            return host({ type, questionId: id, moderate: d.next(2) === 0, wordCloud: d.next(2) === 0 }, qc.configure);
        }
      });
    case 'moderateAnswer':
      return needQ((qc, id, r) => {
        const answerId = pickOf(d, Object.keys(r.entries));
        return answerId ? host({ type, questionId: id, answerId, action: pickOf(d, ['hide', 'restore', 'approve', 'pin', 'unpin'] as const)! }, qc.moderate) : null;
      });
    case 'mergeAnswers':
      return needQ((qc, id, r) => {
        const visible = r.order.filter((a) => r.entries[a] && !r.entries[a].hidden);
        if (visible.length < 2) return null;
        const target = d.next(visible.length);
        const source = (target + 1 + d.next(visible.length - 1)) % visible.length;
        return host({ type, questionId: id, targetId: visible[target]!, sourceIds: [visible[source]!] }, qc.merge);
      });
    case 'changeQuestionType':
      return needQ((qc, id) => host({ type, questionId: id, response: pickOf(d, RESPONSES)! }, qc.changeType));
    case 'addAnalogCounts':
      return needQ((qc, id, _r, sp) => {
        const answer = anyAnswer(d, sp);
        // The form only sends counts it can send: answers that fit the question.
        if (checkAnswer(sp, answer)) return null;
        return host({ type, questionId: id, entries: [{ answer, count: 1 + d.next(3) }] }, qc.analog);
      });
    case 'applyTemplate':
      return needQ((qc, id) => {
        const template = pickOf(d, TEMPLATE_IDS)!;
        return host({ type, questionId: id, template }, qc.applyTemplate[template]);
      });
    default:
      return type satisfies never;
  }
}

/** A command a phone would send now from its `me` view, and the flag that enables it. */
function phoneCheck(w: World, type: (typeof PHONE_TYPES)[number], d: Dice): Check | null {
  const s = w.state;
  const p = pickOf(d, Object.values(s.participants));
  const step = s.agenda[s.cursor];
  if (!p || step?.kind !== 'question') return null;
  const me = meView(s, p.id)!;
  const questionId = step.questionId;
  const spec = findQuestion(s.set, questionId)!.question.response;
  const may = me.answering[questionId];
  switch (type) {
    case 'submitAnswer': {
      const answer = anyAnswer(d, spec);
      // The phone sends what the core's answer check lets through, when its control is enabled.
      return { command: { type, questionId, answer }, flag: (may?.answer ?? false) && checkAnswer(spec, answer) === undefined, actor: p.id };
    }
    case 'withdrawAnswer': {
      const own = pickOf(d, me.answers[questionId] ?? []);
      return own ? { command: { type, questionId, answerId: own.id }, flag: may?.withdraw ?? false, actor: p.id } : null;
    }
    case 'castVote':
    case 'retractVote': {
      const sample = me.voting.find((v) => v.questionId === questionId)?.sample ?? [];
      // A retraction mostly goes to an answer voted on (else the rule is seldom met).
      const voted = sample.filter((a) => a.mine > 0);
      const item = pickOf(d, type === 'retractVote' && voted.length && d.next(4) ? voted : sample);
      if (!item) return null;
      return { command: { type, questionId, answerId: item.id }, flag: type === 'castVote' ? item.canAdd : item.canRemove, actor: p.id };
    }
  }
}

/** Moves the session on: joins, answers on theme 1's questions, and host commands, mostly accepted ones. */
function step(w: World, d: Dice, checked: Map<CommandType, { yes: number; no: number }>): void {
  const roll = d.next(10);
  if (roll === 0 && Object.keys(w.state.participants).length < 6) {
    run(w, GUEST, { type: 'join', role: pickOf(d, ROLES)!, ...(w.state.tables > 0 && d.next(3) ? { table: 1 + d.next(w.state.tables) } : {}) });
    return;
  }
  const phone = roll <= 5;
  // A third of the host's commands move a question through its phases, where most rules live.
  const type = phone ? pickOf(d, PHONE_TYPES)! : d.next(3) === 0 ? pickOf(d, FLOW)! : pickOf(d, HOST_TYPES)!;
  // Moving away seldom, so questions collect answers and votes.
  if ((type === 'goTo' || type === 'next' || type === 'previous') && d.next(3) > 0) return;
  const check = phone ? phoneCheck(w, type as (typeof PHONE_TYPES)[number], d) : hostCheck(w, hostView(w.state), type as (typeof HOST_TYPES)[number], d);
  if (!check) return;
  const actor = check.actor === 'host' ? HOST : { kind: 'participant' as const, participantId: check.actor };
  const accepted = decide(w.state, check.command, contextFor(w, actor)).ok;
  const tally = checked.get(check.command.type) ?? { yes: 0, no: 0 };
  tally[accepted ? 'yes' : 'no']++;
  checked.set(check.command.type, tally);
  if (check.flag !== accepted) {
    throw new Error(`flag ${check.flag} but decide ${accepted ? 'accepts' : 'refuses'} ${JSON.stringify(check.command)} at step ${w.state.cursor}`);
  }
  run(w, actor, check.command);
}

describe('can flags ⇔ decide', () => {
  it('agree for every command type in generated states (random command sequences replayed)', () => {
    const checked = new Map<CommandType, { yes: number; no: number }>();
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 3 }), (seed, tables) => {
        const d = dice(seed);
        const w = newWorld(SET2);
        if (tables) run(w, HOST, { type: 'configureSession', tables });
        // Start on a theme-1 question, where every type of answer is in play; often the open-text one, open.
        for (let i = 0, n = 2 + d.next(4); i < n; i++) run(w, GUEST, { type: 'join', role: pickOf(d, ROLES)!, ...(tables ? { table: 1 + d.next(tables) } : {}) });
        const onText = d.next(2) === 0;
        run(w, HOST, { type: 'goTo', index: onText ? stepOf('q1-4') : 2 + d.next(7) });
        if (onText && d.next(2) === 0) run(w, HOST, { type: 'openAnswering', questionId: 'q1-4' });
        // Some sessions end part-way: then only reviewing is allowed.
        const endAt = d.next(3) === 0 ? 60 + d.next(100) : Infinity;
        for (let i = 0; i < 160; i++) {
          if (i === endAt) run(w, HOST, { type: 'endSession' });
          step(w, d, checked);
        }
      }),
      { numRuns: 80, seed: 42 },
    );
    // Every command type was checked, each both accepted and refused somewhere (goTo to a step
    // that exists is always allowed, also after the end: reviewing; so is the minutes' header).
    const types: CommandType[] = [...HOST_TYPES, ...PHONE_TYPES];
    const always = new Set<CommandType>(['goTo', 'setSessionDetails']);
    const missing = types.filter((t) => !checked.get(t)?.yes || (!checked.get(t)?.no && !always.has(t)));
    expect(missing.map((t) => `${t} ${JSON.stringify(checked.get(t))}`)).toEqual([]);
  });
});
