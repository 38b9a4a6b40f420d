// A question set is a file: JSON per the schema in question-set.ts, or the Markdown form that a
// facilitator can write by hand (docs/question-sets.md). Both are validated by the same schema,
// and a malformed file gives a QuestionSetError naming the file, the line (Markdown) or field
// path (JSON), and what is wrong. serialize and parse are inverses: parse(serialize(set)) = set.
import { problem, QuestionSetError, type QuestionSet } from './question-set.ts';
import { questionSetFormat, type QuestionSetFormat } from './question-set-md/file-kind.ts';
import { parseJsonSet } from './question-set-md/json.ts';
import { parseMarkdown } from './question-set-md/parse.ts';
import { serializeMarkdown } from './question-set-md/serialize.ts';

export { MAX_QUESTION_SET_BYTES, questionSetFormat, type QuestionSetFormat } from './question-set-md/file-kind.ts';

/** Markdown → set; throws QuestionSetError with `line N` paths. */
export function parse(markdown: string, file: string): QuestionSet {
  return parseMarkdown(markdown, file);
}

/** Set → Markdown. */
export function serialize(set: QuestionSet): string {
  return serializeMarkdown(set);
}

/** Reads a file's text in the format its name says (.json, .md). */
export function parseQuestionSetFile(content: string, file: string): QuestionSet {
  const format = questionSetFormat(file);
  if (format === 'md') return parseMarkdown(content, file);
  if (format === 'json') return parseJsonSet(content, file);
  throw wrongFileKind(file);
}

/** The error for a file whose name says neither .json nor .md. */
export function wrongFileKind(file: string): QuestionSetError {
  return new QuestionSetError(file, [
    problem('', { en: 'a question set file ends in .json or .md: rename it', da: 'en fil med et spørgsmålssæt ender på .json eller .md: omdøb den' }),
  ]);
}

/** The set as a file of the given format. */
export function formatQuestionSet(set: QuestionSet, format: QuestionSetFormat): string {
  return format === 'md' ? serializeMarkdown(set) : `${JSON.stringify(set, null, 2)}\n`;
}
