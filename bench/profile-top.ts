// The top frames of a V8 CPU profile (a .cpuprofile from `npm run bench -- --cpu-prof DIR`): self
// time per function and per file, largest first, as Markdown tables for docs/performance.md.
//   npx tsx bench/profile-top.ts DIR/rooms/*.cpuprofile [--top 15] [--inclusive]
// --inclusive adds a table of total time per function, its callees included (each sample counted
// once per function on its stack): where a path's cost is spread over many small frames.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '15' }, inclusive: { type: 'boolean', default: false } } });
const top = Number(values.top);

/** A file as a reader knows it: our own under the repo, a package by its name, Node's own as node:. */
function where(url: string): string {
  if (!url) return '(V8 / native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url;
  const ours = /\/(shared|server|bench|client)\/(.*)$/.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : path.basename(url);
}

for (const file of positionals) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const files = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const name = functionName || '(anonymous)';
    const idle = name === '(idle)' || name === '(program)' || name === '(garbage collector)';
    const key = idle ? name : `${name} – ${where(url)}:${lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const f = idle ? name : where(url);
    files.set(f, (files.get(f) ?? 0) + us);
  }
  const busy = total - (fns.get('(idle)') ?? 0);
  const table = (title: string, m: Map<string, number>) => {
    console.log(`\n| ${title} | self ms | % of busy |\n|---|---|---|`);
    for (const [k, us] of [...m].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`| ${k.replace(/\|/g, '\\|')} | ${Math.round(us / 1000)} | ${((us / busy) * 100).toFixed(1)} |`);
    }
  };
  console.log(`\n${path.basename(file)}: ${Math.round(total / 1000)} ms profiled, ${Math.round(busy / 1000)} ms busy (not idle)`);
  table('function – file:line', fns);
  table('file or package', files);
  if (values.inclusive) table('function, callees included – file:line', inclusive(p, selfUs));
}

function keyOf(n: Node): string {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || '(anonymous)'} – ${where(url)}:${lineNumber + 1}`;
}

/** Total µs per function with everything it called: a node's self time goes to each distinct function on its path. */
function inclusive(p: Profile, selfUs: Map<number, number>): Map<string, number> {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)!;
      if (n.callFrame.functionName === '(root)' || n.callFrame.functionName === '(idle)') continue;
      seen.add(keyOf(n));
    }
    for (const k of seen) out.set(k, (out.get(k) ?? 0) + us);
  }
  return out;
}
