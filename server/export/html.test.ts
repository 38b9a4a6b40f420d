import { describe, expect, it } from 'vitest';
import { emptyWorld, fixtureWorld, UNSHOWN_TEXTS } from '../../shared/summary/fixture.ts';
import { buildSummary } from '../../shared/summary/summary.ts';
import { renderHtml } from './html.ts';

const summary = buildSummary(fixtureWorld().state);
const html = renderHtml(summary);

describe('HTML', () => {
  it('is one self-contained page: no scripts, no external requests', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'`);
  });

  it('escapes every participant text', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ![spor](http://tracker.example/x.png)');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;klik&quot;)');
    expect(html).not.toContain('Hemmelig');
  });

  it('has accessible charts, each followed by its data table', () => {
    const questions = summary.themes.flatMap((t) => t.questions);
    // Every round of a re-vote has its chart.
    const charts = [...questions, ...questions.flatMap((q) => q.rounds?.slice(0, -1) ?? [])].filter((q) => q.bars.length && q.n + q.dontKnow > 0);
    const svgs = [...html.matchAll(/<svg [^>]*role="img" aria-label="([^"]+)"[^>]*>\s*<title[^>]*>([^<]+)<\/title>/g)];
    expect(svgs).toHaveLength(charts.length);
    expect(svgs[0]![1]).toContain('1 – Slet ikke: 1 (8 %)');
    expect(html).toMatch(/<\/svg><figcaption>[^<]+<\/figcaption><\/figure>\n<table><caption>Tabel over fordelingen<\/caption><thead><tr><th scope="col">/);
  });

  it('shows notes, decisions and actions where made, all actions in one table, the parking lot (escaped)', () => {
    expect(html).toContain('<section id="session-notes"><h2>Noter for hele workshoppen</h2><h3>Noter</h3><ul class="notes"><li>Workshoppen blev holdt i byrådssalen</li></ul>');
    expect(html).toContain('<h4>Handlinger</h4><ul class="notes"><li>Lav et udkast til færre mål (Ansvarlig: Direktionen, Frist: 2025-05-01)</li></ul>');
    expect(html).toContain('<table><caption>Alle handlinger</caption><thead><tr><th scope="col">Handling</th><th scope="col">Ansvarlig</th><th scope="col">Frist</th><th scope="col">Hvor</th></tr></thead>');
    expect(html).toContain('<tr><td>Lav et udkast til færre mål</td><td>Direktionen</td><td>2025-05-01</td><td>Spørgsmål 1.1</td></tr>');
    expect(html).toContain('<h3>Parkeringsplads</h3><ul><li>Hvem ejer data? Tages op i direktionen (Tema 2)</li><li>Budgettet for 2026 (Hele workshoppen)</li></ul>');
    expect(html).not.toContain('<b>juni');
  });

  it('counts hidden answers, lists merged texts, states analog answers, both rounds and the table split', () => {
    expect(html).toContain('<p><em>3 skjulte svar er hverken vist eller talt med.</em></p>');
    for (const t of UNSHOWN_TEXTS) expect(html).not.toContain(t);
    expect(html).toContain('<li dir="auto">Mere tid til kerneopgaven (stemmer: 2)<ul><li dir="auto">Slået sammen med: Mere tid til kerneopgaven!</li></ul></li>');
    expect(html).toContain('n: 22 (heraf 5 analoge)');
    expect(html).toContain('<caption>Før og efter genafstemning</caption><thead><tr><th scope="col"></th><th scope="col" class="num">Runde 1</th><th scope="col" class="num">Runde 2</th></tr></thead>');
    expect(html).toMatch(/<caption>Runde 1 – Tabel over fordelingen<\/caption>[\s\S]*<caption>Runde 2 – Tabel over fordelingen<\/caption>/);
    expect(html).toContain('<table><caption>Svar fordelt på borde</caption>');
    expect(html).toContain('<table><caption>Deltagere pr. bord</caption>');
  });

  it('leads with the decision minutes: header, a table per theme, not dealt with, actions – then the results and the appendix', () => {
    const at = (needle: string) => {
      const i = html.indexOf(needle);
      expect(i, needle).toBeGreaterThan(0);
      return i;
    };
    const order = ['<h2>Beslutningsreferat</h2>', '<dt>Sted</dt><dd>Byrådssalen</dd>', '<dt>Referent</dt><dd>Bo Referent</dd>', '<h3>1. Færre mål og mere ledelse</h3>', '<h3>Ikke behandlet</h3>', '<h3>Alle handlinger</h3>', '<section id="results">', '<section class="theme" id="theme-1">', '<section id="appendix">'];
    const positions = order.map(at);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    // A minutes row: question, key result, decision, action / who / when.
    expect(html).toMatch(/<tr><td>1\.1 Virker din resultatstyring som ønsket\?<\/td><td>[^<]+<\/td><td>Resultatstyringen forenkles til tre mål pr\. område<\/td><td>Lav et udkast til færre mål \/ Direktionen \/ 2025-05-01<\/td><\/tr>/);
    // Questions not asked are listed once, under "Ikke behandlet", and nowhere else.
    const notAsked = summary.themes.flatMap((t) => t.questions).filter((q) => !q.asked);
    expect(notAsked.length).toBeGreaterThan(0);
    for (const q of notAsked) expect(html.split(`${q.number} ${q.text}`).length - 1, q.number).toBe(1);
    // The word cloud shown in the room is in the summary too.
    expect(html).toMatch(/<p>Ordsky: [^<]+ \(\d+\)/);
  });

  it('with exact roles, says so first', () => {
    const exact = renderHtml(buildSummary(fixtureWorld().state, { exactRoles: true }));
    expect(exact).toMatch(/<body>\n<p class="notice"><strong>OBS: Rådata med præcise roller/);
  });

  it('prints on A4 with each theme on a new page', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/section\.theme[^{]*\{ break-before: page; \}/);
    expect(html.match(/<section class="theme"/g)).toHaveLength(summary.themes.length);
  });

  it('in English, and for a session without answers', () => {
    const en = renderHtml(buildSummary(emptyWorld('en').state));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h2>Decision minutes</h2>');
    expect(en).not.toContain('<svg');
  });
});
