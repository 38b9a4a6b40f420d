// Sensible default response specs for a question made live, from a type and a few lines.
import type { ResponseSpec, ResponseType } from '../../shared/question-set.ts';
import { LIMITS } from '../../shared/constants.ts';

/** Every response type, by construction: a new one does not compile until it is listed here. */
const LIVE: Record<ResponseType, true> = { scale: true, number: true, text: true, choice: true, ranking: true, statements: true };
export const LIVE_TYPES = Object.keys(LIVE) as ResponseType[];

/** The label of the lines a type is made from (options, items, statements), or null when it takes none. */
export const LINES_LABEL: Record<ResponseType, 'options' | 'items' | 'statementsList' | null> = {
  scale: null,
  number: null,
  text: null,
  choice: 'options',
  ranking: 'items',
  statements: 'statementsList',
};

/** Builds a spec; `lines` are options, items or statements for the types that need them. A problem comes back as the key of a sentence saying how to fix it. */
export function defaultSpec(type: ResponseType, lines: string[], choice: { multiple: boolean; other: boolean } = { multiple: false, other: false }): ResponseSpec | 'needOptions' | 'needItems' | 'needStatements' {
  const list = lines.map((l) => l.trim()).filter(Boolean).map((da) => ({ da }));
  switch (type) {
    case 'scale':
      return { type, min: 1, max: 5, minLabel: { da: 'Slet ikke', en: 'Not at all' }, maxLabel: { da: 'I meget høj grad', en: 'To a very high degree' }, dontKnow: true };
    case 'number':
      return { type, min: 0, max: 1000 };
    case 'text':
      return { type, maxAnswers: 3, maxLength: 280, voting: { budget: 3, maxPerAnswer: 2 } };
    case 'choice':
      return list.length >= 2 ? { type, options: list.slice(0, LIMITS.choiceOptions), multiple: choice.multiple, other: choice.other } : 'needOptions';
    case 'ranking':
      return list.length >= 3 && list.length <= LIMITS.rankingItems ? { type, items: list } : 'needItems';
    case 'statements':
      return list.length >= 1 ? { type, statements: list.slice(0, LIMITS.statements) } : 'needStatements';
  }
}
