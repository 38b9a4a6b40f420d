// The decision minutes ("beslutningsreferat") every format leads with: the header a municipal
// secretary files (subject, purpose, date and time, place, chair, minute-taker, who was present),
// then per theme one row per question: the key result in one line, the decision, the actions
// with owner and due date. Format-neutral rows, laid out by Markdown, HTML, DOCX and XLSX alike.
import type { Labels } from './labels.ts';
import type { Summary, SummaryNote, SummaryQuestion, SummaryTheme } from './model.ts';
import type { Table } from './tables.ts';

/** The header as label/value pairs, in the order minutes print them; unknown fields say so. */
export function minutesHeader(s: Summary, L: Labels): [string, string][] {
  const d = s.details;
  const notSet = `(${L.t('notSet')})`;
  const present = s.participants.byRole.filter((r) => r.count > 0).map((r) => `${L.role(r.role)} ${L.num(r.count)}`);
  const presentLine = `${L.num(s.participants.total)}${present.length ? ` (${present.join(', ')})` : ''}`;
  const rows: [string, string][] = [[L.t('subject'), s.subtitle ? `${s.title} – ${s.subtitle}` : s.title]];
  if (d.purpose) rows.push([L.t('purpose'), d.purpose]);
  rows.push(
    [L.t('dateTime'), dateTime(s, L)],
    [L.t('place'), d.place ?? notSet],
    [L.t('facilitator'), d.facilitator ?? notSet],
    [L.t('minuteTaker'), d.minuteTaker ?? notSet],
    [L.t('present'), presentLine],
    [L.t('code'), s.code],
  );
  return rows;
}

/** "14. marts 2025, kl. 10.00–12.30" / "14 March 2025, 10:00–12:30"; the date alone without times. */
export function dateTime(s: Summary, L: Labels): string {
  const clock = (iso: string | undefined) => (iso ? (L.lang === 'da' ? iso.slice(11, 16).replace(':', '.') : iso.slice(11, 16)) : undefined);
  const start = clock(s.details.start);
  const end = clock(s.details.end);
  const day = L.date(s.details.start?.slice(0, 10) ?? s.date);
  if (!start) return day;
  const span = end && s.details.end!.slice(0, 10) === s.details.start!.slice(0, 10) ? `${start}–${end}` : start;
  return L.lang === 'da' ? `${day}, kl. ${span}` : `${day}, ${span}`;
}

const decisionsOf = (notes: readonly SummaryNote[]) => notes.filter((n) => n.kind === 'decision').map((n) => n.text);
const actionsOf = (notes: readonly SummaryNote[], L: Labels) =>
  notes.filter((n) => n.kind === 'action').map((n) => [n.text, n.who ?? '–', n.due ?? '–'].join(' / '));

/** The key result in one line; after a re-vote with the round before it. */
function result(q: SummaryQuestion, L: Labels): string {
  const before = q.rounds?.[q.rounds.length - 2];
  return before ? `${q.headline} (${L.t('previousRound', { n: before.round })}: ${before.headline})` : q.headline;
}

/** One theme's table: a row per question asked, and one for the theme as a whole when it has decisions or actions. */
export function minutesTable(t: SummaryTheme, L: Labels): Table | null {
  const rows = t.questions.filter((q) => q.asked).map((q) => [`${q.number} ${q.text}`, result(q, L), decisionsOf(q.notes).join('\n'), actionsOf(q.notes, L).join('\n')]);
  const decisions = decisionsOf(t.notes);
  const actions = actionsOf(t.notes, L);
  if (decisions.length || actions.length) rows.push([L.t('themeAsWhole'), '', decisions.join('\n'), actions.join('\n')]);
  if (rows.length === 0) return null;
  return { head: [L.t('question'), L.t('keyResult'), L.t('decision'), L.t('actionWhoWhen')], rows, numeric: [false, false, false, false] };
}

/** Decisions and actions on the workshop as a whole, as one row; null when there are none. */
export function sessionMinutes(s: Summary, L: Labels): Table | null {
  const decisions = decisionsOf(s.notes);
  const actions = actionsOf(s.notes, L);
  if (!decisions.length && !actions.length) return null;
  return { head: [L.t('decision'), L.t('actionWhoWhen')], rows: [[decisions.join('\n'), actions.join('\n')]], numeric: [false, false] };
}

/** The line a file opens with when the raw answers keep exact roles; null by default. */
export function rawRolesNotice(s: Summary, L: Labels): string | null {
  return s.rawRoles === 'exact' ? L.t('exactRolesNotice', { n: s.minGroup }) : null;
}
