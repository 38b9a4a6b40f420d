// The campaign summary as a Word document: the document's blocks (shared/campaign/document.ts)
// with Word's own Title and Heading styles (so the navigation pane works) and the session
// summary's tables (header rows repeated on every page). A4, page numbers in the footer, the
// document language on the default run style.
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import { campaignDocument, type Block, type ListItem } from '../../shared/campaign/document.ts';
import type { CampaignView } from '../../shared/campaign/view.ts';
import { labels } from '../../shared/summary/labels.ts';
import { table } from './docx.ts';

const LEVELS = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2] as const;
const runs = (i: ListItem) => [...(i.strong ? [new TextRun({ text: i.strong, bold: true })] : []), new TextRun(i.text)];

function block(b: Block): FileChild[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ text: b.text, heading: LEVELS[b.level - 1], keepNext: true })];
    case 'paragraph':
      return [new Paragraph({ children: runs(b) })];
    case 'list':
      return b.items.map((i) => new Paragraph({ children: runs(i), bullet: { level: 0 } }));
    case 'table':
      return [
        ...(b.caption ? [new Paragraph({ text: b.caption, heading: HeadingLevel.HEADING_3, keepNext: true })] : []),
        table(b),
        // Word runs two tables in a row together: a paragraph keeps them apart.
        new Paragraph({ text: '' }),
      ];
  }
}

export async function renderCampaignDocx(view: CampaignView): Promise<Buffer> {
  const L = labels(view.lang);
  const blocks = campaignDocument(view);
  const title = blocks[0]?.kind === 'heading' ? blocks[0].text : view.name;
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ size: 18, children: [`Rådslag · ${L.t('page')} `, PageNumber.CURRENT, ` ${L.t('of')} `, PageNumber.TOTAL_PAGES] })] })],
  });
  const doc = new Document({
    creator: 'Rådslag',
    title,
    styles: { default: { document: { run: { font: 'Arial', size: 22, language: { value: L.locale } } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } },
        footers: { default: footer },
        children: blocks.flatMap(block),
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
