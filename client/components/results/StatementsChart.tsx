// Statements from consensus to divisive: a stacked bar of agree / disagree / pass per
// statement, each part labelled with its count and carrying a pattern as well as a colour.
import type { LocalizedText } from '../../../shared/question-set.ts';
import type { StatementsResults } from '../../../shared/session/results.ts';
import { formatNumber, useT } from '../../i18n/i18n.ts';
import { L } from '../Localized.tsx';

export function StatementsChart({ results, statements }: { results: StatementsResults; statements: LocalizedText[] }) {
  const { t, lang } = useT();
  return (
    <ol className="statements-chart">
      {results.statements.map((s) => {
        const total = s.agree + s.disagree + s.pass;
        const part = (v: number) => `${total > 0 ? (v / total) * 100 : 0}%`;
        return (
          <li key={s.index} className="statements-chart__item">
            <p className="statements-chart__text">
              {statements[s.index] && <L text={statements[s.index]!} />}
              {s.label && <span className={`tag tag--${s.label}`}>{t(`label_${s.label}`)}</span>}
            </p>
            <div className="stack-bar" aria-hidden="true">
              <span className="stack-bar__agree" style={{ width: part(s.agree) }} />
              <span className="stack-bar__disagree" style={{ width: part(s.disagree) }} />
              <span className="stack-bar__pass" style={{ width: part(s.pass) }} />
            </div>
            <p className="statements-chart__counts">
              <span>{t('agreeCount', { n: s.agree })}</span>
              <span>{t('disagreeCount', { n: s.disagree })}</span>
              <span>{t('passCount', { n: s.pass })}</span>
              {s.agreeShare !== null && <span>({formatNumber(lang, Math.round(s.agreeShare * 100))} % {t('agree').toLowerCase()})</span>}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
