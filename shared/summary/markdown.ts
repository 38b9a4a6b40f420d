// Markdown: the whole summary model as readable text. Every text that comes from a participant
// or a question set is escaped, so no answer can become a link, an image or HTML.
import { escapeMd as e } from './escape.ts';
import { labels, type Labels } from './labels.ts';
import { gapSentence } from './phrases.ts';
import { minutesHeader, minutesTable, rawRolesNotice, sessionMinutes } from './minutes.ts';
import type { Summary, SummaryNote, SummaryQuestion, SummaryTheme } from './summary.ts';
import {
  actionsTable, answerLine, dataTable, factsLine, hasAnswers, noteGroups, noteLine, participantsTable, participantTablesTable, rawTable,
  roleTable, roundViews, roundsTable, scopeLabel, tableSplitTable, typeLine, type Table,
} from './tables.ts';

export function renderMarkdown(s: Summary): string {
  const L = labels(s.lang);
  const out: string[] = [];
  const notice = rawRolesNotice(s, L);
  if (notice) out.push(`**${e(notice)}**`, '');
  minutes(s, L, out);
  out.push(`## ${L.t('results')}`, '', `### ${L.t('participants')}`, '', ...table(participantsTable(s, L)), '');
  const tables = participantTablesTable(s, L);
  if (tables) out.push(`${L.t('participantsByTable')}:`, '', ...table(tables), '');
  out.push(`### ${L.t('method')}`, '', ...s.method.flatMap((p) => [e(p), '']));
  if (s.notes.length) {
    out.push(`### ${L.t('sessionNotes')}`, '');
    notes(s.notes, L, out, '####');
  }
  for (const theme of s.themes) themeSection(theme, L, out);
  appendix(s, L, out);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The decision minutes: header, a table per theme, the workshop's own decisions, what was not dealt with, next steps. */
function minutes(s: Summary, L: Labels, out: string[]): void {
  out.push(`# ${e(s.title)}`, '', `## ${L.t('minutes')}`, '');
  out.push(...table({ head: ['', ''], rows: minutesHeader(s, L), numeric: [false, false] }), '');
  for (const theme of s.themes) {
    const t = minutesTable(theme, L);
    if (t) out.push(`### ${theme.number}. ${e(theme.title)}`, '', ...table(t), '');
  }
  const whole = sessionMinutes(s, L);
  if (whole) out.push(`### ${L.t('wholeSession')}`, '', ...table(whole), '');
  if (s.notHandled.length) out.push(`### ${L.t('notHandled')}`, '', ...s.notHandled.map((q) => `- ${q.number} ${e(q.text)}`), '');
  actions(s, L, out);
}

function themeSection(theme: SummaryTheme, L: Labels, out: string[]): void {
  out.push(`### ${theme.number}. ${e(theme.title)}`, '');
  if (theme.description) out.push(e(theme.description), '');
  if (theme.facilitatorNote) out.push(`*${L.t('facilitatorNote')}:* ${e(theme.facilitatorNote)}`, '');
  if (theme.statements.length) {
    out.push(`#### ${L.t('statements')}`, '');
    for (const st of theme.statements) {
      out.push(`- ${e(st.text)}`, ...st.details.map((d) => `  - ${e(d)}`));
    }
    out.push('');
  }
  notes(theme.notes, L, out, '####');
  for (const q of theme.questions.filter((x) => x.asked)) question(q, L, out);
}

function question(q: SummaryQuestion, L: Labels, out: string[]): void {
  out.push(`#### ${q.number} ${e(q.text)}`, '', `${L.t('type')}: ${e(typeLine(q, L))}`, '', `**${e(q.headline)}**`, '');
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
  if (q.words?.length) out.push(`${L.t('wordCloud')}: ${q.words.map((w) => `${e(w.word)} (${L.num(w.count)})`).join(', ')}`, '');
  for (const g of noteGroups(q.notes, L)) out.push(`${g.title}:`, '', ...g.lines.map((l) => `- ${e(l)}`), '');
}

function distribution(q: SummaryQuestion, L: Labels, out: string[], prefix: string): void {
  const data = dataTable(q, L);
  if (data && q.n + q.dontKnow > 0) out.push(`${prefix}${q.bars.length ? L.t('chart') : L.t('dataTable')}:`, '', ...table(data), '');
}

function actions(s: Summary, L: Labels, out: string[]): void {
  out.push(`### ${L.t('allActions')}`, '');
  const all = actionsTable(s, L);
  out.push(...(all ? table(all) : [L.t('noActions')]));
  out.push('', `### ${L.t('parkingLot')}`, '');
  if (s.parkingLot.length === 0) out.push(L.t('noParking'));
  for (const p of s.parkingLot) out.push(`- ${e(noteLine(p, L, true))}`);
  out.push('');
}

function appendix(s: Summary, L: Labels, out: string[]): void {
  out.push(`## ${L.t('appendix')}: ${L.t('rawTables')}`, '', e(rawRolesNotice(s, L) ?? L.t('mergedRolesNotice', { n: s.minGroup })), '');
  for (const q of s.themes.flatMap((t) => t.questions).filter((x) => x.asked)) {
    out.push(`### ${q.number} ${e(q.text)}`, '', ...(hasAnswers(q) ? table(rawTable(q, L)) : [L.t('noAnswers')]), '');
  }
}

function notes(list: readonly SummaryNote[], L: Labels, out: string[], level: string): void {
  for (const g of noteGroups(list, L)) out.push(`${level} ${g.title}`, '', ...g.lines.map((l) => `- ${e(l)}`), '');
}

function table(t: Table): string[] {
  // A cell is one line in Markdown: several decisions or actions are joined with "; ".
  const row = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : e(c.replace(/\n/g, '; ')))).join(' | ')} |`;
  return [row(t.head), `|${t.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`, ...t.rows.map(row)];
}
