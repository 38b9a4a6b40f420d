// The campaign summary as a workbook to compute with: the workshops, every group's figures (the
// CSV's rows, numbers as numbers, hidden groups marked) and every decision and action with its
// follow-up. The session summary's sheet layout: frozen, filtered header row, A4 landscape.
import ExcelJS from 'exceljs';
import { campaignRows } from '../../shared/campaign/summary.ts';
import { WORDS } from '../../shared/campaign/summary-words.ts';
import type { CampaignView } from '../../shared/campaign/view.ts';
import { labels } from '../../shared/summary/labels.ts';
import { sheet, type Cell } from './xlsx.ts';

export async function renderCampaignXlsx(view: CampaignView): Promise<Buffer> {
  const l = labels(view.lang);
  const w = WORDS[view.lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rådslag';
  wb.title = `${w.campaign}: ${view.name}`;
  const labelName = (label: string) => label || w.noLabel;
  const workshops: Cell[][] = view.workshops.map((ws) => [ws.code, ws.title, labelName(ws.label), ws.heldOn, ws.participants, ws.ended ? w.ended : ws.started ? w.running : w.notStarted]);
  sheet(wb, w.workshops, [w.workshop, w.title, w.label, w.heldOn, l.t('participants'), w.status], workshops, [12, 40, 24, 12, 12, 14]);
  const { head, rows } = campaignRows(view);
  sheet(wb, w.result, head, rows, [10, 24, 12, 16, 28, 14, 10, 10, 10, 44]);
  const actions: Cell[][] = view.actions.map((a) => {
    const review = a.followUp?.[0];
    return [a.workshop, labelName(a.label), a.kind === 'decision' ? w.decision : w.action, a.text, a.who ?? null, a.due ?? null, review ? w[`status_${review.status}`] : null, review?.reviewedIn ?? null];
  });
  sheet(wb, w.decisions, [w.workshop, w.label, w.kind, w.text, w.who, w.due, w.followUp, w.reviewedIn], actions, [12, 20, 14, 60, 20, 12, 14, 14]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
