// HTML: one self-contained, accessible page – inline CSS and inline SVG charts, no scripts, no
// external requests (a CSP meta tag forbids them too), an A4 print stylesheet with each theme on
// a new page, so "Print → Save as PDF" in any browser gives the PDF. Every text is escaped. As in
// every format, the decision minutes come first (header, a table per theme, not dealt with,
// actions and parking lot), then the results, then the raw-data appendix.
import { chartSvg } from '../../shared/summary/chart.ts';
import { escapeXml as h } from '../../shared/summary/escape.ts';
import { labels, type Labels } from '../../shared/summary/labels.ts';
import { minutesHeader, minutesTable, rawRolesNotice, sessionMinutes } from '../../shared/summary/minutes.ts';
import { gapSentence } from '../../shared/summary/phrases.ts';
import type { Summary, SummaryNote, SummaryQuestion, SummaryTheme } from '../../shared/summary/summary.ts';
import {
  actionsTable, answerLine, dataTable, factsLine, hasAnswers, noteGroups, noteLine, participantsTable, participantTablesTable, rawTable,
  roleTable, roundViews, roundsTable, scopeLabel, tableSplitTable, typeLine, type Table,
} from '../../shared/summary/tables.ts';

const CSS = `
:root { color: #1a1a1a; background: #fff; font: 16px/1.5 "IBM Plex Sans", Arial, Helvetica, sans-serif; }
body { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; } h2 { font-size: 1.5rem; margin-top: 2.5rem; } h3 { font-size: 1.15rem; margin-top: 2rem; }
.subtitle { font-style: italic; margin-top: 0; } .headline { font-weight: 600; } .facts { color: #333; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0 1rem; } caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; } th { background: #eef2f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; } figcaption { font-size: .9rem; color: #333; }
ul.answers li { margin-bottom: .25rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.suppressed { font-style: italic; } .notice { color: #b00020; }
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; } }
@media print {
  :root { font-size: 11pt; } body { max-width: none; padding: 0; } nav { display: none; }
  section.theme, #results, #appendix { break-before: page; }
  h2, h3 { break-after: avoid; } figure, table, .question-head { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}`;

export function renderHtml(s: Summary): string {
  const L = labels(s.lang);
  const notice = rawRolesNotice(s, L);
  const session = s.notes.length ? `<section id="session-notes"><h2>${h(L.t('sessionNotes'))}</h2>${notes(s.notes, L, 'h3')}</section>` : '';
  const body = [
    ...(notice ? [`<p class="notice"><strong>${h(notice)}</strong></p>`] : []),
    minutes(s, L),
    nav(s, L),
    '<main>',
    results(s, L),
    session,
    ...s.themes.map((t) => theme(t, L)),
    appendix(s, L),
    '</main>',
  ];
  return htmlPage(s.lang, `${s.title} – ${L.t('minutes')}`, body.join('\n'), `Rådslag · ${s.code} · ${L.date(s.date)}`);
}

/**
 * A whole summary page: the stylesheet inline, no scripts, and a Content-Security-Policy that lets
 * nothing load (images only as data: URLs). `title` and `footer` are text; `body` is markup.
 */
export function htmlPage(lang: string, title: string, body: string, footer: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
<footer><p>${h(footer)}</p></footer>
</body>
</html>
`;
}

/** The decision minutes first, as in every format: header, a table per theme, the workshop as a whole, not dealt with, actions and parking lot. */
function minutes(s: Summary, L: Labels): string {
  const parts = [
    `<header id="minutes">`,
    `<h1>${h(s.title)}</h1>`,
    `<h2>${h(L.t('minutes'))}</h2>`,
    `<dl class="meta">${minutesHeader(s, L).map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>`,
  ];
  for (const t of s.themes) {
    const m = minutesTable(t, L);
    if (m) parts.push(`<h3>${t.number}. ${h(t.title)}</h3>`, table(m, `${L.t('minutes')} – ${t.number}. ${t.title}`, true));
  }
  const whole = sessionMinutes(s, L);
  if (whole) parts.push(`<h3>${h(L.t('wholeSession'))}</h3>`, table(whole, L.t('wholeSession'), true));
  if (s.notHandled.length) parts.push(`<h3>${h(L.t('notHandled'))}</h3><ul>${s.notHandled.map((q) => `<li>${h(q.number)} ${h(q.text)}</li>`).join('')}</ul>`);
  parts.push(actions(s, L), '</header>');
  return parts.join('\n');
}

function nav(s: Summary, L: Labels): string {
  const items = [
    ['minutes', L.t('minutes')],
    ['results', L.t('results')],
    ...(s.notes.length ? [['session-notes', L.t('sessionNotes')]] : []),
    ...s.themes.map((t) => [`theme-${t.number}`, `${t.number}. ${t.title}`]),
    ['appendix', L.t('appendix')],
  ];
  return `<nav aria-label="${h(L.t('contents'))}"><h2>${h(L.t('contents'))}</h2><ol>${items.map(([id, text]) => `<li><a href="#${id}">${h(text!)}</a></li>`).join('')}</ol></nav>`;
}

/** The results open with who took part and how the figures were made. */
function results(s: Summary, L: Labels): string {
  return `<section id="results">
<h2>${h(L.t('results'))}</h2>
${table(participantsTable(s, L), L.t('participants'))}
${tableOrEmpty(participantTablesTable(s, L), L.t('participantsByTable'))}
<h3>${h(L.t('method'))}</h3>
${s.method.map((p) => `<p>${h(p)}</p>`).join('\n')}
</section>`;
}

function theme(t: SummaryTheme, L: Labels): string {
  const parts = [`<section class="theme" id="theme-${t.number}">`, `<h2>${t.number}. ${h(t.title)}</h2>`];
  if (t.description) parts.push(`<p>${h(t.description)}</p>`);
  if (t.facilitatorNote) parts.push(`<p><em>${h(L.t('facilitatorNote'))}:</em> ${h(t.facilitatorNote)}</p>`);
  if (t.statements.length) {
    const items = t.statements.map((st) => `<li>${h(st.text)}${st.details.length ? `<ul>${st.details.map((d) => `<li>${h(d)}</li>`).join('')}</ul>` : ''}</li>`);
    parts.push(`<h3>${h(L.t('statements'))}</h3><ul>${items.join('')}</ul>`);
  }
  if (t.notes.length) parts.push(notes(t.notes, L, 'h3'));
  parts.push(...t.questions.filter((q) => q.asked).map((q) => question(q, L)), '</section>');
  return parts.join('\n');
}

function question(q: SummaryQuestion, L: Labels): string {
  const parts = [
    `<section class="question" id="q-${h(q.id)}">`,
    `<div class="question-head"><h3>${h(q.number)} ${h(q.text)}</h3>`,
    `<p>${h(L.t('type'))}: ${h(typeLine(q, L))}</p>`,
    `<p class="headline">${h(q.headline)}</p></div>`,
    `<p class="facts">${factsLine(q, L).map(h).join(' · ')}</p>`,
    tableOrEmpty(roundsTable(q, L), L.t('rounds')),
    ...roundViews(q, L).map((v) => figure(v.q, L, v.prefix)),
    tableOrEmpty(roleTable(q, L), L.t('byRole')),
    tableOrEmpty(tableSplitTable(q, L), L.t('byTable')),
  ];
  if (q.gap) parts.push(`<p>${h(L.t('largestGap'))}: ${h(gapSentence(q.gap, L.lang))}</p>`);
  if (q.hidden) parts.push(`<p><em>${h(L.t('hiddenAnswers', { n: q.hidden }))}</em></p>`);
  if (q.type === 'text' || q.answers.length) {
    const items = q.answers.map((a) => {
      const merged = a.merged?.length ? `<ul>${a.merged.map((m) => `<li dir="auto">${h(L.t('merged'))}: ${h(m)}</li>`).join('')}</ul>` : '';
      return `<li dir="auto">${h(answerLine(a, L))}${merged}</li>`;
    });
    parts.push(`<h4>${h(q.type === 'text' ? L.t('textAnswers') : L.t('other'))}</h4>`, items.length ? `<ul class="answers">${items.join('')}</ul>` : `<p>${h(L.t('noAnswers'))}</p>`);
  }
  if (q.words?.length) parts.push(`<p>${h(L.t('wordCloud'))}: ${q.words.map((w) => `${h(w.word)} (${h(L.num(w.count))})`).join(', ')}</p>`);
  if (q.notes.length) parts.push(notes(q.notes, L, 'h4'));
  parts.push('</section>');
  return parts.filter(Boolean).join('\n');
}

/** The chart, then the same numbers as a table: the table is what a screen reader reads. */
function figure(q: SummaryQuestion, L: Labels, prefix: string): string {
  const data = dataTable(q, L);
  if (q.bars.length && q.n + q.dontKnow > 0 && data) {
    return `<figure>${chartSvg(q, L, { id: `chart-${q.id}`, inline: true })}<figcaption>${h(prefix + L.t('chart'))}: ${h(q.headline)}</figcaption></figure>\n${table(data, prefix + L.t('dataTable'))}`;
  }
  return data && q.n > 0 ? table(data, prefix + L.t('dataTable')) : '';
}

function notes(list: readonly SummaryNote[], L: Labels, tag: 'h3' | 'h4'): string {
  return noteGroups(list, L)
    .map((g) => `<${tag}>${h(g.title)}</${tag}><ul class="notes">${g.lines.map((l) => `<li>${h(l)}</li>`).join('')}</ul>`)
    .join('\n');
}

function actions(s: Summary, L: Labels): string {
  const acts = actionsTable(s, L);
  const parking = s.parkingLot.map((p) => `<li>${h(noteLine(p, L, true))}</li>`);
  return `<section id="actions">
<h3>${h(L.t('allActions'))}</h3>${acts ? table(acts, L.t('allActions'), true) : `<p>${h(L.t('noActions'))}</p>`}
<h3>${h(L.t('parkingLot'))}</h3>${parking.length ? `<ul>${parking.join('')}</ul>` : `<p>${h(L.t('noParking'))}</p>`}
</section>`;
}

function appendix(s: Summary, L: Labels): string {
  const tables = s.themes.flatMap((t) => t.questions).filter((q) => q.asked).map((q) => `<h3>${h(q.number)} ${h(q.text)}</h3>${hasAnswers(q) ? table(rawTable(q, L), `${q.number} – ${L.t('rawTables')}`) : `<p>${h(L.t('noAnswers'))}</p>`}`);
  const notice = rawRolesNotice(s, L) ?? L.t('mergedRolesNotice', { n: s.minGroup });
  return `<section id="appendix"><h2>${h(L.t('appendix'))}: ${h(L.t('rawTables'))}</h2><p>${h(notice)}</p>${tables.join('\n')}</section>`;
}

function tableOrEmpty(t: Table | null, caption: string): string {
  return t ? table(t, caption) : '';
}

/** `plain`: text in every cell (the minutes' rows are not headed by their first cell). */
function table(t: Table, caption: string, plain = false): string {
  const cls = (i: number) => (t.numeric[i] ? ' class="num"' : '');
  const head = t.head.map((c, i) => `<th scope="col"${cls(i)}>${h(c)}</th>`).join('');
  const cell = (c: string, i: number) => (i === 0 && !plain ? `<th scope="row">${h(c)}</th>` : `<td${cls(i)}>${lines(c)}</td>`);
  const rows = t.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`);
  return `<table><caption>${h(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Several decisions or actions in one cell, one a line. */
function lines(text: string): string {
  return text.split('\n').map(h).join('<br>');
}
