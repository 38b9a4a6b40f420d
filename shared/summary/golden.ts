// Golden files for tests: the expected output is checked in beside the test. A deliberate
// change is made with UPDATE_GOLDEN=1, which rewrites the files; review the diff before committing.
// Only tests import this module (it is the one file in shared/summary that touches the disk).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  if (!fs.existsSync(file)) throw new Error(`no golden file ${file}: run the test with UPDATE_GOLDEN=1 to create it`);
  // Compared as strings so that a difference shows as a readable diff.
  expect(actual, `differs from ${path.basename(file)} (UPDATE_GOLDEN=1 rewrites it)`).toBe(fs.readFileSync(file, 'utf8'));
}
