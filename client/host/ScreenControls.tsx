// What the projector shows, from the console: turn the page of a long list (the wall, a long
// list of statements), let it turn by itself, and on a theme step show the theme overview.
// The page lives in the core, so the console and the screen agree on it.
import type { HostView } from '../../shared/session/views.ts';
import { useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';
import { useHostCommand } from './use-host-command.ts';

export function ScreenControls({ view }: { view: HostView }) {
  const { t } = useT();
  const { run, error } = useHostCommand();
  const wall = view.screenWall;
  return (
    <section className="card stack" aria-labelledby="screen-controls-heading">
      <h2 id="screen-controls-heading" className="h3">{t('screenControls')}</h2>
      <div className="controls">
        <button type="button" className="button button--small" disabled={!view.can.turnScreenPage} onClick={() => void run({ type: 'turnScreenPage', by: -1 })}>
          ← {t('screenPagePrev')}
        </button>
        <button type="button" className="button button--small" disabled={!view.can.turnScreenPage} onClick={() => void run({ type: 'turnScreenPage', by: 1 })}>
          {t('screenPageNext')} →
        </button>
        <label className="inline-check">
          <input type="checkbox" checked={view.screenRotate} disabled={!view.can.screenRotate} onChange={(e) => void run({ type: 'configureScreen', rotate: e.target.checked })} />
          {t('screenRotate')}
        </label>
        {view.step?.kind === 'theme' && (
          <label className="inline-check">
            <input type="checkbox" checked={view.screenOverview} disabled={!view.can.screenOverview} onChange={(e) => void run({ type: 'configureScreen', overview: e.target.checked })} />
            {t('screenOverview')}
          </label>
        )}
      </div>
      {wall && wall.total > 0 && (
        <p className="hint" role="status">
          {t('screenWallPage', { first: wall.first, last: wall.last, total: wall.total, page: wall.index + 1, pages: wall.count })}
        </p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}

/** The theme's note for the facilitator: here only, never on the screen or the phones. */
export function FacilitatorNote({ view }: { view: HostView }) {
  const { t } = useT();
  if (!view.facilitatorNote) return null;
  return (
    <aside className="card facilitator-note" aria-labelledby="facilitator-note-heading">
      <h2 id="facilitator-note-heading" className="h3">{t('facilitatorNoteHeading')}</h2>
      <L as="p" text={view.facilitatorNote} />
    </aside>
  );
}
