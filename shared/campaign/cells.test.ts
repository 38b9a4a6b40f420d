// The small-group rule over random campaigns: no group shown below the minimum, and no group
// below the minimum found by subtracting shown parts from a shown total – in any split the
// campaign view shows. A fresh seed every run besides kept ones; the seed is printed.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../constants.ts';
import type { Role } from '../protocol.ts';
import { seededRandom } from '../session/actor.ts';
import { SET } from '../session/test-fixtures.ts';
import { cellId, partitions, type CellKey } from './cells.ts';
import { combineQuestion, type CombinedCell, type WorkshopInput } from './combine.ts';

const question = SET.themes[0]!.questions[0]!; // q1-1, a 1–5 scale
const KEPT_SEEDS = [1, 2, 3, 77, 4242];
const FRESH = Math.floor(Math.random() * 1e9);

/** A random campaign: 1–8 workshops in 1–3 labels; per role 0–9 people, often 0–2; sometimes a show of hands. */
function randomCampaign(random: () => number): WorkshopInput[] {
  const labels = ['Nord', 'Syd', ''].slice(0, 1 + Math.floor(random() * 3));
  return Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => {
    const byRole: WorkshopInput['questions'][string]['byRole'] = {};
    const peopleByRole: Partial<Record<Role, number>> = {};
    let people = 0;
    const total = { n: 0, dontKnow: 0, counts: {} as Record<string, number> };
    const put = (c: { n: number; dontKnow: number; counts: Record<string, number> }, v: number) => {
      if (v === 0) c.dontKnow++;
      else {
        c.n++;
        c.counts[String(v)] = (c.counts[String(v)] ?? 0) + 1;
      }
    };
    for (const role of ROLES) {
      const n = random() < 0.5 ? Math.floor(random() * 3) : Math.floor(random() * 10);
      if (n === 0) continue;
      const c = { n: 0, dontKnow: 0, counts: {} as Record<string, number> };
      for (let k = 0; k < n; k++) {
        const v = Math.floor(random() * 6);
        put(c, v);
        put(total, v);
      }
      byRole[role] = c;
      peopleByRole[role] = n;
      people += n;
    }
    const analog = random() < 0.2 ? 1 + Math.floor(random() * 4) : 0;
    for (let k = 0; k < analog; k++) put(total, 1 + Math.floor(random() * 5));
    people += analog;
    return {
      id: `w${i}`,
      label: labels[Math.floor(random() * labels.length)]!,
      order: [question],
      questions: { [question.id]: { spec: question.response, total, byRole, people, peopleByRole } },
    };
  });
}

function cellsOf(q: ReturnType<typeof combineQuestion>): Map<string, CombinedCell> {
  const all = [q.overall, ...q.byWorkshop, ...q.byLabel, ...q.byRole, ...q.byWorkshopRole, ...q.byLabelRole];
  return new Map(all.map((c) => [cellId(c.key), c]));
}

/** Checks one campaign; returns what an onlooker could learn that they should not (empty: nothing). */
export function leaks(workshops: WorkshopInput[], min: number): string[] {
  const q = combineQuestion(question, workshops, min);
  const cells = cellsOf(q);
  const found: string[] = [];
  const get = (k: CellKey) => cells.get(cellId(k))!;
  for (const c of cells.values()) if (!c.hidden && c.people > 0 && c.people < min) found.push(`${cellId(c.key)} shown with ${c.people}`);
  for (const [totalKey, parts] of partitions({ workshops: workshops.map((w) => ({ id: w.id, label: w.label })) })) {
    const total = get(totalKey);
    if (total.hidden) continue;
    const left = total.people - parts.map(get).reduce((sum, p) => sum + (p.hidden ? 0 : p.people), 0);
    if (left > 0 && left < min) found.push(`${cellId(totalKey)} minus its shown parts leaves ${left}`);
  }
  return found;
}

describe('no group below the minimum is shown or can be worked out by subtraction', () => {
  for (const seed of [...KEPT_SEEDS, FRESH]) {
    it(`seed ${seed}: 200 random campaigns, minimum 3 and 5`, () => {
      console.log(`[campaign cells] seed ${seed}`);
      const random = seededRandom(seed);
      for (let i = 0; i < 200; i++) {
        const campaign = randomCampaign(random);
        for (const min of [3, 5]) expect(leaks(campaign, min), `campaign ${i} (seed ${seed}), minimum ${min}`).toEqual([]);
      }
    });
  }

  it('the groups shown still add up: a shown total holds at least its shown parts', () => {
    const random = seededRandom(9);
    for (let i = 0; i < 100; i++) {
      const q = combineQuestion(question, randomCampaign(random), 3);
      if (q.overall.hidden) continue;
      const parts = q.byWorkshop.reduce((s, c) => s + (c.hidden ? 0 : c.people), 0);
      expect(parts).toBeLessThanOrEqual(q.overall.people);
    }
  });
});
