import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyWorld, fixtureWorld } from '../../shared/summary/fixture.ts';
import { typesWorld } from '../../shared/summary/fixture-types.ts';
import { labels } from '../../shared/summary/labels.ts';
import type { GroupFigures, SummaryQuestion } from '../../shared/summary/summary.ts';
import { buildSummary } from '../../shared/summary/summary.ts';
import { renderXlsx } from './xlsx.ts';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}
const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);

describe('XLSX', () => {
  const summary = buildSummary(fixtureWorld().state);

  it('opens on the results; minutes first, then results, actions, notes, answers, votes, aggregates, distribution, charts', async () => {
    const wb = await read(await renderXlsx(summary));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Beslutningsreferat', 'Resultater', 'Handlinger', 'Noter', 'Svar', 'Stemmer', 'Aggregater', 'Fordeling', 'Diagrammer']);
    expect(wb.views[0]?.activeTab).toBe(1);
    expect(header(wb.getWorksheet('Svar')!)).toEqual(['Tema', 'Nr.', 'Spørgsmål-id', 'Spørgsmål', 'Type', 'Rolle', 'Svar', 'Tidspunkt', 'Runde', 'Sent']);
    expect(header(wb.getWorksheet('Stemmer')!)).toEqual(['Tema', 'Nr.', 'Spørgsmål', 'Svar', 'Stemmer', 'Sammenlagte svar']);
    expect(header(wb.getWorksheet('Noter')!)).toEqual(['Type', 'Tekst', 'Ansvarlig', 'Frist', 'Hvor', 'Spørgsmål-id']);
    expect(header(wb.getWorksheet('Aggregater')!)).toContain('Median');
    for (const ws of wb.worksheets) {
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
      // Every sheet prints A4 landscape, one page wide.
      expect(ws.pageSetup, ws.name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    }
    for (const name of ['Resultater', 'Handlinger', 'Noter', 'Svar', 'Stemmer', 'Aggregater', 'Fordeling']) expect(wb.getWorksheet(name)!.pageSetup.printTitlesRow, name).toBe('1:1');
  });

  it('one row per answer; numbers as numbers, times as dates, texts as text (never formulas)', async () => {
    const ws = (await read(await renderXlsx(summary))).getWorksheet('Svar')!;
    expect(ws.rowCount).toBe(summary.answers.length + 1);
    summary.answers.forEach((a, i) => {
      const row = ws.getRow(i + 2);
      const value = row.getCell(7).value;
      if (typeof a.value === 'number') expect(value, `row ${i + 2}`).toBe(a.value);
      else expect(typeof value, `row ${i + 2}`).toBe('string');
      expect(row.getCell(8).value).toBeInstanceOf(Date);
    });
    const first = ws.getRow(2);
    expect((first.getCell(8).value as Date).toISOString()).toBe(`${summary.answers[0]!.at.slice(0, 19)}.000Z`);
    const formula = ws.getColumn(7).values.find((v) => typeof v === 'string' && v.startsWith('=HYPERLINK'));
    expect(formula).toBe('=HYPERLINK("http://evil.example","klik")');
  });

  it('aggregates per question and role, with suppressed roles marked and left empty', async () => {
    const ws = (await read(await renderXlsx(summary))).getWorksheet('Aggregater')!;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const q11 = rows.filter((r) => r[3] === 'q1-1').map((r) => r.slice(6, 11));
    expect(q11).toEqual([
      ['Alle', 13, 12, 1, 3.5],
      ['Politiker', 6, 6, 0, 4.5],
      ['Medarbejder/fagprofessionel', 7, 6, 1, 2],
      ['Bord 1', 5, 4, 1, 3],
      ['Bord 2', undefined, undefined, undefined, undefined],
      ['Bord 3', undefined, undefined, undefined, undefined],
    ]);
    const suppressed = rows.find((r) => r[3] === 'q1-3' && r[6] === 'Leder')!;
    expect(suppressed[8]).toBeUndefined();
    expect(suppressed[15]).toBe('for få svar');
  });

  it('states analog and hidden answers, and both rounds of a re-vote', async () => {
    const ws = (await read(await renderXlsx(summary))).getWorksheet('Aggregater')!;
    expect(header(ws).slice(15)).toEqual(['Runde', 'Analoge', 'Skjulte']);
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const all = (id: string) => rows.filter((r) => r[3] === id && r[6] === 'Alle');
    expect(all('q1-3').map((r) => [r[8], r[16], r[17], r[18]])).toEqual([[22, 1, 5, 0]]);
    expect(all('q1-4').map((r) => [r[8], r[18]])).toEqual([[11, 3]]);
    expect(all('q3-1').map((r) => [r[16], r[8], r[10], r[11], r[12]])).toEqual([
      [1, 11, 2, 2, 2],
      [2, 11, 4, 3, 4],
    ]);
    const dist = (await read(await renderXlsx(summary))).getWorksheet('Fordeling')!;
    const q31 = (dist.getSheetValues().slice(2) as unknown[][]).filter((r) => r[2] === 'q3-1' && r[3] === 'Alle');
    expect(q31.map((r) => [r[6], r[4], r[5]])).toEqual([
      [1, '1', 2], [1, '2', 7], [1, '3', 2], [1, '4', 0], [1, '5', 0],
      [2, '1', 0], [2, '2', 1], [2, '3', 4], [2, '4', 5], [2, '5', 1],
    ]);
  });

  it('marks the late answer and gives each answer its round', async () => {
    const ws = (await read(await renderXlsx(summary))).getWorksheet('Svar')!;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    expect(rows.filter((r) => r[10] === 'ja').map((r) => [r[3], r[7]])).toEqual([['q1-2', 14]]);
    expect(rows.filter((r) => r[3] === 'q3-1').map((r) => r[9])).toEqual([...Array(11).fill(1), ...Array(11).fill(2)]);
  });

  it('lists the dots of the voted-on answers, merged ones added', async () => {
    const ws = (await read(await renderXlsx(summary))).getWorksheet('Stemmer')!;
    expect(ws.rowCount).toBe(1 + summary.themes[0]!.questions[3]!.answers.length);
    expect(ws.getRow(2).getCell(5).value).toBe(4);
    const merged = (ws.getSheetValues().slice(2) as unknown[][]).find((r) => r[4] === 'Mere tid til kerneopgaven')!;
    expect([merged[5], merged[6]]).toEqual([2, 'Mere tid til kerneopgaven!']);
  });

  it('lists every note, decision, action and parking-lot item, with who, when and where', async () => {
    const ws = (await read(await renderXlsx(summary))).getWorksheet('Noter')!;
    const rows = (ws.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1));
    expect(rows).toHaveLength(10);
    expect(rows).toContainEqual(['Handling', 'Lav et udkast til færre mål', 'Direktionen', '2025-05-01', 'Spørgsmål 1.1', 'q1-1']);
    expect(rows).toContainEqual(['Handling', '=Indkald til møde', 'Sekretariatet', undefined, 'Tema 1']);
    expect(rows).toContainEqual(['Parkeringsplads', 'Budgettet for 2026', undefined, undefined, 'Hele workshoppen']);
    expect(rows.filter((r) => r[0] === 'Beslutning')).toHaveLength(3);
    // A text cell, never a formula.
    expect(ws.getColumn(2).values.find((v) => typeof v === 'string' && v.startsWith('=Indkald'))).toBe('=Indkald til møde');
  });

  it('of a session without answers: header rows only; in English with English sheet names', async () => {
    const wb = await read(await renderXlsx(buildSummary(emptyWorld('en').state)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Decision minutes', 'Results', 'Actions', 'Notes', 'Answers', 'Votes', 'Aggregates', 'Distribution']);
    expect(wb.getWorksheet('Answers')!.rowCount).toBe(1);
    expect(wb.getWorksheet('Votes')!.rowCount).toBe(1);
  });
});

/** The block of one question on "Resultater": its header and rows by first cell, until the blank row after it. */
function resultBlock(ws: ExcelJS.Worksheet, title: string): { head: unknown[]; rows: Map<string, unknown[]>; texts: unknown[][] } {
  const all = Array.from(ws.getSheetValues() as unknown[][], (r) => (r ?? []).slice(1));
  const start = all.findIndex((r) => r[0] === title);
  expect(start, title).toBeGreaterThan(0);
  const end = all.findIndex((r, i) => i > start && r.length === 0);
  const block = all.slice(start + 2, end < 0 ? undefined : end);
  expect(block.length, title).toBeGreaterThan(1);
  return { head: block[0]!, rows: new Map(block.slice(1).map((r) => [String(r[0]), r])), texts: block.slice(1) };
}

describe('XLSX "Resultater": every figure of the JSON, for every type', async () => {
  const s = buildSummary(typesWorld().state);
  const ws = (await read(await renderXlsx(s))).getWorksheet('Resultater')!;
  const L = labels('da');
  const questions = s.themes[0]!.questions.filter((q) => q.asked);
  /** Everyone, then each group shown, as the sheet's columns. */
  const groups = (q: SummaryQuestion): [string, GroupFigures][] => [
    ...q.byRole.flatMap((r): [string, GroupFigures][] => (r.suppressed ? [] : [[L.role(r.role), r]])),
    ...(q.byTable ?? []).flatMap((r): [string, GroupFigures][] => (r.suppressed ? [] : [[L.t('tableN', { n: r.table }), r]])),
  ];

  it('has a block for every type asked, and none for the question not asked', () => {
    expect(questions.map((q) => q.type)).toEqual(['scale', 'number', 'choice', 'choice', 'ranking', 'statements', 'text']);
    expect((ws.getSheetValues() as unknown[][]).some((r) => r?.[1] === '1.8 Et spørgsmål, vi ikke nåede')).toBe(false);
  });

  it.each(['sk', 'ta', 'v1', 'v2'])('%s: counts per value for all and each group, "Ved ikke", "Andet", n; sums equal n', (id) => {
    const q = questions.find((x) => x.id === id)!;
    const { head, rows } = resultBlock(ws, `${q.number} ${q.text}`);
    expect(head.slice(1)).toEqual([L.t('all'), ...groups(q).map(([name]) => name)]);
    const col = (name: string) => head.indexOf(name);
    q.bars.forEach((b, i) => {
      expect(rows.get(b.label)![col('Alle')], b.label).toBe(b.count);
      for (const [name, g] of groups(q)) expect(rows.get(b.label)![col(name)], `${b.label} ${name}`).toBe(g.counts[i]);
    });
    expect(rows.get('n')![col('Alle')]).toBe(q.n);
    expect(rows.get('Svarpersoner')![col('Alle')]).toBe(q.respondents);
    for (const [name, g] of groups(q)) expect(rows.get('n')![col(name)]).toBe(g.n);
    const bars = q.bars.reduce((sum, b) => sum + (rows.get(b.label)![col('Alle')] as number), 0);
    if (q.type === 'scale') {
      expect(rows.get('Ved ikke')![col('Alle')]).toBe(q.dontKnow);
      expect(q.dontKnow).toBeGreaterThan(0);
      expect(bars).toBe(q.n);
      expect(rows.get('Median')![col('Alle')]).toBe(q.figures!.median);
      expect([rows.get('Nedre kvartil')![col('Alle')], rows.get('Øvre kvartil')![col('Alle')], rows.get('Analoge')![col('Alle')]]).toEqual([q.figures!.q1, q.figures!.q3, q.analog]);
    }
    if (q.type === 'number') expect(bars).toBe(q.n);
    if (q.type === 'choice') {
      expect(rows.get('Andet')![col('Alle')]).toBe(q.other);
      expect(q.other).toBeGreaterThan(0);
      for (const [name, g] of groups(q)) expect(rows.get('Andet')![col(name)]).toBe(g.other);
      // One choice each: the options and "Andet" add up to n; several: at least n.
      if (q.multiple) expect(bars + q.other!).toBeGreaterThanOrEqual(q.n);
      else expect(bars + q.other!).toBe(q.n);
    }
  });

  it('ranking: mean rank and ranked first per item, for all and each group; firsts sum to n', () => {
    const q = questions.find((x) => x.type === 'ranking')!;
    const { head, rows } = resultBlock(ws, `${q.number} ${q.text}`);
    for (const [name, g] of [['Alle', q], ...groups(q)] as const) {
      for (const r of g.ranking!) {
        expect(rows.get(`${r.item} – gns. plads`)![head.indexOf(name)], `${r.item} ${name}`).toBe(r.meanRank);
        expect(rows.get(`${r.item} – sat først`)![head.indexOf(name)]).toBe(r.first);
      }
    }
    expect(q.ranking!.reduce((sum, r) => sum + (rows.get(`${r.item} – sat først`)![head.indexOf('Alle')] as number), 0)).toBe(q.n);
  });

  it('statements: agree, disagree and pass per statement, for all and each group; each sums to n', () => {
    const q = questions.find((x) => x.type === 'statements')!;
    const { head, rows } = resultBlock(ws, `${q.number} ${q.text}`);
    for (const [name, g] of [['Alle', q], ...groups(q)] as const) {
      for (const st of g.statements!) {
        const cells = ['enig', 'uenig', 'pas'].map((k) => rows.get(`${st.text} – ${k}`)![head.indexOf(name)]);
        expect(cells, `${st.text} ${name}`).toEqual([st.agree, st.disagree, st.pass]);
        expect(st.agree + st.disagree + st.pass).toBe(g.n);
      }
    }
  });

  it('text: the answers by votes, each with its dots, and n', () => {
    const q = questions.find((x) => x.type === 'text')!;
    const { head, rows, texts } = resultBlock(ws, `${q.number} ${q.text}`);
    expect(rows.get('Svar')![head.indexOf('Alle')]).toBe(q.n);
    const at = texts.findIndex((r) => r[0] === 'Svar med flest stemmer');
    // The answers, then the line naming the groups with too few answers.
    const listed = texts.slice(at + 1).filter((r) => !String(r[0]).startsWith('for få svar')).map((r) => [r[0], r[1]]);
    const expected = [...q.answers].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0)).map((a) => [a.text, a.votes]);
    expect(listed).toEqual(expected);
    expect(listed[0]).toEqual(['Færre mål', 5]);
  });
});
