// The Markdown form and the JSON form describe the same sets: set → Markdown → set is the identity,
// for the built-in set, for a set using every response type and option, and for random texts full
// of the characters the syntax uses. A hand-written file (Notepad: CRLF, BOM, tabs) reads as meant.
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import builtIn from '../questions/vejen-til-en-ny-forvaltningspolitik.json';
import { parseQuestionSet, type LocalizedText, type QuestionSet } from './question-set.ts';
import { formatQuestionSet, parse, parseQuestionSetFile, serialize } from './question-set-md.ts';
import { EVERY_OPTION } from './question-set-md/fixture.ts';

const roundTrip = (set: QuestionSet) => parseQuestionSet(parse(serialize(set), 'round-trip.md'), 'again');

describe('set → Markdown → set is the identity', () => {
  it('for the built-in set, letter for letter', () => {
    const set = parseQuestionSet(builtIn, 'built-in');
    const md = serialize(set);
    expect(roundTrip(set)).toStrictEqual(set);
    // Danish survives as written: curly quotes, en dashes, æøå.
    expect(md).toContain('Topledelsen skal turde sætte egen organisation ”i spil”');
    expect(md).toContain('Styrke fokus på kerneydelserne – borgernes oplevelse');
    // Ids that follow the default scheme are left out; the others are written.
    expect(md).not.toContain('#q1-1');
    expect(md).toContain('{#u1 statements}');
  });

  it('for a set using every response type and option', () => {
    const set = parseQuestionSet(EVERY_OPTION, 'every-option');
    expect(roundTrip(set)).toStrictEqual(set);
    const md = serialize(set);
    expect(md).toContain('{scale 0-10 "Uenig" "Enig" no-dontknow}');
    expect(md).toContain('{text max 5 length 100 dots 6 dots-per-answer 3}');
    expect(md).toContain('{choice multiple other max 2}');
    // What the room sees and the facilitator's note stay apart, even when a note says "Beskrivelse:".
    expect(md).toContain('Beskrivelse: Set af salen');
    expect(md).toContain('Beskrivelse\\: kun en note');
  });

  it('reads a plain paragraph as the facilitator note and "Beskrivelse:" as what the room sees', () => {
    const md = ['---', 'title: T', '---', '', '# Tema: A', '', 'Kun til facilitator.', '', 'Beskrivelse: Til salen. | For the room.', '', '- Q? {text}', ''].join('\n');
    const theme = parseQuestionSetFile(md, 'x.md').themes[0]!;
    expect(theme.note).toEqual({ da: 'Kun til facilitator.' });
    expect(theme.description).toEqual({ da: 'Til salen.', en: 'For the room.' });
  });

  it('for the JSON form too', () => {
    const set = parseQuestionSet(EVERY_OPTION, 'every-option');
    expect(parseQuestionSetFile(formatQuestionSet(set, 'json'), 'x.json')).toStrictEqual(set);
    expect(parseQuestionSetFile(formatQuestionSet(set, 'md'), 'x.md')).toStrictEqual(set);
  });

  it('for random texts made of the characters the syntax itself uses', () => {
    const chars = [...'ab æøÅ”“–|{}\\"<>br/#-*+1.)[]!`~_=:&;\t\n'];
    const text = fc
      .array(fc.constantFrom(...chars), { minLength: 1, maxLength: 24 })
      .map((cs) => cs.join('').trim())
      .filter((s) => s.length > 0);
    const localized: fc.Arbitrary<LocalizedText> = fc.record({ da: text, en: text }, { requiredKeys: ['da'] });
    fc.assert(
      fc.property(localized, localized, localized, localized, (title, question, label, option) => {
        const set = parseQuestionSet(
          {
            id: 'fuzz',
            version: 1,
            title,
            context: { title, points: [{ heading: option, text: label }] },
            themes: [
              {
                id: 'tema',
                title,
                note: question,
                statements: [{ text: option, details: [label] }],
                questions: [
                  { id: 'a', text: question, response: { type: 'scale', min: 1, max: 5, minLabel: label, maxLabel: option } },
                  { id: 'b', text: question, response: { type: 'choice', options: [option, label] } },
                ],
              },
            ],
          },
          'fuzz',
        );
        expect(roundTrip(set)).toStrictEqual(set);
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});

describe('a hand-written file', () => {
  it('reads as meant: CRLF, a BOM and a blank first line from Notepad, tabs, lazy lines, comments and default ids', () => {
    const md = fs.readFileSync(new URL('./question-set-md/hand-written.md', import.meta.url), 'utf8');
    const set = parse(`\uFEFF\r\n${md.replace(/\n/g, '\r\n')}`, 'questions/min-workshop.md');
    expect(set.id).toBe('min-workshop');
    expect(set.title).toEqual({ da: 'Min workshop', en: 'My workshop' });
    expect(set.context?.points).toEqual([
      { heading: { da: 'Stram økonomi' }, text: { da: 'Omstilling indenfor kendte rammer' } },
      { heading: { da: 'Vækst', en: 'Growth' } },
    ]);
    const [theme, second] = set.themes;
    expect(theme?.id).toBe('faerre-maal-og-mere-ledelse');
    expect(theme?.note).toEqual({ da: 'En note til facilitator, skrevet over to linjer.' });
    expect(theme?.statements[1]).toEqual({ text: { da: 'En 3-strengt styringsmodel' }, details: [{ da: 'God ledelse', en: 'Good leadership' }] });
    expect(theme?.questions.map((q) => q.id)).toEqual(['q1-1', 'q1-2', 'q1-3', 'q1-4', 'rang', 'q1-6']);
    expect(theme?.questions[0]).toEqual({
      id: 'q1-1',
      text: { da: 'Virker din resultatstyring som ønsket?', en: 'Does your results-based management work as intended?' },
      response: { type: 'scale', min: 1, max: 5, minLabel: { da: 'Slet ikke' }, maxLabel: { da: 'I meget høj grad' }, dontKnow: true },
    });
    expect(theme?.questions[1]?.response).toEqual({ type: 'number', min: 0, max: 500, unit: { da: 'mål', en: 'goals' } });
    expect(theme?.questions[2]?.text.da).toBe('Hvordan indtænkes evidens – og af hvem?');
    expect(theme?.questions[3]?.response).toEqual({
      type: 'choice',
      options: [{ da: 'Stram økonomi', en: 'Tight finances' }, { da: 'Innovation' }, { da: 'Vækst' }],
      multiple: true,
      other: true,
    });
    expect(second?.id).toBe('sidste');
    expect(second?.questions[0]?.id).toBe('q2-1');
  });

  it('keeps a "#" at the end of a heading (Markdown would drop it as a closing sequence)', () => {
    const set = parse('---\ntitle: Uge #\n---\n# Tema: Mål nr. # | Goal # \n- Q {text}\n# Tema: B \\#\n- R {text}\n', 'x.md');
    expect(set.themes.map((t) => t.title)).toEqual([{ da: 'Mål nr. #', en: 'Goal #' }, { da: 'B #' }]);
    expect(set.title).toEqual({ da: 'Uge #' });
  });

  it('is named by its file when the front matter has no id', () => {
    const set = parse('---\ntitle: T\n---\n# Tema: A\n- Q {text}\n', '/x/Å Workshop 2.md');
    expect(set.id).toBe('aa-workshop-2');
  });
});

describe('the documented examples', () => {
  const firstMarkdownBlock = (file: string) => {
    const text = fs.readFileSync(new URL(file, import.meta.url), 'utf8');
    return /```markdown\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  };

  it.each(['../README.md', '../docs/question-sets.md'])('the example in %s is a valid set', (file) => {
    const set = parse(firstMarkdownBlock(file), file);
    expect(set.id).toBe('min-workshop');
    const types = set.themes.flatMap((t) => t.questions.map((q) => q.response.type));
    expect(new Set(types)).toEqual(new Set(['scale', 'number', 'text', 'choice', 'ranking', 'statements']));
  });
});
