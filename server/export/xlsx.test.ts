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
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Svar', 'Stemmer', 'Aggregater', 'Fordeling']);
    expect(header(wb.getWorksheet('Svar')!)).toEqual(['Tema', 'Nr.', 'Spørgsmål-id', 'Spørgsmål', 'Type', 'Rolle', 'Svar', 'Tidspunkt']);
    expect(header(wb.getWorksheet('Stemmer')!)).toEqual(['Tema', 'Nr.', 'Spørgsmål', 'Svar', 'Stemmer']);
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
    ]);
    const suppressed = rows.find((r) => r[3] === 'q1-3' && r[6] === 'Leder')!;
    expect(suppressed[8]).toBeUndefined();
    expect(suppressed[15]).toBe('for få svar');
  });

  it('lists the dots of the voted-on answers', async () => {
    const ws = (await read(await renderXlsx(summary))).getWorksheet('Stemmer')!;
    expect(ws.rowCount).toBe(1 + summary.themes[0]!.questions[3]!.answers.length);
    expect(ws.getRow(2).getCell(5).value).toBe(4);
  });

  it('of a session without answers: header rows only; in English with English sheet names', async () => {
    const wb = await read(await renderXlsx(buildSummary(emptyWorld('en').state)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Answers', 'Votes', 'Aggregates', 'Distribution']);
    expect(wb.getWorksheet('Answers')!.rowCount).toBe(1);
    expect(wb.getWorksheet('Votes')!.rowCount).toBe(1);
  });
});
