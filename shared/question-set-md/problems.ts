// The schema reports field paths ("themes[0].questions[2].response.max"); a Markdown author needs
// the line and the word they wrote. The nearest recorded part gives the line; the rest of the path
// is said in the words of the Markdown form.
export type LineProblem = { line: number; message: string };

/** Fields of a part, in the words of the Markdown form. */
const WORDS: Record<string, string> = {
  id: '#id (or the front matter "id:")',
  version: 'version (only 1 exists)',
  'response.min': 'the range',
  'response.max': 'the range',
  'response.minLabel': 'the first label',
  'response.maxLabel': 'the second label',
  'response.maxAnswers': 'max',
  'response.maxLength': 'length',
  'response.voting.budget': 'dots',
  'response.voting.maxPerAnswer': 'dots-per-answer',
  'response.maxChoices': 'max',
  'response.unit': 'unit',
  'response.options': 'the options (the indented items)',
  'response.items': 'the items to rank (the indented items)',
  'response.statements': 'the statements (the indented items)',
  questions: 'the questions (- … {type})',
  statements: 'the statements (> - …)',
  details: 'the details (indented under the statement)',
  themes: 'the themes (# Tema: …)',
  points: 'the points (- … under # Kontekst:)',
};

export function locateProblems(problems: readonly { path: string; message: string }[], lines: ReadonlyMap<string, number>): LineProblem[] {
  return problems.map(({ path, message }) => {
    const known = nearest(path, lines);
    const rest = path.slice(known.length).replace(/^\./, '');
    // A problem with a recorded field itself ("id", "themes[0].note") is named by that field.
    const lang = /(?:^|\.)(da|en)$/.exec(rest)?.[1];
    const base = lang ? rest.slice(0, -lang.length).replace(/\.$/, '') : rest;
    const field = base ? (WORDS[base] ?? base) : (/(?:^|\.)([a-zA-Z]+)$/.exec(known)?.[1] ?? '');
    const language = lang === 'en' ? ' (English)' : lang === 'da' ? ' (Danish)' : '';
    return { line: lines.get(known) ?? 1, message: field ? `${field}${language}: ${message}` : message };
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
