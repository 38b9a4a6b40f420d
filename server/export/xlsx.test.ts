import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyWorld, fixtureWorld } from '../../shared/summary/fixture.ts';
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

  it('has the answers, votes, aggregates and distribution sheets, each with a header row', async () => {
    const wb = await read(await renderXlsx(summary));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Svar', 'Stemmer', 'Aggregater', 'Fordeling', 'Noter']);
    expect(header(wb.getWorksheet('Svar')!)).toEqual(['Tema', 'Nr.', 'Spørgsmål-id', 'Spørgsmål', 'Type', 'Rolle', 'Svar', 'Tidspunkt', 'Runde', 'Sent']);
    expect(header(wb.getWorksheet('Stemmer')!)).toEqual(['Tema', 'Nr.', 'Spørgsmål', 'Svar', 'Stemmer', 'Sammenlagte svar']);
    expect(header(wb.getWorksheet('Noter')!)).toEqual(['Type', 'Tekst', 'Ansvarlig', 'Frist', 'Hvor', 'Spørgsmål-id']);
    expect(header(wb.getWorksheet('Aggregater')!)).toContain('Median');
    for (const ws of wb.worksheets) expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Answers', 'Votes', 'Aggregates', 'Distribution', 'Notes']);
    expect(wb.getWorksheet('Answers')!.rowCount).toBe(1);
    expect(wb.getWorksheet('Votes')!.rowCount).toBe(1);
  });
});
