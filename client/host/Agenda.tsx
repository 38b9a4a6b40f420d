import { useState } from 'react';
import type { HostView } from '../../shared/session/views.ts';
import { send } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';
import { phaseKey } from '../components/phase.ts';

export function Agenda({ view }: { view: HostView }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  return (
    <nav className="agenda" aria-labelledby="agenda-heading">
      <div className="agenda__head">
        <h2 id="agenda-heading" className="h3">{t('agenda')}</h2>
        {view.can.editAgenda && (
          <button type="button" className="button button--small" onClick={() => setEditing((e) => !e)}>
            {editing ? t('doneEditing') : t('editAgenda')}
          </button>
        )}
      </div>
      <ol className="agenda__list">
        {view.agenda.map((item) => (
          <li key={item.index} className={`agenda__item agenda__item--${item.kind}${item.skipped ? ' agenda__item--skipped' : ''}`}>
            <button
              type="button"
              className="agenda__button"
              aria-current={item.index === view.cursor ? 'step' : undefined}
              disabled={!view.can.goTo}
              onClick={() => void send({ type: 'goTo', index: item.index })}
            >
              <L text={item.label} />
              {item.skipped && <span className="badge">{t('skippedTag')}</span>}
              {item.kind === 'question' && item.phase && (
                <span className={`badge badge--${item.phase}`}>
                  {t(phaseKey(item.phase))}
                  {item.phase !== 'idle' && ` · ${item.answered ?? 0}`}
                </span>
              )}
            </button>
            {editing && view.can.editAgenda && item.index > 0 && (
              <span className="agenda__edit">
                <button type="button" className="button button--small" disabled={!item.can?.moveUp} onClick={() => void send({ type: 'moveStep', index: item.index, to: item.index - 1 })}>
                  ↑<span className="visually-hidden">{t('moveUpStep')}</span>
                </button>
                <button type="button" className="button button--small" disabled={!item.can?.moveDown} onClick={() => void send({ type: 'moveStep', index: item.index, to: item.index + 1 })}>
                  ↓<span className="visually-hidden">{t('moveDownStep')}</span>
                </button>
                <button type="button" className="button button--small" disabled={!item.can?.skip} onClick={() => void send({ type: 'setStepSkipped', index: item.index, skipped: !item.skipped })}>
                  {item.skipped ? t('unskip') : t('skip')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
