// CSV of the answers sheet: RFC 4180 (CRLF, quotes doubled), UTF-8 with a BOM so Excel reads
// æøå. The separator follows the session's language: Excel with Danish regional settings splits
// on ";" (the comma is the decimal mark there), English on ","; `delimiter` overrides. When the
// facilitator chose exact roles, the first line says so (before the header). A text cell that a spreadsheet would run as a formula (= + - @, tab, CR first) is
// prefixed with a single quote: a participant's answer must never become a formula.
import { answerSheet, type AnswerCell } from '../../shared/summary/answer-rows.ts';
import type { Summary } from '../../shared/summary/summary.ts';
import { labels } from '../../shared/summary/labels.ts';
import { rawRolesNotice } from '../../shared/summary/minutes.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell against formula injection (OWASP "CSV injection"). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export function isCsvDelimiter(value: unknown): value is CsvDelimiter {
  return typeof value === 'string' && (CSV_DELIMITERS as readonly string[]).includes(value);
}

export function csvCell(cell: AnswerCell, delimiter: CsvDelimiter = ','): string {
  // Numbers are the app's own (scale points, whole numbers): written as they are.
  if (typeof cell === 'number') return String(cell);
  const text = neutralise(typeof cell === 'string' ? cell : cell.time);
  return /[",;\t\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(s: Summary, delimiter: CsvDelimiter = s.lang === 'da' ? ';' : ','): string {
  const { head, rows } = answerSheet(s);
  const notice = rawRolesNotice(s, labels(s.lang));
  const lines = [...(notice ? [[notice]] : []), head, ...rows].map((row) => row.map((c) => csvCell(c, delimiter)).join(delimiter));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
