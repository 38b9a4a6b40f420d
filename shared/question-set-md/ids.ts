// Ids a Markdown file may leave out. The parser fills them in and the serializer writes an id
// only where it differs, so both must compute the same default from the same earlier ids.
import { slugify } from './text.ts';

/** A theme's id: its Danish title as a slug, made unique among the themes before it. */
export function defaultThemeId(titleDa: string, used: ReadonlySet<string>): string {
  const base = slugify(titleDa) || 'tema';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${slugify(base, 64 - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** A question's id: q<theme>-<question>, both counted from 1 – as in the built-in set. */
export function defaultQuestionId(themeIndex: number, questionIndex: number): string {
  return `q${themeIndex + 1}-${questionIndex + 1}`;
}
