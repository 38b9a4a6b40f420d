// The schema reports field paths ("themes[0].questions[2].response.max"); a Markdown author needs
// the line and the word they wrote. The nearest recorded part gives the line; the rest of the path
// is said in the words of the Markdown form, in both languages.
import type { Msg, Problem } from '../question-set.ts';

export type LineProblem = { line: number; message: Msg };

/** Fields of a part, in the words of the Markdown form. */
const WORDS: Record<string, Msg> = {
  id: { en: '#id (or the front matter "id:")', da: '#id (eller "id:" øverst i filen)' },
  version: { en: 'version (only 1 exists)', da: 'version (kun 1 findes)' },
  title: { en: 'the title', da: 'titlen' },
  subtitle: { en: 'the subtitle', da: 'undertitlen' },
  source: { en: 'the source', da: 'kilden' },
  text: { en: 'the text', da: 'teksten' },
  heading: { en: 'the heading', da: 'overskriften' },
  note: { en: 'the note', da: 'noten' },
  description: { en: 'the description', da: 'beskrivelsen' },
  'response.min': { en: 'the range', da: 'intervallet' },
  'response.max': { en: 'the range', da: 'intervallet' },
  'response.minLabel': { en: 'the first label', da: 'den første etiket' },
  'response.maxLabel': { en: 'the second label', da: 'den anden etiket' },
  'response.maxAnswers': { en: 'max', da: 'max' },
  'response.maxLength': { en: 'length', da: 'length' },
  'response.voting.budget': { en: 'dots', da: 'dots' },
  'response.voting.maxPerAnswer': { en: 'dots-per-answer', da: 'dots-per-answer' },
  'response.maxChoices': { en: 'max', da: 'max' },
  'response.unit': { en: 'unit', da: 'unit' },
  'response.options': { en: 'the options (the indented items)', da: 'svarmulighederne (de indrykkede punkter)' },
  'response.items': { en: 'the items to rank (the indented items)', da: 'punkterne, der skal rangeres (de indrykkede punkter)' },
  'response.statements': { en: 'the statements (the indented items)', da: 'udsagnene (de indrykkede punkter)' },
  questions: { en: 'the questions (- … {type})', da: 'spørgsmålene (- … {type})' },
  statements: { en: 'the statements (> - …)', da: 'udsagnene (> - …)' },
  details: { en: 'the details (indented under the statement)', da: 'detaljerne (indrykket under udsagnet)' },
  themes: { en: 'the themes (# Tema: …)', da: 'temaerne (# Tema: …)' },
  points: { en: 'the points (- … under # Kontekst:)', da: 'punkterne (- … under # Kontekst:)' },
};

const LANGUAGE: Record<string, Msg> = {
  da: { en: ' (Danish, before "|")', da: ' (dansk, før "|")' },
  en: { en: ' (English, after "|")', da: ' (engelsk, efter "|")' },
};

export function locateProblems(problems: readonly Problem[], lines: ReadonlyMap<string, number>): LineProblem[] {
  return problems.map(({ path, message, da }) => {
    const known = nearest(path, lines);
    const rest = path.slice(known.length).replace(/^\./, '');
    // A problem with a recorded field itself ("id", "themes[0].note") is named by that field.
    const lang = /(?:^|\.)(da|en)$/.exec(rest)?.[1];
    const base = lang ? rest.slice(0, -lang.length).replace(/\.$/, '') : rest;
    const name = base || (/(?:^|\.)([a-zA-Z]+)$/.exec(known)?.[1] ?? '');
    const field = name ? (WORDS[name] ?? { en: name, da: name }) : undefined;
    const language = lang ? LANGUAGE[lang]! : { en: '', da: '' };
    const say = (l: keyof Msg, text: string) => (field ? `${field[l]}${language[l]}: ${text}` : text);
    return { line: lines.get(known) ?? 1, message: { en: say('en', message), da: say('da', da) } };
  });
}

/** The longest recorded path that the given path starts with ('' is always recorded). */
function nearest(path: string, lines: ReadonlyMap<string, number>): string {
  let best = '';
  for (const known of lines.keys()) {
    const within = path === known || path.startsWith(`${known}.`) || path.startsWith(`${known}[`);
    if (within && known.length > best.length) best = known;
  }
  return best;
}
