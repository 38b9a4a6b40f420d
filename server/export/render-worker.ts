// Runs in the export worker thread: renders DOCX or XLSX for each message and posts the bytes
// back, moved rather than copied. It stays up between exports so docx and exceljs load once.
import { parentPort } from 'node:worker_threads';
import type { CampaignView } from '../../shared/campaign/view.ts';
import type { Summary } from '../../shared/summary/summary.ts';
import { renderCampaignDocx } from './campaign-docx.ts';
import { renderCampaignXlsx } from './campaign-xlsx.ts';
import { renderDocx } from './docx.ts';
import { renderXlsx } from './xlsx.ts';

/** A session's summary, or a campaign's (its organiser view). */
export type Job = { id: number; format: 'docx' | 'xlsx' } & ({ summary: Summary } | { campaign: CampaignView });
export type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

function render(job: Job): Promise<Buffer> {
  if ('campaign' in job) return job.format === 'docx' ? renderCampaignDocx(job.campaign) : renderCampaignXlsx(job.campaign);
  return job.format === 'docx' ? renderDocx(job.summary) : renderXlsx(job.summary);
}

parentPort!.on('message', async (job: Job) => {
  const { id } = job;
  try {
    const body = await render(job);
    const bytes = new Uint8Array(body);
    parentPort!.postMessage({ id, bytes } satisfies Reply, [bytes.buffer]);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Reply);
  }
});
