// Facilitation methods: applying a template adds its steps after the question; a "Now what"
// step's answers become actions in the minutes.
import type { HostCommand } from '../protocol.ts';
import type { Question, Theme } from '../question-set.ts';
import type { Context } from './actor.ts';
import type { Decision } from './decision.ts';
import { counted } from './moderation.ts';
import type { QuestionRun, SessionState } from './state.ts';
import { templateQuestions } from './templates.ts';

type MethodCommand = Extract<HostCommand, { type: 'applyTemplate' | 'answersToActions' }>;

export function decideMethod(
  state: SessionState,
  found: { theme: Theme; question: Question },
  run: QuestionRun,
  command: MethodCommand,
  ctx: Context,
): Decision {
  const at = ctx.now;
  if (command.type === 'applyTemplate') {
    if (found.question.method) return { ok: false, error: { code: 'not_allowed_now', message: 'this question is already a step of a method' } };
    const index = state.agenda.findIndex((s) => s.kind === 'question' && s.questionId === found.question.id);
    const base = ctx.newId('m').toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const questions = templateQuestions(command.template, found.question, (step) => `${base}-${step}`);
    const needsTables = questions.some((q) => q.method?.perTable);
    if (needsTables && state.tables === 0) {
      return { ok: false, error: { code: 'unknown_table', message: 'set the number of tables first: the method has a step per table' } };
    }
    return {
      ok: true,
      events: questions.map((question, i) => ({ type: 'questionAdded', themeId: found.theme.id, question, agendaIndex: index + 1 + i, at })),
    };
  }
  if (found.question.response.type !== 'text') {
    return { ok: false, error: { code: 'wrong_answer_type', message: 'only open-text answers become actions' } };
  }
  // Each visible answer once: answers already made actions for this question are left out.
  const existing = new Set(
    state.noteOrder.flatMap((id) => {
      const n = state.notes[id];
      return n && n.kind === 'action' && n.scope.kind === 'question' && n.scope.questionId === found.question.id ? [n.text] : [];
    }),
  );
  const texts = run.order.flatMap((id) => {
    const e = run.entries[id];
    return e && counted(e) && e.answer.kind === 'text' && !existing.has(e.answer.text) ? [e.answer.text] : [];
  });
  const unique = [...new Set(texts)];
  if (unique.length === 0) return { ok: false, error: { code: 'empty_answer', message: 'no new answers to turn into actions' } };
  return {
    ok: true,
    events: unique.map((text) => ({
      type: 'noteAdded',
      note: { id: ctx.newId('n'), scope: { kind: 'question', questionId: found.question.id }, kind: 'action', text, onScreen: false, at },
      at,
    })),
  };
}
