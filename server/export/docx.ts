// DOCX (the `docx` package): a Word document a municipality can file. Word's own Heading 1/2
// styles (so its table of contents and navigation pane work), tables with repeating header rows,
// each chart as an SVG image with a PNG fallback and alt text, page numbers in the footer, and
// the document language (da-DK / en-GB) on the default run style so spelling and screen readers
// use the right language.
import {
  AlignmentType, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell,
  TableOfContents, TableRow, TextRun, WidthType, type FileChild,
} from 'docx';
import { CHART, chartAlt, chartHeight, chartSvg } from '../../shared/summary/chart.ts';
import { labels, type Labels } from '../../shared/summary/labels.ts';
import { gapSentence } from '../../shared/summary/phrases.ts';
import type { Summary, SummaryNote, SummaryQuestion, SummaryTheme } from '../../shared/summary/summary.ts';
import {
  actionsTable, answerLine, dataTable, factsLine, hasAnswers, noteGroups, noteLine, participantsTable, participantTablesTable, rawTable,
  roleTable, roundViews, roundsTable, scopeLabel, tableSplitTable, typeLine, type Table as TableModel,
} from '../../shared/summary/tables.ts';
import { barsPng } from './png.ts';

/** A4 with 2.5 cm margins leaves 16 cm: the chart is drawn 580 px (15.3 cm) wide. */
const IMAGE_WIDTH = 580;

export async function renderDocx(s: Summary): Promise<Buffer> {
  const L = labels(s.lang);
  const children: FileChild[] = [
    ...front(s, L),
    new TableOfContents(L.t('contents'), { hyperlink: true, headingStyleRange: '1-2' }),
    ...keyPoints(s, L),
    ...(s.notes.length ? [heading(L.t('sessionNotes'), 1, true), ...notes(s.notes, L, 2)] : []),
    ...s.themes.flatMap((t) => theme(t, L)),
    ...actions(s, L),
    ...appendix(s, L),
  ];
  const doc = new Document({
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

const p = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] });
const heading = (text: string, level: 1 | 2 | 3, pageBreakBefore = false) =>
  new Paragraph({ text, heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1], pageBreakBefore, keepNext: true });
/** Line breaks in a participant's text become Word line breaks, not one long line. */
const lines = (text: string) => text.split(/\r\n?|\n/).map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
const bullet = (text: string, level = 0) => new Paragraph({ children: lines(text), bullet: { level } });

function front(s: Summary, L: Labels): FileChild[] {
  const meta = [`${L.t('date')}: ${L.date(s.date)}`, ...(s.place ? [`${L.t('place')}: ${s.place}`] : []), `${L.t('code')}: ${s.code}`, `${L.t('language')}: ${L.t('languageName')}`];
  return [
    new Paragraph({ text: s.title, heading: HeadingLevel.TITLE }),
    ...(s.subtitle ? [p(s.subtitle, { italics: true })] : []),
    p(L.t('summary'), { bold: true }),
    ...meta.map((m) => p(m)),
    heading(L.t('participants'), 1),
    table(participantsTable(s, L)),
    ...captioned(participantTablesTable(s, L), L.t('participantsByTable')),
    heading(L.t('method'), 1),
    ...s.method.map((m) => p(m)),
  ];
}

function keyPoints(s: Summary, L: Labels): FileChild[] {
  const out: FileChild[] = [heading(L.t('keyPoints'), 1, true)];
  for (const [i, k] of s.keyPoints.entries()) {
    // Bold lines, not headings: the themes get their headings (and TOC entries) further on.
    out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: `${i + 1}. ${k.title}`, bold: true })] }));
    for (const pt of k.points) {
      out.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: `${pt.number} `, bold: true }), new TextRun(`${pt.text} – ${pt.headline}`)] }));
      if (pt.previous) out.push(bullet(`${L.t('previousRound', { n: pt.previous.round })}: ${pt.previous.headline}`, 1));
      if (pt.gap) out.push(bullet(`${L.t('largestGap')}: ${pt.gap}`, 1));
    }
    if (k.decisions.length) out.push(caption(L.t('decisions')), ...k.decisions.map((d) => bullet(`${noteLine(d, L)} – ${scopeLabel(d.scope, L)}`)));
  }
  return out;
}

function theme(t: SummaryTheme, L: Labels): FileChild[] {
  const out: FileChild[] = [heading(`${t.number}. ${t.title}`, 1, true)];
  if (t.description) out.push(p(t.description));
  if (t.statements.length) {
    out.push(heading(L.t('statements'), 2));
    for (const st of t.statements) out.push(bullet(st.text), ...st.details.map((d) => bullet(d, 1)));
  }
  out.push(...notes(t.notes, L, 3));
  for (const q of t.questions) out.push(...question(q, L));
  return out;
}

function question(q: SummaryQuestion, L: Labels): FileChild[] {
  const out: FileChild[] = [
    heading(`${q.number} ${q.text}`, 2),
    p(`${L.t('type')}: ${typeLine(q, L)}`),
    p(q.headline, { bold: true }),
    p(factsLine(q, L).join(' · ')),
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
  out.push(...notes(q.notes, L, 3));
  return out;
}

/** The chart (when there is one) and its data table. */
function figure(q: SummaryQuestion, L: Labels, prefix: string): FileChild[] {
  const data = dataTable(q, L);
  const out: FileChild[] = [];
  if (q.bars.length && q.n + q.dontKnow > 0) out.push(chart(q, L));
  if (data && (q.n > 0 || q.dontKnow > 0)) out.push(caption(prefix + L.t('dataTable')), table(data));
  return out;
}

function notes(list: readonly SummaryNote[], L: Labels, level: 2 | 3): FileChild[] {
  return noteGroups(list, L).flatMap((g) => [heading(g.title, level), ...g.lines.map((l) => bullet(l))]);
}

function captioned(t: TableModel | null, text: string): FileChild[] {
  return t ? [caption(text), table(t)] : [];
}

function chart(q: SummaryQuestion, L: Labels): Paragraph {
  const height = Math.round((chartHeight(q.bars.length) * IMAGE_WIDTH) / CHART.width);
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(chartSvg(q, L, { id: `chart-${q.id}` })),
    fallback: { type: 'png', data: barsPng(q) },
    transformation: { width: IMAGE_WIDTH, height },
    altText: { name: `${L.t('chart')} ${q.number}`, title: `${L.t('chart')} ${q.number}`, description: chartAlt(q, L) },
  });
  return new Paragraph({ children: [image], keepNext: true });
}

function actions(s: Summary, L: Labels): FileChild[] {
  const out: FileChild[] = [heading(L.t('actionsAndParking'), 1, true), heading(L.t('allActions'), 2)];
  const all = actionsTable(s, L);
  out.push(all ? table(all) : p(L.t('noActions')));
  out.push(heading(L.t('parkingLot'), 2));
  if (s.parkingLot.length === 0) out.push(p(L.t('noParking')));
  for (const item of s.parkingLot) out.push(bullet(noteLine(item, L, true)));
  return out;
}

function appendix(s: Summary, L: Labels): FileChild[] {
  const out: FileChild[] = [heading(`${L.t('appendix')}: ${L.t('rawTables')}`, 1, true)];
  for (const q of s.themes.flatMap((t) => t.questions)) {
    out.push(caption(`${q.number} ${q.text}`), hasAnswers(q) ? table(rawTable(q, L)) : p(L.t('noAnswers')));
  }
  return out;
}

function caption(text: string): Paragraph {
  return new Paragraph({ keepNext: true, children: [new TextRun({ text, italics: true })] });
}

function table(t: TableModel): Table {
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F6' } } : {}),
      children: [new Paragraph({ alignment: t.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: head })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      // tableHeader: Word repeats the row on every page the table spans, and reads it as a header.
      new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((c, i) => cell(c, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}
