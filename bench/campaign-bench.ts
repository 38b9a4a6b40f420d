// Campaign benchmark (issue 18): 200 workshops × 50 participants, every question of the built-in
// set answered, built through the core (decide + evolve, as the server does). Measures, median of
// five each:
//   1. combined results – campaignView over all workshops (combine + suppression + actions);
//   2. the organiser view over HTTP – GET /api/campaigns/:id from a real server (a child process)
//      whose SQLite file holds the 200 workshops, the first request (logs read from disk) apart;
//   3. the organiser page in Chromium – from navigation until the last question's results show;
//   4. the campaign summary in each format.
//   npx tsx bench/campaign-bench.ts [--workshops 200] [--participants 50] [--no-browser] [--screenshot FILE.png]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ROLES, type AnswerValue } from '../shared/protocol.ts';
import { randomAnswers } from './random-answers.ts';
import type { ResponseSpec } from '../shared/question-set.ts';
import { seededRandom } from '../shared/session/actor.ts';
import { HOST, SET, answer, join, must, newWorld, open, type World } from '../shared/session/test-fixtures.ts';
import { campaignView, type AttachedWorkshop, type CampaignView } from '../shared/campaign/view.ts';
import { renderCampaignCsv, renderCampaignJson, renderCampaignMarkdown } from '../shared/campaign/summary.ts';
import { renderCampaignDocx } from '../server/export/campaign-docx.ts';
import { renderCampaignHtml } from '../server/export/campaign-html.ts';
import { renderCampaignXlsx } from '../server/export/campaign-xlsx.ts';
import { openSqliteStore } from '../server/store/sqlite-store.ts';
import { spawnServer } from '../server/testing/child-server.ts';
import { findChromium } from '../e2e/harness.ts';

const { values: flags } = parseArgs({
  options: {
    workshops: { type: 'string', default: '200' },
    participants: { type: 'string', default: '50' },
    'no-browser': { type: 'boolean', default: false },
    /** A PNG of the organiser page's first question, to look at. */
    screenshot: { type: 'string' },
  },
});
const WORKSHOPS = Number(flags.workshops);
const PARTICIPANTS = Number(flags.participants);
const RUNS = 5;
const LABELS = ['Aarhus', 'Odense', 'Aalborg', 'Esbjerg', 'Randers', 'Kolding', 'Horsens', 'Vejle'];
const random = seededRandom(20261202);

const answersFor = (spec: ResponseSpec): AnswerValue[] => randomAnswers(spec, random, { count: () => 1, text: () => `svar ${Math.floor(random() * 1e6)}` });

/** One workshop: 50 people of all roles answer every question; two decisions and an action noted. */
function workshop(index: number): World {
  const code = `W${String(index).padStart(5, '0')}`;
  const w = newWorld(SET, code);
  const questions = SET.themes.flatMap((t) => t.questions);
  for (const q of questions) open(w, q.id);
  for (let i = 0; i < PARTICIPANTS; i++) {
    const p = join(w, ROLES[(i + index) % ROLES.length]);
    for (const q of questions) for (const a of answersFor(q.response)) answer(w, p, q.id, a);
  }
  for (const q of questions) must(w, HOST, { type: 'closeAnswering', questionId: q.id });
  must(w, HOST, { type: 'addNote', scope: { kind: 'session' }, kind: 'decision', text: `Beslutning ${index}`, onScreen: false });
  must(w, HOST, { type: 'addNote', scope: { kind: 'session' }, kind: 'action', text: `Handling ${index}`, who: 'Kim', due: '2027-03-01', onScreen: false });
  must(w, HOST, { type: 'endSession' });
  return w;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed<T>(what: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await what();
  return { ms: performance.now() - t, value };
}
async function medianOf(what: () => Promise<unknown> | unknown): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < RUNS; i++) all.push((await timed(what)).ms);
  return { median: median(all), all: all.map((x) => Math.round(x)) };
}

/** The workshops into a SQLite file, as the server would have written them; the host token is known. */
async function writeStore(dataDir: string, worlds: World[], hostToken: string): Promise<void> {
  const store = openSqliteStore(dataDir, 'raadslag.db', 'normal');
  const tokenHash = createHash('sha256').update(hostToken).digest('hex');
  for (const w of worlds) {
    const code = w.state.code;
    const [first, ...rest] = w.events;
    await store.createSession({ code, hostTokenHash: tokenHash, questionSetId: SET.id, createdAt: Date.now() }, { code, seq: 1, clientKey: null, event: first! });
    await store.commit([{ kind: 'append', rows: rest.map((event, i) => ({ code, seq: i + 2, clientKey: null, event })) }]);
  }
  await store.close();
}

async function api<T>(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const worlds = Array.from({ length: WORKSHOPS }, (_, i) => workshop(i));
  const answers = worlds.reduce((n, w) => n + Object.values(w.state.runs).reduce((m, r) => m + Object.keys(r.entries).length, 0), 0);
  console.log(`campaign: ${WORKSHOPS} workshops × ${PARTICIPANTS} participants, ${answers} answers (built in ${Math.round(performance.now() - t0)} ms)`);
  const attached: AttachedWorkshop[] = worlds.map((w, i) => ({ code: w.state.code, label: LABELS[i % LABELS.length]!, heldOn: '2027-01-15', state: w.state }));
  const source = { id: 'bench', name: 'Vejen til en ny forvaltningspolitik', lang: 'da' as const, attachCode: 'BENCH23456' };

  const combined = await medianOf(() => campaignView(source, attached));
  const view: CampaignView = campaignView(source, attached);
  const json = JSON.stringify(view);
  console.log(`combined results (campaignView): median ${Math.round(combined.median)} ms of ${combined.all.join(', ')} – view ${Math.round(json.length / 1024)} KB as JSON`);
  const formats: Record<string, () => unknown> = {
    md: () => renderCampaignMarkdown(view),
    csv: () => renderCampaignCsv(view),
    json: () => renderCampaignJson(view),
    html: () => renderCampaignHtml(view),
    docx: () => renderCampaignDocx(view),
    xlsx: () => renderCampaignXlsx(view),
  };
  for (const [name, render] of Object.entries(formats)) {
    const r = await medianOf(render);
    const out = await render();
    const size = typeof out === 'string' ? Buffer.byteLength(out) : (out as Buffer).length;
    console.log(`summary ${name}: median ${Math.round(r.median)} ms, ${Math.round(size / 1024)} KB`);
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campaign-bench-'));
  const hostToken = 'bench-host-token-000000000000';
  await writeStore(dataDir, worlds, hostToken);
  const server = await spawnServer(dataDir);
  try {
    const campaign = await api<{ id: string; organiserToken: string; attachCode: string; organiserUrl: string }>(`${server.url}/api/campaigns`, { method: 'POST', body: { name: source.name } });
    for (const [i, w] of worlds.entries()) {
      await api(`${server.url}/api/sessions/${w.state.code}/campaign`, { method: 'POST', token: hostToken, body: { attachCode: campaign.attachCode, label: LABELS[i % LABELS.length], heldOn: '2027-01-15' } });
    }
    const get = () => api<CampaignView>(`${server.url}/api/campaigns/${campaign.id}`, { token: campaign.organiserToken });
    const first = await timed(get);
    const warm = await medianOf(get);
    const sent = await fetch(`${server.url}/api/campaigns/${campaign.id}`, { headers: { authorization: `Bearer ${campaign.organiserToken}`, 'accept-encoding': 'gzip' } });
    const size = `${Math.round(Number(sent.headers.get('content-length')) / 1024)} KB ${sent.headers.get('content-encoding') ?? ''}, ${Math.round(JSON.stringify(await sent.json()).length / 1024)} KB as JSON`;
    console.log(`organiser view over HTTP: first ${Math.round(first.ms)} ms (every workshop's log read and replayed), then median ${Math.round(warm.median)} ms of ${warm.all.join(', ')}; ${size}`);
    if (!flags['no-browser']) {
      const browser = await chromium.launch({
        executablePath: findChromium(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      });
      try {
        const lastQuestion = view.questions.at(-1)!.id;
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        // In the page's own clock: from the start of navigation to the frame in which the last
        // question's results are in the document (checked every animation frame).
        const load = async () => {
          await page.goto('about:blank');
          await page.goto(campaign.organiserUrl, { waitUntil: 'commit' });
          const handle = await page.waitForFunction((id) => document.getElementById(id) && performance.now(), `q-${lastQuestion}`, { polling: 'raf', timeout: 60_000 });
          return (await handle.jsonValue()) as number;
        };
        await load();
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) times.push(await load());
        console.log(`organiser page in Chromium (navigation start → last question shown): median ${Math.round(median(times))} ms of ${times.map(Math.round).join(', ')}`);
        // The first question's card: its chart, where workshops and roles agree and split, its tables.
        if (flags.screenshot) await page.locator('article.card').first().screenshot({ path: flags.screenshot });
      } finally {
        await browser.close();
      }
    }
  } finally {
    server.process.kill('SIGKILL');
    await server.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
