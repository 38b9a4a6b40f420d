// A malformed file is rejected whole, with an error naming the file, the line (Markdown) or the
// field path (JSON), and what is wrong – in words that say how to fix it.
import { describe, expect, it } from 'vitest';
import { QuestionSetError, type Problem } from '../question-set.ts';
import { parseQuestionSetFile } from '../question-set-md.ts';
import { findSyntaxError } from './json.ts';

const FRONT = '---\nid: test\ntitle: Test\n---\n';
const THEME = '# Tema: Et tema\n';

/** zod's own words: they must never reach a facilitator, in either language. */
const JARGON = /Too small|Too big|Invalid (input|discriminator)|Unrecognized key|expected (array|string|number|object) to|>=|<=/;

function problemsOf(content: string, file: string): Problem[] {
  try {
    parseQuestionSetFile(content, file);
  } catch (e) {
    expect(e).toBeInstanceOf(QuestionSetError);
    const error = e as QuestionSetError;
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    for (const p of error.problems) {
      expect(p.message).not.toMatch(JARGON);
      expect(p.da).not.toMatch(JARGON);
      expect(p.da, 'a Danish message differs from the English one').not.toBe(p.message);
    }
    return error.problems;
  }
  throw new Error('expected the file to be rejected');
}

describe('malformed Markdown: the line and what is wrong', () => {
  it.each([
    ['an unknown type', `${FRONT}${THEME}- Q? {skala 1-5 "a" "b"}`, 'line 6', /unknown type "skala": use one of scale, number, text, choice, ranking, statements/, /ukendt type "skala": brug en af scale/],
    ['a scale with min > max', `${FRONT}${THEME}- Q? {scale 5-1 "a" "b"}`, 'line 6', /range 5-1: the first number must be the smaller/, /intervallet 5-1: det første tal skal være det mindste/],
    ['a scale out of the schema', `${FRONT}${THEME}- Q? {scale 1-20 "a" "b"}`, 'line 6', /^the range: is too large: the highest allowed is 10$/, /^intervallet: er for stor: det største tilladte er 10$/],
    ['a scale without labels', `${FRONT}${THEME}- Q? {scale 1-5}`, 'line 6', /scale needs two quoted labels/, /scale skal have to etiketter/],
    ['a choice without options', `${FRONT}${THEME}- Q? {choice multiple}`, 'line 6', /^the options \(the indented items\): needs at least 2: add more$/, /^svarmulighederne \(de indrykkede punkter\): skal have mindst 2: tilføj flere$/],
    ['a ranking with 2 items', `${FRONT}${THEME}- Q? {ranking}\n  - a\n  - b`, 'line 6', /the items to rank \(the indented items\): needs at least 3/, /punkterne, der skal rangeres \(de indrykkede punkter\): skal have mindst 3/],
    ['duplicate question ids', `${FRONT}${THEME}- A {#same text}\n- B {#same text}`, 'line 7', /#id .*: duplicate question id "same"/, /#id .*: spørgsmålets id "same" er brugt før/],
    ['a missing title', '---\nid: test\n---\n# Tema: A\n- Q {text}', 'line 1', /the front matter has no "title: …"/, /filens hoved har ingen "title: …"/],
    ['a question outside a theme', `${FRONT}- Q? {text}\n${THEME}- R {text}`, 'line 5', /question outside a theme/, /spørgsmål uden for et tema/],
    ['a front matter line that is not key: value', '---\ntitle Test\n---\n# Tema: A\n- Q {text}', 'line 2', /expected "key: value" in the front matter/, /forventede "nøgle: værdi"/],
    ['an unknown front matter key', '---\ntitle: T\nauthor: Me\n---\n# Tema: A\n- Q {text}', 'line 3', /unknown key "author" in the front matter: use id, title, subtitle, source, version/, /ukendt nøgle "author"/],
    ['an unclosed front matter', '---\ntitle: T\n# Tema: A\n- Q {text}', 'line 1', /the front matter is not closed/, /filens hoved er ikke afsluttet/],
    ['no front matter', '# Tema: A\n- Q {text}', 'line 1', /no front matter/, /filen mangler sit hoved/],
    ['a text answer with max 0', `${FRONT}${THEME}- Q? {text max 0}`, 'line 6', /^max: is too small: the lowest allowed is 1/, /^max: er for lille: det mindste tilladte er 1/],
    ['a number range that is a single value', `${FRONT}${THEME}- Q? {number 5-5}`, 'line 6', /the range: min must be less than max/, /intervallet: min skal være mindre end max/],
    ['an option that is not indented', `${FRONT}${THEME}- Q? {choice}\n- Ja\n- Nej`, 'line 7', /no \{type\} at the end.*if it is an option of the question above, indent it/, /ingen \{type\} til sidst.*ryk det ind/],
    ['options under a scale', `${FRONT}${THEME}- Q? {scale 1-5 "a" "b"}\n  - x`, 'line 7', /a scale question takes no indented items/, /et scale-spørgsmål tager ingen indrykkede punkter/],
    ['an unknown option', `${FRONT}${THEME}- Q? {text votes 3}`, 'line 6', /unknown option "votes" for text: expected max N, length N, dots N, dots-per-answer N/, /ukendt valg "votes" for text: forventede max N/],
    ['a heading without Tema:', `${FRONT}# Færre mål\n- Q {text}`, 'line 5', /a heading starts with "Tema:" \(a theme\) or "Kontekst:"/, /en overskrift begynder med "Tema:"/],
    ['a statement outside a list', `${FRONT}${THEME}> Udsagn\n- Q {text}`, 'line 6', /write each statement as a list item in the quote/, /skriv hvert udsagn som et punkt i citatet/],
    ['two | in one text', `${FRONT}${THEME}- A | B | C {text}`, 'line 6', /more than one "\|"/, /mere end én "\|"/],
    ['an unclosed brace', `${FRONT}${THEME}- Q? {scale 1-5 "a" "b"`, 'line 6', /the "\{" has no closing "\}"/, /"\{" har ingen afsluttende "\}"/],
    ['a theme without questions', `${FRONT}${THEME}> - Udsagn\n# Tema: B\n- Q {text}`, 'line 5', /^the questions \(- … \{type\}\): needs at least 1: add more$/, /^spørgsmålene \(- … \{type\}\): skal have mindst 1: tilføj flere$/],
    ['an empty English text in a label', `${FRONT}${THEME}- Q {number 0-10 unit "| x"}`, 'line 6', /^unit \(Danish, before "\|"\): is empty: write a text$/, /^unit \(dansk, før "\|"\): er tom: skriv en tekst$/],
    ['a bad set id', '---\nid: Min Workshop\ntitle: T\n---\n# Tema: A\n- Q {text}', 'line 2', /^#id \(or the front matter "id:"\): use only lower-case letters a–z, digits and dashes/, /^#id .*: brug kun små bogstaver a–z, tal og bindestreger/],
    ['an unescaped "1." in a statement', `${FRONT}${THEME}> - 1. Udsagn\n- Q {text}`, 'line 6', /the text starts with "1\.", which Markdown reads as a list of its own: write "1\\\." to keep it as text/, /teksten begynder med "1\.".*skriv "1\\\."/],
    ['an unescaped "2)" in a question', `${FRONT}${THEME}- 2) Hvad nu? {text}`, 'line 6', /starts with "2\)".*write "2\\\)"/, /begynder med "2\)"/],
    ['an unescaped "-" in an option', `${FRONT}${THEME}- Q {choice}\n  - - Nej\n  - Ja`, 'line 7', /starts with "-".*write "\\-"/, /begynder med "-"/],
    ['a question with no text', `${FRONT}${THEME}- {text}`, 'line 6', /^the text \(Danish, before "\|"\): is empty: write a text$/, /^teksten \(dansk, før "\|"\): er tom: skriv en tekst$/],
  ])('%s', (_name, content, line, message, da) => {
    const problems = problemsOf(content, 'questions/min-workshop.md');
    expect(problems).toContainEqual({ path: line, message: expect.stringMatching(message), da: expect.stringMatching(da) });
  });

  it('an unescaped "1." gives one problem, not also an empty text', () => {
    expect(problemsOf(`${FRONT}${THEME}> - 1. Udsagn\n- Q {text}`, 'x.md')).toHaveLength(1);
  });

  it('lists every problem of the file at once, in line order', () => {
    const problems = problemsOf(`${FRONT}${THEME}- A {bogus}\n- B {scale 1-5}\n- C`, 'x.md');
    expect(problems.map((p) => p.path)).toEqual(['line 6', 'line 7', 'line 8']);
  });

  it('counts lines through quotes, nested lists, loose lists and blank lines', () => {
    const md = `${FRONT}\n\n${THEME}\n> - a\n>   - b\n>\n> - c\n\n- Q1 {text}\n\n- Q2 {choice}\n\n    - x\n\n    - y\n- Q3 {bad}\n`;
    expect(problemsOf(md, 'x.md')).toEqual([{ path: 'line 21', message: expect.stringContaining('unknown type "bad"'), da: expect.stringContaining('ukendt type "bad"') }]);
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
    ['an unknown type', withQuestion({ type: 'skala' }), 'themes[0].questions[0].response.type', /^is not one of the known kinds: use one of scale, number, text, choice, ranking, statements$/, /^er ikke en kendt slags: brug en af scale/],
    ['a scale with min > max', withQuestion({ type: 'scale', min: 5, max: 1, minLabel: { da: 'a' }, maxLabel: { da: 'b' } }), 'themes[0].questions[0].response.min', /^is too large: the highest allowed is 1$/, /^er for stor: det største tilladte er 1$/],
    ['a choice without options', withQuestion({ type: 'choice', options: [] }), 'themes[0].questions[0].response.options', /^needs at least 2: add more$/, /^skal have mindst 2: tilføj flere$/],
    ['a ranking with 2 items', withQuestion({ type: 'ranking', items: [{ da: 'a' }, { da: 'b' }] }), 'themes[0].questions[0].response.items', /needs at least 3/, /skal have mindst 3/],
    ['a missing title', { ...valid, title: undefined }, 'title', /^is missing: add it$/, /^mangler: tilføj den$/],
    ['a title that is a string', { ...valid, title: 'Test' }, 'title', /^must be an object \{ … \}$/, /^skal være et objekt \{ … \}$/],
    ['text with max 0', withQuestion({ type: 'text', maxAnswers: 0 }), 'themes[0].questions[0].response.maxAnswers', /^is too small: the lowest allowed is 1$/, /^er for lille: det mindste tilladte er 1$/],
    ['an unknown field', { ...valid, author: 'me' }, '', /^unknown field "author": remove it or correct its spelling$/, /^ukendt felt "author": fjern det eller ret stavningen$/],
    ['version 2', { ...valid, version: 2 }, 'version', /^must be 1$/, /^skal være 1$/],
    ['an empty Danish text', withQuestion({ type: 'text' }, 'q'), 'themes[0].title.da', /^is empty: write a text$/, /^er tom: skriv en tekst$/],
  ])('%s', (name, data, path, message, da) => {
    const input = name === 'an empty Danish text' ? { ...(data as typeof valid), themes: [{ ...(data as typeof valid).themes[0]!, title: { da: ' ' } }] } : data;
    const problems = problemsOf(JSON.stringify(input, null, 2), 'questions/x.json');
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message), da: expect.stringMatching(da) });
  });

  it('duplicate question ids name the second one', () => {
    const set = { ...valid, themes: [{ ...valid.themes[0], questions: [valid.themes[0]!.questions[0], valid.themes[0]!.questions[0]] }] };
    expect(problemsOf(JSON.stringify(set), 'x.json')).toContainEqual({
      path: 'themes[0].questions[1].id',
      message: 'duplicate question id "q"',
      da: 'spørgsmålets id "q" er brugt før: giv det et andet id',
    });
  });

  it.each([
    ['a missing comma', '{\n  "id": "x"\n  "version": 1\n}', 3, 3, /unexpected "\\"", expected "," or "}"/],
    ['a trailing comma', '{\n  "id": "x",\n}', 3, 1, /unexpected "}", expected a quoted string/],
    ['an unclosed object', '{\n  "id": "x",\n  "title": {"da": "y"}', 3, 23, /the file ends too early/],
    ['a line break in a string', '{"id": "a\nb"}', 1, 10, /a line break or control character inside a string/],
    ['text after the end', '{}\n}', 2, 1, /after the end of the JSON/],
  ])('invalid JSON: %s, with line and column', (_name, content, line, column, message) => {
    const problems = problemsOf(content, 'questions/x.json');
    const da = expect.stringContaining(`ikke gyldig JSON`);
    expect(problems).toEqual([{ path: `line ${line}, column ${column}`, message: expect.stringMatching(message), da }]);
    expect(problems[0]!.da).toContain(`i linje ${line}, kolonne ${column}`);
    expect(problems[0]!.message).toContain(`at line ${line}, column ${column}`);
  });

  it('the scanner agrees with JSON.parse on what is JSON', () => {
    for (const ok of ['{}', '[]', '[1, -2.5e3, true, false, null, "\\u00e6\\n"]', ' {"a": {"b": []}} ']) expect(findSyntaxError(ok)).toBeUndefined();
    for (const bad of ['', '[01]', '{"a" 1}', '"\\x"', '[1,]', 'nul']) expect(findSyntaxError(bad)).toBeDefined();
  });

  it('a file that is neither .json nor .md is refused', () => {
    expect(problemsOf('{}', 'set.yaml')).toEqual([
      { path: '', message: 'a question set file ends in .json or .md: rename it', da: 'en fil med et spørgsmålssæt ender på .json eller .md: omdøb den' },
    ]);
  });
});
