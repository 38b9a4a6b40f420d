// The phone's own build, run by vite.config.ts after the main one (console, screen, start page):
// client/join.html → dist/client/join.html with its one script and its stylesheet inside it
// (build/inline.ts: one request less on the way to the join form) and the fonts beside it, then
// the service worker that keeps them (build/service-worker.ts). A separate build rather than a
// second input of the main one, so that no chunk is shared with the console (a shared chunk
// would carry the console's code to every phone), and so that this build alone can swap React
// for Preact: react-dom alone is ~57 KB gzipped, over the phone's whole JS budget (60 KB);
// preact/compat runs the same components for ~4 KB (measured: docs/performance.md).
// The fonts are not preloaded: on Slow 3G a preload shares the link with the page and delays
// the join form by about a second (docs/performance.md). On the phone they are
// `font-display: optional`: a first visit keeps the system font it rendered with (no text
// jumping under the thumb when the fonts land mid-join), and every later load, with the fonts
// in the service worker's cache, uses them from the start. The console, screen and start page
// keep `swap`.
import { build, type Plugin, type Rollup } from 'vite';
import react from '@vitejs/plugin-react';
import { buildServiceWorker } from './service-worker.ts';
import { inlineIntoPage } from './inline.ts';

const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];

export async function buildPhone(root: string, outDir: string, logLevel: 'info' | 'warn' | 'error' | 'silent'): Promise<string[]> {
  const output = (await build({
    configFile: false,
    root: `${root}client`,
    logLevel,
    resolve: { alias: PREACT_ALIASES },
    plugins: [react(), optionalFonts(), inlineIntoPage('join.html', 'join.csp.json')],
    build: {
      outDir,
      emptyOutDir: false,
      sourcemap: false,
      modulePreload: { polyfill: false }, // one script, inside the page
      rollupOptions: { input: { join: `${root}client/join.html` } },
    },
  })) as Rollup.RollupOutput;
  const assets = output.output.map((o) => `/${o.fileName}`).filter((f) => f.startsWith('/assets/'));
  await buildServiceWorker(root, outDir, assets, logLevel);
  return assets;
}

/** The phone's @font-face rules say `font-display: optional` (the generated fonts.css says swap). */
function optionalFonts(): Plugin {
  return {
    name: 'raadslag:phone-optional-fonts',
    transform(code, id) {
      if (!id.endsWith('/client/fonts/fonts.css')) return null;
      const out = code.replaceAll('font-display: swap;', 'font-display: optional;');
      if (out === code) throw new Error('phone build: fonts.css has no "font-display: swap;" to make optional');
      return { code: out, map: null };
    },
  };
}
