// Everything the facilitator does with the current question: phases, timer, reveal, split,
// re-vote, per-table answering – and the live results, before the room sees them.
import { useState } from 'react';
import { SPLITS, type Split } from '../../shared/protocol.ts';
import type { HostView, QuestionStep } from '../../shared/session/views.ts';
import { useT } from '../i18n/i18n.ts';
import { Results } from '../components/results/Results.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { phaseKey } from '../components/phase.ts';
import { useHostCommand } from './use-host-command.ts';
import { ModerationList } from './ModerationList.tsx';
import { AnalogForm } from './AnalogForm.tsx';
import { QuestionForm } from './QuestionForm.tsx';
import { MethodControls } from './MethodControls.tsx';

export function QuestionControls({ view, step }: { view: HostView; step: QuestionStep }) {
  const { t } = useT();
  const { run, error } = useHostCommand();
  const questionId = step.question.id;
  const type = step.question.response.type;
  return (
    <section className="card stack" aria-labelledby="question-controls">
      <h2 id="question-controls" className="h3">
        {t(phaseKey(step.phase))} · {t('answeredCount', { n: step.answered ?? 0 })} / {view.participants}
        {step.round > 1 && <> · {t('round', { n: step.round })}</>}
      </h2>
      <div className="controls">
        {/* One slot each for open/close answering and for voting: React keeps the same button, so a keyboard user's focus stays on it. */}
        {step.phase === 'open' ? (
          <button type="button" className="button button--primary" onClick={() => void run({ type: 'closeAnswering', questionId })}>
            {t('closeAnswering')}
          </button>
        ) : step.phase !== 'voting' ? (
          <button type="button" className="button button--primary" onClick={() => void run({ type: 'openAnswering', questionId })}>
            {t('openAnswering')}
          </button>
        ) : null}
        {step.phase === 'voting' ? (
          <button type="button" className="button button--primary" onClick={() => void run({ type: 'closeAnswering', questionId })}>
            {t('closeVoting')}
          </button>
        ) : type === 'text' ? (
          <button type="button" className="button" onClick={() => void run({ type: 'openVoting', questionId })} disabled={(step.answered ?? 0) === 0}>
            {t('openVoting')}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => void run({ type: 'setResultsVisible', questionId, visible: !step.resultsVisible })}
        >
          {step.resultsVisible ? t('hideResults') : t('showResults')}
        </button>
        {type !== 'text' && step.phase === 'closed' && (
          <button type="button" className="button" onClick={() => void run({ type: 'startRevote', questionId })}>
            {t('revote')}
          </button>
        )}
      </div>
      <p className="hint" role="status">{step.resultsVisible ? t('resultsShown') : t('resultsNotShown')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      <TimerControls step={step} run={run} />
      <div className="controls">
        <label className="inline-field">
          <span>{t('split')}</span>
          <select value={step.split} onChange={(e) => void run({ type: 'configureQuestion', questionId, split: e.target.value as Split })}>
            {SPLITS.map((s) => (
              <option key={s} value={s} disabled={s === 'table' && view.tables === 0}>
                {t(`split_${s}`)}
              </option>
            ))}
          </select>
        </label>
        {type === 'text' && view.tables > 0 && (
          <label className="inline-check">
            <input
              type="checkbox"
              checked={step.perTable}
              disabled={(step.answered ?? 0) > 0}
              onChange={(e) => void run({ type: 'configureQuestion', questionId, perTable: e.target.checked })}
            />
            {t('perTable')}
          </label>
        )}
      </div>
      {type === 'text' && (
        <label className="inline-check">
          <input type="checkbox" checked={step.moderate} onChange={(e) => void run({ type: 'configureQuestion', questionId, moderate: e.target.checked })} />
          {t('moderateQueue')}
        </label>
      )}
      {type === 'text' && (
        <label className="inline-check">
          <input type="checkbox" checked={step.wordCloud} onChange={(e) => void run({ type: 'configureQuestion', questionId, wordCloud: e.target.checked })} />
          {t('showWordCloud')}
        </label>
      )}
      <h3 className="h3">{t('liveResults')}</h3>
      {view.results?.type === 'text' ? (
        <ModerationList questionId={questionId} results={view.results} />
      ) : (
        view.results && <Results results={view.results} spec={step.question.response} />
      )}
      <AnalogForm questionId={questionId} spec={step.question.response} />
      <MethodControls step={step} />
      {(step.answered ?? 0) === 0 && step.round === 1 && !view.results?.analog && (
        <details>
          <summary>{t('changeType')}</summary>
          <QuestionForm mode="change" questionId={questionId} current={type} />
        </details>
      )}
    </section>
  );
}

function TimerControls({ step, run }: { step: QuestionStep; run: ReturnType<typeof useHostCommand>['run'] }) {
  const { t } = useT();
  const [autoClose, setAutoClose] = useState(false);
  const questionId = step.question.id;
  const running = step.phase === 'open' || step.phase === 'voting';
  if (!running && !step.timer) return null;
  return (
    <div className="controls" role="group" aria-label={t('timer')}>
      {step.timer && <Countdown endsAt={step.timer.endsAt} />}
      {running &&
        [1, 2, 5].map((m) => (
          <button key={m} type="button" className="button button--small" onClick={() => void run({ type: 'setTimer', questionId, seconds: m * 60, autoClose })}>
            {t('minutes', { n: m })}
            <span className="visually-hidden"> {t('setTimer')}</span>
          </button>
        ))}
      {step.timer && (
        <button type="button" className="button button--small" onClick={() => void run({ type: 'setTimer', questionId, seconds: 0, autoClose: false })}>
          {t('clearTimer')}
        </button>
      )}
      {running && (
        <label className="inline-check">
          <input type="checkbox" checked={autoClose} onChange={(e) => setAutoClose(e.target.checked)} />
          {t('autoClose')}
        </label>
      )}
    </div>
  );
}
