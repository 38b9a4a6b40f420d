// Summary export benchmark: a session with 2,000 participants answering every question of the
// built-in set through the core (decide + evolve, as the server does), then each format rendered
// five times. Prints the median render time (model + format) and the output size per format.
//   npx tsx bench/summary-bench.ts [participants]
import { performance } from 'node:perf_hooks';
import { ROLES, type AnswerValue } from '../shared/protocol.ts';
import { randomAnswers } from './random-answers.ts';
import type { ResponseSpec } from '../shared/question-set.ts';
import { seededRandom } from '../shared/session/actor.ts';
import { HOST, SET, answer, join, must, newWorld, open } from '../shared/session/test-fixtures.ts';
import { buildSummary } from '../shared/summary/summary.ts';
import { FORMATS, renderSession } from '../server/export/render.ts';

const PARTICIPANTS = Number(process.argv[2] ?? 2000);
const RUNS = 5;
const random = seededRandom(20250314);
const WORDS = ['mål', 'data', 'dialog', 'borgeren', 'ledelse', 'tillid', 'evidens', 'styring', 'faglighed', 'samarbejde', 'tid', 'økonomi'];

function sentence(): string {
  const n = 4 + Math.floor(random() * 12);
  return Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' ');
}

const answersFor = (spec: ResponseSpec): AnswerValue[] => randomAnswers(spec, random, { count: (max) => 1 + Math.floor(random() * max), text: sentence });

function buildWorld() {
  const w = newWorld();
  const questions = SET.themes.flatMap((t) => t.questions);
  for (const q of questions) open(w, q.id);
  for (let i = 0; i < PARTICIPANTS; i++) {
    const p = join(w, ROLES[i % 5]);
    for (const q of questions) for (const a of answersFor(q.response)) answer(w, p, q.id, a);
  }
  for (const q of questions) must(w, HOST, { type: 'closeAnswering', questionId: q.id });
  return { w, questions: questions.length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const t0 = performance.now();
  const { w, questions } = buildWorld();
  const answers = Object.values(w.state.runs).reduce((n, r) => n + Object.keys(r.entries).length, 0);
  console.log(`session: ${PARTICIPANTS} participants, ${questions} questions, ${answers} answers, ${w.events.length} events (built in ${Math.round(performance.now() - t0)} ms)`);
  const model: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    buildSummary(w.state);
    model.push(performance.now() - t);
  }
  console.log(`${'model'.padEnd(6)} ${median(model).toFixed(1).padStart(8)} ms`);
  for (const format of FORMATS) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      size = (await renderSession(w.state, format)).body.length;
      times.push(performance.now() - t);
    }
    console.log(`${format.padEnd(6)} ${median(times).toFixed(1).padStart(8)} ms ${(size / 1024).toFixed(0).padStart(8)} KiB`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
