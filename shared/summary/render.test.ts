// The Markdown and JSON renderers against checked-in golden files (UPDATE_GOLDEN=1 rewrites them).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyWorld, fixtureWorld } from './fixture.ts';
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

  it('renders a session with no answers', () => {
    const empty = renderMarkdown(buildSummary(emptyWorld().state));
    expect(empty).toContain('ingen svar');
    expect(empty).toContain('Ingen handlinger registreret.');
  });
});

describe('JSON', () => {
  it('parses back to the model, with a schema version', () => {
    const s = buildSummary(fixtureWorld().state);
    expect(JSON.parse(renderJson(s))).toEqual(s);
    expect(JSON.parse(renderJson(s)).schemaVersion).toBe(1);
  });
});
