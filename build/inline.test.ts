// The phone page's inlining (build/inline.ts) on a hand-made bundle: the script and stylesheet
// tags become inline elements with those files' text, the files leave the bundle, the hashes
// written are those of exactly what the browser will hash (every inline element of the page), and code that could end the element
// early stops the build.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { inlineIntoPage } from './inline.ts';

const PAGE = '<!doctype html><head><script>early();</script><script type="module" crossorigin src="/assets/join-A1.js"></script>\n<link rel="stylesheet" crossorigin href="/assets/join-B2.css"></head><body></body>';

function run(js: string, css = 'body{margin:0}') {
  const bundle: Record<string, unknown> = {
    'join.html': { type: 'asset', fileName: 'join.html', source: PAGE },
    'assets/join-A1.js': { type: 'chunk', fileName: 'assets/join-A1.js', isEntry: true, code: js },
    'assets/join-B2.css': { type: 'asset', fileName: 'assets/join-B2.css', source: css },
    'assets/font-C3.woff2': { type: 'asset', fileName: 'assets/font-C3.woff2', source: new Uint8Array(4) },
  };
  const emitted: { fileName: string; source: string }[] = [];
  const plugin = inlineIntoPage('join.html', 'join.csp.json');
  const hook = plugin.generateBundle as (this: unknown, o: unknown, b: Rollup.OutputBundle) => void;
  hook.call({ emitFile: (f: { fileName: string; source: string }) => emitted.push(f) }, {}, bundle as unknown as Rollup.OutputBundle);
  return { bundle, html: String((bundle['join.html'] as { source: string }).source), hashes: JSON.parse(emitted[0]!.source) as { script: string[]; style: string[] } };
}

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('inlineIntoPage', () => {
  it('puts the script and the stylesheet into the page, drops the files, and lists their hashes', () => {
    const js = 'console.log(`$& and $1 stay as they are`);\n';
    const { bundle, html, hashes } = run(js);
    expect(html).toContain('<script type="module">console.log(`$& and $1 stay as they are`);</script>');
    expect(html).toContain('<style>body{margin:0}</style>');
    expect(html).not.toMatch(/src=|href="\/assets/);
    expect(Object.keys(bundle).sort()).toEqual(['assets/font-C3.woff2', 'join.html']);
    // The hash is of the element's text as it stands in the page (the trailing newline dropped).
    // An inline script of the source page (the early socket) is listed too, in page order.
    expect(hashes).toEqual({ script: [sha('early();'), sha('console.log(`$& and $1 stay as they are`);')], style: [sha('body{margin:0}')] });
    const inline = /<script type="module">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(sha(inline)).toBe(hashes.script[1]);
  });

  it('refuses code that would end or confuse the element, or that the parser would change', () => {
    expect(() => run('const s = "</script>";')).toThrow(/<\/script/);
    expect(() => run('const s = "<!--";')).toThrow(/<!--/);
    expect(() => run('a;\r\nb;')).toThrow(/cannot go inside/);
    expect(() => run('a;', 'p::after{content:"</style>"}')).toThrow(/<\/style/);
  });
});
