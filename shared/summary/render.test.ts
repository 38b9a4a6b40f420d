// The Markdown and JSON renderers against checked-in golden files (UPDATE_GOLDEN=1 rewrites them).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyWorld, fixtureWorld, UNSHOWN_TEXTS } from './fixture.ts';
import { expectGolden } from './golden.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { buildSummary } from './summary.ts';

const golden = (name: string) => fileURLToPath(new URL(`./__golden__/${name}`, import.meta.url));

describe('golden files', () => {
  it('Markdown (Danish)', () => {
    expectGolden(golden('fixture.da.md'), renderMarkdown(buildSummary(fixtureWorld('da').state)));
  });
  it('Markdown (English)', () => {
    expectGolden(golden('fixture.en.md'), renderMarkdown(buildSummary(fixtureWorld('en').state)));
  });
  it('JSON', () => {
    expectGolden(golden('fixture.da.json'), renderJson(buildSummary(fixtureWorld('da').state)));
  });
});

describe('Markdown', () => {
  const md = renderMarkdown(buildSummary(fixtureWorld().state));

  it('escapes participant text: no link, image or HTML can come from an answer', () => {
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/[^\\]\]\(http:\/\/tracker/);
    expect(md).toContain('!\\[spor\\](http://tracker');
    expect(md).toContain('\\<script\\>');
    // Every line of an answer list stays one list item.
    expect(md).toContain('- Linje ét linje to');
  });

  it('prints no names and marks suppressed splits', () => {
    expect(md).not.toContain('Hemmelig');
    expect(md).toContain('| Leder | for få svar |');
  });

  it('shows notes, decisions and actions where they were made, every action in one table, and the parking lot', () => {
    expect(md).toContain('### Noter for hele workshoppen\n\n#### Noter\n\n- Workshoppen blev holdt i byrådssalen');
    // The decision minutes: a row per question, decision and action beside the result.
    expect(md).toContain('| 1\\.1 Virker din resultatstyring som ønsket? | median 3,5 af 5, n=12 (+1 ved ikke), uenighed | Resultatstyringen forenkles til tre mål pr. område | Lav et udkast til færre mål / Direktionen / 2025-05-01 |');
    expect(md).toContain('| Temaet som helhed |   | Målene drøftes igen i \\<b\\>juni\\</b\\> | \\=Indkald til møde / Sekretariatet / – |');
    expect(md).toContain('Handlinger:\n\n- Lav et udkast til færre mål (Ansvarlig: Direktionen, Frist: 2025-05-01)');
    expect(md).toContain('| Handling | Ansvarlig | Frist | Hvor |');
    expect(md).toContain('| Lav et udkast til færre mål | Direktionen | 2025-05-01 | Spørgsmål 1.1 |');
    expect(md).toContain('| \\=Indkald til møde | Sekretariatet |   | Tema 1 |');
    expect(md).toContain('### Parkeringsplads\n\n- Hvem ejer data? Tages op i direktionen (Tema 2)\n- Budgettet for 2026 (Hele workshoppen)');
    expect(md).not.toContain('slettes igen');
  });

  it('counts hidden answers without showing them, lists merged texts, marks the pinned one', () => {
    expect(md).toContain('*3 skjulte svar er hverken vist eller talt med.*');
    for (const t of UNSHOWN_TEXTS) expect(md).not.toContain(t);
    expect(md).toContain('- Mere tid til kerneopgaven (stemmer: 2)\n  - Slået sammen med: Mere tid til kerneopgaven!');
    expect(md).toContain('- Færre, men klarere mål (stemmer: 0; fastgjort)');
  });

  it('states the analog answers, both rounds of a re-vote and the table split', () => {
    expect(md).toContain('n: 22 (heraf 5 analoge)');
    expect(md).toContain('Før og efter genafstemning:\n\n|   | Runde 1 | Runde 2 |');
    expect(md).toContain('| Median | 2 | 4 |');
    expect(md).toMatch(/Runde 1 – Fordeling af svar:[\s\S]*Runde 2 – Fordeling af svar:/);
    expect(md).toContain('median 4 af 5, n=11, enighed (Før genafstemning (runde 1): median 2 af 5, n=11, enighed)');
    expect(md).toContain('Svar fordelt på borde:\n\n| Bord | n | Ved ikke | Median |');
    expect(md).toContain('| Bord 2 | for få svar |');
  });

  it('renders a session with no answers', () => {
    const empty = renderMarkdown(buildSummary(emptyWorld().state));
    // Nothing asked: every question listed once, under "Ikke behandlet", and nowhere else.
    expect(empty).toContain('### Ikke behandlet\n\n- 1.1 Virker din resultatstyring som ønsket?');
    expect(empty.split('Virker din resultatstyring som ønsket?').length).toBe(2);
    expect(empty).not.toContain('ingen svar');
    expect(empty).toContain('Ingen handlinger registreret.');
    expect(empty).toContain('Intet på parkeringspladsen.');
    expect(empty).not.toMatch(/Noter for hele workshoppen|Svar fordelt på borde|\d skjulte svar|genafstemning:/);
  });
});

describe('JSON', () => {
  it('parses back to the model, with a schema version', () => {
    const s = buildSummary(fixtureWorld().state);
    expect(JSON.parse(renderJson(s))).toEqual(s);
    expect(JSON.parse(renderJson(s)).schemaVersion).toBe(3);
  });
});
