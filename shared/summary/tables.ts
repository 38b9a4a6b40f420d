// The tables and fact lines of a summary, format-neutral: Markdown, HTML and DOCX each lay out
// the same rows, so a number cannot differ between formats.
import type { Labels } from './labels.ts';
import { chartRows } from './chart.ts';
import type { Summary, SummaryQuestion } from './summary.ts';

export type Table = { head: string[]; rows: string[][]; /** true: right-aligned (numbers) */ numeric: boolean[] };

export function participantsTable(s: Summary, L: Labels): Table {
  return {
    head: [L.t('role'), L.t('count')],
    rows: [...s.participants.byRole.map((r) => [L.role(r.role), L.num(r.count)]), [L.t('participantsTotal'), L.num(s.participants.total)]],
    numeric: [false, true],
  };
}

/**
 * The chart's data, one row per bar with "Ved ikke" or "Andet" last; for rankings and
 * statements (no chart) the table of items. Null for text questions.
 */
export function dataTable(q: SummaryQuestion, L: Labels): Table | null {
  if (q.ranking) {
    const rows = q.ranking.map((r) => [r.item, r.meanRank === null ? '–' : L.num(r.meanRank), L.num(r.first)]);
    return { head: [L.t('item'), L.t('meanRank'), L.t('firstPlace')], rows, numeric: [false, true, true] };
  }
  if (q.statements) {
    const rows = q.statements.map((st) => [
      st.text,
      L.num(st.agree),
      L.num(st.disagree),
      L.num(st.pass),
      st.label ? L.t(`statementLabel_${st.label}`) : '–',
    ]);
    return { head: [L.t('statements'), L.t('agree'), L.t('disagree'), L.t('pass'), L.t('agreement')], rows, numeric: [false, true, true, true, false] };
  }
  if (q.type === 'text') return null;
  const rows = chartRows(q).map((r) => [r.label, L.num(r.count), `${L.num(r.share)} %`]);
  if (q.dontKnow > 0) rows.push([L.t('dontKnow'), L.num(q.dontKnow), '–']);
  if (q.other) rows.push([L.t('other'), L.num(q.other), q.n > 0 ? `${L.num(Math.round((q.other / q.n) * 100))} %` : '–']);
  return { head: [q.type === 'choice' ? L.t('option') : L.t('value'), L.t('count'), L.t('share')], rows, numeric: [false, true, true] };
}

/** Per role: answers, and for scales and numbers "Ved ikke" and the median; a suppressed role says "for få svar". */
export function roleTable(q: SummaryQuestion, L: Labels): Table | null {
  if (q.byRole.length === 0) return null;
  const valued = q.type === 'scale' || q.type === 'number';
  const text = q.type === 'text';
  const head = valued
    ? [L.t('role'), L.t('n'), L.t('dontKnow'), L.t('median')]
    : text
      ? [L.t('role'), L.t('respondents'), L.t('answers')]
      : [L.t('role'), L.t('n')];
  const rows = q.byRole.map((r) => {
    if (r.suppressed) return [L.role(r.role), L.t('tooFew'), ...head.slice(2).map(() => '')];
    if (valued) return [L.role(r.role), L.num(r.n), L.num(r.dontKnow), r.median === null ? '–' : L.num(r.median)];
    if (text) return [L.role(r.role), L.num(r.respondents), L.num(r.n)];
    return [L.role(r.role), L.num(r.n)];
  });
  return { head, rows, numeric: head.map((_, i) => i > 0) };
}

export function hasAnswers(q: SummaryQuestion): boolean {
  return q.respondents > 0 || q.n + q.dontKnow > 0;
}

/** Appendix: counts per value for everyone and for each shown role. */
export function rawTable(q: SummaryQuestion, L: Labels): Table {
  const shown = q.byRole.filter((r) => !r.suppressed) as Extract<SummaryQuestion['byRole'][number], { suppressed: false }>[];
  const head = [L.t('value'), L.t('all'), ...shown.map((r) => L.role(r.role))];
  if (q.bars.length === 0) {
    return { head, rows: [[L.t('answers'), L.num(q.n), ...shown.map((r) => L.num(r.n))]], numeric: head.map((_, i) => i > 0) };
  }
  const rows = q.bars.map((b, i) => [b.label, L.num(b.count), ...shown.map((r) => L.num(r.counts[i] ?? 0))]);
  if (q.dontKnow > 0 || shown.some((r) => r.dontKnow > 0)) rows.push([L.t('dontKnow'), L.num(q.dontKnow), ...shown.map((r) => L.num(r.dontKnow))]);
  return { head, rows, numeric: head.map((_, i) => i > 0) };
}

/** "Skala 1–5 (Slet ikke – I meget høj grad)", "Tal (mål)", "Valg (flere valg mulige)", "Tekst". */
export function typeLine(q: SummaryQuestion, L: Labels): string {
  if (q.scale) return `${L.type('scale')} ${q.scale.min}–${q.scale.max} (${q.scale.minLabel} – ${q.scale.maxLabel})`;
  if (q.type === 'number' && q.unit) return `${L.type('number')} (${q.unit})`;
  if (q.type === 'choice' && q.multiple) return `${L.type('choice')} (${L.t('multipleAllowed')})`;
  return L.type(q.type);
}

/** The figures in words: median, quartiles, spread, extremes, agreement. */
export function factsLine(q: SummaryQuestion, L: Labels): string[] {
  const f = q.figures;
  const facts = [`${L.t('respondents')}: ${L.num(q.respondents)}`, `n: ${L.num(q.n)}`];
  if (q.type !== 'text' && q.dontKnow > 0) facts.push(`${L.t('dontKnow')}: ${L.num(q.dontKnow)}`);
  if (!f) return facts;
  facts.push(
    `${L.t('median')}: ${L.num(f.median)}`,
    `${L.t('q1')}: ${L.num(f.q1)}`,
    `${L.t('q3')}: ${L.num(f.q3)}`,
    `${L.t('iqr')}: ${L.num(f.iqr)}`,
    `${L.t('minMax')}: ${L.num(f.min)}–${L.num(f.max)}`,
  );
  if (f.agreement) facts.push(`${L.t('agreement')}: ${L.t(`agreement_${f.agreement}`).toLowerCase()}`);
  return facts;
}

/** Before/after a re-vote: this round and the one before, in words; empty without a re-vote. */
export function roundLine(q: SummaryQuestion, L: Labels): string[] {
  if (!q.previous) return [];
  return [`${L.t('round', { n: q.round ?? q.previous.round + 1 })}: ${q.headline}`, `${L.t('previousRound', { n: q.previous.round })}: ${q.previous.headline}`];
}
