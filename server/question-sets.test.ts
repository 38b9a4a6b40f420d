// Start-up reads QUESTIONS_DIR: every malformed file is named at once (not only the first), and a
// file saved as "ANSI" (Windows-1252) or "Unicode" (UTF-16) keeps its æøå.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QuestionSetError } from '../shared/question-set.ts';
import { loadQuestionSets, QuestionSetsError } from './question-sets.ts';

const GOOD = (id: string, title = 'Godt sæt') => `---\nid: ${id}\ntitle: ${title}\n---\n# Tema: Et tema\n- Hvad synes du? {text}\n`;
const dirs: string[] = [];
function dirWith(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadslag-sets-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loading QUESTIONS_DIR', () => {
  it('names every malformed file, each with its problems, in one error', () => {
    const dir = dirWith({
      'a-good.md': GOOD('a-good'),
      'b-bad.md': '# Tema: uden hoved\n- Q {text}\n',
      'c-bad.json': '{ "id": "c" ',
      'd-bad.md': GOOD('d-bad').replace('{text}', '{skala}'),
    });
    let error: unknown;
    try {
      loadQuestionSets(dir, () => {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuestionSetsError);
    const errors = (error as QuestionSetsError).errors;
    expect(errors.map((e) => path.basename(e.file))).toEqual(['b-bad.md', 'c-bad.json', 'd-bad.md']);
    const message = (error as Error).message;
    for (const name of ['b-bad.md', 'c-bad.json', 'd-bad.md']) expect(message).toContain(name);
    expect(message).toContain('no front matter');
    expect(message).toContain('filen mangler sit hoved');
    expect(message).toContain('unknown type "skala"');
  });

  it('one malformed file is its own QuestionSetError', () => {
    const dir = dirWith({ 'a.md': GOOD('a'), 'b.md': GOOD('a') });
    expect(() => loadQuestionSets(dir, () => {})).toThrow(QuestionSetError);
    expect(() => loadQuestionSets(dir, () => {})).toThrow(/id "a" is used by another file/);
  });

  it('reads a Windows-1252 file with its æøå, and says so', () => {
    const ansi = Uint8Array.from([...GOOD('ansi', 'Sammenhængende borgerforløb')].map((c) => c.charCodeAt(0)));
    const warnings: string[] = [];
    const sets = loadQuestionSets(dirWith({ 'ansi.md': ansi }), (line) => warnings.push(line));
    expect(sets.get('ansi')?.title).toEqual({ da: 'Sammenhængende borgerforløb' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ansi\.md: The file is not saved as UTF-8.*Windows-1252/s);
  });

  it('reads a UTF-16 file (Notepad "Unicode") without a word', () => {
    const text = GOOD('unicode', 'Årets mål');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const warnings: string[] = [];
    const sets = loadQuestionSets(dirWith({ 'unicode.md': bytes }), (line) => warnings.push(line));
    expect(sets.get('unicode')?.title).toEqual({ da: 'Årets mål' });
    expect(warnings).toEqual([]);
  });
});
