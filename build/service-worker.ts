// Builds client/sw/service-worker.ts into dist/client/sw.js (a fixed name: the browser checks it
// for updates on every navigation), with the phone's asset list and a build id written in.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { build } from 'vite';

export async function buildServiceWorker(root: string, outDir: string, precache: string[], logLevel: 'info' | 'warn' | 'error' | 'silent'): Promise<void> {
  const source = fs.readFileSync(`${root}client/sw/service-worker.ts`, 'utf8');
  // Hashed names change with their content: the list (and the worker's own code) identify the build.
  const id = createHash('sha256').update(JSON.stringify(precache)).update(source).digest('hex').slice(0, 12);
  await build({
    configFile: false,
    root,
    logLevel,
    define: { __SW_PRECACHE__: JSON.stringify(precache), __SW_BUILD__: JSON.stringify(id) },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry: `${root}client/sw/service-worker.ts`, formats: ['es'], fileName: () => 'sw.js' },
    },
  });
}
