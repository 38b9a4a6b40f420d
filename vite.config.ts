import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

// One config for the client build (root: client/, out: dist/client/) and for the tests.
export default defineConfig({
  root: `${root}client`,
  plugins: [react()],
  build: { outDir: `${root}dist/client`, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'questions/**/*.test.ts', 'client/**/*.test.ts', 'bench/**/*.test.ts'],
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
