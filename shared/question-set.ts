// Question sets are data: this schema is the contract for every file in questions/.
// A set that fails it is rejected whole, with the file, the field path and what is wrong.
import { z } from 'zod';
import { describeIssue } from './question-set-messages.ts';
import { LIMITS } from './constants.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Danish is the reference; English falls back to Danish where missing. */
export const LocalizedText = z.strictObject({ da: text(2000), en: text(2000).optional() });
export type LocalizedText = z.infer<typeof LocalizedText>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes');

export const ScaleResponse = z
  .strictObject({
    type: z.literal('scale'),
    min: z.number().int().min(0).max(1),
    max: z.number().int().min(3).max(10),
    minLabel: LocalizedText,
    maxLabel: LocalizedText,
    dontKnow: z.boolean().default(true),
  });
export const NumberResponse = z
  .strictObject({
    type: z.literal('number'),
    min: z.number().int().min(0),
    max: z.number().int().max(1_000_000),
    unit: LocalizedText.optional(),
  })
  .refine((r) => r.min < r.max, { message: 'min must be less than max', path: ['max'], params: { da: 'min skal være mindre end max' } });
export const VotingSpec = z.strictObject({
  /** Dots each participant may place. */
  budget: z.number().int().min(1).max(10).default(3),
  /** How many of one's dots may go on one answer. */
  maxPerAnswer: z.number().int().min(1).max(10).default(2),
});
export type VotingSpec = z.infer<typeof VotingSpec>;
export const TextResponse = z.strictObject({
  type: z.literal('text'),
  maxAnswers: z.number().int().min(1).max(10).default(3),
  maxLength: z.number().int().min(20).max(500).default(280),
  voting: VotingSpec.default({ budget: 3, maxPerAnswer: 2 }),
});
export const ChoiceResponse = z
  .strictObject({
    type: z.literal('choice'),
    options: z.array(LocalizedText).min(2).max(LIMITS.choiceOptions),
    multiple: z.boolean().default(false),
    /** With multiple: at most this many options (default: all). */
    maxChoices: z.number().int().min(1).max(LIMITS.choiceOptions).optional(),
    /** Offer "Andet" with a short free text. */
    other: z.boolean().default(false),
  })
  .refine((r) => r.maxChoices === undefined || (r.multiple && r.maxChoices <= r.options.length), {
    message: 'maxChoices needs multiple: true and at most as many as there are options',
    path: ['maxChoices'],
    params: { da: 'maxChoices kræver multiple: true og højst lige så mange som der er svarmuligheder' },
  });
export const RankingResponse = z.strictObject({
  type: z.literal('ranking'),
  items: z.array(LocalizedText).min(3).max(LIMITS.rankingItems),
});
export const StatementsResponse = z.strictObject({
  type: z.literal('statements'),
  statements: z.array(LocalizedText).min(1).max(LIMITS.statements),
});
export const ResponseSpec = z.discriminatedUnion('type', [
  ScaleResponse,
  NumberResponse,
  TextResponse,
  ChoiceResponse,
  RankingResponse,
  StatementsResponse,
]);
export type ResponseSpec = z.infer<typeof ResponseSpec>;
export type ResponseType = ResponseSpec['type'];

/** A step of a facilitation method (1-2-4-All, What/So what/Now what): how the step is run. */
export const MethodStep = z.strictObject({
  template: z.enum(['1-2-4-all', 'what-so-what-now-what']),
  step: z.string().min(1).max(20),
  /** Suggested time for answering; the timer starts when answering opens. */
  timerSeconds: z.number().int().min(10).max(3600).optional(),
  /** Answered per table: one shared list of answers for each table. */
  perTable: z.boolean().optional(),
  /** Its answers can be turned into actions (the "Now what" step). */
  toActions: z.boolean().optional(),
});
export type MethodStep = z.infer<typeof MethodStep>;

export const Question = z.strictObject({ id: Id, text: LocalizedText, response: ResponseSpec, method: MethodStep.optional() });
export type Question = z.infer<typeof Question>;

export const Statement = z.strictObject({
  text: LocalizedText,
  details: z.array(LocalizedText).max(10).default([]),
});
export type Statement = z.infer<typeof Statement>;

export const Theme = z.strictObject({
  id: Id,
  title: LocalizedText,
  statements: z.array(Statement).max(30).default([]),
  /** Shown to the room with the theme (screen and phones). */
  description: LocalizedText.optional(),
  /** For the facilitator only: on the console, never on the screen or the phones. */
  note: LocalizedText.optional(),
  questions: z.array(Question).min(1).max(30),
});
export type Theme = z.infer<typeof Theme>;

export const ContextPoint = z.strictObject({ heading: LocalizedText, text: LocalizedText.optional() });
export const Context = z.strictObject({ title: LocalizedText, points: z.array(ContextPoint).min(1).max(12) });
export type Context = z.infer<typeof Context>;

export const QuestionSet = z
  .strictObject({
    id: Id,
    version: z.literal(1),
    title: LocalizedText,
    subtitle: LocalizedText.optional(),
    source: LocalizedText.optional(),
    context: Context.optional(),
    themes: z.array(Theme).min(1).max(20),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.themes.forEach((theme, t) =>
      theme.questions.forEach((q, i) => {
        if (seen.has(q.id)) {
          const da = `spørgsmålets id "${q.id}" er brugt før: giv det et andet id`;
          ctx.addIssue({ code: 'custom', message: `duplicate question id "${q.id}"`, path: ['themes', t, 'questions', i, 'id'], params: { da } });
        }
        seen.add(q.id);
      }),
    );
    const themeIds = new Set(set.themes.map((th) => th.id));
    if (themeIds.size !== set.themes.length) {
      ctx.addIssue({ code: 'custom', message: 'theme ids must be unique', path: ['themes'], params: { da: 'to temaer har samme id: giv hvert tema sit eget' } });
    }
  });
export type QuestionSet = z.infer<typeof QuestionSet>;

/** A message for the facilitator in both languages. */
export type Msg = { da: string; en: string };

/** One thing wrong with a file: where (a field path, or "line N"), and what – in English and Danish. */
export type Problem = { path: string; message: string; da: string };

export function problem(path: string, msg: Msg): Problem {
  return { path, message: msg.en, da: msg.da };
}

export class QuestionSetError extends Error {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(
      `${file}: invalid question set / ugyldigt spørgsmålssæt\n` +
        problems.map((p) => `  at ${p.path || '(root)'}: ${p.message}\n    (da) ${p.da}`).join('\n'),
    );
    this.name = 'QuestionSetError';
  }
}

/** Parses and validates; throws QuestionSetError naming the file, the field path and what is wrong. */
export function parseQuestionSet(data: unknown, file: string): QuestionSet {
  const result = QuestionSet.safeParse(data);
  if (result.success) return result.data;
  throw new QuestionSetError(
    file,
    result.error.issues.map((issue) => problem(formatPath(issue.path), describeIssue(issue))),
  );
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

export function findQuestion(set: QuestionSet, questionId: string): { theme: Theme; question: Question } | undefined {
  for (const theme of set.themes) {
    const question = theme.questions.find((q) => q.id === questionId);
    if (question) return { theme, question };
  }
  return undefined;
}

export function localize(t: LocalizedText, lang: 'da' | 'en'): string {
  return lang === 'en' && t.en ? t.en : t.da;
}
