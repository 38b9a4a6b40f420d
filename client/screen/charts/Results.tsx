// Results on the stage, for every response type: one chart, a split (small multiples, or a
// statement × group heat map), or before/after a re-vote. Text answers are the wall (Wall.tsx).
import type { ResponseSpec } from '../../../shared/question-set.ts';
import type { Results, RankingResults } from '../../../shared/session/results.ts';
import { formatNumber, useT, type MessageKey } from '../../i18n/i18n.ts';
import { L } from '../../components/Localized.tsx';
import { BarRows, type Row } from './BarRows.tsx';
import { StatementBars } from './Statements.tsx';
import { HeatMap, RankHeat, SmallMultiples } from './Split.tsx';
import { RankingChart } from './Ranking.tsx';

type NonText = Exclude<Results, { type: 'text' }>;

export function StageResults({ results, spec }: { results: NonText; spec: ResponseSpec }) {
  const { t } = useT();
  if (results.previous && results.round && results.previous.type !== 'text') {
    if (results.type === 'statements' && results.previous.type === 'statements' && spec.type === 'statements') {
      return <StatementBars results={results} previous={results.previous} statements={spec.statements} round={results.round} />;
    }
    return (
      <div className="before-after">
        <section aria-label={t('before')}>
          <h2 className="stage-h2">{t('before')} · {t('round', { n: results.round - 1 })}</h2>
          <Chart results={results.previous} spec={spec} share />
        </section>
        <section aria-label={t('after')}>
          <h2 className="stage-h2">{t('after')} · {t('round', { n: results.round })}</h2>
          <Chart results={results} spec={spec} share />
        </section>
      </div>
    );
  }
  const groups = results.groups?.filter((g) => g.n > 0) ?? [];
  if (groups.length > 0) {
    if (results.type === 'statements' && spec.type === 'statements') return <HeatMap results={results} groups={groups} statements={spec.statements} />;
    if (results.type === 'ranking' && spec.type === 'ranking') return <RankHeat results={results} groups={groups} items={spec.items} />;
    return <SmallMultiples results={results} groups={groups} spec={spec} />;
  }
  return <Chart results={results} spec={spec} />;
}

/** Facts under a chart: how many answered, the median, the spread label. */
export function Facts({ results }: { results: NonText }) {
  const { t, lang } = useT();
  const facts: string[] = [t('nAnswers', { n: results.n })];
  if (results.analog) facts.push(t('analogTag', { n: results.analog }));
  if ((results.type === 'scale' || results.type === 'number') && results.median !== null) facts.push(`${t('median')}: ${formatNumber(lang, results.median)}`);
  if (results.type === 'number' && results.min !== null && results.max !== null) facts.push(`${t('range')}: ${formatNumber(lang, results.min)}–${formatNumber(lang, results.max)}`);
  if (results.type === 'scale' && results.dontKnow > 0) facts.push(t('dontKnowCount', { n: results.dontKnow }));
  if (results.type === 'scale' && results.agreement) facts.push(t(`label_${results.agreement}`));
  return (
    <p className="stage-facts">
      {facts.map((f) => (
        <span key={f}>{f}</span>
      ))}
    </p>
  );
}

/** One chart. `share`: bars scaled to the share of answers (so two rounds or groups compare). */
export function Chart({ results, spec, share = false, compact = false }: { results: NonText; spec: ResponseSpec; share?: boolean; compact?: boolean }) {
  const { t } = useT();
  if (results.type === 'statements') return spec.type === 'statements' ? <StatementBars results={results} statements={spec.statements} compact={compact} /> : null;
  if (results.type === 'ranking') return spec.type === 'ranking' ? <RankingChart results={results} items={spec.items} compact={compact} /> : null;
  const rows = barRows(results, spec, t, compact);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const n = results.type === 'scale' ? results.n + results.dontKnow : results.n;
  return <BarRows rows={rows} scale={share ? Math.max(1, n) : max} n={n} caption={t('chartLabel')} compact={compact} />;
}

function barRows(results: Extract<NonText, { type: 'scale' | 'number' | 'choice' }>, spec: ResponseSpec, t: (k: MessageKey) => string, compact: boolean): Row[] {
  switch (results.type) {
    case 'scale': {
      const rows: Row[] = results.bars.map((b, i) => ({
        key: b.label,
        value: b.count,
        label: (
          <>
            {b.label}
            {spec.type === 'scale' && i === 0 && <small className="sbars__end"><L text={spec.minLabel} /></small>}
            {spec.type === 'scale' && i === results.bars.length - 1 && <small className="sbars__end"><L text={spec.maxLabel} /></small>}
          </>
        ),
      }));
      if (spec.type === 'scale' && spec.dontKnow) rows.push({ key: 'dk', value: results.dontKnow, label: t('dontKnow') });
      return rows;
    }
    case 'number':
      return results.bars.map((b) => ({ key: b.label, value: b.count, label: <>{b.label}{spec.type === 'number' && spec.unit && <small className="sbars__end"><L text={spec.unit} /></small>}</> }));
    case 'choice': {
      // In a small multiple an option is its number; the legend under the cards gives its text once.
      const text = (i: number) => (spec.type === 'choice' && spec.options[i] ? <L text={spec.options[i]} /> : String(i + 1));
      const label = (i: number) => (compact ? <><span aria-hidden="true">{i + 1}</span><span className="visually-hidden">{text(i)}</span></> : text(i));
      const rows: Row[] = results.bars.map((b) => ({ key: b.label, value: b.count, label: label(b.from) }));
      if (spec.type === 'choice' && spec.other) rows.push({ key: 'other', value: results.other, label: t('otherOption') });
      return rows;
    }
  }
}
