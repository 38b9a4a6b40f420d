import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuestionSet, QuestionSetError, type LocalizedText, type QuestionSet } from '../shared/question-set.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SET_FILE = join(here, 'vejen-til-en-ny-forvaltningspolitik.json');
const SOURCE_FILE = join(here, 'sources', 'vejen-til-en-ny-forvaltningspolitik.txt');

const raw: unknown = JSON.parse(readFileSync(SET_FILE, 'utf8'));
const source = readFileSync(SOURCE_FILE, 'utf8');
const set: QuestionSet = parseQuestionSet(raw, SET_FILE);

/** The 15 discussion questions, letter for letter as in the slide deck, in order. */
const QUESTIONS: [id: string, da: string][] = [
  ['q1-1', 'Virker din resultatstyring som ønsket?'],
  ['q1-2', 'Hvor mange mål arbejder I med pt.?'],
  ['q1-3', 'Er de strategiske mål præcist nok formuleret?'],
  ['q1-4', 'Hvordan indtænkes evidens?'],
  ['q2-1', 'Bliver de politiske mål oversat klart?'],
  ['q2-2', 'Hvor meget reel indflydelse har fagprofessionerne?'],
  ['q2-3', 'Hvor godt fungerer det tværgående samarbejde i din kommune?'],
  ['q2-4', 'Har alle indblik i og forståelse for hinandens mål?'],
  ['q3-1', 'Ser vi på borgernes problemer og serviceydelser, ud fra borgerens vinkel – på tværs af fagligheder?'],
  ['q3-2', 'Er der enighed om behovet for tværfaglighed – i alle dele af organisationen?'],
  ['q3-3', 'Giver vi os tid til at lære af de bedste – såvel i eget hus som blandt andre kommuner?'],
  ['q4-1', 'Er der brug for, at det politiske overblik forbedres i kommunalbestyrelsen?'],
  [
    'q4-2',
    'Understøtter balancen i udvalgene mellem politikforberedende og ”umiddelbar forvaltning” de aktuelle politiske vilkår og udfordringer?',
  ],
  ['q4-3', 'Styrelsesloven giver bredde rammer - har vi selv skabt en stram forvaltningspolitisk regulering?'],
  ['q4-4', 'Er der behov for nye samarbejdsrelationer mellem politikere, de ansatte og borgerne?'],
];

/** Danish strings of the set that are taken from the deck (not the source line or the response labels). */
function deckStrings(s: QuestionSet): { where: string; da: string }[] {
  const out: { where: string; da: string }[] = [];
  out.push({ where: 'title', da: s.title.da });
  if (s.subtitle) out.push({ where: 'subtitle', da: s.subtitle.da });
  if (s.context) {
    out.push({ where: 'context.title', da: s.context.title.da });
    s.context.points.forEach((p, i) => {
      out.push({ where: `context.points[${i}].heading`, da: p.heading.da });
      if (p.text) out.push({ where: `context.points[${i}].text`, da: p.text.da });
    });
  }
  s.themes.forEach((th, t) => {
    out.push({ where: `themes[${t}].title`, da: th.title.da });
    th.statements.forEach((st, i) => {
      out.push({ where: `themes[${t}].statements[${i}].text`, da: st.text.da });
      st.details.forEach((d, j) => out.push({ where: `themes[${t}].statements[${i}].details[${j}]`, da: d.da }));
    });
    if (th.description) out.push({ where: `themes[${t}].description`, da: th.description.da });
    if (th.note) out.push({ where: `themes[${t}].note`, da: th.note.da });
    th.questions.forEach((q, i) => {
      // The statements poll's prompt is ours; the statements it lists are the deck's.
      if (q.response.type === 'statements') {
        q.response.statements.forEach((st, j) => out.push({ where: `themes[${t}].questions[${i}].statements[${j}]`, da: st.da }));
      } else {
        out.push({ where: `themes[${t}].questions[${i}].text`, da: q.text.da });
      }
    });
  });
  return out;
}

/** Every LocalizedText anywhere in the set, with its path. */
function allLocalized(value: unknown, path = ''): { path: string; text: LocalizedText }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => allLocalized(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.da === 'string') return [{ path, text: obj as LocalizedText }];
    return Object.entries(obj).flatMap(([k, v]) => allLocalized(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** Seed lines without bullet glyphs, leading "- " markers and "1. " numbering. */
const sourceLines = new Set(
  source
    .split('\n')
    .map((l) => l.replace(/^\s*(?:-\s*)?(?:❖\s*)?(?:\d+\.\s+)?/u, '').trim())
    .filter(Boolean),
);

describe('built-in question set: Vejen til en ny forvaltningspolitik', () => {
  it('parses with parseQuestionSet', () => {
    expect(() => parseQuestionSet(raw, SET_FILE)).not.toThrow();
    expect(set.id).toBe('vejen-til-en-ny-forvaltningspolitik');
    expect(set.version).toBe(1);
  });

  const discussion = (t: QuestionSet['themes'][number]) => t.questions.filter((q) => q.response.type !== 'statements');

  it('has the four themes in order with 4, 4, 3 and 4 discussion questions', () => {
    expect(set.themes.map((t) => t.title.da)).toEqual([
      'Færre mål og mere ledelse',
      'Skab fælles forståelse',
      'Sæt borgeren i centrum',
      'Mere folkestyre',
    ]);
    expect(set.themes.map((t) => discussion(t).length)).toEqual([4, 4, 3, 4]);
    expect(set.themes.flatMap(discussion)).toHaveLength(15);
  });

  it('has the 15 questions letter for letter, in order, with q<theme>-<n> ids', () => {
    const actual = set.themes.flatMap((t) => discussion(t).map((q) => [q.id, q.text.da]));
    expect(actual).toEqual(QUESTIONS);
  });

  it('ends each theme with a statements poll of the theme statements, verbatim and in order', () => {
    for (const [i, theme] of set.themes.entries()) {
      const last = theme.questions[theme.questions.length - 1]!;
      expect(last.id).toBe(`u${i + 1}`);
      expect(last.response.type).toBe('statements');
      if (last.response.type !== 'statements') continue;
      expect(last.response.statements.map((s) => s.da)).toEqual(theme.statements.map((s) => s.text.da));
    }
  });

  it.each(QUESTIONS)('question %s occurs verbatim in the deck', (_id, da) => {
    expect(source).toContain(da);
  });

  it('every Danish string taken from the deck occurs in it verbatim', () => {
    const missing = deckStrings(set).filter(({ da }) => !source.includes(da));
    expect(missing).toEqual([]);
  });

  it('statements, details, notes and questions are whole lines of the deck (not fragments)', () => {
    const partial = deckStrings(set)
      .filter(({ where }) => /statements|note|description|questions|context\.points/.test(where))
      .filter(({ da }) => !sourceLines.has(da));
    expect(partial).toEqual([]);
  });

  it('keeps the typographic marks of the deck', () => {
    const all = deckStrings(set).map((s) => s.da);
    expect(all).toContain('Forenkle styringen - undgå komplekse styringssystemer');
    expect(all).toContain('Topledelsen skal turde sætte egen organisation ”i spil”');
    expect(all).toContain('Dialogen med professionerne om effekt, evidens og styring er indledt – men lang vej igen');
    // A line of the deck the room reads on the slide: the theme's description, not a facilitator note.
    expect(set.themes[1]!.description?.da).toBe(
      'Dialogen med professionerne om effekt, evidens og styring er indledt – men lang vej igen',
    );
    expect(all.join('\n')).not.toMatch(/❖|^\d+\. |^- /mu);
  });

  it('has four context points', () => {
    expect(set.context?.title.da).toBe('4 givne dagsordener');
    expect(set.context?.points.map((p) => p.heading.da)).toEqual([
      'Permanent stram offentlig økonomi',
      'Stort innovationsbehov',
      'Øget produktivitet og effektivitet',
      'Vækst',
    ]);
  });

  it('gives every LocalizedText a non-empty English text', () => {
    const texts = allLocalized(set);
    expect(texts.length).toBeGreaterThan(100);
    const noEnglish = texts.filter(({ text }) => !text.en || text.en.trim() === '').map(({ path }) => path);
    expect(noEnglish).toEqual([]);
  });

  it('has one number question (q1-2), one text question (q1-4), 13 scale questions and 4 statements polls', () => {
    const questions = set.themes.flatMap((t) => t.questions);
    expect(questions.filter((q) => q.response.type === 'statements').map((q) => q.id)).toEqual(['u1', 'u2', 'u3', 'u4']);
    const ofType = (type: string) => questions.filter((q) => q.response.type === type).map((q) => q.id);
    expect(ofType('number')).toEqual(['q1-2']);
    expect(ofType('text')).toEqual(['q1-4']);
    expect(ofType('scale')).toHaveLength(13);
    for (const q of questions) {
      if (q.response.type === 'scale') {
        expect(q.response, q.id).toMatchObject({ min: 1, max: 5, dontKnow: true });
      }
    }
  });
});

describe('parseQuestionSet errors', () => {
  const FILE = 'questions/broken.json';
  const clone = (): any => structuredClone(raw);

  function errorOf(data: unknown): QuestionSetError {
    try {
      parseQuestionSet(data, FILE);
    } catch (e) {
      expect(e).toBeInstanceOf(QuestionSetError);
      return e as QuestionSetError;
    }
    throw new Error('expected parseQuestionSet to throw');
  }

  it('names the file and the path of a missing themes field', () => {
    const data = clone();
    delete data.themes;
    const err = errorOf(data);
    expect(err.file).toBe(FILE);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain('at themes:');
    expect(err.problems.map((p) => p.path)).toEqual(['themes']);
  });

  it('names the file and the path of a question with a wrong response type', () => {
    const data = clone();
    data.themes[0].questions[1].response.type = 'slider';
    const err = errorOf(data);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain('at themes[0].questions[1].response.type:');
    expect(err.problems.map((p) => p.path)).toEqual(['themes[0].questions[1].response.type']);
  });

  it('names the file and the path of a duplicate question id', () => {
    const data = clone();
    data.themes[0].questions[1].id = 'q1-1';
    const err = errorOf(data);
    expect(err.message).toContain(FILE);
    expect(err.message).toContain('themes[0].questions[1].id');
    expect(err.message).toContain('duplicate question id "q1-1"');
  });

  it('names the path of a duplicate question id across themes', () => {
    const data = clone();
    data.themes[3].questions[2].id = 'q2-2';
    const err = errorOf(data);
    expect(err.problems).toEqual([{ path: 'themes[3].questions[2].id', message: 'duplicate question id "q2-2"', da: expect.stringContaining('"q2-2" er brugt før') }]);
  });
});
