// Question set → Markdown, the inverse of parseMarkdown: parse(serialize(set)) equals the set.
// Ids are written only where they differ from the ones the parser would give, and response
// options only where they differ from the schema's defaults, so the file stays as short as a
// hand-written one.
import { DESCRIPTION } from './parse.ts';
import { assertNever } from '../assert-never.ts';
import type { Context, LocalizedText, QuestionSet, ResponseSpec, Theme } from '../question-set.ts';
import { defaultQuestionId, defaultThemeId } from './ids.ts';
import { formatSpec } from './spec.ts';
import { encodeLocalized as text, encodeText } from './text.ts';

export function serializeMarkdown(set: QuestionSet): string {
  const out: string[] = ['---', `id: ${encodeText(set.id)}`, `title: ${text(set.title)}`];
  if (set.subtitle) out.push(`subtitle: ${text(set.subtitle)}`);
  if (set.source) out.push(`source: ${text(set.source)}`);
  out.push('---', '');
  if (set.context) context(set.context, out);
  const used = new Set<string>();
  set.themes.forEach((theme, t) => {
    themeSection(theme, t, defaultThemeId(theme.title.da, used), out);
    used.add(theme.id);
  });
  return out.join('\n').trimEnd() + '\n';
}

function context(c: Context, out: string[]): void {
  out.push(`# Kontekst: ${text(c.title)}`, '');
  for (const point of c.points) {
    out.push(`- ${text(point.heading)}`);
    if (point.text) out.push(`  - ${text(point.text)}`);
  }
  out.push('');
}

function themeSection(theme: Theme, t: number, defaultId: string, out: string[]): void {
  out.push(`# Tema: ${text(theme.title)}${theme.id === defaultId ? '' : ` {#${theme.id}}`}`, '');
  if (theme.description) out.push(`Beskrivelse: ${text(theme.description)}`, '');
  // A note that itself starts "Beskrivelse:" keeps its colon escaped, so it stays a note.
  if (theme.note) out.push(text(theme.note).replace(DESCRIPTION, (m) => m.replace(':', '\\:')), '');
  if (theme.statements.length) {
    for (const s of theme.statements) {
      out.push(`> - ${text(s.text)}`);
      for (const d of s.details) out.push(`>   - ${text(d)}`);
    }
    out.push('');
  }
  theme.questions.forEach((q, i) => {
    const id = q.id === defaultQuestionId(t, i) ? undefined : q.id;
    out.push(`- ${text(q.text)} ${formatSpec(q.response, id, q.method)}`);
    for (const item of listed(q.response)) out.push(`  - ${text(item)}`);
  });
  out.push('');
}

/** The lines under a question: options, items or statements; a new type does not compile until it says which. */
function listed(r: ResponseSpec): LocalizedText[] {
  switch (r.type) {
    case 'choice':
      return r.options;
    case 'ranking':
      return r.items;
    case 'statements':
      return r.statements;
    case 'scale':
    case 'number':
    case 'text':
      return [];
    default:
      return assertNever(r);
  }
}
