// The heavy formats off the event loop. exceljs and docx build their XML synchronously: for a
// room of 2,000 an XLSX takes seconds, and on the main thread every phone would wait that long
// for its next view. So the server renders DOCX and XLSX in one worker thread, started on the
// first such export and stopped after a minute without one. The summary model is built on the
// main thread (tens of milliseconds) and copied to the worker.
import { Worker } from 'node:worker_threads';
import type { CampaignView } from '../../shared/campaign/view.ts';
import type { SessionState } from '../../shared/session/state.ts';
import { buildSummary, type Summary } from '../../shared/summary/summary.ts';
import { CONTENT_TYPES, renderSummary, type Format, type RenderOptions, type Rendered } from './render.ts';
import type { Job, Reply } from './render-worker.ts';

const IDLE_MS = 60_000;

type Pending = { resolve: (body: Buffer) => void; reject: (error: Error) => void };
let worker: Worker | null = null;
let idle: NodeJS.Timeout | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/** What the server does: the model now, synchronously (no event interleaves), the bytes maybe in the worker. */
export function renderForServer(state: SessionState, format: Format, options: RenderOptions = {}): Promise<Rendered> {
  return renderOffThread(buildSummary(state, { exactRoles: options.exactRoles === true, facilitatorNotes: options.facilitatorNotes === true }), format, options);
}

export async function renderOffThread(summary: Summary, format: Format, options: RenderOptions = {}): Promise<Rendered> {
  if (format !== 'docx' && format !== 'xlsx') return renderSummary(summary, format, options);
  const body = await inWorker({ id: nextId++, summary, format });
  return { body, contentType: CONTENT_TYPES[format], fileName: `raadslag-${summary.code}.${format}` };
}

/** A campaign's Word or Excel summary, rendered in the same worker (200 workshops: seconds). */
export function renderCampaignOffThread(campaign: CampaignView, format: 'docx' | 'xlsx'): Promise<Buffer> {
  return inWorker({ id: nextId++, campaign, format });
}

function inWorker(job: Job): Promise<Buffer> {
  clearTimeout(idle);
  const w = (worker ??= start());
  return new Promise((resolve, reject) => {
    pending.set(job.id, { resolve, reject });
    w.postMessage(job);
  });
}

function start(): Worker {
  // The entry registers tsx itself (execArgv: [] so a loader flag is not inherited twice).
  const w = new Worker(new URL('./render-worker.mjs', import.meta.url), { execArgv: [] });
  w.unref(); // an idle export worker never keeps the process alive
  w.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) p?.reject(new Error(`export failed in the worker: ${reply.error}`));
    else p?.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    if (pending.size === 0) idle = setTimeout(stop, IDLE_MS).unref();
  });
  const fail = (error: Error) => {
    if (worker === w) worker = null;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the export worker stopped (exit code ${code})`)));
  return w;
}

/** Stops the worker (idle, or at shutdown); the next export starts a new one. */
export async function stop(): Promise<void> {
  clearTimeout(idle);
  const w = worker;
  worker = null;
  await w?.terminate();
}
