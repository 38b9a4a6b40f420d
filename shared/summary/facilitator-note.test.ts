// A theme's note for the facilitator is printed in the summary only when the facilitator
// chooses so; the description the room saw is always there.
import { describe, expect, it } from 'vitest';
import { SET, newWorld } from '../session/test-fixtures.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { buildSummary } from './summary.ts';

function world() {
  const set = structuredClone(SET);
  set.themes[0]!.note = { da: 'Spørg borgmesteren først – NOTE-Zq', en: 'Ask the mayor first – NOTE-Zq' };
  set.themes[0]!.description = { da: 'Det ser salen' };
  return newWorld(set);
}

describe('the facilitator note in the summary', () => {
  it('is left out by default, in every rendering of the model', () => {
    const summary = buildSummary(world().state);
    expect(summary.themes[0]).toMatchObject({ description: 'Det ser salen' });
    expect(summary.themes[0]).not.toHaveProperty('facilitatorNote');
    expect(renderMarkdown(summary)).not.toContain('NOTE-Zq');
    expect(renderJson(summary)).not.toContain('NOTE-Zq');
  });

  it('is printed with its label when the facilitator chooses so', () => {
    const summary = buildSummary(world().state, { facilitatorNotes: true });
    expect(summary.themes[0]).toMatchObject({ facilitatorNote: 'Spørg borgmesteren først – NOTE-Zq' });
    expect(renderMarkdown(summary)).toContain('*Note til facilitator:* Spørg borgmesteren først – NOTE-Zq');
  });
});
