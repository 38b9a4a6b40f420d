// The tables and fact lines of a summary, format-neutral: Markdown, HTML and DOCX each lay out
// the same rows, so a number cannot differ between formats.
import type { Labels } from './labels.ts';
import { chartRows } from './chart.ts';
import type { GroupFigures, NoteScope, Summary, SummaryNote, SummaryQuestion, SummaryRound, TableSplit, TextAnswer } from './model.ts';

export type Table = { head: string[]; rows: string[][]; /** true: right-aligned (numbers) */ numeric: boolean[] };

export function participantsTable(s: Summary, L: Labels): Table {
  return {
    head: [L.t('role'), L.t('count')],
    rows: [...s.participants.byRole.map((r) => [L.role(r.role), L.num(r.count)]), [L.t('participantsTotal'), L.num(s.participants.total)]],
    numeric: [false, true],
  };
}

/**
 * The chart's data, one row per bar with "Ved ikke" or "Andet" last; for rankings and
 * statements (no chart) the table of items. Null for text questions.
 */
export function dataTable(q: SummaryQuestion, L: Labels): Table | null {
  if (q.ranking) {
    const rows = q.ranking.map((r) => [r.item, r.meanRank === null ? '–' : L.num(r.meanRank), L.num(r.first)]);
    return { head: [L.t('item'), L.t('meanRank'), L.t('firstPlace')], rows, numeric: [false, true, true] };
  }
  if (q.statements) {
    const rows = q.statements.map((st) => [
      st.text,
      L.num(st.agree),
      L.num(st.disagree),
      L.num(st.pass),
      st.label ? L.t(`statementLabel_${st.label}`) : '–',
    ]);
    return { head: [L.t('statements'), L.t('agree'), L.t('disagree'), L.t('pass'), L.t('agreement')], rows, numeric: [false, true, true, true, false] };
  }
  if (q.type === 'text') return null;
  const rows = chartRows(q).map((r) => [r.label, L.num(r.count), `${L.num(r.share)} %`]);
  if (q.dontKnow > 0) rows.push([L.t('dontKnow'), L.num(q.dontKnow), '–']);
  if (q.other) rows.push([L.t('other'), L.num(q.other), q.n > 0 ? `${L.num(Math.round((q.other / q.n) * 100))} %` : '–']);
  return { head: [q.type === 'choice' ? L.t('option') : L.t('value'), L.t('count'), L.t('share')], rows, numeric: [false, true, true] };
}

/** Per role: answers, and for scales and numbers "Ved ikke" and the median; a suppressed role says "for få svar". */
export function roleTable(q: SummaryQuestion, L: Labels): Table | null {
  return splitTable(q, L.t('role'), q.byRole.map((r) => [L.role(r.role), r]), L);
}

/** The same per table, where the session uses tables. */
export function tableSplitTable(q: SummaryQuestion, L: Labels): Table | null {
  return splitTable(q, L.t('table'), (q.byTable ?? []).map((r): [string, TableSplit] => [L.t('tableN', { n: r.table }), r]), L);
}

function splitTable(q: SummaryQuestion, first: string, groups: [string, SummaryQuestion['byRole'][number] | TableSplit][], L: Labels): Table | null {
  if (groups.length === 0) return null;
  const valued = q.type === 'scale' || q.type === 'number';
  const text = q.type === 'text';
  const head = valued ? [first, L.t('n'), L.t('dontKnow'), L.t('median')] : text ? [first, L.t('respondents'), L.t('answers')] : [first, L.t('n')];
  const rows = groups.map(([name, r]) => {
    if (r.suppressed) return [name, L.t('tooFew'), ...head.slice(2).map(() => '')];
    if (valued) return [name, L.num(r.n), L.num(r.dontKnow), r.median === null ? '–' : L.num(r.median)];
    if (text) return [name, L.num(r.respondents), L.num(r.n)];
    return [name, L.num(r.n)];
  });
  return { head, rows, numeric: head.map((_, i) => i > 0) };
}

/** Participants per table, when the session uses tables. */
export function participantTablesTable(s: Summary, L: Labels): Table | null {
  if (!s.participants.byTable) return null;
  return { head: [L.t('table'), L.t('count')], rows: s.participants.byTable.map((t) => [L.t('tableN', { n: t.table }), L.num(t.count)]), numeric: [false, true] };
}

export function hasAnswers(q: SummaryQuestion): boolean {
  return q.respondents > 0 || q.n + q.dontKnow > 0;
}

/**
 * Appendix: the figures of one question for everyone and for each group shown (roles, then
 * tables): counts per value with "Ved ikke" and "Andet", mean rank (ranked first) per item,
 * agree / disagree / pass per statement, the number of text answers; n last. Suppressed groups
 * have no column, unless the facilitator chose exact roles (then small roles have one).
 */
export function rawTable(q: SummaryQuestion, L: Labels): Table {
  const groups: [string, GroupFigures][] = [
    // A suppressed role has a column only with its exact figures (the facilitator's explicit choice).
    ...q.byRole.flatMap((r): [string, GroupFigures][] => (!r.suppressed ? [[L.role(r.role), r]] : r.exact ? [[L.role(r.role), { suppressed: false, ...r.exact }]] : [])),
    ...(q.byTable ?? []).flatMap((r): [string, GroupFigures][] => (r.suppressed ? [] : [[L.t('tableN', { n: r.table }), r]])),
  ];
  const all: GroupFigures = { suppressed: false, respondents: q.respondents, n: q.n, dontKnow: q.dontKnow, median: null, counts: q.bars.map((b) => b.count), ...(q.other !== undefined ? { other: q.other } : {}), ...(q.ranking ? { ranking: q.ranking } : {}), ...(q.statements ? { statements: q.statements } : {}) };
  const columns: GroupFigures[] = [all, ...groups.map(([, g]) => g)];
  const row = (label: string, cell: (g: GroupFigures) => string) => [label, ...columns.map(cell)];
  const rows: string[][] = [];
  if (q.ranking) {
    q.ranking.forEach((r, i) => rows.push(row(r.item, (g) => rankCell(g.ranking?.find((x) => x.item === r.item) ?? g.ranking?.[i], L))));
  } else if (q.statements) {
    q.statements.forEach((st) => rows.push(row(st.text, (g) => voteCell(g.statements?.find((x) => x.text === st.text), L))));
  } else {
    q.bars.forEach((b, i) => rows.push(row(b.label, (g) => L.num(g.counts[i] ?? 0))));
    if (q.dontKnow > 0 || groups.some(([, g]) => g.dontKnow > 0)) rows.push(row(L.t('dontKnow'), (g) => L.num(g.dontKnow)));
    if (q.type === 'choice') rows.push(row(L.t('other'), (g) => L.num(g.other ?? 0)));
  }
  rows.push(row(q.type === 'text' ? L.t('answers') : L.t('n'), (g) => L.num(g.n)));
  const first = q.ranking ? `${L.t('item')} (${L.t('meanRank').toLowerCase()}, ${L.t('firstPlace').toLowerCase()})` : q.statements ? `${L.t('statements')} (${[L.t('agree'), L.t('disagree'), L.t('pass')].join(' / ').toLowerCase()})` : L.t('value');
  const head = [first, L.t('all'), ...groups.map(([name]) => name)];
  return { head, rows, numeric: head.map((_, i) => i > 0) };
}

function rankCell(r: { meanRank: number | null; first: number } | undefined, L: Labels): string {
  return r && r.meanRank !== null ? `${L.num(r.meanRank)} (${L.num(r.first)})` : '–';
}

function voteCell(st: { agree: number; disagree: number; pass: number } | undefined, L: Labels): string {
  return st ? `${L.num(st.agree)} / ${L.num(st.disagree)} / ${L.num(st.pass)}` : '–';
}

/** "Skala 1–5 (Slet ikke – I meget høj grad)", "Tal (mål)", "Valg (flere valg mulige)", "Tekst". */
export function typeLine(q: SummaryQuestion, L: Labels): string {
  if (q.scale) return `${L.type('scale')} ${q.scale.min}–${q.scale.max} (${q.scale.minLabel} – ${q.scale.maxLabel})`;
  if (q.type === 'number' && q.unit) return `${L.type('number')} (${q.unit})`;
  if (q.type === 'choice' && q.multiple) return `${L.type('choice')} (${L.t('multipleAllowed')})`;
  return L.type(q.type);
}

/** The figures in words: median, quartiles, spread, extremes, agreement. */
export function factsLine(q: SummaryQuestion, L: Labels): string[] {
  const f = q.figures;
  const facts = [`${L.t('respondents')}: ${L.num(q.respondents)}`, `n: ${L.num(q.n)}${q.analog > 0 ? ` (${L.t('analogOf', { n: q.analog })})` : ''}`];
  if (q.type !== 'text' && q.dontKnow > 0) facts.push(`${L.t('dontKnow')}: ${L.num(q.dontKnow)}`);
  if (!f) return facts;
  facts.push(
    `${L.t('median')}: ${L.num(f.median)}`,
    `${L.t('q1')}: ${L.num(f.q1)}`,
    `${L.t('q3')}: ${L.num(f.q3)}`,
    `${L.t('iqr')}: ${L.num(f.iqr)}`,
    `${L.t('minMax')}: ${L.num(f.min)}–${L.num(f.max)}`,
  );
  if (f.agreement) facts.push(`${L.t('agreement')}: ${L.t(`agreement_${f.agreement}`).toLowerCase()}`);
  return facts;
}

/** Before/after a re-vote: one column per round, the figures down the side; null without a re-vote. */
export function roundsTable(q: SummaryQuestion, L: Labels): Table | null {
  const rounds = q.rounds;
  if (!rounds) return null;
  const row = (label: string, cell: (r: SummaryRound) => string) => [label, ...rounds.map(cell)];
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : L.num(v));
  const rows = [row(L.t('respondents'), (r) => num(r.respondents)), row(L.t('n'), (r) => num(r.n))];
  if (rounds.some((r) => r.dontKnow > 0)) rows.push(row(L.t('dontKnow'), (r) => num(r.dontKnow)));
  if (rounds.some((r) => r.analog > 0)) rows.push(row(L.t('analog'), (r) => num(r.analog)));
  if (rounds.some((r) => r.figures)) {
    rows.push(
      row(L.t('median'), (r) => num(r.figures?.median)),
      row(L.t('q1'), (r) => num(r.figures?.q1)),
      row(L.t('q3'), (r) => num(r.figures?.q3)),
      row(L.t('iqr'), (r) => num(r.figures?.iqr)),
    );
    if (q.type === 'scale') rows.push(row(L.t('agreement'), (r) => (r.figures?.agreement ? L.t(`agreement_${r.figures.agreement}`) : '–')));
  }
  rows.push(row(L.t('headline'), (r) => r.headline));
  const head = ['', ...rounds.map((r) => L.t('round', { n: r.round }))];
  return { head, rows, numeric: head.map((_, i) => i > 0) };
}

/**
 * The distributions to draw, first to last: without a re-vote the question itself; after one,
 * each round as a question of its own (figures of the round, "(Runde 1)" after the text, a unique
 * id), with the prefix for its captions.
 */
export function roundViews(q: SummaryQuestion, L: Labels): { q: SummaryQuestion; prefix: string }[] {
  if (!q.rounds) return [{ q, prefix: '' }];
  return q.rounds.map((r) => {
    const { round: _round, closedAt: _closedAt, ...figures } = r;
    const name = L.t('round', { n: r.round });
    return { q: { ...q, ...figures, id: `${q.id}-round-${r.round}`, text: `${q.text} (${name})`, answers: [] }, prefix: `${name} – ` };
  });
}

export function scopeLabel(scope: NoteScope, L: Labels): string {
  if (scope.kind === 'session') return L.t('wholeSession');
  return scope.kind === 'theme' ? `${L.t('theme')} ${scope.number}` : `${L.t('question')} ${scope.number}`;
}

/** "Text (Ansvarlig: X, Frist: Y)"; with `where`, the place it was noted too. */
export function noteLine(n: SummaryNote, L: Labels, where = false): string {
  const extra = [n.who && `${L.t('owner')}: ${n.who}`, n.due && `${L.t('due')}: ${n.due}`, where && scopeLabel(n.scope, L)].filter(Boolean);
  return extra.length ? `${n.text} (${extra.join(', ')})` : n.text;
}

/** Notes, decisions and actions of one place, each kind under its own title; empty kinds left out. */
export function noteGroups(notes: readonly SummaryNote[], L: Labels): { title: string; lines: string[] }[] {
  const kinds = [['note', L.t('notes')], ['decision', L.t('decisions')], ['action', L.t('actions')]] as const;
  return kinds.flatMap(([kind, title]) => {
    const lines = notes.filter((n) => n.kind === kind).map((n) => noteLine(n, L));
    return lines.length ? [{ title, lines }] : [];
  });
}

/** Every action: what, who, when, where. */
export function actionsTable(s: Summary, L: Labels): Table | null {
  if (s.actions.length === 0) return null;
  const rows = s.actions.map((a) => [a.text, a.who ?? '', a.due ?? '', scopeLabel(a.scope, L)]);
  return { head: [L.t('noteKind_action'), L.t('owner'), L.t('due'), L.t('where')], rows, numeric: [false, false, false, false] };
}

/** "Text (stemmer: 4; fastgjort)" for a text answer on a wall. */
export function answerLine(a: TextAnswer, L: Labels): string {
  const extra = [a.votes === undefined ? '' : `${L.t('votes').toLowerCase()}: ${L.num(a.votes)}`, a.pinned ? L.t('pinned') : ''].filter(Boolean);
  return extra.length ? `${a.text} (${extra.join('; ')})` : a.text;
}
