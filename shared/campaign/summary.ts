// The campaign summary in the text formats: Markdown (to file or paste) rendered from the
// document's blocks (document.ts), CSV for a spreadsheet (one row per shown or hidden group;
// the same rows feed the Excel file) and JSON as the view itself. Words: summary-words.ts.
import { escapeMd } from '../summary/escape.ts';
import { labels } from '../summary/labels.ts';
import type { CombinedCell, CombinedQuestion } from './combine.ts';
import { campaignDocument, type Block, type ListItem } from './document.ts';
import { WORDS, headline } from './summary-words.ts';
import type { CampaignView } from './view.ts';


export const CAMPAIGN_SCHEMA_VERSION = 1;

const row = (cells: string[]) => `| ${cells.map(escapeMd).join(' | ')} |`;
const rule = (numeric: boolean[]) => `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
const inline = (i: ListItem) => `${i.strong ? `**${escapeMd(i.strong)}**` : ''}${escapeMd(i.text)}`;

function markdownBlock(b: Block): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${escapeMd(b.text)}`, ''];
    case 'paragraph':
      return [inline(b), ''];
    case 'list':
      return [...b.items.map((i) => `- ${inline(i)}`), ''];
    case 'table':
      return [...(b.caption ? [`### ${escapeMd(b.caption)}`, ''] : []), row(b.head), rule(b.numeric), ...b.rows.map(row), ''];
  }
}

export function renderCampaignMarkdown(view: CampaignView): string {
  return `${campaignDocument(view).flatMap(markdownBlock).join('\n').trimEnd()}\n`;
}

/** A cell of the results' rows: numbers stay numbers (the Excel file sums them). */
export type RowCell = string | number | null;

/** One row per group of every question: shown ones with their figures, hidden ones marked. */
/** One row per group of every question (shown with figures, hidden marked): for CSV and Excel. */
export function campaignRows(view: CampaignView): { head: string[]; rows: RowCell[][] } {
  const l = labels(view.lang);
  const w = WORDS[view.lang];
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  const head = [w.question, w.group, w.workshop, w.label, w.role, w.people, l.t('count'), cap(w.dontKnow), cap(w.median), w.result];
  const kinds: [string, (q: CombinedQuestion) => CombinedCell[]][] = [
    [w.everyone, (q) => [q.overall]],
    [w.byWorkshop, (q) => q.byWorkshop],
    [w.byLabel, (q) => q.byLabel],
    [w.byRole, (q) => q.byRole],
    [`${w.byWorkshop} × ${w.role.toLowerCase()}`, (q) => q.byWorkshopRole],
    [`${w.byLabel} × ${w.role.toLowerCase()}`, (q) => q.byLabelRole],
  ];
  const rows: RowCell[][] = [];
  for (const q of view.questions) {
    for (const [kind, cellsOf] of kinds) {
      for (const c of cellsOf(q)) {
        if (!c.hidden && c.people === 0) continue;
        const r = c.hidden ? null : c.results;
        rows.push([
          q.id,
          kind,
          c.key.workshop ?? '',
          c.key.label ?? '',
          c.key.role ? l.role(c.key.role) : '',
          c.hidden ? null : c.people,
          r ? r.n : null,
          r && 'dontKnow' in r ? r.dontKnow : null,
          r && (r.type === 'scale' || r.type === 'number') ? r.median : null,
          c.hidden ? w.hidden : headline(r, q, l, w),
        ]);
      }
    }
  }
  return { head, rows };
}

export function renderCampaignCsv(view: CampaignView, delimiter: ',' | ';' = view.lang === 'da' ? ';' : ','): string {
  const l = labels(view.lang);
  const { head, rows } = campaignRows(view);
  // Formula-looking text is quoted and prefixed, so a spreadsheet never runs it.
  const text = (s: string) => (/[",;\t\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);
  // The median in the language's own decimals; counts as digits.
  const cell = (v: RowCell, i: number) => (v === null ? '' : typeof v === 'number' ? (i === 8 ? text(l.num(v)) : String(v)) : text(v));
  const lines = [head.map(text), ...rows.map((r) => r.map(cell))];
  return `\uFEFF${lines.map((cells) => cells.join(delimiter)).join('\r\n')}\r\n`;
}

export function renderCampaignJson(view: CampaignView): string {
  return `${JSON.stringify({ schemaVersion: CAMPAIGN_SCHEMA_VERSION, kind: 'campaign', ...view }, null, 2)}\n`;
}
