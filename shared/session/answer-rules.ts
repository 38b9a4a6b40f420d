// What makes an answer valid for its question. One function per response type; each returns a
// rejection or undefined. The protocol has already checked shapes and sizes.
import type { AnswerValue, CommandError } from '../protocol.ts';
import type { ResponseSpec } from '../question-set.ts';

type Problem = CommandError | undefined;
const problem = (code: CommandError['code'], message: string): CommandError => ({ code, message });

export function checkAnswer(spec: ResponseSpec, answer: AnswerValue): Problem {
  const wrong = problem('wrong_answer_type', `this question takes a ${spec.type} answer`);
  switch (spec.type) {
    case 'scale':
      if (answer.kind === 'dontKnow') return spec.dontKnow ? undefined : wrong;
      if (answer.kind !== 'scale') return wrong;
      return inRange(answer.value, spec.min, spec.max);
    case 'number':
      if (answer.kind !== 'number') return wrong;
      if (!Number.isInteger(answer.value)) return problem('out_of_range', 'the answer must be a whole number');
      return inRange(answer.value, spec.min, spec.max);
    case 'text': {
      if (answer.kind !== 'text') return wrong;
      const text = answer.text.trim();
      if (isBlank(text)) return problem('empty_answer', 'the answer is empty');
      if (text.length > spec.maxLength) return problem('out_of_range', `at most ${spec.maxLength} characters`);
      return undefined;
    }
    case 'choice':
      return answer.kind === 'choice' ? checkChoice(spec, answer) : wrong;
    case 'ranking': {
      if (answer.kind !== 'ranking') return wrong;
      const n = spec.items.length;
      const complete = answer.order.length === n && new Set(answer.order).size === n && answer.order.every((i) => i < n);
      return complete ? undefined : problem('out_of_range', `rank all ${n} items, each once`);
    }
    case 'statements': {
      if (answer.kind !== 'statements') return wrong;
      if (answer.votes.length !== spec.statements.length) {
        return problem('out_of_range', `one vote (or none) for each of the ${spec.statements.length} statements`);
      }
      return answer.votes.some((v) => v !== null) ? undefined : problem('empty_answer', 'no statement answered');
    }
    default:
      // Exhaustive (the type check fails on a new type); no import of tally.ts, so the phone's bundle stays small.
      return spec satisfies never;
  }
}

function inRange(value: number, min: number, max: number): Problem {
  return value < min || value > max ? problem('out_of_range', `the answer must be between ${min} and ${max}`) : undefined;
}

/**
 * Nothing a reader would see: spaces, line breaks, zero-width and other format characters,
 * control characters and the "blank" Hangul fillers. Such an answer would show as an empty card.
 */
export function isBlank(text: string): boolean {
  return text.replace(/[\s\p{Z}\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800]/gu, '') === '';
}

function checkChoice(spec: Extract<ResponseSpec, { type: 'choice' }>, answer: Extract<AnswerValue, { kind: 'choice' }>): Problem {
  const other = visibleOther(answer.other);
  if (other && !spec.other) return problem('wrong_answer_type', 'this question has no "other" option');
  if (new Set(answer.options).size !== answer.options.length) return problem('out_of_range', 'an option is chosen twice');
  if (answer.options.some((o) => o >= spec.options.length)) return problem('out_of_range', `options are 0 to ${spec.options.length - 1}`);
  const chosen = answer.options.length + (other ? 1 : 0);
  if (chosen === 0) return problem('empty_answer', 'choose an option');
  const max = spec.multiple ? (spec.maxChoices ?? spec.options.length + 1) : 1;
  return chosen > max ? problem('out_of_range', `choose at most ${max}`) : undefined;
}

/** Stored as sent, but trimmed: "  ja " and "ja" are one answer. */
export function normalize(answer: AnswerValue): AnswerValue {
  if (answer.kind === 'text') return { kind: 'text', text: answer.text.trim() };
  if (answer.kind === 'choice') {
    const other = visibleOther(answer.other);
    return { kind: 'choice', options: [...answer.options].sort((a, b) => a - b), ...(other ? { other } : {}) };
  }
  return answer;
}

/** An "other" text that is blank counts as no other text. */
function visibleOther(other: string | undefined): string | undefined {
  const t = other?.trim();
  return t && !isBlank(t) ? t : undefined;
}
