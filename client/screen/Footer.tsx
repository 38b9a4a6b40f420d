// The stage's footer: what is happening (left), which page (middle) and how to join (right).
// The join box lives here, in a strip of its own, so nothing on a slide can ever sit under it.
import { createContext, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.ts';
import { displayUrl, useJoinUrl } from '../components/use-join-url.ts';
import { CountUp } from './charts/CountUp.tsx';

/** Where slides put their footer: a strip of the stage outside the fitted box. */
export const FooterHost = createContext<HTMLElement | null>(null);

export type PageLabel = { first: number; last: number; total: number } | null;

export function Footer({ code, participants, status, page }: { code: string; participants: number; status?: ReactNode; page?: PageLabel }) {
  const { t } = useT();
  return (
    <footer className="stage__foot">
      <div className="stage__status">{status}</div>
      <p className="stage__pager" role="status" aria-live="polite">
        {page && page.total > 0 && t('pageRange', { first: page.first, last: page.last, total: page.total })}
      </p>
      <JoinBox code={code} participants={participants} />
    </footer>
  );
}

/** "host/join": phones type the code on that page, or scan the QR code that carries it. */
export function useJoinAddress(code: string): string {
  return displayUrl(useJoinUrl(code)).replace(/\/[A-Z0-9]+$/, '');
}

function JoinBox({ code, participants }: { code: string; participants: number }) {
  const { t } = useT();
  const address = useJoinAddress(code);
  return (
    <aside className="join-box" aria-label={t('joinHeading')} data-join-box="">
      <img src={`/api/sessions/${code}/qr.svg`} alt={t('qrAlt')} width={128} height={128} />
      <div className="join-box__text">
        <p className="join-box__url">{address}</p>
        <p className="join-box__code">
          <span aria-hidden="true">{code}</span>
          <span className="visually-hidden">{`${t('joinCodeLabel')}: ${code.split('').join(' ')}`}</span>
        </p>
        <p className="join-box__count">
          <CountUp value={participants} /> {t('participantsWord', { n: participants })}
        </p>
      </div>
    </aside>
  );
}
