import { describe, expect, it } from 'vitest';
import { emptyWorld, fixtureWorld } from '../../shared/summary/fixture.ts';
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
    const charts = summary.themes.flatMap((t) => t.questions).filter((q) => q.bars.length && q.n + q.dontKnow > 0);
    const svgs = [...html.matchAll(/<svg [^>]*role="img" aria-label="([^"]+)"[^>]*>\s*<title[^>]*>([^<]+)<\/title>/g)];
    expect(svgs).toHaveLength(charts.length);
    expect(svgs[0]![1]).toContain('1 – Slet ikke: 1 (8 %)');
    expect(html).toMatch(/<\/svg><figcaption>[^<]+<\/figcaption><\/figure>\n<table><caption>Tabel over fordelingen<\/caption><thead><tr><th scope="col">/);
  });

  it('prints on A4 with each theme on a new page', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/section\.theme[^{]*\{ break-before: page; \}/);
    expect(html.match(/<section class="theme"/g)).toHaveLength(summary.themes.length);
  });

  it('in English, and for a session without answers', () => {
    const en = renderHtml(buildSummary(emptyWorld('en').state));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Key points');
    expect(en).not.toContain('<svg');
  });
});
