// Which files are question sets, and how large one may be. No parser here, so the client can
// import it without pulling the Markdown parser into its bundle.
export const MAX_QUESTION_SET_BYTES = 256 * 1024;

export type QuestionSetFormat = 'json' | 'md';

/** The format a file name says, or undefined when it is not a question set file. */
export function questionSetFormat(fileName: string): QuestionSetFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  return undefined;
}
