// Words for the word cloud of open-text answers: Danish (and English) stop words dropped,
// inflections grouped by the Danish Snowball stemmer (from nlp.js), counted incrementally
// as answers come and go – never by re-reading all answers.
import { StemmerDa } from '@nlpjs/lang-da';
import stopwords from 'stopwords-iso';

const stemmer = new StemmerDa();
const STOP = new Set<string>([...(stopwords.da ?? []), ...(stopwords.en ?? [])]);
export const WORD_CLOUD_SIZE = 30;

/** stem → count, and stem → surface form → count (to show the commonest spelling). */
export type WordCounts = { stems: Record<string, number>; forms: Record<string, Record<string, number>> };

export function emptyWords(): WordCounts {
  return { stems: {}, forms: {} };
}

export function words(text: string): { stem: string; form: string }[] {
  const out: { stem: string; form: string }[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    const form = match[0];
    if (form.length < 3 || STOP.has(form) || /^\d+$/.test(form)) continue;
    out.push({ stem: stemmer.stemWord(form), form });
  }
  return out;
}

export function countWords(w: WordCounts, text: string, delta: number): void {
  for (const { stem, form } of words(text)) {
    const n = (w.stems[stem] ?? 0) + delta;
    if (n <= 0) delete w.stems[stem];
    else w.stems[stem] = n;
    const forms = (w.forms[stem] ??= {});
    const f = (forms[form] ?? 0) + delta;
    if (f <= 0) delete forms[form];
    else forms[form] = f;
    if (n <= 0) delete w.forms[stem];
  }
}

/** The most frequent words, each shown in its commonest form. */
export function topWords(w: WordCounts, limit = WORD_CLOUD_SIZE): { word: string; count: number }[] {
  return Object.entries(w.stems)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'da'))
    .slice(0, limit)
    .map(([stem, count]) => {
      const forms = Object.entries(w.forms[stem] ?? {}).sort((a, b) => b[1] - a[1] || a[0].length - b[0].length);
      return { word: forms[0]?.[0] ?? stem, count };
    });
}
