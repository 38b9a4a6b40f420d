// The Word and Excel files as LibreOffice prints them: a realistic workshop (the built-in question
// set, every question answered by 30 people at three tables, notes, decisions and actions) is
// rendered to DOCX and XLSX, converted to PDF with headless LibreOffice and read back with poppler.
//   - DOCX: the PDF's text holds every question, and each entry of the contents names the page its
//     heading is really on;
//   - XLSX: no sheet prints a column on a page of its own (fit to width): every page of a sheet with
//     a header row repeats its first column's heading, and no sheet takes more pages than its rows
//     need (40 rows a page, plus one; the charts sheet: two charts a page, plus one).
// Pages are also rendered to PNG in e2e-artifacts/office/ for a person to look at. Slow (LibreOffice
// starts twice); CI installs LibreOffice and poppler (.ci/run). Run it alone, under the browser
// lock: `flock /tmp/browser.lock npx vitest run server/export/office-pdf.test.ts`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSummary, type Summary } from '../../shared/summary/summary.ts';
import { realisticWorld } from '../../shared/summary/fixture-full.ts';
import { renderDocx } from './docx.ts';
import { renderXlsx } from './xlsx.ts';

const tools = ['soffice', 'pdftotext', 'pdftoppm'].every((bin) => spawnSync('which', [bin]).status === 0);
const ARTIFACTS = path.resolve('e2e-artifacts/office');

function soffice(file: string, dir: string): string {
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 240_000, stdio: 'ignore' });
  const pdf = file.replace(/\.\w+$/, '.pdf');
  expect(fs.existsSync(pdf), pdf).toBe(true);
  return pdf;
}

/** The PDF's text, page by page (pdftotext separates pages with a form feed). */
function pages(pdf: string): string[] {
  const out = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  return out.split('\f').slice(0, -1);
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Pages as PNG (and the PDF itself) in e2e-artifacts/office/, to look at. */
function png(pdf: string, name: string, first: number, last: number): void {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.copyFileSync(pdf, path.join(ARTIFACTS, `${name.replace(/-last$/, '')}.pdf`));
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(first), '-l', String(last), pdf, path.join(ARTIFACTS, name)], { timeout: 120_000 });
}

describe.skipIf(!tools)('DOCX and XLSX through LibreOffice to PDF', { timeout: 600_000 }, () => {
  let summary: Summary;
  let dir: string;
  beforeAll(() => {
    summary = buildSummary(realisticWorld().state);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-office-'));
  });

  it('DOCX: every question is in the PDF, and the contents give the pages the headings are on', async () => {
    const file = path.join(dir, 'summary.docx');
    fs.writeFileSync(file, await renderDocx(summary));
    const pdf = soffice(file, dir);
    const text = pages(pdf);
    png(pdf, 'docx', 1, Math.min(text.length, 8));
    png(pdf, 'docx-last', text.length - 1, text.length);
    const all = flat(text.join(' '));
    const questions = summary.themes.flatMap((t) => t.questions);
    // 15 questions and a statements poll per theme.
    expect(questions.length).toBe(19);
    for (const q of questions) expect(all, q.number).toContain(flat(`${q.number} ${q.text}`));
    const toc = contents(text);
    // Every theme and question has its line in the contents.
    expect(toc.length).toBeGreaterThanOrEqual(questions.length + summary.themes.length);
    const real = headingPages(text, toc);
    const wrong = toc.flatMap((e, i) => (real[i] === e.page ? [] : [`"${e.title}": contents ${e.page}, really ${real[i]}`]));
    expect(wrong).toEqual([]);
  });

  it('XLSX: printed fit to width – no page with a column split off, no more pages than the rows need', async () => {
    const file = path.join(dir, 'summary.xlsx');
    const buffer = await renderXlsx(summary);
    fs.writeFileSync(file, buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) expect(ws.pageSetup, ws.name).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'landscape' });
    const pdf = soffice(file, dir);
    const text = pages(pdf);
    png(pdf, 'xlsx', 1, Math.min(text.length, 6));
    // The footer names the sheet ("&A") on each page.
    const bySheet = new Map<string, string[]>();
    for (const page of text) {
      const sheet = wb.worksheets.map((ws) => ws.name).filter((name) => page.includes(name)).sort((a, b) => b.length - a.length)[0];
      expect(sheet, page.slice(0, 200)).toBeDefined();
      bySheet.set(sheet!, [...(bySheet.get(sheet!) ?? []), page]);
    }
    let bound = 0;
    for (const ws of wb.worksheets) {
      const printed = bySheet.get(ws.name) ?? [];
      expect(printed.length, ws.name).toBeGreaterThan(0);
      // The charts sheet has a page break wherever the next chart would not fit: at least two charts a page.
      const images = ws.getImages().length;
      const allowed = images ? Math.ceil(images / 2) + 1 : Math.ceil(ws.rowCount / 40) + 1;
      expect(printed.length, `${ws.name}: ${printed.length} pages for ${images ? `${images} charts` : `${ws.rowCount} rows`}`).toBeLessThanOrEqual(allowed);
      bound += allowed;
      // A repeated header row: every page starts with the sheet's first column heading, so none is a split-off right part.
      const title = ws.pageSetup.printTitlesRow;
      if (title) {
        const first = String(ws.getRow(Number(title.split(':')[0])).getCell(1).value);
        for (const [i, page] of printed.entries()) expect(page, `${ws.name} page ${i + 1}`).toContain(first);
      }
    }
    expect(text.length).toBeLessThanOrEqual(bound);
  });
});

type TocEntry = { title: string; page: number; onPage: number };

/**
 * The contents: from the page headed "Indhold", lines "title ....... page" (a long title wraps:
 * the lines before its dot leader belong to it), page after page until one has no such line.
 */
function contents(text: string[]): TocEntry[] {
  const start = text.findIndex((p) => /^Indhold$/m.test(p));
  expect(start, 'a contents page').toBeGreaterThanOrEqual(0);
  const entries: TocEntry[] = [];
  for (let i = start; i < text.length; i++) {
    let pending = '';
    const found: TocEntry[] = [];
    for (const line of text[i]!.split('\n').map((l) => l.trim()).filter(Boolean)) {
      if (line === 'Indhold' || line.startsWith('Rådslag ·')) continue;
      const m = /^(.*?)\.{4,}\s*(\d+)$/.exec(line);
      if (m) {
        found.push({ title: flat(`${pending} ${m[1]!}`), page: Number(m[2]), onPage: i + 1 });
        pending = '';
      } else pending = `${pending} ${line}`;
    }
    if (found.length === 0) break;
    entries.push(...found);
  }
  return entries;
}

/** The pages the entries' headings are on: each the first page, from the one before on, where a line starts with it. */
function headingPages(text: string[], toc: TocEntry[]): (number | null)[] {
  const tocPages = new Set(toc.map((e) => e.onPage));
  let from = 0;
  return toc.map((entry) => {
    for (let i = from; i < text.length; i++) {
      // The contents page holds every title; only the contents' own heading is looked for there.
      if (tocPages.has(i + 1) && entry.title !== 'Indhold') continue;
      const lines = text[i]!.split('\n').map(flat);
      // A long heading wraps: join each line with the next two.
      if (lines.some((_, k) => flat(lines.slice(k, k + 3).join(' ')).startsWith(entry.title))) {
        from = i;
        return i + 1;
      }
    }
    return null;
  });
}
