// JSON: the summary model itself (see docs/summary-json.md), indented for reading, except the raw
// answers, one compact object per line: a room of 2,000 has 40,000 of them, and indenting each
// would double the file without helping anyone read it.
import type { Summary } from './summary.ts';

export function renderJson(s: Summary): string {
  const { answers, ...rest } = s;
  const head = JSON.stringify(rest, null, 2);
  const rows = answers.map((a) => `    ${JSON.stringify(a)}`).join(',\n');
  const list = answers.length ? `[\n${rows}\n  ]` : '[]';
  return `${head.slice(0, -2)},\n  "answers": ${list}\n}\n`;
}
