// The answers sheet: one row per answer as it stands, shared by the CSV and XLSX renderers.
// Cells are typed (numbers stay numbers); no participant id or name is in any row. The last two
// columns: the round (1 unless the question was re-voted) and "ja" for an answer sent late.
import { labels } from './labels.ts';
import type { Summary } from './model.ts';

export type AnswerCell = string | number | { time: string };
export type AnswerRow = AnswerCell[];

export function answerSheet(s: Summary): { head: string[]; rows: AnswerRow[] } {
  const L = labels(s.lang);
  const questions = new Map(s.themes.flatMap((t) => t.questions.map((q) => [q.id, { theme: t, q }] as const)));
  const head = [L.t('theme'), L.t('number'), L.t('questionId'), L.t('question'), L.t('type'), L.t('role'), L.t('answers'), L.t('time'), L.t('roundColumn'), L.t('late')];
  const rows = s.answers.map((a): AnswerRow => {
    const found = questions.get(a.questionId);
    const value = a.value === null ? L.t('dontKnow') : a.value;
    return [found?.theme.title ?? '', found?.q.number ?? '', a.questionId, found?.q.text ?? '', L.type(found?.q.type ?? 'text'), L.role(a.role), value, { time: a.at }, a.round ?? 1, a.late ? L.t('yes') : ''];
  });
  return { head, rows };
}
