import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { buildPhone } from './build/phone.ts';
import { compressDir } from './build/compress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${root}dist/client`;

/**
 * After the main build (console, screen, start page: index.html), the phone's own build
 * (join.html and the service worker: build/phone.ts), then brotli and gzip next to every text file.
 */
function phoneAndCompression(): Plugin {
  let logLevel: 'info' | 'warn' | 'error' | 'silent' = 'info';
  return {
    name: 'raadslag:phone-and-compression',
    apply: 'build',
    configResolved(config) {
      logLevel = config.logLevel ?? 'info';
    },
    async closeBundle() {
      await buildPhone(root, outDir, logLevel);
      compressDir(outDir);
    },
  };
}

// One config for the client build (root: client/, out: dist/client/) and for the tests.
export default defineConfig({
  root: `${root}client`,
  plugins: [react(), phoneAndCompression()],
  build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'questions/**/*.test.ts', 'client/**/*.test.ts', 'bench/**/*.test.ts', 'build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
