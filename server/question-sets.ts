// Question sets are files in questions/: JSON or Markdown, all validated at start-up. A malformed
// file stops the server with an error naming the file, the line or field path and what is wrong –
// every malformed file at once, so a facilitator fixes them in one go. Nothing half-valid is
// loaded. Files are read by their bytes: UTF-16 and Windows-1252 ("ANSI") are decoded (the latter
// with a notice). Uploaded sets live elsewhere (uploaded-sets.ts); the catalogue below offers
// both and decides the default agenda.
import fs from 'node:fs';
import path from 'node:path';
import { problem, QuestionSetError, type QuestionSet } from '../shared/question-set.ts';
import { parseQuestionSetFile, questionSetFormat } from '../shared/question-set-md.ts';
import { decodeQuestionSetBytes } from '../shared/question-set-md/encoding.ts';
import { UploadedSets, type UploadInfo } from './uploaded-sets.ts';

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

/** The set Rådslag ships with: the default agenda unless DEFAULT_QUESTION_SET names another. */
export const BUILT_IN_SET_ID = 'vejen-til-en-ny-forvaltningspolitik';

export type CatalogueEntry = { set: QuestionSet; default: boolean; upload?: UploadInfo };

/**
 * Every set the start page offers: the operator's files in questions/ and the uploads. The
 * default agenda is always one of the operator's – DEFAULT_QUESTION_SET, else the built-in set,
 * else the first file by name – never an upload, whatever its title or id sorts as. An upload
 * cannot take an id of questions/ (refused at upload; one that collides later, when a file of
 * that id is added to questions/, is hidden behind the file).
 */
export class QuestionCatalogue {
  readonly defaultId: string;

  constructor(
    private readonly files: ReadonlyMap<string, QuestionSet>,
    readonly uploads: UploadedSets,
    defaultId?: string,
  ) {
    if (defaultId !== undefined && !files.has(defaultId)) {
      throw new Error(`DEFAULT_QUESTION_SET: no question set with the id "${defaultId}" among the files of the questions folder (${[...files.keys()].join(', ')})`);
    }
    this.defaultId = defaultId ?? (files.has(BUILT_IN_SET_ID) ? BUILT_IN_SET_ID : [...files.keys()][0]!);
  }

  static open(config: { questionsDir: string; dataDir: string; defaultQuestionSet?: string }): QuestionCatalogue {
    return new QuestionCatalogue(loadQuestionSets(config.questionsDir), UploadedSets.open(config.dataDir), config.defaultQuestionSet);
  }

  get(id: string): QuestionSet | undefined {
    return this.files.get(id) ?? this.uploads.get(id)?.set;
  }
  isFile(id: string): boolean {
    return this.files.has(id);
  }
  default(): QuestionSet {
    return this.files.get(this.defaultId)!;
  }

  /** The default first, then the other files by name, then the uploads, newest first. */
  entries(): CatalogueEntry[] {
    const files = [...this.files.values()].map((set) => ({ set, default: set.id === this.defaultId }));
    files.sort((a, b) => Number(b.default) - Number(a.default));
    const uploads = this.uploads
      .list()
      .filter((u) => !this.files.has(u.set.id))
      .map(({ set, ...upload }) => ({ set, default: false, upload }));
    return [...files, ...uploads];
  }
}
