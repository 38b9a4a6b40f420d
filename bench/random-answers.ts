// Random but plausible answers of every kind, for the benches that build sessions through the
// core (bench/summary-bench.ts, bench/campaign-bench.ts): scales with some "don't know", numbers
// skewed low, one option, a shuffled ranking, a vote per statement, and texts as given.
import { STATEMENT_VOTES, type AnswerValue } from '../shared/protocol.ts';
import type { ResponseSpec } from '../shared/question-set.ts';

/** `texts`: how many texts to write for a text question (at most its maxAnswers) and what each says. */
export function randomAnswers(spec: ResponseSpec, random: () => number, texts: { count: (max: number) => number; text: () => string }): AnswerValue[] {
  switch (spec.type) {
    case 'scale':
      return [random() < 0.06 ? { kind: 'dontKnow' } : { kind: 'scale', value: spec.min + Math.floor(random() * (spec.max - spec.min + 1)) }];
    case 'number':
      return [{ kind: 'number', value: spec.min + Math.floor(random() ** 3 * Math.min(spec.max - spec.min, 200)) }];
    case 'text':
      return Array.from({ length: texts.count(spec.maxAnswers) }, () => ({ kind: 'text', text: texts.text() }));
    case 'choice':
      return [{ kind: 'choice', options: [Math.floor(random() * spec.options.length)] }];
    case 'ranking':
      return [{ kind: 'ranking', order: spec.items.map((_, i) => i).sort(() => random() - 0.5) }];
    case 'statements':
      return [{ kind: 'statements', votes: spec.statements.map(() => STATEMENT_VOTES[Math.floor(random() * 3)]!) }];
  }
}
