// The Word document, unpacked: headings Word builds a table of contents from, tables with header
// rows, charts as SVG + PNG with alt text, the language, page numbers. With LibreOffice installed
// it is also converted to PDF, which fails on a document LibreOffice cannot read.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyWorld, fixtureWorld, UNSHOWN_TEXTS } from '../../shared/summary/fixture.ts';
import { escapeXml } from '../../shared/summary/escape.ts';
import { buildSummary } from '../../shared/summary/summary.ts';
import { renderDocx } from './docx.ts';
import { unzip } from './unzip.ts';

const summary = buildSummary(fixtureWorld().state);
const files = unzip(await renderDocx(summary));
const xml = (name: string) => files.get(name)?.toString('utf8') ?? '';
const doc = xml('word/document.xml');

describe('DOCX', () => {
  it('holds every question text, theme title and text answer (escaped as XML)', () => {
    for (const t of summary.themes) {
      expect(doc.includes(escapeXml(t.title)), t.id).toBe(true);
      for (const q of t.questions) expect(doc.includes(escapeXml(q.text)), q.id).toBe(true);
    }
    for (const a of summary.themes[0]!.questions[3]!.answers) {
      for (const line of a.text.split('\n')) expect(doc.includes(escapeXml(line)), line).toBe(true);
    }
    expect(doc.includes('<w:t xml:space="preserve">Linje ét</w:t></w:r><w:r><w:br/>')).toBe(true);
    expect(doc.includes(escapeXml('<script>alert("x")</script>'))).toBe(true);
    expect(doc.includes('<script>')).toBe(false);
    expect(doc.includes('Hemmelig')).toBe(false);
  });

  it('uses Word’s heading styles (for the table of contents) and has one', () => {
    expect(doc.includes('<w:pStyle w:val="Title"/>')).toBe(true);
    expect(doc.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBeGreaterThanOrEqual(summary.themes.length + 3);
    expect(doc.match(/<w:pStyle w:val="Heading2"\/>/g)?.length).toBeGreaterThanOrEqual(summary.themes.flatMap((t) => t.questions.filter((q) => q.asked)).length);
    // Booleans, not toContain: a miss would print the whole document.
    expect(doc.includes('TOC \\h \\o &quot;1-2&quot;'), 'a TOC field over heading levels 1–2').toBe(true);
    expect(xml('word/styles.xml')).toContain('w:styleId="Heading1"');
  });

  it('has tables with header rows', () => {
    expect(doc.match(/<w:tbl>/g)?.length).toBeGreaterThan(10);
    // Every table but the minutes' header (label: value) has a header row.
    expect(doc.match(/<w:tblHeader\/>/g)?.length).toBe(doc.match(/<w:tbl>/g)!.length - 1);
  });

  it('has each chart and the word cloud as a print-resolution PNG with alt text', () => {
    const questions = summary.themes.flatMap((t) => t.questions);
    // Every round of a re-vote has its chart.
    const charted = [...questions, ...questions.flatMap((q) => q.rounds?.slice(0, -1) ?? [])].filter((q) => q.bars.length && q.n + q.dontKnow > 0);
    const drawings = [...doc.matchAll(/<wp:docPr [^>]*descr="([^"]+)"/g)].map((m) => m[1]!);
    const clouds = questions.filter((q) => q.words?.length);
    expect(clouds.map((q) => q.id)).toEqual(['q1-4']);
    expect(drawings).toHaveLength(charted.length + clouds.length);
    expect(drawings[0]).toContain('Fordeling af svar – 1.1 Virker din resultatstyring som ønsket? 1 – Slet ikke: 1 (8 %)');
    expect(drawings.some((d) => d.startsWith('Ordsky – 1.4'))).toBe(true);
    const media = [...files.keys()].filter((k) => k.startsWith('word/media/'));
    expect(media.filter((m) => m.endsWith('.png'))).toHaveLength(charted.length + clouds.length);
    const png = files.get(media.find((m) => m.endsWith('.png'))!)!;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // Print resolution: 3× the 600 px layout.
    expect(png.readUInt32BE(16)).toBe(1800);
  });

  it('holds the notes, decisions, actions and parking lot, hidden counts, merges, analog answers, rounds and tables', () => {
    const has = (text: string) => doc.includes(escapeXml(text));
    for (const t of [
      'Noter for hele workshoppen',
      'Workshoppen blev holdt i byrådssalen',
      'Resultatstyringen forenkles til tre mål pr. område',
      'Beslutningsreferat',
      'Mødeleder (facilitator)',
      'Byrådssalen',
      'Ikke behandlet',
      'Målene drøftes igen i <b>juni</b> (Ansvarlig: Udvalget)',
      'Lav et udkast til færre mål (Ansvarlig: Direktionen, Frist: 2025-05-01)',
      'Alle handlinger',
      'Hvem ejer data? Tages op i direktionen (Tema 2)',
      '3 skjulte svar er hverken vist eller talt med.',
      'Mere tid til kerneopgaven (stemmer: 2)',
      'Slået sammen med: Mere tid til kerneopgaven!',
      'Færre, men klarere mål (stemmer: 0; fastgjort)',
      'n: 22 (heraf 5 analoge)',
      'Før og efter genafstemning',
      'Runde 1 – Tabel over fordelingen',
      'Runde 2 – Tabel over fordelingen',
      'Før genafstemning (runde 1): median 2 af 5, n=11, enighed',
      'Svar fordelt på borde',
      'Deltagere pr. bord',
    ]) {
      expect(has(t), t).toBe(true);
    }
    for (const t of UNSHOWN_TEXTS) expect(doc.includes(t), t).toBe(false);
    expect(doc.includes('slettes igen')).toBe(false);
  });

  it('sets the document language and puts page numbers in the footer', () => {
    expect(xml('word/styles.xml')).toContain('<w:lang w:val="da-DK"/>');
    const footer = [...files.keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k)).map(xml).join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(footer).toContain('Side');
  });

  it('in English: en-GB and English labels', async () => {
    const en = unzip(await renderDocx(buildSummary(fixtureWorld('en').state)));
    expect(en.get('word/styles.xml')!.toString()).toContain('<w:lang w:val="en-GB"/>');
    expect(en.get('word/document.xml')!.toString()).toContain('Decision minutes');
  });

  it('of a session without answers: no charts, still a document', async () => {
    const empty = unzip(await renderDocx(buildSummary(emptyWorld().state)));
    expect(empty.get('word/document.xml')!.toString()).toContain('Ikke behandlet');
    expect([...empty.keys()].some((k) => k.startsWith('word/media/'))).toBe(false);
  });

  it('converts to PDF with LibreOffice (when installed)', { timeout: 300_000 }, async () => {
    const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync('which', [bin]).status === 0);
    if (!soffice) {
      console.log('LibreOffice not installed: skipping the DOCX → PDF conversion check');
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-docx-'));
    fs.writeFileSync(path.join(dir, 'summary.docx'), await renderDocx(summary));
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'summary.docx')], { timeout: 240_000 });
    expect(fs.statSync(path.join(dir, 'summary.pdf')).size).toBeGreaterThan(10_000);
  });
});
