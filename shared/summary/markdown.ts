// Markdown: the whole summary model as readable text. Every text that comes from a participant
// or a question set is escaped, so no answer can become a link, an image or HTML.
import { escapeMd as e } from './escape.ts';
import { labels, type Labels } from './labels.ts';
import { gapSentence } from './phrases.ts';
import type { Summary, SummaryNote, SummaryQuestion, SummaryTheme } from './summary.ts';
import {
  actionsTable, answerLine, dataTable, factsLine, hasAnswers, noteGroups, noteLine, participantsTable, participantTablesTable, rawTable,
  roleTable, roundViews, roundsTable, scopeLabel, tableSplitTable, typeLine, type Table,
} from './tables.ts';

export function renderMarkdown(s: Summary): string {
  const L = labels(s.lang);
  const out: string[] = [];
  front(s, L, out);
  keyPoints(s, L, out);
  if (s.notes.length) {
    out.push(`## ${L.t('sessionNotes')}`, '');
    notes(s.notes, L, out, '###');
  }
  for (const theme of s.themes) themeSection(theme, L, out);
  actions(s, L, out);
  appendix(s, L, out);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function front(s: Summary, L: Labels, out: string[]): void {
  out.push(`# ${e(s.title)}`, '');
  if (s.subtitle) out.push(`*${e(s.subtitle)}*`, '');
  const facts = [`**${L.t('summary')}**`, `${L.t('date')}: ${L.date(s.date)}`];
  if (s.place) facts.push(`${L.t('place')}: ${e(s.place)}`);
  facts.push(`${L.t('code')}: ${s.code}`, `${L.t('language')}: ${L.t('languageName')}`);
  out.push(facts.join(' · '), '', `## ${L.t('participants')}`, '', ...table(participantsTable(s, L)), '');
  const tables = participantTablesTable(s, L);
  if (tables) out.push(`${L.t('participantsByTable')}:`, '', ...table(tables), '');
  out.push(`## ${L.t('method')}`, '', ...s.method.flatMap((p) => [e(p), '']));
}

function keyPoints(s: Summary, L: Labels, out: string[]): void {
  out.push(`## ${L.t('keyPoints')}`, '');
  for (const theme of s.keyPoints) {
    const n = s.themes.find((t) => t.id === theme.themeId)?.number;
    out.push(`### ${n}. ${e(theme.title)}`, '');
    for (const p of theme.points) {
      out.push(`- **${p.number}** ${e(p.text)} – ${e(p.headline)}`);
      if (p.previous) out.push(`  ${L.t('previousRound', { n: p.previous.round })}: ${e(p.previous.headline)}`);
      if (p.gap) out.push(`  ${L.t('largestGap')}: ${e(p.gap)}`);
    }
    out.push('');
    if (theme.decisions.length) out.push(`${L.t('decisions')}:`, '', ...theme.decisions.map((d) => `- ${e(noteLine(d, L))} – ${e(scopeLabel(d.scope, L))}`), '');
  }
}

function themeSection(theme: SummaryTheme, L: Labels, out: string[]): void {
  out.push(`## ${theme.number}. ${e(theme.title)}`, '');
  if (theme.description) out.push(e(theme.description), '');
  if (theme.statements.length) {
    out.push(`### ${L.t('statements')}`, '');
    for (const st of theme.statements) {
      out.push(`- ${e(st.text)}`, ...st.details.map((d) => `  - ${e(d)}`));
    }
    out.push('');
  }
  notes(theme.notes, L, out, '###');
  for (const q of theme.questions) question(q, L, out);
}

function question(q: SummaryQuestion, L: Labels, out: string[]): void {
  out.push(`### ${q.number} ${e(q.text)}`, '', `${L.t('type')}: ${e(typeLine(q, L))}`, '', `**${e(q.headline)}**`, '');
  out.push(factsLine(q, L).map(e).join(' · '), '');
  const rounds = roundsTable(q, L);
  if (rounds) out.push(`${L.t('rounds')}:`, '', ...table(rounds), '');
  // Before/after a re-vote: every round's distribution, first to last.
  for (const v of roundViews(q, L)) distribution(v.q, L, out, v.prefix);
  const roles = roleTable(q, L);
  if (roles) out.push(`${L.t('byRole')}:`, '', ...table(roles), '');
  const tables = tableSplitTable(q, L);
  if (tables) out.push(`${L.t('byTable')}:`, '', ...table(tables), '');
  if (q.gap) out.push(`${L.t('largestGap')}: ${e(gapSentence(q.gap, L.lang))}`, '');
  if (q.hidden) out.push(`*${L.t('hiddenAnswers', { n: q.hidden })}*`, '');
  if (q.type === 'text' || q.answers.length > 0) {
    out.push(`${q.type === 'text' ? L.t('textAnswers') : L.t('other')}:`, '');
    if (q.answers.length === 0) out.push(L.t('noAnswers'));
    for (const a of q.answers) out.push(`- ${e(answerLine(a, L))}`, ...(a.merged ?? []).map((m) => `  - ${L.t('merged')}: ${e(m)}`));
    out.push('');
  }
  for (const g of noteGroups(q.notes, L)) out.push(`${g.title}:`, '', ...g.lines.map((l) => `- ${e(l)}`), '');
}

function distribution(q: SummaryQuestion, L: Labels, out: string[], prefix: string): void {
  const data = dataTable(q, L);
  if (data && q.n + q.dontKnow > 0) out.push(`${prefix}${q.bars.length ? L.t('chart') : L.t('dataTable')}:`, '', ...table(data), '');
}

function actions(s: Summary, L: Labels, out: string[]): void {
  out.push(`## ${L.t('actionsAndParking')}`, '', `### ${L.t('allActions')}`, '');
  const all = actionsTable(s, L);
  out.push(...(all ? table(all) : [L.t('noActions')]));
  out.push('', `### ${L.t('parkingLot')}`, '');
  if (s.parkingLot.length === 0) out.push(L.t('noParking'));
  for (const p of s.parkingLot) out.push(`- ${e(noteLine(p, L, true))}`);
  out.push('');
}

function appendix(s: Summary, L: Labels, out: string[]): void {
  out.push(`## ${L.t('appendix')}: ${L.t('rawTables')}`, '');
  for (const q of s.themes.flatMap((t) => t.questions)) {
    out.push(`### ${q.number} ${e(q.text)}`, '', ...(hasAnswers(q) ? table(rawTable(q, L)) : [L.t('noAnswers')]), '');
  }
}

function notes(list: readonly SummaryNote[], L: Labels, out: string[], level: string): void {
  for (const g of noteGroups(list, L)) out.push(`${level} ${g.title}`, '', ...g.lines.map((l) => `- ${e(l)}`), '');
}

function table(t: Table): string[] {
  const row = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : e(c))).join(' | ')} |`;
  return [row(t.head), `|${t.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`, ...t.rows.map(row)];
}
