// XLSX (exceljs): a workbook a municipality files and computes with. It opens on "Resultater"
// (every question's figures, xlsx-results.ts); the tabs run: the decision minutes, the results,
// actions, notes, the raw answers (small roles merged into "Andet/for få" unless the facilitator
// chose exact roles – then the first row of the minutes and of the answers says so), votes,
// aggregates and distribution in long form, and the charts. Every sheet prints on A4 landscape,
// fitted to the page width, its header row repeated on each page. Numbers are numbers, times are
// dates in local wall-clock time; text cells are strings, never formulas.
import ExcelJS from 'exceljs';
import { answerSheet, type AnswerCell } from '../../shared/summary/answer-rows.ts';
import { labels, type Labels } from '../../shared/summary/labels.ts';
import { minutesHeader, minutesTable, rawRolesNotice, sessionMinutes } from '../../shared/summary/minutes.ts';
import type { GroupFigures, Summary, SummaryQuestion } from '../../shared/summary/summary.ts';
import { actionsTable, scopeLabel } from '../../shared/summary/tables.ts';
import { chartImages } from './charts/images.ts';
import { resultBlocks } from './xlsx-results.ts';

export type Cell = string | number | Date | null;

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F6' } };

export async function renderXlsx(s: Summary): Promise<Buffer> {
  const L = labels(s.lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rådslag';
  wb.title = `${s.title} – ${L.t('summary')}`;
  wb.created = wb.modified = localDate(s.createdAt);
  const notice = rawRolesNotice(s, L);
  minutesSheet(wb, s, L, notice);
  resultsSheet(wb, s, L);
  // Opens on the results; the minutes stay the first tab.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  const actions = actionsTable(s, L);
  sheet(wb, L.t('sheetActions'), actions?.head ?? [L.t('noteKind_action'), L.t('owner'), L.t('due'), L.t('where')], actions?.rows ?? [], [60, 24, 14, 20]);
  sheet(wb, L.t('sheetNotes'), [L.t('type'), L.t('text'), L.t('owner'), L.t('due'), L.t('where'), L.t('questionId')], notes(s, L), [16, 60, 24, 14, 20, 10]);
  const answers = answerSheet(s);
  sheet(wb, L.t('sheetAnswers'), answers.head, answers.rows.map((r) => r.map(cell)), [28, 6, 10, 50, 10, 26, 50, 20, 8, 6], { dateColumn: 8, notice });
  sheet(wb, L.t('sheetVotes'), [L.t('theme'), L.t('number'), L.t('question'), L.t('answers'), L.t('votes'), L.t('mergedColumn')], votes(s), [28, 6, 50, 60, 10, 60]);
  sheet(wb, L.t('sheetAggregates'), aggregateHead(L), aggregates(s, L), [28, 6, 10, 50, 10, 26, 12, 8, 10, 10, 12, 12, 14, 12, 16, 8, 10, 10]);
  sheet(wb, L.t('sheetDistribution'), [L.t('number'), L.t('questionId'), L.t('role'), L.t('value'), L.t('count'), L.t('roundColumn')], distribution(s, L), [6, 10, 26, 30, 10, 8]);
  chartSheet(wb, s, L);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A4 landscape, as wide as the page, the header rows repeated on every printed page. */
function printSetup(ws: ExcelJS.Worksheet, titleRows?: string): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.25, footer: 0.25 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
  ws.headerFooter = { oddFooter: '&L&A&R&P / &N' };
}

/**
 * Wrapped cells and a row height that holds them: LibreOffice does not grow a row when it opens a
 * file, so the height is set from the text (about 1.1 characters per unit of column width).
 */
function fitRow(ws: ExcelJS.Worksheet, row: ExcelJS.Row, from = 1): void {
  let lines = 1;
  row.eachCell((c, col) => {
    if (col < from) return;
    c.alignment = { wrapText: true, vertical: 'top' };
    const text = typeof c.value === 'string' ? c.value : '';
    const width = (ws.getColumn(col).width ?? 10) * 1.1;
    const n = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / width)), 0);
    lines = Math.max(lines, n);
  });
  // A single line keeps the default height: every point counts towards 40 rows a printed page.
  if (lines > 1) row.height = 15 * lines;
}

function headRow(ws: ExcelJS.Worksheet, cells: string[], numericFrom?: number): ExcelJS.Row {
  const row = ws.addRow(cells);
  row.font = { bold: true };
  row.eachCell((c) => (c.fill = HEAD_FILL));
  fitRow(ws, row);
  if (numericFrom) row.eachCell((c, col) => col >= numericFrom && (c.alignment = { wrapText: true, vertical: 'top', horizontal: 'right' }));
  return row;
}

export function sheet(wb: ExcelJS.Workbook, name: string, head: string[], rows: Cell[][], widths: number[], opts: { dateColumn?: number; notice?: string | null } = {}): void {
  const top = opts.notice ? 2 : 1;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: top }] });
  // Lists print in 10 pt, about 40 rows to a landscape page (column styles: a few styles, not one a cell).
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    col.font = { size: 10 };
  });
  ws.properties.defaultRowHeight = 13;
  // A column style, set before the rows: one style for 30,000 cells rather than 30,000 styles.
  if (opts.dateColumn) ws.getColumn(opts.dateColumn).numFmt = 'yyyy-mm-dd hh:mm:ss';
  if (opts.notice) ws.addRow([opts.notice]).font = { bold: true, color: { argb: 'FFB00020' } };
  headRow(ws, head);
  ws.addRows(rows);
  ws.autoFilter = { from: { row: top, column: 1 }, to: { row: top, column: head.length } };
  printSetup(ws, `${top}:${top}`);
}

/** The decision minutes: the header, a table per theme, the workshop's own decisions, what was not dealt with, the method. */
function minutesSheet(wb: ExcelJS.Workbook, s: Summary, L: Labels, notice: string | null): void {
  const ws = wb.addWorksheet(L.t('minutes'));
  [44, 40, 36, 36].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const wrap = (row: ExcelJS.Row) => fitRow(ws, row);
  if (notice) ws.addRow([notice]).font = { bold: true, color: { argb: 'FFB00020' } };
  ws.addRow([`${L.t('minutes')}: ${s.title}`]).font = { bold: true, size: 14 };
  for (const [label, value] of minutesHeader(s, L)) {
    const r = ws.addRow([label, value]);
    r.getCell(1).font = { bold: true };
    wrap(r);
  }
  const table = (title: string, t: { head: string[]; rows: string[][] }) => {
    ws.addRow([]);
    ws.addRow([title]).font = { bold: true, size: 12 };
    headRow(ws, t.head);
    for (const r of t.rows) wrap(ws.addRow(r));
  };
  for (const theme of s.themes) {
    const t = minutesTable(theme, L);
    if (t) table(`${theme.number}. ${theme.title}`, t);
  }
  const whole = sessionMinutes(s, L);
  if (whole) table(L.t('wholeSession'), whole);
  if (s.notHandled.length) table(L.t('notHandled'), { head: [L.t('number'), L.t('question')], rows: s.notHandled.map((q) => [q.number, q.text]) });
  ws.addRow([]);
  ws.addRow([L.t('method')]).font = { bold: true, size: 12 };
  for (const p of s.method) {
    const r = ws.addRow([p]);
    ws.mergeCells(r.number, 1, r.number, 4);
    r.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    // The merged cell is 156 units wide.
    r.height = 15 * Math.ceil(p.length / 160) + 4;
  }
  printSetup(ws);
}

function resultsSheet(wb: ExcelJS.Workbook, s: Summary, L: Labels): void {
  const ws = wb.addWorksheet(L.t('sheetResults'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const blocks = resultBlocks(s, L);
  const width = Math.max(2, ...blocks.map((b) => b.head.length));
  ws.getColumn(1).width = 48;
  for (let i = 2; i <= width; i++) ws.getColumn(i).width = 14;
  ws.addRow([`${L.t('results')}: ${s.title}`]).font = { bold: true, size: 14 };
  for (const b of blocks) {
    ws.addRow([]);
    ws.addRow([b.title]).font = { bold: true, size: 12 };
    ws.addRow([b.headline]).font = { italic: true };
    headRow(ws, b.head, 2);
    for (const r of b.rows) fitRow(ws, ws.addRow(r), 1);
    if (b.note) ws.addRow([b.note]).font = { italic: true };
  }
  printSetup(ws, '1:1');
}

/** Rows of 20 px that fit on a landscape A4 page inside the margins, at 100 %. */
const CHART_ROWS_PER_PAGE = 32;

/** The charts as pictures, one under the other, each under its question. */
function chartSheet(wb: ExcelJS.Workbook, s: Summary, L: Labels): void {
  const images = chartImages(s, L);
  if (images.length === 0) return;
  const ws = wb.addWorksheet(L.t('sheetCharts'));
  ws.getColumn(1).width = 110;
  let row = 1;
  let page = 0;
  for (const img of images) {
    // A chart never splits over two pages: a page break before its title when it would not fit.
    const rows = 2 + Math.ceil(Math.round((img.height * 600) / img.width) / 20);
    if (page > 0 && page + rows > CHART_ROWS_PER_PAGE) {
      ws.getRow(row - 1).addPageBreak();
      page = 0;
    }
    page += rows;
    ws.getCell(row, 1).value = img.title;
    ws.getRow(row).font = { bold: true };
    const id = wb.addImage({ buffer: img.png as unknown as ExcelJS.Buffer, extension: 'png' });
    // 96 px to the inch on screen; rows are 20 px high.
    const height = Math.round((img.height * 600) / img.width);
    ws.addImage(id, { tl: { col: 0, row }, ext: { width: 600, height } });
    row += 2 + Math.ceil(height / 20);
  }
  printSetup(ws);
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
