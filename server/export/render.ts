// One entry point for every summary format, used by the HTTP route and the CLI alike:
// session state → summary model → the bytes of one format, with its media type and file name.
import { renderJson } from '../../shared/summary/json.ts';
import { renderMarkdown } from '../../shared/summary/markdown.ts';
import { buildSummary, type Summary } from '../../shared/summary/summary.ts';
import type { SessionState } from '../../shared/session/state.ts';
import { renderCsv, type CsvDelimiter } from './csv.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderXlsx } from './xlsx.ts';

export const FORMATS = ['json', 'md', 'csv', 'html', 'docx', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

export type Rendered = { body: Buffer; contentType: string; fileName: string };

/**
 * `exactRoles`: the facilitator's explicit choice to keep small roles in the raw answers (every
 * file then says so first); `delimiter`: the CSV's separator (default: ";" for Danish, "," for English).
 */
export type RenderOptions = { exactRoles?: boolean; delimiter?: CsvDelimiter; facilitatorNotes?: boolean };

export async function renderSummary(summary: Summary, format: Format, options: RenderOptions = {}): Promise<Rendered> {
  const body = await bytes(summary, format, options);
  return { body, contentType: CONTENT_TYPES[format], fileName: `raadslag-${summary.code}.${format}` };
}

export function renderSession(state: SessionState, format: Format, options: RenderOptions = {}): Promise<Rendered> {
  return renderSummary(buildSummary(state, { exactRoles: options.exactRoles === true }), format, options);
}

async function bytes(s: Summary, format: Format, options: RenderOptions): Promise<Buffer> {
  switch (format) {
    case 'json':
      return Buffer.from(renderJson(s));
    case 'md':
      return Buffer.from(renderMarkdown(s));
    case 'csv':
      return Buffer.from(renderCsv(s, options.delimiter));
    case 'html':
      return Buffer.from(renderHtml(s));
    case 'docx':
      return renderDocx(s);
    case 'xlsx':
      return renderXlsx(s);
  }
}
