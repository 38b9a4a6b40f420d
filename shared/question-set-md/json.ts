// The JSON form. JSON.parse says what is wrong but not always where (V8 often gives neither line
// nor position), so a small scanner of the JSON grammar finds the line and column of the first
// error; the schema then names the field path of anything else.
import { parseQuestionSet, QuestionSetError, type QuestionSet } from '../question-set.ts';

export function parseJsonSet(source: string, file: string): QuestionSet {
  const text = source.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const found = findSyntaxError(text);
    const where = found ? `line ${found.line}, column ${found.column}` : '';
    const message = found ? `not valid JSON: ${found.message} at line ${found.line}, column ${found.column}` : `not valid JSON: ${(e as Error).message}`;
    throw new QuestionSetError(file, [{ path: where, message }]);
  }
  return parseQuestionSet(data, file);
}

export type SyntaxProblem = { line: number; column: number; message: string };

/** The first place where `text` stops being JSON, or undefined when it is JSON. */
export function findSyntaxError(text: string): SyntaxProblem | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw Object.assign(new Error(message), { at: i });
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = () => (i >= text.length ? 'the file ends too early' : `unexpected ${JSON.stringify(text[i])}`);
  const expect = (c: string, what: string) => {
    ws();
    if (text[i] !== c) fail(`${describe()}, expected ${what}`);
    i++;
  };
  const string = () => {
    expect('"', 'a quoted string');
    while (i < text.length && text[i] !== '"') {
      const c = text[i]!;
      if (c < ' ') fail('a line break or control character inside a string (write \\n)');
      if (c === '\\') {
        i++;
        if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('a bad escape in a string');
      }
      i++;
    }
    if (i >= text.length) fail('a string is not closed (missing ")');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        string();
        expect(':', '":" after the key');
        value();
        ws();
        if (text[i] === ',') i++;
        else return expect('}', '"," or "}"');
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else return expect(']', '"," or "]"');
      }
    } else if (c === '"') {
      string();
    } else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
      if (!m) fail(`${describe()}, expected a value`);
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`${describe()} after the end of the JSON`);
    return undefined;
  } catch (e) {
    const at = (e as { at?: number }).at ?? i;
    const before = text.slice(0, at).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1, message: (e as Error).message };
  }
}
