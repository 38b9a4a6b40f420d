// The "Resultater" sheet: every question asked, one block each – its title and key result, then a
// table with a column for everyone and one per role and table shown (suppressed groups are named
// under the block, never given a column): counts per value with "Ved ikke" and "Andet", n, the
// median and quartiles; mean rank and ranked first per item; agree / disagree / pass per
// statement; text answers by votes. Earlier rounds of a re-vote get columns of their own.
// Numbers are numbers, so a municipality can compute with them.
import type { Labels } from '../../shared/summary/labels.ts';
import type { GroupFigures, Summary, SummaryQuestion, SummaryRound } from '../../shared/summary/summary.ts';

export type Cell = string | number | null;
export type Block = { title: string; headline: string; head: string[]; rows: Cell[][]; note?: string };

/** How many text answers the sheet lists per question, most votes first (all are on the raw sheet). */
export const TOP_TEXT_ANSWERS = 20;

type Column = { name: string; g: GroupFigures; round?: SummaryRound };

export function resultBlocks(s: Summary, L: Labels): Block[] {
  return s.themes.flatMap((t) => t.questions.filter((q) => q.asked).map((q) => block(q, L)));
}

function block(q: SummaryQuestion, L: Labels): Block {
  const columns = columnsOf(q, L);
  const row = (label: string, cell: (c: Column) => Cell) => [label, ...columns.map(cell)];
  const rows: Cell[][] = [];
  if (q.ranking) {
    q.ranking.forEach((r, i) => {
      const find = (c: Column) => c.g.ranking?.find((x) => x.item === r.item) ?? c.g.ranking?.[i];
      rows.push(row(`${r.item} – ${L.t('meanRank').toLowerCase()}`, (c) => find(c)?.meanRank ?? null));
      rows.push(row(`${r.item} – ${L.t('firstPlace').toLowerCase()}`, (c) => find(c)?.first ?? null));
    });
  } else if (q.statements) {
    q.statements.forEach((st) => {
      const find = (c: Column) => c.g.statements?.find((x) => x.text === st.text);
      for (const k of ['agree', 'disagree', 'pass'] as const) rows.push(row(`${st.text} – ${L.t(k).toLowerCase()}`, (c) => find(c)?.[k] ?? null));
    });
  } else if (q.type !== 'text') {
    q.bars.forEach((b, i) => rows.push(row(b.label, (c) => (c.round ? (c.round.bars[i]?.count ?? null) : (c.g.counts[i] ?? 0)))));
    if (q.type === 'scale' || q.dontKnow > 0) rows.push(row(L.t('dontKnow'), (c) => c.g.dontKnow));
    if (q.type === 'choice') rows.push(row(L.t('other'), (c) => c.g.other ?? 0));
  }
  rows.push(row(q.type === 'text' ? L.t('answers') : L.t('n'), (c) => c.g.n));
  rows.push(row(L.t('respondents'), (c) => c.g.respondents));
  if (q.figures) {
    const f = (c: Column) => (c.round ? c.round.figures : c.name === L.t('all') ? q.figures : null);
    rows.push(row(L.t('median'), (c) => f(c)?.median ?? c.g.median));
    rows.push(row(L.t('q1'), (c) => f(c)?.q1 ?? null), row(L.t('q3'), (c) => f(c)?.q3 ?? null), row(L.t('iqr'), (c) => f(c)?.iqr ?? null));
  }
  if (q.analog) rows.push(row(L.t('analog'), (c) => (c.name === L.t('all') ? q.analog : null)));
  if (q.hidden) rows.push(row(L.t('hidden'), (c) => (c.name === L.t('all') ? q.hidden : null)));
  if (q.type === 'text') rows.push(...textRows(q, L, columns.length));
  const suppressed = [...q.byRole.filter((r) => r.suppressed).map((r) => L.role(r.role)), ...(q.byTable ?? []).filter((r) => r.suppressed).map((r) => L.t('tableN', { n: r.table }))];
  return {
    title: `${q.number} ${q.text}`,
    headline: q.headline,
    head: [q.ranking ? L.t('item') : q.statements ? L.t('statements') : L.t('value'), ...columns.map((c) => c.name)],
    rows,
    ...(suppressed.length ? { note: `${L.t('tooFew')}: ${suppressed.join(', ')}` } : {}),
  };
}

/** Everyone (the current round), the groups shown, then the earlier rounds of a re-vote. */
function columnsOf(q: SummaryQuestion, L: Labels): Column[] {
  const all: GroupFigures = {
    suppressed: false, respondents: q.respondents, n: q.n, dontKnow: q.dontKnow, median: q.figures?.median ?? null, counts: q.bars.map((b) => b.count),
    ...(q.other !== undefined ? { other: q.other } : {}), ...(q.ranking ? { ranking: q.ranking } : {}), ...(q.statements ? { statements: q.statements } : {}),
  };
  const cols: Column[] = [{ name: L.t('all'), g: all }];
  for (const r of q.byRole) if (!r.suppressed) cols.push({ name: L.role(r.role), g: r });
  for (const r of q.byTable ?? []) if (!r.suppressed) cols.push({ name: L.t('tableN', { n: r.table }), g: r });
  for (const r of q.rounds?.slice(0, -1) ?? []) {
    const g: GroupFigures = {
      suppressed: false, respondents: r.respondents, n: r.n, dontKnow: r.dontKnow, median: r.figures?.median ?? null, counts: r.bars.map((b) => b.count),
      ...(r.other !== undefined ? { other: r.other } : {}), ...(r.ranking ? { ranking: r.ranking } : {}), ...(r.statements ? { statements: r.statements } : {}),
    };
    cols.push({ name: L.t('round', { n: r.round }), g, round: r });
  }
  return cols;
}

/** Text: the answers with most votes (or the first ones, without voting), each with its votes. */
function textRows(q: SummaryQuestion, L: Labels, width: number): Cell[][] {
  if (q.answers.length === 0) return [];
  const voted = q.answers.some((a) => a.votes !== undefined);
  const top = voted ? [...q.answers].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0)) : q.answers;
  const pad = (cells: Cell[]) => [...cells, ...Array<Cell>(Math.max(0, width + 1 - cells.length)).fill(null)];
  return [
    pad([voted ? L.t('topAnswers') : L.t('textAnswers'), voted ? L.t('votes') : null]),
    ...top.slice(0, TOP_TEXT_ANSWERS).map((a) => pad([a.text, voted ? (a.votes ?? 0) : null])),
  ];
}
