// Views as patches (docs/protocol.md, "Patches"): a client that asks for them gets each view and
// `me` in full once, with a version, and after that only what changed, as JSON Patch (RFC 6902)
// operations from that version to the next. The diff and its application are fast-json-patch's;
// this module only fixes how both sides use it, so that server and clients agree.
// The package is CommonJS: Node's ESM loader gives it as a default export only.
import jsonPatch, { type Operation } from 'fast-json-patch';

const { applyPatch, compare } = jsonPatch;

export type Patch = { from: number; to: number; ops: Operation[] };

/** The operations that turn `before` into `after` (both plain JSON values). */
export function diff(before: object, after: object): Operation[] {
  return compare(before, after);
}

/**
 * `current` with the patch applied, as a new object (the old one is not touched, so a store that
 * compares by identity sees the change); undefined when the patch is not from `version` – the
 * client missed one and must get the whole view again (by reconnecting).
 */
export function patched<T>(current: T, version: number | undefined, patch: Patch, inPlace = false): T | undefined {
  if (version !== patch.from || current === null || typeof current !== 'object') return undefined;
  // inPlace: changes `current` itself (a load-test client with thousands of phones, not a UI store).
  return applyPatch(inPlace ? current : structuredClone(current), patch.ops, false, true).newDocument;
}
