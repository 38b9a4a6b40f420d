// Loads every question set in questions/: a malformed file stops the server with an error
// naming the file, the field path and what is wrong. Nothing half-valid is loaded.
import fs from 'node:fs';
import path from 'node:path';
import { parseQuestionSet, QuestionSetError, type QuestionSet } from '../shared/question-set.ts';

export function loadQuestionSets(dir: string): Map<string, QuestionSet> {
  const sets = new Map<string, QuestionSet>();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const full = path.join(dir, file);
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(full, 'utf8'));
    } catch (e) {
      throw new QuestionSetError(full, [{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
    }
    const set = parseQuestionSet(data, full);
    if (sets.has(set.id)) throw new QuestionSetError(full, [{ path: 'id', message: `id "${set.id}" is used by another file` }]);
    sets.set(set.id, set);
  }
  if (sets.size === 0) throw new Error(`no question sets found in ${dir}`);
  return sets;
}
