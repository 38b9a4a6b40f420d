// DOCX (the `docx` package): a Word document a municipality can file. It opens with the decision
// minutes (header, a table per theme, what was not dealt with, actions), then a table of contents
// whose page numbers are written with the file (docx/layout's estimate) and updated by Word on
// opening, then the results and the appendix. Word's own Heading 1/2 styles (so the contents and
// navigation pane work), tables with repeating header rows, each chart and word cloud as a PNG at
// print resolution drawn with IBM Plex (charts/), with alt text; a question's heading, its lines
// and its chart are kept on one page. Page numbers in the footer; the document language (da-DK /
// en-GB) on the default run style so spelling and screen readers use the right language.
import {
  AlignmentType, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell,
  TableLayoutType, TableOfContents, TableRow, TextRun, WidthType, type FileChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { labels, type Labels } from '../../shared/summary/labels.ts';
import { gapSentence } from '../../shared/summary/phrases.ts';
import type { Summary, SummaryNote, SummaryQuestion, SummaryTheme } from '../../shared/summary/summary.ts';
import {
  actionsTable, answerLine, dataTable, factsLine, hasAnswers, noteGroups, noteLine, participantsTable, participantTablesTable, rawTable,
  roleTable, roundViews, roundsTable, scopeLabel, tableSplitTable, typeLine, type Table as TableModel,
} from '../../shared/summary/tables.ts';
import { barChartImage, wordCloudImage, type ChartImage } from './charts/images.ts';
import { minutesHeader, minutesTable, rawRolesNotice, sessionMinutes } from '../../shared/summary/minutes.ts';

/** A4 with 2.5 cm margins leaves 16 cm: the chart is drawn 580 px (15.3 cm) wide. */
const IMAGE_WIDTH = 580;
/** The same width in twentieths of a point (A4 11906 less two margins of 1418). */
const TEXT_WIDTH = 11906 - 2 * 1418;

export async function renderDocx(s: Summary): Promise<Buffer> {
  const L = labels(s.lang);
  const notice = rawRolesNotice(s, L);
  const children: FileChild[] = [
    ...(notice ? [p(notice, { bold: true })] : []),
    ...minutes(s, L),
    new Paragraph({ text: L.t('contents'), heading: HeadingLevel.HEADING_1, pageBreakBefore: true, keepNext: true }),
    new TableOfContents(L.t('contents'), { hyperlink: true, headingStyleRange: '1-2' }),
    ...front(s, L),
    ...(s.notes.length ? [heading(L.t('sessionNotes'), 1), ...notes(s.notes, L, 2)] : []),
    ...s.themes.flatMap((t) => theme(t, L)),
    ...appendix(s, L),
  ];
  const doc = new Document({
    // Page numbers of the contents worked out and written now; Word updates them on opening.
    pageNumbers: estimatePageNumbers,
    features: { updateFields: true },
    creator: 'Rådslag',
    title: `${s.title} – ${L.t('summary')}`,
    description: `${L.t('summary')} ${s.code}, ${L.date(s.date)}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: L.locale } } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        footers: { default: footer(s, L) },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

function footer(s: Summary, L: Labels): Footer {
  const run = new TextRun({ size: 18, children: [`Rådslag · ${s.code} · ${L.t('page')} `, PageNumber.CURRENT, ` ${L.t('of')} `, PageNumber.TOTAL_PAGES] });
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run] })] });
}

const p = (text: string, opts: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) => {
  const { keepNext, ...run } = opts;
  return new Paragraph({ keepNext: keepNext === true, children: [new TextRun({ text, ...run })] });
};
const heading = (text: string, level: 1 | 2 | 3, pageBreakBefore = false) =>
  new Paragraph({ text, heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1], pageBreakBefore, keepNext: true });
/** Line breaks in a participant's text become Word line breaks, not one long line. */
const lines = (text: string, bold = false, size?: number) =>
  text.split(/\r\n?|\n/).map((line, i) => new TextRun({ text: line, ...(bold ? { bold } : {}), ...(size ? { size } : {}), ...(i > 0 ? { break: 1 } : {}) }));
const bullet = (text: string, level = 0) => new Paragraph({ children: lines(text), bullet: { level } });

/** The decision minutes: title, header, a table per theme, the whole workshop, not dealt with, actions, parking lot. */
function minutes(s: Summary, L: Labels): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({ text: s.title, heading: HeadingLevel.TITLE }),
    heading(L.t('minutes'), 1),
    table({ head: ['', ''], rows: minutesHeader(s, L), numeric: [false, false] }, { headless: true }),
  ];
  for (const t of s.themes) {
    const m = minutesTable(t, L);
    if (m) out.push(heading(`${t.number}. ${t.title}`, 3), table(m));
  }
  const whole = sessionMinutes(s, L);
  if (whole) out.push(heading(L.t('wholeSession'), 3), table(whole));
  if (s.notHandled.length) out.push(heading(L.t('notHandled'), 3), ...s.notHandled.map((q) => bullet(`${q.number} ${q.text}`)));
  out.push(...actions(s, L));
  return out;
}

function front(s: Summary, L: Labels): FileChild[] {
  return [
    heading(L.t('results'), 1, true),
    heading(L.t('participants'), 2),
    table(participantsTable(s, L)),
    ...captioned(participantTablesTable(s, L), L.t('participantsByTable')),
    heading(L.t('method'), 2),
    ...s.method.map((m) => p(m)),
  ];
}

function theme(t: SummaryTheme, L: Labels): FileChild[] {
  const out: FileChild[] = [heading(`${t.number}. ${t.title}`, 1, true)];
  if (t.description) out.push(p(t.description));
  if (t.facilitatorNote) out.push(p(`${L.t('facilitatorNote')}: ${t.facilitatorNote}`));
  if (t.statements.length) {
    out.push(heading(L.t('statements'), 2));
    for (const st of t.statements) out.push(bullet(st.text), ...st.details.map((d) => bullet(d, 1)));
  }
  out.push(...notes(t.notes, L, 3));
  for (const q of t.questions.filter((x) => x.asked)) out.push(...question(q, L));
  return out;
}

/**
 * A question from its heading to its notes, on a page of its own (the theme's statements and
 * decisions have theirs): the heading, its lines, the chart and the data table are kept together,
 * and where such a block shared a page with what came before, LibreOffice and the pre-computed
 * contents did not always agree on where it went (contents one page off from there on).
 */
function question(q: SummaryQuestion, L: Labels): FileChild[] {
  // The heading and the lines under it keep with the next paragraph, so a chart never leaves them.
  const out: FileChild[] = [
    heading(`${q.number} ${q.text}`, 2, true),
    p(`${L.t('type')}: ${typeLine(q, L)}`, { keepNext: true }),
    p(q.headline, { bold: true, keepNext: true }),
    p(factsLine(q, L).join(' · '), { keepNext: true }),
    ...captioned(roundsTable(q, L), L.t('rounds')),
    ...roundViews(q, L).flatMap((v) => figure(v.q, L, v.prefix)),
    ...captioned(roleTable(q, L), L.t('byRole')),
    ...captioned(tableSplitTable(q, L), L.t('byTable')),
  ];
  if (q.gap) out.push(p(`${L.t('largestGap')}: ${gapSentence(q.gap, L.lang)}`));
  if (q.hidden) out.push(p(L.t('hiddenAnswers', { n: q.hidden }), { italics: true }));
  if (q.type === 'text' || q.answers.length) {
    out.push(heading(q.type === 'text' ? L.t('textAnswers') : L.t('other'), 3));
    if (q.answers.length === 0) out.push(p(L.t('noAnswers')));
    for (const a of q.answers) out.push(bullet(answerLine(a, L)), ...(a.merged ?? []).map((m) => bullet(`${L.t('merged')}: ${m}`, 1)));
  }
  const cloud = wordCloudImage(q, L);
  if (cloud) out.push(caption(L.t('wordCloud')), image(cloud, L));
  out.push(...notes(q.notes, L, 3));
  return out;
}

/** The chart (when there is one) and its data table. */
function figure(q: SummaryQuestion, L: Labels, prefix: string): FileChild[] {
  const data = dataTable(q, L);
  const out: FileChild[] = [];
  const chart = barChartImage(q, L);
  if (chart) out.push(image(chart, L));
  if (data && (q.n > 0 || q.dontKnow > 0)) out.push(caption(prefix + L.t('dataTable')), table(data));
  return out;
}

function notes(list: readonly SummaryNote[], L: Labels, level: 2 | 3): FileChild[] {
  return noteGroups(list, L).flatMap((g) => [heading(g.title, level), ...g.lines.map((l) => bullet(l))]);
}

function captioned(t: TableModel | null, text: string): FileChild[] {
  return t ? [caption(text), table(t)] : [];
}

function image(img: ChartImage, L: Labels): Paragraph {
  const height = Math.round((img.height * IMAGE_WIDTH) / img.width);
  const run = new ImageRun({
    type: 'png',
    data: img.png,
    transformation: { width: IMAGE_WIDTH, height },
    altText: { name: `${L.t('chart')} ${img.title}`, title: img.title, description: img.alt },
  });
  return new Paragraph({ children: [run], keepNext: true });
}

function actions(s: Summary, L: Labels): FileChild[] {
  const out: FileChild[] = [heading(L.t('allActions'), 3)];
  const all = actionsTable(s, L);
  out.push(all ? table(all) : p(L.t('noActions')));
  out.push(heading(L.t('parkingLot'), 3));
  if (s.parkingLot.length === 0) out.push(p(L.t('noParking')));
  for (const item of s.parkingLot) out.push(bullet(noteLine(item, L, true)));
  return out;
}

function appendix(s: Summary, L: Labels): FileChild[] {
  const out: FileChild[] = [heading(`${L.t('appendix')}: ${L.t('rawTables')}`, 1, true), p(rawRolesNotice(s, L) ?? L.t('mergedRolesNotice', { n: s.minGroup }))];
  for (const q of s.themes.flatMap((t) => t.questions).filter((x) => x.asked)) {
    out.push(caption(`${q.number} ${q.text}`), hasAnswers(q) ? table(rawTable(q, L)) : p(L.t('noAnswers')));
  }
  return out;
}

function caption(text: string): Paragraph {
  return new Paragraph({ keepNext: true, children: [new TextRun({ text, italics: true })] });
}

export function table(t: TableModel, opts: { headless?: boolean } = {}): Table {
  const wide = t.head.length >= 5;
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F6' } } : {}),
      // In a wide table: 9 pt, and a role's name may break after its "/" rather than mid-word.
      children: [new Paragraph({ alignment: t.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT, children: wide ? lines(text.replace(/\/(?=\S)/g, '/\u200B'), head, 18) : lines(text, head) })],
    });
  // Wide tables (the appendix: everyone, each role and table) give the first column, the item or
  // statement, 30 % of the width, so its words are not broken letter by letter.
  const columns = wide ? [Math.round(TEXT_WIDTH * 0.3), ...t.head.slice(1).map(() => Math.floor((TEXT_WIDTH * 0.7) / (t.head.length - 1)))] : undefined;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(columns ? { columnWidths: columns, layout: TableLayoutType.FIXED } : {}),
    rows: [
      // tableHeader: Word repeats the row on every page the table spans, and reads it as a header.
      ...(opts.headless ? [] : [new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((c, i) => cell(c, i, true)) })]),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}
