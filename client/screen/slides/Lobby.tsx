// The lobby: the room arrives. The join code and address are the largest things on the stage,
// the QR code beside them, and the count and roles grow as people join.
import type { Role } from '../../../shared/protocol.ts';
import type { ScreenView } from '../../../shared/session/views.ts';
import { useT } from '../../i18n/i18n.ts';
import { L } from '../../components/Localized.tsx';
import { CountUp } from '../charts/CountUp.tsx';
import { Fitted, shapeOf } from '../Fitted.tsx';
import { useJoinAddress } from '../Footer.tsx';

export function LobbySlide({ view }: { view: ScreenView }) {
  const { t } = useT();
  const address = useJoinAddress(view.code);
  const roles = Object.entries(view.roles ?? {}) as [Role, number][];
  return (
    <Fitted shape={shapeOf([view.title, address, roles])}>
      {() => (
        <div className="lobby-stage">
          <div className="lobby-stage__join">
            <h1 className="lobby-stage__title"><L text={view.title} /></h1>
            <p className="lobby-stage__at">
              {t('joinAt')} <strong className="lobby-stage__url">{address}</strong> {t('withCode')}
            </p>
            <p className="lobby-stage__code">
              <span aria-hidden="true">{view.code}</span>
              <span className="visually-hidden">{`${t('joinCodeLabel')}: ${view.code.split('').join(' ')}`}</span>
            </p>
            <p className="lobby-stage__count" role="status" aria-live="polite">
              <CountUp value={view.participants} /> {t('participantsWord', { n: view.participants })}
            </p>
            {roles.length > 0 && (
              <ul className="lobby-stage__roles" aria-label={t('rolesSoFar')}>
                {roles.map(([role, n]) => (
                  <li key={role}>
                    {t(`role_${role}`)} <strong><CountUp value={n} /></strong>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <figure className="lobby-stage__qr">
            <img src={`/api/sessions/${view.code}/qr.svg`} alt={t('qrAlt')} width={560} height={560} />
            <figcaption>{t('scanToJoin')}</figcaption>
          </figure>
        </div>
      )}
    </Fitted>
  );
}
