// Question sets are files in questions/: JSON or Markdown, all validated at start-up. A malformed
// file stops the server with an error naming the file, the line or field path and what is wrong –
// every malformed file at once, so a facilitator fixes them in one go. Nothing half-valid is
// loaded, and an uploaded file is written only once it has been validated. Files are read by
// their bytes: UTF-16 and Windows-1252 ("ANSI") are decoded (the latter with a notice).
import fs from 'node:fs';
import path from 'node:path';
import { problem, QuestionSetError, type QuestionSet } from '../shared/question-set.ts';
import { parseQuestionSetFile, questionSetFormat } from '../shared/question-set-md.ts';
import { decodeQuestionSetBytes } from '../shared/question-set-md/encoding.ts';

/** Several files in QUESTIONS_DIR are malformed: each one's QuestionSetError. */
export class QuestionSetsError extends Error {
  constructor(readonly errors: QuestionSetError[]) {
    super(`${errors.length} question set files are invalid / ugyldige:\n\n${errors.map((e) => e.message).join('\n\n')}`);
    this.name = 'QuestionSetsError';
  }
}

/** Reads every set in `dir`; `warn` hears of files that were read in another encoding than UTF-8. */
export function loadQuestionSets(dir: string, warn: (line: string) => void = console.warn): Map<string, QuestionSet> {
  const sets = new Map<string, QuestionSet>();
  const errors: QuestionSetError[] = [];
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && !f.name.startsWith('.') && questionSetFormat(f.name))
    .map((f) => f.name)
    .sort();
  for (const file of files) {
    const full = path.join(dir, file);
    const decoded = decodeQuestionSetBytes(fs.readFileSync(full));
    if (decoded.notice) warn(`${full}: ${decoded.notice.en}\n  (da) ${decoded.notice.da}`);
    try {
      const set = parseQuestionSetFile(decoded.text, full);
      if (sets.has(set.id)) {
        const msg = { en: `id "${set.id}" is used by another file: give this set another id`, da: `id "${set.id}" bruges af en anden fil: giv dette sæt et andet id` };
        throw new QuestionSetError(full, [problem('id', msg)]);
      }
      sets.set(set.id, set);
    } catch (e) {
      if (!(e instanceof QuestionSetError)) throw e;
      errors.push(e);
    }
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new QuestionSetsError(errors);
  if (sets.size === 0) throw new Error(`no question sets found in ${dir}`);
  return sets;
}

export type AddResult = { ok: true; set: QuestionSet } | { ok: false; reason: 'duplicate'; id: string };

/**
 * Validates a file's text and, if it is a new set, saves it as <id>.json / <id>.md in `dir` and
 * adds it to `sets`. Throws QuestionSetError when invalid. Synchronous on purpose: between the
 * duplicate check and the write nothing else can run, so two uploads of one id cannot both win.
 */
export function addQuestionSet(dir: string, sets: Map<string, QuestionSet>, fileName: string, content: string): AddResult {
  const set = parseQuestionSetFile(content, fileName);
  const format = questionSetFormat(fileName)!;
  if (sets.has(set.id)) return { ok: false, reason: 'duplicate', id: set.id };
  // The file name comes from the id (a slug), never from the upload, so it cannot leave `dir`.
  const target = path.join(dir, `${set.id}.${format}`);
  const temp = path.join(dir, `.${set.id}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    // link() fails if the target exists: an existing file is never overwritten, and the file
    // appears whole or not at all (a crash leaves at most a hidden .tmp, which is not loaded).
    fs.linkSync(temp, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { ok: false, reason: 'duplicate', id: set.id };
    throw e;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  sets.set(set.id, set);
  return { ok: true, set };
}
