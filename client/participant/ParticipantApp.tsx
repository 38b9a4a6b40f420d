// The phone: join, wait, answer the open question, see results when the facilitator shows them.
import { useEffect } from 'react';
import { useStore } from '../store.ts';
import { connect } from '../net/connection.ts';
import { useT } from '../i18n/i18n.ts';
import type { ParticipantView, MeView } from '../../shared/session/views.ts';
import { TopBar } from '../components/TopBar.tsx';
import { L } from '../components/Localized.tsx';
import { Results } from '../components/results/Results.tsx';
import { FatalNotice } from '../components/FatalNotice.tsx';
import { JoinForm } from './JoinForm.tsx';
import { AnswerInput } from './AnswerInput.tsx';
import { VotingPanel } from './VotingPanel.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { pick } from '../i18n/i18n.ts';

export function ParticipantApp({ code }: { code: string }) {
  useEffect(() => connect('participant', code), [code]);
  const { t, lang } = useT();
  const view = useStore((s) => (s.view?.audience === 'participant' ? s.view : null));
  const me = useStore((s) => s.me);
  const fatal = useStore((s) => s.fatal);

  if (fatal) return <FatalNotice code={code} reason={fatal} />;
  if (view?.ended) {
    // Thanks only to someone who answered; a late visitor is told the workshop is over.
    const answered = me ? Object.keys(me.answers).length > 0 : false;
    return (
      <div className="page page--phone">
        <TopBar />
        <main id="main" className="phone">
          <section className="card stack">
            <h1>{pick(view.title, lang).text}</h1>
            <p role="status">{answered ? t('sessionEnded') : t('sessionEndedVisitor')}</p>
          </section>
        </main>
      </div>
    );
  }
  return (
    <div className="page page--phone">
      <TopBar />
      <main id="main" className="phone">
        {!view || me === undefined ? (
          <p className="muted" role="status">{t('loading')}</p>
        ) : me === null ? (
          <JoinForm title={pick(view.title, lang).text} tables={view.tables} />
        ) : (
          <Joined view={view} me={me} />
        )}
      </main>
    </div>
  );
}

function Joined({ view, me }: { view: ParticipantView; me: MeView }) {
  const { t } = useT();
  const step = view.step;
  if (!step || step.kind !== 'question') {
    return (
      <section className="card stack waiting">
        <h1>{t('waitingTitle')}</h1>
        {step?.kind === 'theme' && (
          <p className="step__kicker">
            {t('theme')}: <L text={step.title} />
          </p>
        )}
        <p>{step?.kind === 'lobby' ? t('waitingText') : t('lookAtScreen')}</p>
        <p className="hint">{me.name ? t('joinedAsNamed', { name: me.name, role: t(`role_${me.role}`) }) : t('joinedAs', { role: t(`role_${me.role}`) })}</p>
      </section>
    );
  }
  const { question, phase } = step;
  const mine = me.answers[question.id] ?? [];
  // What this phone may send comes from the server's `me`, by the rules the server applies.
  const may = me.answering[question.id];
  const open = may?.answer ?? false;
  const spec = question.response;
  const voting = me.voting.find((v) => v.questionId === question.id);
  const shown = phase !== 'idle' && phase !== 'voting';
  const key = `${question.id}:${step.round}`;
  return (
    <section className="card stack" aria-labelledby="question-text">
      <p className="step__kicker">
        <L text={step.themeTitle} /> · {t('questionOf', { n: step.number, of: step.of })}
        {step.round > 1 && <> · {t('round', { n: step.round })}</>}
      </p>
      <h1 id="question-text" className="question-text">
        <L text={question.text} />
      </h1>
      <p className={`phase phase--${phase}`} role="status">
        {phase === 'open' ? t('phase_open') : phase === 'voting' ? t('phase_voting') : phase === 'closed' ? t('closedNow') : t('notOpenYet')}
      </p>
      {step.timer && phase !== 'closed' && <Countdown endsAt={step.timer.endsAt} />}
      {step.perTable && me.table !== undefined && <p className="hint">{t('perTableNote')} {t('yourTable', { n: me.table })}</p>}
      {shown && <AnswerInput key={key} spec={spec} questionId={question.id} mine={mine} open={open} may={may} />}
      {phase === 'voting' && voting && <VotingPanel voting={voting} />}
      {phase === 'closed' && mine.length === 0 && <p className="muted">{t('noAnswer')}</p>}
      {view.results && (
        <section aria-labelledby="results-heading" className="stack">
          <h2 id="results-heading" className="h3">{t('results')}</h2>
          <Results results={view.results} spec={spec} />
        </section>
      )}
    </section>
  );
}
