// Shaping the agenda live: skip, reorder, add an ad-hoc question, change a question's type.
// The session holds its own copy of the question set, so these edits touch no other session.
import type { Question, ResponseSpec } from '../question-set.ts';
import type { AgendaStep, SessionState } from './state.ts';
import { emptyRun } from './runs.ts';

export function moveStep(state: SessionState, index: number, to: number): void {
  const current = state.agenda[state.cursor];
  const [step] = state.agenda.splice(index, 1);
  if (!step) return;
  state.agenda.splice(Math.min(to, state.agenda.length), 0, step);
  // The cursor stays on the step it was on, wherever that step now is.
  if (current) state.cursor = state.agenda.indexOf(current);
}

export function addQuestion(state: SessionState, themeId: string, question: Question, agendaIndex: number): void {
  const theme = state.set.themes.find((t) => t.id === themeId);
  if (!theme) return;
  // Keep the theme's question order the agenda's order, so "question n of m" reads right.
  const before = state.agenda.slice(0, agendaIndex).filter((s) => s.kind === 'question' && s.themeId === themeId).length;
  theme.questions.splice(Math.min(before, theme.questions.length), 0, question);
  const run = emptyRun();
  // A method's table step is answered per table from the start.
  if (question.method?.perTable && question.response.type === 'text') run.perTable = true;
  state.runs[question.id] = run;
  const step: AgendaStep = { kind: 'question', themeId, questionId: question.id };
  state.agenda.splice(Math.min(agendaIndex, state.agenda.length), 0, step);
  (state.added ??= []).push(question.id);
  if (agendaIndex <= state.cursor) state.cursor += 1;
}

export function changeResponse(state: SessionState, questionId: string, response: ResponseSpec): void {
  for (const theme of state.set.themes) {
    const q = theme.questions.find((x) => x.id === questionId);
    if (q) q.response = response;
  }
}

/** The next step in a direction that isn't skipped, or undefined at the end. */
export function nextStep(state: SessionState, direction: 1 | -1): number | undefined {
  for (let i = state.cursor + direction; i >= 0 && i < state.agenda.length; i += direction) {
    if (!state.agenda[i]!.skipped) return i;
  }
  return undefined;
}

/** The theme a new question joins: the current step's, else the last theme. */
export function themeForNewQuestion(state: SessionState): string | undefined {
  for (let i = state.cursor; i >= 0; i--) {
    const s = state.agenda[i];
    if (s && (s.kind === 'theme' || s.kind === 'question')) return s.themeId;
  }
  return state.set.themes[state.set.themes.length - 1]?.id;
}

/** Where a question added live goes: after the current step and the questions added after it, so two added one after the other keep their order. */
export function placeForNewQuestion(state: SessionState): number {
  const added = new Set(state.added ?? []);
  let i = state.cursor + 1;
  while (i < state.agenda.length) {
    const s = state.agenda[i]!;
    if (s.kind !== 'question' || !added.has(s.questionId)) break;
    i++;
  }
  return i;
}
