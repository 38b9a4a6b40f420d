// Everything the facilitator does with the current question: phases, timer, reveal, split,
// re-vote, per-table answering – and the live results, before the room sees them.
import { useState } from 'react';
import { SPLITS, type Split } from '../../shared/protocol.ts';
import type { HostView, QuestionCan, QuestionStep } from '../../shared/session/views.ts';
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
  // What may be done comes from the core (view.can); this component only lays it out.
  const can = view.can.question;
  const heading = (
    <h2 id="question-controls" className="h3">
      {t(phaseKey(step.phase))} · {t('answeredCount', { n: step.answered ?? 0 })} / {view.participants}
      {step.round > 1 && <> · {t('round', { n: step.round })}</>}
    </h2>
  );
  const results = view.results?.type === 'text' ? (
    <ModerationList questionId={questionId} results={view.results} can={can} canRemove={view.can.removeParticipant} />
  ) : (
    view.results && <Results results={view.results} spec={step.question.response} />
  );
  if (!can || view.ended) {
    return (
      <section className="card stack" aria-labelledby="question-controls">
        {heading}
        <h3 className="h3">{t('liveResults')}</h3>
        {results}
      </section>
    );
  }
  const splits = SPLITS.filter((s) => s === 'none' || s === step.split || (s === 'role' ? can.splitByRole : can.splitByTable));
  return (
    <section className="card stack" aria-labelledby="question-controls">
      {heading}
      <div className="controls">
        {/* One slot each for open/close answering and for voting: React keeps the same button, so a keyboard user's focus stays on it. */}
        {step.phase === 'open' ? (
          <button type="button" className="button button--primary" disabled={!can.closeAnswering} onClick={() => void run({ type: 'closeAnswering', questionId })}>
            {t('closeAnswering')}
          </button>
        ) : step.phase !== 'voting' ? (
          <button type="button" className="button button--primary" disabled={!can.openAnswering} onClick={() => void run({ type: 'openAnswering', questionId })}>
            {t('openAnswering')}
          </button>
        ) : null}
        {step.phase === 'voting' ? (
          <button type="button" className="button button--primary" disabled={!can.closeAnswering} onClick={() => void run({ type: 'closeAnswering', questionId })}>
            {t('closeVoting')}
          </button>
        ) : can.openVoting ? (
          <button type="button" className="button" onClick={() => void run({ type: 'openVoting', questionId })}>
            {t('openVoting')}
          </button>
        ) : null}
        <button type="button" className="button" disabled={!can.setResultsVisible} onClick={() => void run({ type: 'setResultsVisible', questionId, visible: !step.resultsVisible })}>
          {step.resultsVisible ? t('hideResults') : t('showResults')}
        </button>
        {can.startRevote && (
          <button type="button" className="button" onClick={() => void run({ type: 'startRevote', questionId })}>
            {t('revote')}
          </button>
        )}
      </div>
      <p className="hint" role="status">{step.resultsVisible ? t('resultsShown') : t('resultsNotShown')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      <TimerControls step={step} can={can} run={run} />
      <div className="controls">
        {splits.length > 1 && (
          <label className="inline-field">
            <span>{t('split')}</span>
            <select value={step.split} disabled={!can.configure} onChange={(e) => void run({ type: 'configureQuestion', questionId, split: e.target.value as Split })}>
              {splits.map((s) => (
                <option key={s} value={s}>
                  {t(`split_${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {(can.perTable || step.perTable) && (
          <label className="inline-check">
            <input type="checkbox" checked={step.perTable} disabled={!can.perTable} onChange={(e) => void run({ type: 'configureQuestion', questionId, perTable: e.target.checked })} />
            {t('perTable')}
          </label>
        )}
      </div>
      {type === 'text' && (
        <label className="inline-check">
          <input type="checkbox" checked={step.moderate} disabled={!can.configure} onChange={(e) => void run({ type: 'configureQuestion', questionId, moderate: e.target.checked })} />
          {t('moderateQueue')}
        </label>
      )}
      {type === 'text' && (
        <label className="inline-check">
          <input type="checkbox" checked={step.wordCloud} disabled={!can.configure} onChange={(e) => void run({ type: 'configureQuestion', questionId, wordCloud: e.target.checked })} />
          {t('showWordCloud')}
        </label>
      )}
      <h3 className="h3">{t('liveResults')}</h3>
      {results}
      {can.analog && <AnalogForm questionId={questionId} spec={step.question.response} />}
      <MethodControls step={step} can={can} />
      {can.changeType && (
        <details>
          <summary>{t('changeType')}</summary>
          <QuestionForm mode="change" questionId={questionId} current={type} />
        </details>
      )}
    </section>
  );
}

function TimerControls({ step, can, run }: { step: QuestionStep; can: QuestionCan; run: ReturnType<typeof useHostCommand>['run'] }) {
  const { t } = useT();
  const [autoClose, setAutoClose] = useState(false);
  const questionId = step.question.id;
  const running = can.setTimer;
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
      {can.clearTimer && (
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
