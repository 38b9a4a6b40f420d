// A malformed file is rejected whole, with an error naming the file, the line (Markdown) or the
// field path (JSON), and what is wrong – in words that say how to fix it.
import { describe, expect, it } from 'vitest';
import { QuestionSetError } from '../question-set.ts';
import { parseQuestionSetFile } from '../question-set-md.ts';
import { findSyntaxError } from './json.ts';

const FRONT = '---\nid: test\ntitle: Test\n---\n';
const THEME = '# Tema: Et tema\n';

function problemsOf(content: string, file: string): { path: string; message: string }[] {
  try {
    parseQuestionSetFile(content, file);
  } catch (e) {
    expect(e).toBeInstanceOf(QuestionSetError);
    const error = e as QuestionSetError;
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    return error.problems;
  }
  throw new Error('expected the file to be rejected');
}

describe('malformed Markdown: the line and what is wrong', () => {
  it.each([
    ['an unknown type', `${FRONT}${THEME}- Q? {skala 1-5 "a" "b"}`, 'line 6', /unknown type "skala": use one of scale, number, text, choice, ranking, statements/],
    ['a scale with min > max', `${FRONT}${THEME}- Q? {scale 5-1 "a" "b"}`, 'line 6', /range 5-1: the first number must be the smaller/],
    ['a scale out of the schema', `${FRONT}${THEME}- Q? {scale 1-20 "a" "b"}`, 'line 6', /the range: Too big: expected number to be <=10/],
    ['a scale without labels', `${FRONT}${THEME}- Q? {scale 1-5}`, 'line 6', /scale needs two quoted labels/],
    ['a choice without options', `${FRONT}${THEME}- Q? {choice multiple}`, 'line 6', /the options \(the indented items\): Too small: expected array to have >=2 items/],
    ['a ranking with 2 items', `${FRONT}${THEME}- Q? {ranking}\n  - a\n  - b`, 'line 6', /the items to rank \(the indented items\): Too small: expected array to have >=3 items/],
    ['duplicate question ids', `${FRONT}${THEME}- A {#same text}\n- B {#same text}`, 'line 7', /#id .*: duplicate question id "same"/],
    ['a missing title', '---\nid: test\n---\n# Tema: A\n- Q {text}', 'line 1', /the front matter has no "title: …"/],
    ['a question outside a theme', `${FRONT}- Q? {text}\n${THEME}- R {text}`, 'line 5', /question outside a theme/],
    ['a front matter line that is not key: value', '---\ntitle Test\n---\n# Tema: A\n- Q {text}', 'line 2', /expected "key: value" in the front matter/],
    ['an unknown front matter key', '---\ntitle: T\nauthor: Me\n---\n# Tema: A\n- Q {text}', 'line 3', /unknown key "author" in the front matter: use id, title, subtitle, source, version/],
    ['an unclosed front matter', '---\ntitle: T\n# Tema: A\n- Q {text}', 'line 1', /the front matter is not closed/],
    ['no front matter', '# Tema: A\n- Q {text}', 'line 1', /no front matter/],
    ['a text answer with max 0', `${FRONT}${THEME}- Q? {text max 0}`, 'line 6', /^max: Too small: expected number to be >=1/],
    ['a number range that is a single value', `${FRONT}${THEME}- Q? {number 5-5}`, 'line 6', /the range: min must be less than max/],
    ['an option that is not indented', `${FRONT}${THEME}- Q? {choice}\n- Ja\n- Nej`, 'line 7', /no \{type\} at the end.*if it is an option of the question above, indent it/],
    ['options under a scale', `${FRONT}${THEME}- Q? {scale 1-5 "a" "b"}\n  - x`, 'line 7', /a scale question takes no indented items/],
    ['an unknown option', `${FRONT}${THEME}- Q? {text votes 3}`, 'line 6', /unknown option "votes" for text: expected max N, length N, dots N, dots-per-answer N/],
    ['a heading without Tema:', `${FRONT}# Færre mål\n- Q {text}`, 'line 5', /a heading starts with "Tema:" \(a theme\) or "Kontekst:"/],
    ['a statement outside a list', `${FRONT}${THEME}> Udsagn\n- Q {text}`, 'line 6', /write each statement as a list item in the quote/],
    ['two | in one text', `${FRONT}${THEME}- A | B | C {text}`, 'line 6', /more than one "\|"/],
    ['an unclosed brace', `${FRONT}${THEME}- Q? {scale 1-5 "a" "b"`, 'line 6', /the "\{" has no closing "\}"/],
    ['a theme without questions', `${FRONT}${THEME}> - Udsagn\n# Tema: B\n- Q {text}`, 'line 5', /the questions \(- … \{type\}\): Too small/],
    ['an empty English text in a label', `${FRONT}${THEME}- Q {number 0-10 unit "| x"}`, 'line 6', /unit \(Danish\): Too small/],
    ['a bad set id', '---\nid: Min Workshop\ntitle: T\n---\n# Tema: A\n- Q {text}', 'line 2', /^id: must be lower-case letters, digits and dashes/],
  ])('%s', (_name, content, line, message) => {
    const problems = problemsOf(content, 'questions/min-workshop.md');
    expect(problems).toContainEqual({ path: line, message: expect.stringMatching(message) });
  });

  it('lists every problem of the file at once, in line order', () => {
    const problems = problemsOf(`${FRONT}${THEME}- A {bogus}\n- B {scale 1-5}\n- C`, 'x.md');
    expect(problems.map((p) => p.path)).toEqual(['line 6', 'line 7', 'line 8']);
  });

  it('counts lines through quotes, nested lists, loose lists and blank lines', () => {
    const md = `${FRONT}\n\n${THEME}\n> - a\n>   - b\n>\n> - c\n\n- Q1 {text}\n\n- Q2 {choice}\n\n    - x\n\n    - y\n- Q3 {bad}\n`;
    expect(problemsOf(md, 'x.md')).toEqual([{ path: 'line 21', message: expect.stringContaining('unknown type "bad"') }]);
  });
});

describe('malformed JSON: the field path, or the line and column', () => {
  const valid = {
    id: 'test',
    version: 1,
    title: { da: 'Test' },
    themes: [{ id: 't', title: { da: 'T' }, questions: [{ id: 'q', text: { da: 'Q' }, response: { type: 'text' } }] }],
  };
  const withQuestion = (response: unknown, id = 'q') => ({ ...valid, themes: [{ ...valid.themes[0], questions: [{ id, text: { da: 'Q' }, response }] }] });

  it.each([
    ['an unknown type', withQuestion({ type: 'skala' }), 'themes[0].questions[0].response.type', /Invalid discriminator value/],
    ['a scale with min > max', withQuestion({ type: 'scale', min: 5, max: 1, minLabel: { da: 'a' }, maxLabel: { da: 'b' } }), 'themes[0].questions[0].response.min', /Too big/],
    ['a choice without options', withQuestion({ type: 'choice', options: [] }), 'themes[0].questions[0].response.options', /Too small/],
    ['a ranking with 2 items', withQuestion({ type: 'ranking', items: [{ da: 'a' }, { da: 'b' }] }), 'themes[0].questions[0].response.items', /Too small/],
    ['a missing title', { ...valid, title: undefined }, 'title', /expected object/],
    ['text with max 0', withQuestion({ type: 'text', maxAnswers: 0 }), 'themes[0].questions[0].response.maxAnswers', /Too small/],
    ['an unknown field', { ...valid, author: 'me' }, '', /Unrecognized key: "author"/],
  ])('%s', (_name, data, path, message) => {
    const problems = problemsOf(JSON.stringify(data, null, 2), 'questions/x.json');
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('duplicate question ids name the second one', () => {
    const set = { ...valid, themes: [{ ...valid.themes[0], questions: [valid.themes[0]!.questions[0], valid.themes[0]!.questions[0]] }] };
    expect(problemsOf(JSON.stringify(set), 'x.json')).toContainEqual({ path: 'themes[0].questions[1].id', message: 'duplicate question id "q"' });
  });

  it.each([
    ['a missing comma', '{\n  "id": "x"\n  "version": 1\n}', 3, 3, /unexpected "\\"", expected "," or "}"/],
    ['a trailing comma', '{\n  "id": "x",\n}', 3, 1, /unexpected "}", expected a quoted string/],
    ['an unclosed object', '{\n  "id": "x",\n  "title": {"da": "y"}', 3, 23, /the file ends too early/],
    ['a line break in a string', '{"id": "a\nb"}', 1, 10, /a line break or control character inside a string/],
    ['text after the end', '{}\n}', 2, 1, /after the end of the JSON/],
  ])('invalid JSON: %s, with line and column', (_name, content, line, column, message) => {
    const problems = problemsOf(content, 'questions/x.json');
    expect(problems).toEqual([{ path: `line ${line}, column ${column}`, message: expect.stringMatching(message) }]);
    expect(problems[0]!.message).toContain(`at line ${line}, column ${column}`);
  });

  it('the scanner agrees with JSON.parse on what is JSON', () => {
    for (const ok of ['{}', '[]', '[1, -2.5e3, true, false, null, "\\u00e6\\n"]', ' {"a": {"b": []}} ']) expect(findSyntaxError(ok)).toBeUndefined();
    for (const bad of ['', '[01]', '{"a" 1}', '"\\x"', '[1,]', 'nul']) expect(findSyntaxError(bad)).toBeDefined();
  });

  it('a file that is neither .json nor .md is refused', () => {
    expect(problemsOf('{}', 'set.yaml')).toEqual([{ path: '', message: 'a question set file ends in .json or .md' }]);
  });
});
