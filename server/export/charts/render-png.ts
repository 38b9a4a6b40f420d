// SVG → PNG at print resolution with resvg and the product's own font, IBM Plex Sans, read from
// the bundled @fontsource package: resvg reads only TrueType/OpenType files, so the WOFF files are
// unpacked once into a folder of the system's temp dir (by content hash, so processes share it).
// System fonts are never loaded, so a chart looks the same on every machine and nothing is fetched.
// resvg-js passes its options as JSON: they must be plain data (no buffers).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { woffToSfnt } from './woff.ts';

/** 3× the SVG's size: a 600 px chart printed 15 cm wide is then about 300 dpi. */
export const PRINT_SCALE = 3;

const FACES = ['latin-400-normal', 'latin-ext-400-normal', 'latin-600-normal', 'latin-ext-600-normal'];
let fonts: string[] | undefined;

function plexFonts(): string[] {
  if (fonts) return fonts;
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/ibm-plex-sans/package.json')), 'files');
  fonts = FACES.map((face) => {
    const sfnt = woffToSfnt(fs.readFileSync(path.join(dir, `ibm-plex-sans-${face}.woff`)));
    const file = path.join(os.tmpdir(), `raadslag-plex-${createHash('sha256').update(sfnt).digest('hex').slice(0, 16)}.otf`);
    if (!fs.existsSync(file)) {
      // Written aside and renamed: a reader never sees half a font.
      const part = `${file}.${process.pid}.part`;
      fs.writeFileSync(part, sfnt);
      fs.renameSync(part, file);
    }
    return file;
  });
  return fonts;
}

export function svgToPng(svg: string, scale = PRINT_SCALE): { png: Buffer; width: number; height: number } {
  const font: ResvgRenderOptions['font'] = { loadSystemFonts: false, fontFiles: plexFonts(), defaultFontFamily: 'IBM Plex Sans', sansSerifFamily: 'IBM Plex Sans' };
  const r = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font, background: '#ffffff' });
  const image = r.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
