// XLSX (exceljs): the raw data for a spreadsheet. Sheets: answers (one row per answer, with its
// round and whether it came late), votes (one row per voted-on text answer, merged ones included),
// aggregates (per question, round, role and table: n, median, quartiles, analog and hidden
// answers), distribution (per question, round, role/table and bar: the count) and notes (every
// note, decision, action and parking-lot item). Numbers are numbers, times are dates in local
// wall-clock time; text cells are strings, never formulas.
import ExcelJS from 'exceljs';
import { answerSheet, type AnswerCell } from '../../shared/summary/answer-rows.ts';
import { labels, type Labels } from '../../shared/summary/labels.ts';
import type { GroupFigures, Summary, SummaryQuestion } from '../../shared/summary/summary.ts';
import { scopeLabel } from '../../shared/summary/tables.ts';

type Cell = string | number | Date | null;

export async function renderXlsx(s: Summary): Promise<Buffer> {
  const L = labels(s.lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rådslag';
  wb.title = `${s.title} – ${L.t('summary')}`;
  wb.created = wb.modified = localDate(s.createdAt);
  const answers = answerSheet(s);
  sheet(wb, L.t('sheetAnswers'), answers.head, answers.rows.map((r) => r.map(cell)), [28, 6, 10, 50, 10, 26, 50, 20, 8, 6], 8);
  sheet(wb, L.t('sheetVotes'), [L.t('theme'), L.t('number'), L.t('question'), L.t('answers'), L.t('votes'), L.t('mergedColumn')], votes(s), [28, 6, 50, 60, 10, 60]);
  sheet(wb, L.t('sheetAggregates'), aggregateHead(L), aggregates(s, L), [28, 6, 10, 50, 10, 26, 12, 8, 10, 10, 12, 12, 14, 12, 16, 8, 10, 10]);
  sheet(wb, L.t('sheetDistribution'), [L.t('number'), L.t('questionId'), L.t('role'), L.t('value'), L.t('count'), L.t('roundColumn')], distribution(s, L), [6, 10, 26, 30, 10, 8]);
  sheet(wb, L.t('sheetNotes'), [L.t('type'), L.t('text'), L.t('owner'), L.t('due'), L.t('where'), L.t('questionId')], notes(s, L), [16, 60, 24, 14, 20, 10]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheet(wb: ExcelJS.Workbook, name: string, head: string[], rows: Cell[][], widths: number[], dateColumn?: number): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // A column style, set before the rows: one style for 30,000 cells rather than 30,000 styles.
  if (dateColumn) ws.getColumn(dateColumn).numFmt = 'yyyy-mm-dd hh:mm:ss';
  ws.addRow(head).font = { bold: true };
  ws.addRows(rows);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
}

function cell(c: AnswerCell): Cell {
  return typeof c === 'object' ? localDate(c.time) : c;
}

/** "2025-03-14T10:00:05+01:00" → a Date whose UTC fields are the local wall clock, as Excel expects. */
function localDate(iso: string): Date {
  return new Date(`${iso.slice(0, 19)}Z`);
}

function votes(s: Summary): Cell[][] {
  return s.themes.flatMap((t) =>
    t.questions.flatMap((q) => q.answers.filter((a) => a.votes !== undefined).map((a) => [t.title, q.number, q.text, a.text, a.votes!, a.merged?.join(' | ') ?? null])),
  );
}

function aggregateHead(L: Labels): string[] {
  return [
    ...[L.t('theme'), L.t('number'), L.t('questionId'), L.t('question'), L.t('type'), L.t('role'), L.t('respondents'), L.t('n'), L.t('dontKnow')],
    ...[L.t('median'), L.t('q1'), L.t('q3'), L.t('iqr'), L.t('agreement'), L.t('note'), L.t('roundColumn'), L.t('analog'), L.t('hidden')],
  ];
}

/** Per question: earlier rounds (all answers), then the current round for all, each role and each table. */
function aggregates(s: Summary, L: Labels): Cell[][] {
  const rows: Cell[][] = [];
  for (const t of s.themes) {
    for (const q of t.questions) {
      const id = [t.title, q.number, q.id, q.text, L.type(q.type)];
      const round = q.round ?? 1;
      for (const r of q.rounds?.slice(0, -1) ?? []) rows.push([...id, L.t('all'), ...overall(q, r, L), null, r.round, r.analog, r.hidden]);
      rows.push([...id, L.t('all'), ...overall(q, q, L), null, round, q.analog, q.hidden]);
      const groups: [string, { suppressed: true } | GroupFigures][] = [
        ...q.byRole.map((r): [string, typeof r] => [L.role(r.role), r]),
        ...(q.byTable ?? []).map((r): [string, typeof r] => [L.t('tableN', { n: r.table }), r]),
      ];
      for (const [name, r] of groups) {
        if (r.suppressed) rows.push([...id, name, null, null, null, null, null, null, null, null, L.t('tooFew'), round, null, null]);
        else rows.push([...id, name, r.respondents, r.n, dk(q, r.dontKnow), r.median, null, null, null, null, null, round, null, null]);
      }
    }
  }
  return rows;
}

function overall(q: SummaryQuestion, r: Pick<SummaryQuestion, 'respondents' | 'n' | 'dontKnow' | 'figures'>, L: Labels): Cell[] {
  const f = r.figures;
  const agreement = f?.agreement ? L.t(`agreement_${f.agreement}`) : null;
  return [r.respondents, r.n, dk(q, r.dontKnow), f?.median ?? null, f?.q1 ?? null, f?.q3 ?? null, f?.iqr ?? null, agreement];
}

function dk(q: SummaryQuestion, n: number): number | null {
  return q.type === 'scale' ? n : null;
}

function distribution(s: Summary, L: Labels): Cell[][] {
  const rows: Cell[][] = [];
  for (const q of s.themes.flatMap((t) => t.questions)) {
    for (const r of q.rounds?.slice(0, -1) ?? []) {
      for (const b of r.bars) rows.push([q.number, q.id, L.t('all'), b.label, b.count, r.round]);
      if (q.type === 'scale' && r.dontKnow > 0) rows.push([q.number, q.id, L.t('all'), L.t('dontKnow'), r.dontKnow, r.round]);
    }
    const round = q.round ?? 1;
    const groups = [
      ...q.byRole.flatMap((r) => (r.suppressed ? [] : [[L.role(r.role), r] as const])),
      ...(q.byTable ?? []).flatMap((r) => (r.suppressed ? [] : [[L.t('tableN', { n: r.table }), r] as const])),
    ];
    q.bars.forEach((b, i) => {
      rows.push([q.number, q.id, L.t('all'), b.label, b.count, round]);
      for (const [name, r] of groups) rows.push([q.number, q.id, name, b.label, r.counts[i] ?? 0, round]);
    });
    if (q.type === 'scale' && q.dontKnow > 0) {
      rows.push([q.number, q.id, L.t('all'), L.t('dontKnow'), q.dontKnow, round]);
      for (const [name, r] of groups) rows.push([q.number, q.id, name, L.t('dontKnow'), r.dontKnow, round]);
    }
  }
  return rows;
}

/** Every note, decision, action and parking-lot item: the session's, then by theme and question, then the parking lot. */
function notes(s: Summary, L: Labels): Cell[][] {
  const all = [...s.notes, ...s.themes.flatMap((t) => [...t.notes, ...t.questions.flatMap((q) => q.notes)]), ...s.parkingLot];
  return all.map((n) => [L.t(`noteKind_${n.kind}`), n.text, n.who ?? null, n.due ?? null, scopeLabel(n.scope, L), n.scope.kind === 'question' ? n.scope.questionId : null]);
}
