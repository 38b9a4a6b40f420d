// CSV of the answers sheet: RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a BOM so Excel
// reads æøå. A text cell that a spreadsheet would run as a formula (= + - @, tab, CR first) is
// prefixed with a single quote: a participant's answer must never become a formula.
import { answerSheet, type AnswerCell } from '../../shared/summary/answer-rows.ts';
import type { Summary } from '../../shared/summary/summary.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises a text cell against formula injection (OWASP "CSV injection"). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(cell: AnswerCell): string {
  // Numbers are the app's own (scale points, whole numbers): written as they are.
  if (typeof cell === 'number') return String(cell);
  const text = neutralise(typeof cell === 'string' ? cell : cell.time);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(s: Summary): string {
  const { head, rows } = answerSheet(s);
  const lines = [head, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
