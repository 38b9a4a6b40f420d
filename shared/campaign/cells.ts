// The groups a campaign shows for one question, and the rule that hides the small ones.
//
// A campaign combines the same question across workshops. It shows the whole campaign, each
// workshop, each label (department, municipality, …), each role, and each role within a workshop
// and within a label. Every one of those groups is a sum of counts, so a group that is hidden can
// still be worked out by subtraction: a shown total minus its shown parts. The rule here closes
// that door as well as the obvious one:
//
// 1. Primary: a group of fewer people than the minimum is hidden ("for få svar").
// 2. Secondary: for every shown total and each way it splits into parts (the campaign into
//    workshops, a workshop into roles, …), what the shown parts leave over – the total minus the
//    shown parts – must be nobody or at least the minimum. While it is not, the smallest shown
//    part is hidden too. Hiding a part can open a gap in another split, so this repeats until
//    nothing changes (it ends: it only ever hides more).
//
// A group of nobody is shown as empty: it says nothing about anyone.
import type { Role } from '../protocol.ts';
import { ROLES } from '../constants.ts';

/** Where a group sits: all fields absent is the whole campaign. */
export type CellKey = { workshop?: string; label?: string; role?: Role };

export type Cell = { key: CellKey; people: number; hidden: boolean };

/** The label a workshop without one is grouped under. */
export const NO_LABEL = '';

export type Layout = { workshops: { id: string; label: string }[] };

export function cellId(key: CellKey): string {
  return `w=${key.workshop ?? '*'}|l=${key.label ?? '*'}|r=${key.role ?? '*'}`;
}

/** Every split of a total into parts that the campaign view shows: [total, parts][]. */
export function partitions(layout: Layout): [CellKey, CellKey[]][] {
  const labels = [...new Set(layout.workshops.map((w) => w.label))];
  const inLabel = (label: string) => layout.workshops.filter((w) => w.label === label);
  const roles = (base: CellKey) => ROLES.map((role) => ({ ...base, role }));
  const out: [CellKey, CellKey[]][] = [
    [{}, layout.workshops.map((w) => ({ workshop: w.id }))],
    [{}, labels.map((label) => ({ label }))],
    [{}, roles({})],
  ];
  for (const label of labels) {
    out.push([{ label }, inLabel(label).map((w) => ({ workshop: w.id }))]);
    out.push([{ label }, roles({ label })]);
    for (const role of ROLES) out.push([{ label, role }, inLabel(label).map((w) => ({ workshop: w.id, role }))]);
  }
  for (const w of layout.workshops) out.push([{ workshop: w.id }, roles({ workshop: w.id })]);
  for (const role of ROLES) {
    out.push([{ role }, layout.workshops.map((w) => ({ workshop: w.id, role }))]);
    out.push([{ role }, labels.map((label) => ({ label, role }))]);
  }
  return out;
}

/**
 * Decides which groups are hidden. `people(key)` counts the people of a group with an answer
 * (answers from a show of hands belong to the total but to no role, so they stay in what the
 * role parts leave over and are protected like a hidden part).
 */
export function suppress(layout: Layout, people: (key: CellKey) => number, minGroupSize: number): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const cell = (key: CellKey): Cell => {
    const id = cellId(key);
    let c = cells.get(id);
    if (!c) {
      const n = people(key);
      c = { key, people: n, hidden: n > 0 && n < minGroupSize };
      cells.set(id, c);
    }
    return c;
  };
  const splits = partitions(layout).map(([total, parts]) => [cell(total), parts.map(cell)] as const);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [total, parts] of splits) {
      if (total.hidden) continue;
      for (;;) {
        const shown = parts.filter((p) => !p.hidden && p.people > 0);
        const left = total.people - shown.reduce((sum, p) => sum + p.people, 0);
        if (left === 0 || left >= minGroupSize) break;
        const smallest = shown.sort((a, b) => a.people - b.people || cellId(a.key).localeCompare(cellId(b.key)))[0];
        // Nothing shown is left to hide: what is left is the whole total, which is shown only
        // when it reaches the minimum – so this cannot happen; stop rather than loop.
        if (!smallest) break;
        smallest.hidden = true;
        changed = true;
      }
    }
  }
  return cells;
}
