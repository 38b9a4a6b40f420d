import { useStore } from '../store.ts';
import { useT } from '../i18n/i18n.ts';

/** Always visible, announced politely when it changes. Shape and text as well as colour. */
export function ConnectionStatus() {
  const { t } = useT();
  const connection = useStore((s) => s.connection);
  const label = connection === 'online' ? t('online') : connection === 'offline' ? t('offline') : t('connecting');
  return (
    <p className={`connection connection--${connection}`} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      {label}
      {/* On a narrow phone the header stays one line: "retrying" is then read out but not shown. */}
      {connection === 'offline' && <span className="connection__more">{t('offlineRetrying')}</span>}
    </p>
  );
}
