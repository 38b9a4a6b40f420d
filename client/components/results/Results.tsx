// Results as the screen, the console and the phones show them, for every response type, with
// the split by role or table (small groups suppressed) and before/after for a re-vote.
import { assertNever } from '../../../shared/assert-never.ts';
import type { ResponseSpec } from '../../../shared/question-set.ts';
import type { Group, Results as ResultsModel } from '../../../shared/session/results.ts';
import type { Role } from '../../../shared/protocol.ts';
import { formatNumber, useT } from '../../i18n/i18n.ts';
import { L } from '../Localized.tsx';
import { BarChart } from './BarChart.tsx';
import { RankingList } from './RankingList.tsx';
import { StatementsChart } from './StatementsChart.tsx';
import { TextWall } from './TextWall.tsx';

type Props = { results: ResultsModel; spec: ResponseSpec; size?: 'normal' | 'large' };

export function Results({ results, spec, size = 'normal' }: Props) {
  const { t } = useT();
  if (results.previous && results.round) {
    return (
      <div className={`before-after before-after--${size}`}>
        <section aria-label={t('before')}>
          <h3 className="h3">{t('before')} · {t('round', { n: results.round - 1 })}</h3>
          <Single results={results.previous} spec={spec} size={size} />
        </section>
        <section aria-label={t('after')}>
          <h3 className="h3">{t('after')} · {t('round', { n: results.round })}</h3>
          <Single results={results} spec={spec} size={size} />
        </section>
      </div>
    );
  }
  return (
    <>
      <Single results={results} spec={spec} size={size} />
      {results.groups && results.groups.length > 0 && <Groups groups={results.groups} spec={spec} size={size} />}
    </>
  );
}

function Single({ results, spec, size = 'normal' }: Props) {
  const { t, lang } = useT();
  if (results.type === 'text') return <TextWall results={results} size={size} />;
  const facts: string[] = [t('nAnswers', { n: results.n })];
  if (results.analog) facts.push(t('analogTag', { n: results.analog }));
  let chart: React.ReactNode = null;
  switch (results.type) {
    case 'scale':
      if (results.median !== null) facts.push(`${t('median')}: ${formatNumber(lang, results.median)}`);
      if (results.dontKnow > 0) facts.push(t('dontKnowCount', { n: results.dontKnow }));
      if (results.agreement) facts.push(t(`label_${results.agreement}`));
      chart = (
        <BarChart
          bars={results.bars}
          n={results.n}
          label={(b, i) => (
            <>
              {b.label}
              {spec.type === 'scale' && i === 0 && <small className="bars__end"><L text={spec.minLabel} /></small>}
              {spec.type === 'scale' && i === results.bars.length - 1 && <small className="bars__end"><L text={spec.maxLabel} /></small>}
            </>
          )}
        />
      );
      break;
    case 'number':
      if (results.median !== null) facts.push(`${t('median')}: ${formatNumber(lang, results.median)}`);
      if (results.min !== null && results.max !== null) facts.push(`${t('range')}: ${formatNumber(lang, results.min)}–${formatNumber(lang, results.max)}`);
      chart = <BarChart bars={results.bars} n={results.n} label={(b) => b.label} />;
      break;
    case 'choice':
      if (results.other > 0) facts.push(t('otherCount', { n: results.other }));
      chart = (
        <BarChart
          bars={results.bars}
          n={results.n}
          label={(b) => (spec.type === 'choice' && spec.options[b.from] ? <L text={spec.options[b.from]!} /> : b.label)}
        />
      );
      break;
    case 'ranking':
      chart = spec.type === 'ranking' ? <RankingList results={results} items={spec.items} /> : null;
      break;
    case 'statements':
      chart = spec.type === 'statements' ? <StatementsChart results={results} statements={spec.statements} /> : null;
      break;
    default:
      assertNever(results);
  }
  return (
    <figure className={`results results--${size}`}>
      {chart}
      <figcaption className="results__facts">
        {facts.map((f) => (
          <span key={f}>{f}</span>
        ))}
      </figcaption>
    </figure>
  );
}

function Groups({ groups, spec, size }: { groups: Group[]; spec: ResponseSpec; size: 'normal' | 'large' }) {
  const { t } = useT();
  const name = (g: Group) => (g.kind === 'role' ? t(`role_${g.key as Role}`) : t('groupTable', { n: g.key }));
  return (
    <div className={`groups groups--${size}`}>
      {groups.map((g) => (
        <section key={`${g.kind}:${g.key}`} className="groups__item" aria-label={name(g)}>
          <h3 className="h3">
            {name(g)} <span className="muted">({t('nAnswers', { n: g.n })})</span>
          </h3>
          {g.suppressed ? <p className="muted">{t('tooFewAnswers')}</p> : g.results ? <Single results={g.results} spec={spec} size="normal" /> : null}
        </section>
      ))}
    </div>
  );
}
