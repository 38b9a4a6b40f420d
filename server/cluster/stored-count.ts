// How many workshops the installation stores, for MAX_SESSIONS on several nodes. A node's own
// list does not say: it learns of another node's workshops only when it opens them, and of their
// deletion likewise. So the store counts – at most once a second, so that a burst of creations
// costs one COUNT. The node's own creations and deletions meanwhile are added to the figure at
// once, so one node's burst cannot pass the cap; bursts on several nodes in the same second can,
// by what they create in it.

export type StoredCount = {
  get: () => Promise<number>;
  /** This node created (+1) or deleted (-1) a workshop. */
  changed: (by: 1 | -1) => void;
};

export function storedCount(count: () => Promise<number>, maxAgeMs = 1000, clock: () => number = Date.now): StoredCount {
  let cached: { value: Promise<number>; at: number } | undefined;
  return {
    get() {
      if (!cached || clock() - cached.at >= maxAgeMs) {
        const value = count();
        const entry = { value, at: clock() };
        cached = entry;
        // A failed count is not kept: the next creation asks again.
        value.catch(() => {
          if (cached === entry) cached = undefined;
        });
      }
      return cached.value;
    },
    changed(by) {
      if (cached) cached.value = cached.value.then((n) => Math.max(0, n + by));
    },
  };
}
