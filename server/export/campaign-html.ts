// The campaign summary as one self-contained, accessible HTML page: the document's blocks
// (shared/campaign/document.ts) with the session summary's stylesheet, no scripts and no external
// requests (htmlPage's CSP meta tag forbids them), every text escaped. Print → Save as PDF gives the PDF.
import { campaignDocument, type Block, type ListItem } from '../../shared/campaign/document.ts';
import type { CampaignView } from '../../shared/campaign/view.ts';
import { escapeXml as h } from '../../shared/summary/escape.ts';
import { htmlPage } from './html.ts';

const inline = (i: ListItem) => `${i.strong ? `<strong>${h(i.strong)}</strong>` : ''}${h(i.text)}`;

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${h(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const cls = (i: number) => (b.numeric[i] ? ' class="num"' : '');
      const head = b.head.map((c, i) => `<th scope="col"${cls(i)}>${h(c)}</th>`).join('');
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${h(c)}</th>` : `<td${cls(i)}>${h(c)}</td>`)).join('')}</tr>`);
      const caption = b.caption ? `<caption>${h(b.caption)}</caption>` : '';
      return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
    }
  }
}

export function renderCampaignHtml(view: CampaignView): string {
  const blocks = campaignDocument(view);
  const title = blocks[0]?.kind === 'heading' ? blocks[0].text : view.name;
  return htmlPage(view.lang, title, `<main>\n${blocks.map(block).join('\n')}\n</main>`, `Rådslag · ${view.id}`);
}
