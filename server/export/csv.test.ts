import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { emptyWorld, fixtureWorld, TRICKY_TEXTS, UNSHOWN_TEXTS } from '../../shared/summary/fixture.ts';
import { expectGolden } from '../../shared/summary/golden.ts';
import { buildSummary } from '../../shared/summary/summary.ts';
import { csvCell, neutralise, renderCsv } from './csv.ts';

const summary = buildSummary(fixtureWorld().state);
const csv = renderCsv(summary);
const rows = (text: string, delimiter = ';'): string[][] => parse(text, { bom: true, relax_column_count: false, delimiter });

describe('CSV of the answers', () => {
  it('matches the golden file', () => {
    expectGolden(fileURLToPath(new URL('./__golden__/fixture.da.csv', import.meta.url)), csv);
  });

  it('is UTF-8 with a BOM, CRLF line ends, one row per answer under a header', () => {
    expect(csv.startsWith('\uFEFFTema;Nr.;Spørgsmål-id;Spørgsmål;Type;Rolle;Svar;Tidspunkt;Runde;Sent\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted cells every line break is CRLF.
    const unquoted = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted).not.toMatch(/[^\r]\n/);
    const parsed = rows(csv);
    expect(parsed).toHaveLength(summary.answers.length + 1);
    expect(new Set(parsed.map((r) => r.length))).toEqual(new Set([10]));
  });

  it('round-trips commas, quotes, newlines, æøå and emoji', () => {
    const answers = rows(csv).map((r) => r[6]);
    for (const t of ['Evidens, data og "dialog" – med kommaer', 'Linje ét\nlinje to', 'Æbler, øl og ål 🍏🍺']) {
      expect(TRICKY_TEXTS).toContain(t);
      expect(answers).toContain(t);
    }
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const answers = rows(csv).map((r) => r[6]);
    for (const t of ['=HYPERLINK("http://evil.example","klik")', '+1', '-1', '@SUM(A1)']) {
      expect(answers).toContain(`'${t}`);
      expect(answers).not.toContain(t);
    }
  });

  it('marks the late answer and the round of a re-voted question; hidden answers are not there', () => {
    const parsed = rows(csv).slice(1);
    expect(parsed.filter((r) => r[9] === 'ja').map((r) => [r[2], r[5], r[6]])).toEqual([['q1-2', 'Andet/for få', '14']]);
    expect(new Set(parsed.filter((r) => r[9] !== 'ja').map((r) => r[9]))).toEqual(new Set(['']));
    const q31 = parsed.filter((r) => r[2] === 'q3-1').map((r) => r[8]);
    expect(q31).toEqual([...Array(11).fill('1'), ...Array(11).fill('2')]);
    expect(new Set(parsed.filter((r) => r[2] !== 'q3-1').map((r) => r[8]))).toEqual(new Set(['1']));
    for (const t of UNSHOWN_TEXTS) expect(csv).not.toContain(t);
    expect(parsed.map((r) => r[6])).toContain('Mere tid til kerneopgaven!');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+45 12 34', "'+45 12 34"],
    ['-', "'-"],
    ['@x', "'@x"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['ok = fine', 'ok = fine'],
    ['', ''],
  ])('neutralise(%j) → %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it('quotes what must be quoted, and leaves numbers as numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('\rCR')).toBe('"\'\rCR"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell({ time: '2025-03-14T10:00:05+01:00' })).toBe('2025-03-14T10:00:05+01:00');
  });

  it('a Danish session splits into the right columns with a ";" parser, an English one with ","', () => {
    const da = rows(csv, ';');
    expect(new Set(da.map((r) => r.length))).toEqual(new Set([10]));
    expect(da.find((r) => r[2] === 'q1-2' && r[9] === 'ja')?.slice(5, 7)).toEqual(['Andet/for få', '14']);
    // A Danish answer with commas and semicolons stays one cell.
    expect(da.map((r) => r[6])).toContain('Evidens, data og "dialog" – med kommaer');
    const enSummary = buildSummary(fixtureWorld('en').state);
    const en = renderCsv(enSummary);
    expect(en.startsWith('\uFEFFTheme,No.,Question id,Question,Type,Role,Answers,Time,Round,Late\r\n')).toBe(true);
    const parsed = rows(en, ',');
    expect(parsed).toHaveLength(enSummary.answers.length + 1);
    expect(new Set(parsed.map((r) => r.length))).toEqual(new Set([10]));
    expect(parsed.find((r) => r[2] === 'q1-2' && r[9] === 'yes')?.slice(5, 7)).toEqual(['Other/too few', '14']);
  });

  it('takes a delimiter override, and quotes a cell holding it', () => {
    const tabbed = renderCsv(summary, '\t');
    expect(tabbed.split('\r\n')[0]).toBe('\uFEFFTema\tNr.\tSpørgsmål-id\tSpørgsmål\tType\tRolle\tSvar\tTidspunkt\tRunde\tSent');
    expect(new Set(rows(tabbed, '\t').map((r) => r.length))).toEqual(new Set([10]));
    expect(new Set(rows(renderCsv(summary, ','), ',').map((r) => r.length))).toEqual(new Set([10]));
    expect(csvCell('a;b', ';')).toBe('"a;b"');
  });

  it('of a session without answers: the header only', () => {
    expect(rows(renderCsv(buildSummary(emptyWorld().state)))).toHaveLength(1);
  });
});
