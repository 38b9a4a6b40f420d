// Notes the facilitator chose to show on the screen: decisions, actions, the parking lot.
import type { Note } from '../../../shared/session/state.ts';
import { useT } from '../../i18n/i18n.ts';

export function StageNotes({ notes }: { notes: Note[] }) {
  const { t } = useT();
  if (notes.length === 0) return null;
  return (
    <ul className="stage-notes" aria-label={t('notes')}>
      {notes.map((n) => (
        <li key={n.id} className={`stage-notes__item stage-notes__item--${n.kind}`}>
          <strong>{t(`noteKind_${n.kind}`)}:</strong> <bdi>{n.text}</bdi>
          {(n.who || n.due) && <span className="muted"> – {[n.who, n.due].filter(Boolean).join(', ')}</span>}
        </li>
      ))}
    </ul>
  );
}
