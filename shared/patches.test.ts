// The patch stream's two halves against each other: for any two JSON values, the patch from one
// applied to the other gives the second, as a new object, the first untouched; a patch that does
// not start from the client's version is refused (the client then gets the whole view again).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff, patched } from './patches.ts';

const json = fc.jsonValue({ maxDepth: 4 }).map((v) => ({ v }));

describe('view patches', () => {
  it('diff then patched gives the new value, as a new object, for any JSON', () => {
    fc.assert(
      fc.property(json, json, (before, after) => {
        const copy = structuredClone(before);
        const out = patched(before, 3, { from: 3, to: 4, ops: diff(before, after) });
        expect(out).toEqual(after);
        expect(out).not.toBe(before);
        expect(before).toEqual(copy);
      }),
      { numRuns: 500 },
    );
  });

  it('a patch from another version is refused', () => {
    const before = { a: 1 };
    expect(patched(before, 2, { from: 3, to: 4, ops: diff(before, { a: 2 }) })).toBeUndefined();
    expect(patched(before, undefined, { from: 3, to: 4, ops: [] })).toBeUndefined();
    expect(patched(null, 3, { from: 3, to: 4, ops: [] })).toBeUndefined();
  });

  it('a one-field change is a one-operation patch', () => {
    const before = { step: { phase: 'open', question: { text: 'x'.repeat(500) } }, seq: 1 };
    const ops = diff(before, { ...before, seq: 2 });
    expect(ops).toEqual([{ op: 'replace', path: '/seq', value: 2 }]);
  });
});
