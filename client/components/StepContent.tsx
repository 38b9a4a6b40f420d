// The current agenda step as slide content: used by the screen and by the console's preview.
import { assertNever } from '../../shared/assert-never.ts';
import type { StepView } from '../../shared/session/views.ts';
import { L } from './Localized.tsx';
import { useT } from '../i18n/i18n.ts';

export function StepContent({ step, headingLevel = 1 }: { step: StepView; headingLevel?: 1 | 2 }) {
  const { t } = useT();
  const H = headingLevel === 1 ? 'h1' : 'h2';
  switch (step.kind) {
    case 'lobby':
      return <L as={H} text={{ da: 'Velkommen – deltag', en: 'Welcome – join' }} className="step__title" />;
    case 'context':
      return (
        <>
          <L as={H} text={step.context.title} className="step__title" />
          <ul className="points">
            {step.context.points.map((p, i) => (
              <li key={i}>
                <strong><L text={p.heading} /></strong>
                {p.text && <L as="p" text={p.text} />}
              </li>
            ))}
          </ul>
        </>
      );
    case 'theme':
      return (
        <>
          <p className="step__kicker">{t('theme')}</p>
          <L as={H} text={step.title} className="step__title" />
          <ul className="points">
            {step.statements.map((s, i) => (
              <li key={i}>
                <L text={s.text} />
                {s.details.length > 0 && (
                  <ul className="points__details">
                    {s.details.map((d, j) => (
                      <L as="li" key={j} text={d} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {step.description && <L as="p" text={step.description} className="step__description" />}
        </>
      );
    case 'question':
      return (
        <>
          <p className="step__kicker">
            <L text={step.themeTitle} /> · {t('questionOf', { n: step.number, of: step.of })}
          </p>
          <L as={H} text={step.question.text} className="step__title step__title--question" />
        </>
      );
    default:
      return assertNever(step);
  }
}
