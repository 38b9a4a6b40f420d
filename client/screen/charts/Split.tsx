// Results by role or table. Bars: small multiples, one card per group (everyone first), each
// bar scaled to its group's answers so groups of different sizes compare. Statements: a
// statement × group heat map of the share agreeing, the number written in every cell; rankings
// likewise an item × group table of the mean position (up to 10 items × 7 columns). Groups
// under the minimum size are shown, visibly, as "too few answers" – never their figures.
import { Fragment, type ReactNode } from 'react';
import type { LocalizedText, ResponseSpec } from '../../../shared/question-set.ts';
import type { Group, RankingResults, Results, StatementsResults } from '../../../shared/session/results.ts';
import type { Role } from '../../../shared/protocol.ts';
import { formatNumber, useT } from '../../i18n/i18n.ts';
import { L } from '../../components/Localized.tsx';
import { Chart } from './Results.tsx';

type NonText = Exclude<Results, { type: 'text' }>;

function useGroupName() {
  const { t } = useT();
  return (g: Group) => (g.kind === 'role' ? t(`role_${g.key as Role}`) : t('groupTable', { n: g.key }));
}

export function SmallMultiples({ results, groups, spec }: { results: NonText; groups: Group[]; spec: ResponseSpec }) {
  const { t } = useT();
  const name = useGroupName();
  return (
    <>
    <div className="multiples" style={{ ["--cols" as string]: columnsFor(groups.length + 1) }}>
      <section className="multiples__card multiples__card--all" aria-label={t('stageAll')}>
        <h2 className="multiples__title">{t('stageAll')} <span className="muted">· {t('nAnswers', { n: results.n })}</span></h2>
        <Chart results={results} spec={spec} share compact />
      </section>
      {groups.map((g) => (
        <section key={`${g.kind}:${g.key}`} className="multiples__card" aria-label={name(g)}>
          <h2 className="multiples__title">{name(g)} <span className="muted">· {t('nAnswers', { n: g.n })}</span></h2>
          {g.suppressed || !g.results || g.results.type === 'text' ? (
            <p className="multiples__suppressed">{t('tooFewAnswers')}</p>
          ) : (
            <Chart results={g.results} spec={spec} share compact />
          )}
        </section>
      ))}
    </div>
    {spec.type === 'choice' && (
      <ol className="multiples__legend" aria-hidden="true">
        {spec.options.map((o, i) => (
          <li key={i}><L text={o} /></li>
        ))}
      </ol>
    )}
    </>
  );
}

/** A heat table's columns: everyone, then each group (a suppressed one has no results). */
type HeatColumn = { key: string; title: string; n: number; results: unknown };

/** The header row both heat tables share: the corner's title, then each group with its count. */
function HeatHead({ corner, columns }: { corner: string; columns: HeatColumn[] }) {
  const { t } = useT();
  return (
    <thead>
      <tr>
        <th scope="col" className="heat__corner">{corner}</th>
        {columns.map((c) => (
          <th key={c.key} scope="col" className="heat__col">
            {breakAfterSlashes(c.title)}
            <span className="heat__n">{c.results ? t('nAnswers', { n: c.n }) : t('tooFewAnswers')}</span>
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function HeatMap({ results, groups, statements }: { results: StatementsResults; groups: Group[]; statements: LocalizedText[] }) {
  const { t } = useT();
  const name = useGroupName();
  const columns: { key: string; title: string; n: number; results: StatementsResults | null }[] = [
    { key: 'all', title: t('stageAll'), n: results.n, results },
    ...groups.map((g) => ({ key: `${g.kind}:${g.key}`, title: name(g), n: g.n, results: !g.suppressed && g.results?.type === 'statements' ? g.results : null })),
  ];
  return (
    <table className="heat">
      <caption className="heat__caption">{t('heatCaption')}</caption>
      <HeatHead corner={t('statements')} columns={columns} />
      <tbody>
        {results.statements.map((s) => (
          <tr key={s.index}>
            <th scope="row" className="heat__statement">{statements[s.index] && <L text={statements[s.index]!} />}</th>
            {columns.map((c) => {
              const share = c.results?.statements.find((x) => x.index === s.index)?.agreeShare ?? null;
              const pct = share === null ? null : Math.round(share * 100);
              return (
                <td key={c.key} className={`heat__cell heat--${pct === null ? 'none' : Math.min(4, Math.floor(pct / 20))}`}>
                  {c.results === null ? <span className="heat__suppressed">–</span> : pct === null ? '–' : `${pct} %`}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Items × groups: each cell the group's mean position of the item, darker the nearer the top. */
export function RankHeat({ results, groups, items }: { results: RankingResults; groups: Group[]; items: LocalizedText[] }) {
  const { t, lang } = useT();
  const name = useGroupName();
  const k = items.length;
  const columns: { key: string; title: string; n: number; results: RankingResults | null }[] = [
    { key: 'all', title: t('stageAll'), n: results.n, results },
    ...groups.map((g) => ({ key: `${g.kind}:${g.key}`, title: name(g), n: g.n, results: !g.suppressed && g.results?.type === 'ranking' ? g.results : null })),
  ];
  return (
    <table className="heat heat--ranking">
      <caption className="heat__caption">{t('rankHeatCaption')}</caption>
      <HeatHead corner={t('rankItem')} columns={columns} />
      <tbody>
        {results.items.map((item) => (
          <tr key={item.index}>
            <th scope="row" className="heat__statement">{items[item.index] && <L text={items[item.index]!} />}</th>
            {columns.map((c) => {
              const mean = c.results?.items.find((x) => x.index === item.index)?.meanRank ?? null;
              const level = mean === null ? 'none' : Math.max(0, Math.min(4, Math.floor(((k - mean) / Math.max(1, k - 1)) * 5)));
              return (
                <td key={c.key} className={`heat__cell heat--${level}`}>
                  {mean === null ? <span className="heat__suppressed">–</span> : formatNumber(lang, Math.round(mean * 10) / 10)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Medarbejder/fagprofessionel" may wrap after its slash (Chromium won't break there by itself), not mid-word. */
function breakAfterSlashes(title: string): ReactNode {
  const parts = title.split('/');
  return parts.map((part, i) => (i < parts.length - 1 ? <Fragment key={i}>{part}/<wbr /></Fragment> : <Fragment key={i}>{part}</Fragment>));
}

/** Columns for c cards: one row up to 3, then 2 rows (4 → 2×2, 7 → 4×2). */
function columnsFor(c: number): number {
  return c <= 3 ? c : Math.ceil(c / 2);
}
