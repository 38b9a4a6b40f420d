// The JSON form. JSON.parse says what is wrong but not always where (V8 often gives neither line
// nor position), so a small scanner of the JSON grammar finds the line and column of the first
// error; the schema then names the field path of anything else.
import { parseQuestionSet, problem, QuestionSetError, type Msg, type QuestionSet } from '../question-set.ts';

export function parseJsonSet(source: string, file: string): QuestionSet {
  const text = source.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const found = findSyntaxError(text);
    const where = found ? `line ${found.line}, column ${found.column}` : '';
    const message: Msg = found
      ? {
          en: `not valid JSON: ${found.message} at line ${found.line}, column ${found.column}`,
          da: `ikke gyldig JSON: ${found.da} i linje ${found.line}, kolonne ${found.column}`,
        }
      : { en: `not valid JSON: ${(e as Error).message}`, da: `ikke gyldig JSON: ${(e as Error).message}` };
    throw new QuestionSetError(file, [problem(where, message)]);
  }
  return parseQuestionSet(data, file);
}

export type SyntaxProblem = { line: number; column: number; message: string; da: string };

/** The first place where `text` stops being JSON, or undefined when it is JSON. */
export function findSyntaxError(text: string): SyntaxProblem | undefined {
  let i = 0;
  const fail = (message: Msg): never => {
    throw Object.assign(new Error(message.en), { at: i, da: message.da });
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = (): Msg =>
    i >= text.length ? { en: 'the file ends too early', da: 'filen slutter for tidligt' } : { en: `unexpected ${JSON.stringify(text[i])}`, da: `uventet ${JSON.stringify(text[i])}` };
  const expect = (c: string, what: Msg) => {
    ws();
    if (text[i] !== c) fail({ en: `${describe().en}, expected ${what.en}`, da: `${describe().da}, forventede ${what.da}` });
    i++;
  };
  const string = () => {
    expect('"', { en: 'a quoted string', da: 'en tekst i anførselstegn' });
    while (i < text.length && text[i] !== '"') {
      const c = text[i]!;
      if (c < ' ') fail({ en: 'a line break or control character inside a string (write \\n)', da: 'et linjeskift eller kontroltegn inde i en tekst (skriv \\n)' });
      if (c === '\\') {
        i++;
        if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail({ en: 'a bad escape in a string', da: 'en ugyldig \\-kode i en tekst' });
      }
      i++;
    }
    if (i >= text.length) fail({ en: 'a string is not closed (missing ")', da: 'en tekst er ikke afsluttet (mangler ")' });
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
        expect(':', { en: '":" after the key', da: '":" efter nøglen' });
        value();
        ws();
        if (text[i] === ',') i++;
        else return expect('}', { en: '"," or "}"', da: '"," eller "}"' });
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else return expect(']', { en: '"," or "]"', da: '"," eller "]"' });
      }
    } else if (c === '"') {
      string();
    } else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
      if (!m) fail({ en: `${describe().en}, expected a value`, da: `${describe().da}, forventede en værdi` });
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail({ en: `${describe().en} after the end of the JSON`, da: `${describe().da} efter slutningen af JSON` });
    return undefined;
  } catch (e) {
    const at = (e as { at?: number }).at ?? i;
    const before = text.slice(0, at).split('\n');
    const da = (e as { da?: string }).da ?? (e as Error).message;
    return { line: before.length, column: before[before.length - 1]!.length + 1, message: (e as Error).message, da };
  }
}
