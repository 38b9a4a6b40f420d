// SVG → PNG at print resolution with resvg and the product's own font, IBM Plex Sans, read from
// the bundled @fontsource package (WOFF unpacked to OpenType once per process). System fonts are
// never loaded, so a chart looks the same on every machine and nothing is fetched.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { woffToSfnt } from './woff.ts';

/** 3× the SVG's size: a 600 px chart printed 15 cm wide is then about 300 dpi. */
export const PRINT_SCALE = 3;

const FACES = ['latin-400-normal', 'latin-ext-400-normal', 'latin-600-normal', 'latin-ext-600-normal'];
let fonts: Buffer[] | undefined;

function plexFonts(): Buffer[] {
  if (fonts) return fonts;
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/ibm-plex-sans/package.json')), 'files');
  fonts = FACES.map((face) => woffToSfnt(fs.readFileSync(path.join(dir, `ibm-plex-sans-${face}.woff`))));
  return fonts;
}

/** resvg-js takes font buffers beside font files (not in its typings of 2.6). */
type FontOptions = NonNullable<ResvgRenderOptions['font']> & { fontBuffers: Buffer[] };

export function svgToPng(svg: string, scale = PRINT_SCALE): { png: Buffer; width: number; height: number } {
  const font: FontOptions = { loadSystemFonts: false, fontBuffers: plexFonts(), defaultFontFamily: 'IBM Plex Sans', sansSerifFamily: 'IBM Plex Sans' };
  const r = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font, background: '#ffffff' });
  const image = r.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
