// Slides of text: the context slide, a theme with its statements (paged when long), the theme
// overview, and the end. The theme's facilitator note never reaches this view.
import type { ScreenView, StepView } from '../../../shared/session/views.ts';
import type { OverviewItem } from '../../../shared/session/overview.ts';
import { useT } from '../../i18n/i18n.ts';
import { L } from '../../components/Localized.tsx';
import { OverviewRow } from '../../components/OverviewRow.tsx';
import { Fitted, localPage, shapeOf } from '../Fitted.tsx';
import { useContext } from 'react';
import { createPortal } from 'react-dom';
import { Footer, FooterHost } from '../Footer.tsx';
import { StageNotes } from './Notes.tsx';

type Step<K extends StepView['kind']> = Extract<StepView, { kind: K }>;

export function ContextSlide({ view, step }: { view: ScreenView; step: Step<'context'> }) {
  const points = step.context.points;
  return (
    <>
      <Fitted shape={shapeOf([step.context, view.notes])} count={points.length} pageable>
        {(fit, list) => (
          <>
            <h1 className="stage-title"><L text={step.context.title} /></h1>
            <ol className="stage-points" ref={list}>
              {points.slice(fit.from, fit.to).map((p, i) => (
                <li key={fit.from + i}>
                  <strong><L text={p.heading} /></strong>
                  {p.text && <L as="p" text={p.text} className="stage-points__text" />}
                </li>
              ))}
            </ol>
            <StageNotes notes={view.notes} />
            <FooterSlot view={view} page={localPage(fit, points.length)} />
          </>
        )}
      </Fitted>
    </>
  );
}

export function ThemeSlide({ view, step }: { view: ScreenView; step: Step<'theme'> }) {
  const { t } = useT();
  const statements = step.statements;
  return (
    <Fitted shape={shapeOf([step.title, step.description, statements, view.notes])} count={statements.length} pageable>
      {(fit, list) => (
        <>
          <p className="stage-kicker">{t('theme')}</p>
          <h1 className="stage-title"><L text={step.title} /></h1>
          {step.description && <L as="p" text={step.description} className="stage-lead" />}
          <ul className="stage-points" ref={list}>
            {statements.slice(fit.from, fit.to).map((s, i) => (
              <li key={fit.from + i}>
                <L text={s.text} />
                {s.details.length > 0 && (
                  <ul className="stage-points__details">
                    {s.details.map((d, j) => (
                      <L as="li" key={j} text={d} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <StageNotes notes={view.notes} />
          <FooterSlot view={view} page={localPage(fit, statements.length)} />
        </>
      )}
    </Fitted>
  );
}

export function OverviewSlide({ view, step, items }: { view: ScreenView; step: Step<'theme'>; items: OverviewItem[] }) {
  const { t } = useT();
  return (
    <Fitted shape={shapeOf([step.title, items])} count={items.length} pageable>
      {(fit, list) => (
        <>
          <p className="stage-kicker"><L text={step.title} /></p>
          <h1 className="stage-title">{t('overviewTitle')}</h1>
          <table className="stage-overview">
            <thead>
              <tr>
                <th scope="col">{t('question')}</th>
                <th scope="col">{t('headline')}</th>
                <th scope="col">{t('largestGap')}</th>
              </tr>
            </thead>
            <tbody ref={list as unknown as React.RefObject<HTMLTableSectionElement | null>}>
              {items.slice(fit.from, fit.to).map((q) => (
                <OverviewRow key={q.questionId} item={q} />
              ))}
            </tbody>
          </table>
          <FooterSlot view={view} page={localPage(fit, items.length)} />
        </>
      )}
    </Fitted>
  );
}

export function EndedSlide({ view }: { view: ScreenView }) {
  const { t } = useT();
  return (
    <Fitted shape={shapeOf([view.title])}>
      {() => (
        <div className="stage-ended">
          <h1 className="stage-title"><L text={view.title} /></h1>
          <p className="stage-lead">{t('screenEnded')}</p>
        </div>
      )}
    </Fitted>
  );
}

/** The footer, portalled out of the fitted box (see Stage.tsx): it never scales with the slide. */
export function FooterSlot({ view, page, status }: { view: ScreenView; page: ReturnType<typeof localPage>; status?: React.ReactNode }) {
  const host = useContext(FooterHost);
  if (!host) return null;
  return createPortal(<Footer code={view.code} participants={view.participants} page={page} {...(status ? { status } : {})} />, host);
}
