// The campaign summary as Word, Excel and HTML, read back: the Word file's headings, tables and
// follow-up; the workbook's sheets with numbers as numbers and hidden groups marked; the HTML
// page's structure and escaping. None holds a raw answer. With LibreOffice installed, the Word
// and Excel files are also converted to PDF, which fails on a file LibreOffice cannot read.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RAW_TEXT, fixtureCampaign } from '../../shared/campaign/summary-fixture.ts';
import { renderCampaignDocx } from './campaign-docx.ts';
import { renderCampaignHtml } from './campaign-html.ts';
import { renderCampaignXlsx } from './campaign-xlsx.ts';
import { unzip } from './unzip.ts';

const view = fixtureCampaign('da');
/** The visible text of a Word document: its runs, paragraph by paragraph. */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('campaign summary – Word', async () => {
  const docx = await renderCampaignDocx(view);
  const files = unzip(docx);
  const xml = files.get('word/document.xml')!.toString('utf8');
  const text = paragraphs(xml);

  it('has the title, Word headings for each question and the appendix, and no raw answer', () => {
    expect(xml.includes('<w:pStyle w:val="Title"/>')).toBe(true);
    expect(text[0]).toBe('Forløb: Vejen til en ny forvaltningspolitik');
    for (const h of ['Workshops', 'Beslutninger og handlinger', 'Virker din resultatstyring som ønsket?', 'Bilag: de enkelte workshops', 'Syd · Vejen til en ny forvaltningspolitik · SYD002']) {
      expect(text.includes(h), h).toBe(true);
    }
    expect(xml.includes(RAW_TEXT)).toBe(false);
  });

  it('has the tables with header rows, the combined figures and the follow-up', () => {
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(8);
    // The whole campaign's scale: 16 answers, median 3 (shared/campaign/summary.test.ts works it out).
    expect(text.includes('Alle (16): median 3 · 16 svar')).toBe(true);
    expect(text).toContain('median 3 · 7 svar');
    expect(text).toContain('for få svar');
    expect(text.some((t) => t.startsWith('Handling (Nord · NORD01): Følg op') && t.endsWith('Status: udført (Nord · NORD03)'))).toBe(true);
    expect(files.get('word/styles.xml')!.toString('utf8').includes('w:val="da-DK"')).toBe(true);
  });
});

describe('campaign summary – Excel', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderCampaignXlsx(view)) as unknown as ArrayBuffer);

  it('has the workshops, results and actions sheets', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Workshops', 'Resultat', 'Beslutninger og handlinger']);
    const workshops = wb.getWorksheet('Workshops')!;
    expect(workshops.getRow(2).values).toEqual([undefined, 'NORD01', 'Vejen til en ny forvaltningspolitik', 'Nord', '2027-01-10', 6, 'afsluttet']);
    expect(workshops.rowCount).toBe(4);
  });

  it('the results: numbers as numbers, hidden groups with no figure, the same rows as the CSV', () => {
    const ws = wb.getWorksheet('Resultat')!;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const overall = rows.find((r) => r[1] === 'q1-1' && r[2] === 'Alle')!;
    expect(overall.slice(6, 10)).toEqual([16, 16, 0, 3]);
    const hidden = rows.find((r) => r[1] === 'q1-1' && r[3] === 'NORD03')!;
    expect(hidden.slice(6, 11)).toEqual([undefined, undefined, undefined, undefined, 'for få svar']);
    expect(JSON.stringify(rows).includes(RAW_TEXT)).toBe(false);
  });

  it('the actions: each with its workshop, owner, due date and latest status', () => {
    const ws = wb.getWorksheet('Beslutninger og handlinger')!;
    const action = (ws.getSheetValues() as unknown[][]).find((r) => r?.[1] === 'NORD01' && r[3] === 'Handling')!;
    expect(action.slice(4)).toEqual(['Følg op: Fælles mål for tværgående samarbejde', 'Kim', '2027-02-01', 'udført', 'NORD03']);
    expect(ws.rowCount).toBe(7);
  });
});

describe('campaign summary – HTML', () => {
  const html = renderCampaignHtml(view);

  it('is one accessible page: language, headings, captioned tables, no scripts, escaped text', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="da">')).toBe(true);
    expect(html.match(/<h1>/g)?.length).toBe(1);
    expect(html).toContain('<caption>Pr. workshop</caption>');
    expect(html).toContain('<th scope="col" class="num">Svarpersoner</th>');
    expect(html.includes('<script')).toBe(false);
    // A decision with a "|" and the organiser's name stay text.
    expect(html).toContain('Færre mål | tydeligere');
    expect(html.includes(RAW_TEXT)).toBe(false);
  });

  it('escapes a hostile campaign name', () => {
    const hostile = renderCampaignHtml({ ...view, name: '<img src=x onerror=alert(1)>' });
    expect(hostile.includes('<img')).toBe(false);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync('which', [bin]).status === 0);

describe.skipIf(!soffice)('campaign summary – LibreOffice opens it', () => {
  it('converts the Word and Excel files to PDF', { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-office-'));
    fs.writeFileSync(path.join(dir, 'forloeb.docx'), await renderCampaignDocx(view));
    fs.writeFileSync(path.join(dir, 'forloeb.xlsx'), await renderCampaignXlsx(view));
    for (const file of ['forloeb.docx', 'forloeb.xlsx']) {
      const run = spawnSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, file)], { timeout: 170_000 });
      expect(run.status, run.stderr?.toString()).toBe(0);
      expect(fs.statSync(path.join(dir, file.replace(/\.\w+$/, '.pdf'))).size).toBeGreaterThan(5_000);
    }
  });
});
