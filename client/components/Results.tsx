// Results as the screen, the console and the phones show them: bars with their numbers written
// on them (never colour alone), n and median in words, and a text wall.
import type { Bar, Results as ResultsModel } from '../../shared/session/results.ts';
import { formatNumber, useT } from '../i18n/i18n.ts';
import type { ResponseSpec } from '../../shared/question-set.ts';
import { L } from './Localized.tsx';

export function Results({ results, spec, size = 'normal' }: { results: ResultsModel; spec: ResponseSpec; size?: 'normal' | 'large' }) {
  const { t, lang } = useT();
  if (results.type === 'text') return <TextWall answers={results.answers} n={results.n} size={size} />;
  const facts = [t('nAnswers', { n: results.n })];
  if (results.median !== null) facts.push(`${t('median')}: ${formatNumber(lang, results.median)}`);
  if (results.type === 'scale' && results.dontKnow > 0) facts.push(t('dontKnowCount', { n: results.dontKnow }));
  if (results.type === 'number' && results.min !== null && results.max !== null) {
    facts.push(`${t('range')}: ${formatNumber(lang, results.min)}–${formatNumber(lang, results.max)}`);
  }
  return (
    <figure className={`results results--${size}`}>
      <BarChart bars={results.bars} n={results.n} spec={spec} />
      <figcaption className="results__facts">
        {facts.map((f) => (
          <span key={f}>{f}</span>
        ))}
      </figcaption>
    </figure>
  );
}

function BarChart({ bars, n, spec }: { bars: Bar[]; n: number; spec: ResponseSpec }) {
  const { t, lang } = useT();
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <table className="bars">
      <caption className="visually-hidden">{t('chartLabel')}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('value')}</th>
          <th scope="col">{t('count')}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((b, i) => (
          <tr key={b.label}>
            <th scope="row" className="bars__label">
              {b.label}
              {spec.type === 'scale' && i === 0 && <small className="bars__end"><L text={spec.minLabel} /></small>}
              {spec.type === 'scale' && i === bars.length - 1 && <small className="bars__end"><L text={spec.maxLabel} /></small>}
            </th>
            <td className="bars__cell">
              <span className="bars__bar" style={{ width: `${(b.count / max) * 100}%` }} />
              <span className="bars__count">
                {formatNumber(lang, b.count)}
                {n > 0 && <span className="bars__pct"> ({formatNumber(lang, Math.round((b.count / n) * 100))} %)</span>}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TextWall({ answers, n, size }: { answers: { id: string; text: string }[]; n: number; size: 'normal' | 'large' }) {
  const { t } = useT();
  if (answers.length === 0) return <p className="muted">{t('noAnswersYet')}</p>;
  return (
    <section className={`wall wall--${size}`} aria-label={t('answerWall')}>
      <p className="results__facts">{t('nAnswers', { n })}</p>
      <ul className="wall__list">
        {answers.map((a) => (
          <li key={a.id} className="wall__item" dir="auto">
            {a.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
