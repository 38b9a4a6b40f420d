// A question on the stage: the question itself, then what the phase calls for – how to answer
// while it is open (the options, items or statements to read), the results once the
// facilitator shows them, the wall of answers one page at a time.
import { assertNever } from '../../../shared/assert-never.ts';
import type { LocalizedText, ResponseSpec } from '../../../shared/question-set.ts';
import type { QuestionStep, ScreenView } from '../../../shared/session/views.ts';
import type { Results, TextResults } from '../../../shared/session/results.ts';
import { dictionaries, useT } from '../../i18n/i18n.ts';
import { L } from '../../components/Localized.tsx';
import { Countdown } from '../../components/Countdown.tsx';
import { CountUp } from '../charts/CountUp.tsx';
import { Facts, StageResults } from '../charts/Results.tsx';
import { Wall, WordCloud } from '../charts/Wall.tsx';
import { Fitted, localPage, shapeOf } from '../Fitted.tsx';
import { FooterSlot } from './Text.tsx';
import { StageNotes } from './Notes.tsx';

export function QuestionSlide({ view, step }: { view: ScreenView; step: QuestionStep }) {
  const results = view.results;
  const spec = step.question.response;
  const listed = results ? [] : promptItems(spec);
  const shape = shapeOf([step.question, step.phase, step.timer !== null, results && resultShape(results), view.notes, view.lang]);
  return (
    <Fitted shape={shape} count={listed.length} pageable={listed.length > 0}>
      {(fit, list) => (
        <>
          <p className="stage-kicker">
            <L text={step.themeTitle} /> · <QuestionOf step={step} />
          </p>
          <h1 className="stage-title stage-title--question"><L text={step.question.text} /></h1>
          {results ? (
            <ResultsBody results={results} spec={spec} />
          ) : (
            <Prompt spec={spec} from={fit.from} to={fit.to} list={list} />
          )}
          <StageNotes notes={view.notes} />
          <FooterSlot view={view} page={results?.type === 'text' && results.page ? results.page : localPage(fit, listed.length)} status={<Status step={step} />} />
        </>
      )}
    </Fitted>
  );
}

function QuestionOf({ step }: { step: QuestionStep }) {
  const { t } = useT();
  return <>{t('questionOf', { n: step.number, of: step.of })}</>;
}

/** Words and numbers of the results, not the counts: what changes the layout. */
function resultShape(r: Results): unknown {
  if (r.type === 'text') return [r.answers.map((a) => [a.text, a.merged, a.pinned, a.late, a.table]), r.words?.map((w) => w.word), r.votesShown];
  return [r.type, r.groups?.map((g) => [g.key, g.suppressed]), r.round, 'bars' in r ? r.bars.map((b) => b.label) : null];
}

function ResultsBody({ results, spec }: { results: Results; spec: ResponseSpec }) {
  const { t } = useT();
  if (results.type === 'text') {
    return (
      <section aria-label={t('answerWall')}>
        <p className="stage-facts">
          <span>{t('nAnswers', { n: results.n })}</span>
        </p>
        {results.words && results.words.length > 0 ? <WordCloud words={results.words} /> : <Wall results={results} />}
      </section>
    );
  }
  return (
    <figure className="stage-figure">
      <StageResults results={results} spec={spec} />
      <figcaption>
        <Facts results={results} />
      </figcaption>
    </figure>
  );
}

/** What the room reads while answering: the options ("Andet" last), items or statements. */
function promptItems(spec: ResponseSpec): LocalizedText[] {
  switch (spec.type) {
    case 'choice':
      return spec.other ? [...spec.options, { da: dictionaries.da.otherOption, en: dictionaries.en.otherOption }] : spec.options;
    case 'ranking':
      return spec.items;
    case 'statements':
      return spec.statements;
    case 'scale':
    case 'number':
    case 'text':
      return [];
    default:
      return assertNever(spec);
  }
}

/** How to answer, read from the stage while the phones answer. */
function Prompt({ spec, from, to, list }: { spec: ResponseSpec; from: number; to: number; list: React.RefObject<HTMLOListElement | null> }) {
  const { t } = useT();
  switch (spec.type) {
    case 'scale':
      return (
        <div className="prompt-scale" aria-label={t('answerOnPhone')}>
          <span className="prompt-scale__end"><L text={spec.minLabel} /></span>
          <ol className="prompt-scale__points">
            {Array.from({ length: spec.max - spec.min + 1 }, (_, i) => (
              <li key={i}>{spec.min + i}</li>
            ))}
          </ol>
          <span className="prompt-scale__end"><L text={spec.maxLabel} /></span>
        </div>
      );
    case 'number':
      return (
        <p className="stage-lead">
          {t('numberPrompt', { min: spec.min, max: spec.max })} {spec.unit && <L text={spec.unit} />}
        </p>
      );
    case 'text':
      return <p className="stage-lead">{t('textPrompt', { n: spec.maxAnswers })}</p>;
    case 'choice':
    case 'ranking':
    case 'statements': {
      const items = promptItems(spec);
      return (
        <ol className={`stage-options stage-options--${spec.type}`} ref={list} start={from + 1}>
          {items.slice(from, to).map((item, i) => (
            <li key={from + i}><L text={item} /></li>
          ))}
        </ol>
      );
    }
    default:
      return assertNever(spec);
  }
}

/** The phase in words, how many have answered (ticking), and the timer. */
function Status({ step }: { step: QuestionStep }) {
  const { t } = useT();
  const phase = step.phase === 'open' ? t('answeringOpen') : step.phase === 'voting' ? t('votingOpen') : step.phase === 'closed' ? t('answeringClosed') : t('answeringIdle');
  return (
    <div className={`stage-phase stage-phase--${step.phase}`}>
      <p role="status" aria-live="polite">
        <span className="stage-phase__dot" aria-hidden="true" /> {phase}
      </p>
      {step.phase !== 'idle' && (
        <p className="stage-phase__answered">
          <CountUp value={step.answered ?? 0} /> {t('answeredWord', { n: step.answered ?? 0 })}
        </p>
      )}
      {step.timer && step.phase !== 'closed' && <Countdown endsAt={step.timer.endsAt} size="large" />}
    </div>
  );
}
