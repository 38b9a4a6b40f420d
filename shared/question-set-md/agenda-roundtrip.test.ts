// The agenda a workshop downloads (GET /api/sessions/:code/question-set?format=md|json) reads
// back as the same agenda from either file – method steps with their timers, per-table answering
// and "answers become actions" included.
import { describe, expect, it } from 'vitest';
import { formatQuestionSet, parse, parseQuestionSetFile } from '../question-set-md.ts';
import { TEMPLATE_IDS } from '../session/templates.ts';
import { HOST, must, newWorld } from '../session/test-fixtures.ts';
import { parseSpec } from './spec.ts';

function agendaWithBothMethods() {
  const w = newWorld();
  must(w, HOST, { type: 'configureSession', tables: 4 });
  must(w, HOST, { type: 'applyTemplate', questionId: 'q1-4', template: '1-2-4-all' });
  must(w, HOST, { type: 'applyTemplate', questionId: 'q2-2', template: 'what-so-what-now-what' });
  return w.state.set;
}

describe('agenda Markdown ↔ JSON', () => {
  const set = agendaWithBothMethods();
  const md = formatQuestionSet(set, 'md');
  const json = formatQuestionSet(set, 'json');

  it('the session has both templates applied, with timers, a per-table step and an action step', () => {
    const steps = set.themes.flatMap((t) => t.questions).flatMap((q) => (q.method ? [q.method] : []));
    expect(new Set(steps.map((m) => m.template))).toEqual(new Set(TEMPLATE_IDS));
    expect(steps).toHaveLength(6);
    expect(steps.every((m) => m.timerSeconds! > 0)).toBe(true);
    expect(steps.filter((m) => m.perTable)).toHaveLength(1);
    expect(steps.filter((m) => m.toActions)).toHaveLength(1);
  });

  it('Markdown and JSON read back as the same agenda, equal to the session\'s', () => {
    const fromMd = parse(md, 'agenda.md');
    const fromJson = parseQuestionSetFile(json, 'agenda.json');
    expect(fromMd).toEqual(fromJson);
    expect(fromJson).toEqual(set);
    // And again: the Markdown written from what was read is the same file.
    expect(formatQuestionSet(fromMd, 'md')).toBe(md);
  });

  it('the Markdown states every step\'s settings in its {…}', () => {
    expect(md).toMatch(/\{#[a-z0-9-]+ text max 1 method 1-2-4-all step 4 timer 240 per-table\}/);
    expect(md).toMatch(/method what-so-what-now-what step now-what timer 240 to-actions\}/);
  });

  it.each([
    ['step 1', 'a method step needs "method"'],
    ['method 1-2-4-all', 'a method step needs "step"'],
    ['method 1-2-4-all step 1 timer', '"timer" needs the seconds'],
    ['method 1-2-4-all step 1 timer 60 timer 60', '"timer" is given twice'],
  ])('{text %s} is refused: %s', (spec, message) => {
    const parsed = parseSpec(`text ${spec}`);
    expect('error' in parsed && parsed.error.en).toContain(message);
  });

  it('a step name with spaces is quoted and reads back', () => {
    const odd = structuredClone(set);
    const q = odd.themes[0]!.questions.find((x) => x.method)!;
    q.method!.step = 'trin "to" \\ i alt';
    expect(parse(formatQuestionSet(odd, 'md'), 'odd.md')).toEqual(odd);
  });
});
