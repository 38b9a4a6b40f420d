// Runs in the export worker thread: renders DOCX or XLSX for each message and posts the bytes
// back, moved rather than copied. It stays up between exports so docx and exceljs load once.
import { parentPort } from 'node:worker_threads';
import type { Summary } from '../../shared/summary/summary.ts';
import { renderDocx } from './docx.ts';
import { renderXlsx } from './xlsx.ts';

export type Job = { id: number; summary: Summary; format: 'docx' | 'xlsx' };
export type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

parentPort!.on('message', async ({ id, summary, format }: Job) => {
  try {
    const body = format === 'docx' ? await renderDocx(summary) : await renderXlsx(summary);
    const bytes = new Uint8Array(body);
    parentPort!.postMessage({ id, bytes } satisfies Reply, [bytes.buffer]);
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Reply);
  }
});
