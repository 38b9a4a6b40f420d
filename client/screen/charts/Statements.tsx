// Statements from consensus to divisive: per statement a stacked bar of agree / disagree / pass,
// each part a pattern as well as a colour, the counts written beside it. After a re-vote each
// statement has two bars, before and after.
import type { LocalizedText } from '../../../shared/question-set.ts';
import type { StatementsResults } from '../../../shared/session/results.ts';
import type { StatementResult } from '../../../shared/session/statement-results.ts';
import { useT } from '../../i18n/i18n.ts';
import { L } from '../../components/Localized.tsx';
import { Bar } from './Bar.tsx';

type Props = { results: StatementsResults; statements: LocalizedText[]; previous?: StatementsResults; round?: number; compact?: boolean };

export function StatementBars({ results, statements, previous, round, compact = false }: Props) {
  const { t } = useT();
  const before = new Map(previous?.statements.map((s) => [s.index, s]));
  return (
    <div className={`stmts${compact ? ' stmts--compact' : ''}`}>
      <Legend />
      <ol className="stmts__list">
        {results.statements.map((s) => {
          const old = before.get(s.index);
          return (
            <li key={s.index} className="stmts__item">
              <p className="stmts__text">
                {statements[s.index] && <L text={statements[s.index]!} />}
                {s.label && !compact && <span className={`stage-tag stage-tag--${s.label}`}>{t(`label_${s.label}`)}</span>}
              </p>
              <div className="stmts__bars">
                {old && round ? (
                  <>
                    <StackRow s={old} label={`${t('before')} · ${t('round', { n: round - 1 })}`} />
                    <StackRow s={s} label={`${t('after')} · ${t('round', { n: round })}`} />
                  </>
                ) : (
                  <StackRow s={s} />
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function StackRow({ s, label }: { s: StatementResult; label?: string }) {
  const { t } = useT();
  const total = s.agree + s.disagree + s.pass;
  return (
    <div className="stack-row">
      {label && <span className="stack-row__label">{label}</span>}
      <span className="track track--stack" data-track="" aria-hidden="true">
        <Bar value={s.agree} scale={total} className="bar--agree" />
        <Bar value={s.disagree} offset={s.agree} scale={total} className="bar--disagree" />
        <Bar value={s.pass} offset={s.agree + s.disagree} scale={total} className="bar--pass" />
      </span>
      <span className="stack-row__counts">
        <span>{t('agreeCount', { n: s.agree })}</span> · <span>{t('disagreeCount', { n: s.disagree })}</span> · <span>{t('passCount', { n: s.pass })}</span>
      </span>
    </div>
  );
}

function Legend() {
  const { t } = useT();
  return (
    <p className="legend" aria-hidden="true">
      <span><span className="legend__swatch bar--agree" /> {t('agree')}</span>
      <span><span className="legend__swatch bar--disagree" /> {t('disagree')}</span>
      <span><span className="legend__swatch bar--pass" /> {t('pass')}</span>
    </p>
  );
}
