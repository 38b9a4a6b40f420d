// XLSX (exceljs): the raw data for a spreadsheet. Sheets: answers (one row per answer), votes
// (one row per voted-on text answer), aggregates (per question and role: n, median, quartiles)
// and distribution (per question, role and bar: the count). Numbers are numbers, times are
// dates in local wall-clock time; text cells are strings, never formulas.
import ExcelJS from 'exceljs';
import { answerSheet, type AnswerCell } from '../../shared/summary/answer-rows.ts';
import { labels, type Labels } from '../../shared/summary/labels.ts';
import type { Summary, SummaryQuestion } from '../../shared/summary/summary.ts';

type Cell = string | number | Date | null;

export async function renderXlsx(s: Summary): Promise<Buffer> {
  const L = labels(s.lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rådslag';
  wb.title = `${s.title} – ${L.t('summary')}`;
  wb.created = wb.modified = localDate(s.createdAt);
  const answers = answerSheet(s);
  sheet(wb, L.t('sheetAnswers'), answers.head, answers.rows.map((r) => r.map(cell)), [28, 6, 10, 50, 10, 26, 50, 20], 8);
  sheet(wb, L.t('sheetVotes'), [L.t('theme'), L.t('number'), L.t('question'), L.t('answers'), L.t('votes')], votes(s), [28, 6, 50, 60, 10]);
  sheet(wb, L.t('sheetAggregates'), aggregateHead(L), aggregates(s, L), [28, 6, 10, 50, 10, 26, 12, 8, 10, 10, 12, 12, 14, 12, 16]);
  sheet(wb, L.t('sheetDistribution'), [L.t('number'), L.t('questionId'), L.t('role'), L.t('value'), L.t('count')], distribution(s, L), [6, 10, 26, 30, 10]);
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
    t.questions.flatMap((q) => q.answers.filter((a) => a.votes !== undefined).map((a) => [t.title, q.number, q.text, a.text, a.votes!])),
  );
}

function aggregateHead(L: Labels): string[] {
  return [L.t('theme'), L.t('number'), L.t('questionId'), L.t('question'), L.t('type'), L.t('role'), L.t('respondents'), L.t('n'), L.t('dontKnow'), L.t('median'), L.t('q1'), L.t('q3'), L.t('iqr'), L.t('agreement'), L.t('note')];
}

function aggregates(s: Summary, L: Labels): Cell[][] {
  const rows: Cell[][] = [];
  for (const t of s.themes) {
    for (const q of t.questions) {
      const id = [t.title, q.number, q.id, q.text, L.type(q.type)];
      const f = q.figures;
      const agreement = f?.agreement ? L.t(`agreement_${f.agreement}`) : null;
      rows.push([...id, L.t('all'), q.respondents, q.n, dk(q, q.dontKnow), f?.median ?? null, f?.q1 ?? null, f?.q3 ?? null, f?.iqr ?? null, agreement, null]);
      for (const r of q.byRole) {
        if (r.suppressed) rows.push([...id, L.role(r.role), null, null, null, null, null, null, null, null, L.t('tooFew')]);
        else rows.push([...id, L.role(r.role), r.respondents, r.n, dk(q, r.dontKnow), r.median, null, null, null, null, null]);
      }
    }
  }
  return rows;
}

function dk(q: SummaryQuestion, n: number): number | null {
  return q.type === 'scale' ? n : null;
}

function distribution(s: Summary, L: Labels): Cell[][] {
  const rows: Cell[][] = [];
  for (const q of s.themes.flatMap((t) => t.questions)) {
    q.bars.forEach((b, i) => {
      rows.push([q.number, q.id, L.t('all'), b.label, b.count]);
      for (const r of q.byRole) if (!r.suppressed) rows.push([q.number, q.id, L.role(r.role), b.label, r.counts[i] ?? 0]);
    });
    if (q.type === 'scale' && q.dontKnow > 0) {
      rows.push([q.number, q.id, L.t('all'), L.t('dontKnow'), q.dontKnow]);
      for (const r of q.byRole) if (!r.suppressed) rows.push([q.number, q.id, L.role(r.role), L.t('dontKnow'), r.dontKnow]);
    }
  }
  return rows;
}
