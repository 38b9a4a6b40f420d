// Precompression at build time: next to every text file in dist/client, a .br (brotli, quality
// 11) and a .gz (gzip, level 9). The server picks one by Accept-Encoding (server/static.ts);
// nothing is compressed per request, so 3,000 phones cost the server no CPU for it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TEXT = /\.(js|css|html|svg|json|txt|webmanifest)$/;

export function compressDir(dir: string): { files: number } {
  let files = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TEXT.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const raw = fs.readFileSync(file);
    const br = zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = zlib.gzipSync(raw, { level: 9 });
    // Only where it pays: a tiny file can come out bigger compressed.
    if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) fs.writeFileSync(`${file}.gz`, gz);
    files++;
  }
  return { files };
}
