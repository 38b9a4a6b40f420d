import type { HostView } from '../../shared/session/views.ts';
import { send } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';
import { phaseKey } from '../components/phase.ts';

export function Agenda({ view }: { view: HostView }) {
  const { t } = useT();
  return (
    <nav className="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" className="h3">{t('agenda')}</h2>
      <ol className="agenda__list">
        {view.agenda.map((item) => (
          <li key={item.index} className={`agenda__item agenda__item--${item.kind}`}>
            <button
              type="button"
              className="agenda__button"
              aria-current={item.index === view.cursor ? 'step' : undefined}
              onClick={() => void send({ type: 'goTo', index: item.index })}
            >
              <L text={item.label} />
              {item.kind === 'question' && item.phase && (
                <span className={`badge badge--${item.phase}`}>
                  {t(phaseKey(item.phase))}
                  {item.phase !== 'idle' && ` · ${item.answered ?? 0}`}
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
