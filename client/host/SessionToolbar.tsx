import { useState } from 'react';
import type { HostView } from '../../shared/session/views.ts';
import { SHORTCUTS_KEY, shortcutsOn } from './use-console-keys.ts';
import { useT } from '../i18n/i18n.ts';
import { useHostCommand } from './use-host-command.ts';
import { useUndoText } from './undo-text.ts';

/** Session-wide controls: undo, blank screen, lock joining, end the workshop. */
export function SessionToolbar({ view }: { view: HostView }) {
  const { t } = useT();
  const [shortcuts, setShortcuts] = useState(shortcutsOn());
  const setShortcutsOn = (on: boolean) => {
    setShortcuts(on);
    localStorage.setItem(SHORTCUTS_KEY, on ? '1' : '0');
  };
  const { run, error } = useHostCommand();
  const undoText = useUndoText(view);
  const can = view.can;
  if (view.ended) return <p className="card" role="status">{t('sessionEndedHost')}</p>;
  return (
    <div className="stack">
      <div className="controls toolbar" role="group" aria-label={t('settings')}>
        <button type="button" className="button button--small" disabled={!can.undo} onClick={() => void run({ type: 'undo' })} aria-describedby="undo-next">
          ↶ {t('undo')}
        </button>
        <button type="button" className="button button--small" disabled={!can.blankScreen} onClick={() => void run({ type: 'setScreenBlank', blank: !view.screenBlank })}>
          {view.screenBlank ? t('unblankScreen') : t('blankScreen')}
        </button>
        <button type="button" className="button button--small" disabled={!can.lockJoining} onClick={() => void run({ type: 'setJoiningLocked', locked: !view.joinLocked })}>
          {view.joinLocked ? t('unlockJoining') : t('lockJoining')}
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          disabled={!can.endSession}
          onClick={() => {
            if (confirm(t('confirmEnd'))) void run({ type: 'endSession' });
          }}
        >
          {t('endSession')}
        </button>
      </div>
      <p id="undo-next" className="hint">{undoText}</p>
      {view.joinLocked && <p className="hint">{t('joiningLockedNote')}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      <label className="inline-check">
        <input type="checkbox" checked={shortcuts} onChange={(e) => setShortcutsOn(e.target.checked)} />
        {t('shortcuts')}
      </label>
      {shortcuts && <p className="hint">{t('keyboardHelp')}</p>}
    </div>
  );
}
