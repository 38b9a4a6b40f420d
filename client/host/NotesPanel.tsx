// Notes, decisions and actions (what / who / when) for the current question, its theme or the
// whole workshop, plus the parking lot: the workshop's minutes, kept as it happens.
import { useEffect, useState, type FormEvent } from 'react';
import { LIMITS, NOTE_KINDS, type NoteKind, type NoteScope } from '../../shared/protocol.ts';
import type { HostView } from '../../shared/session/views.ts';
import { useT } from '../i18n/i18n.ts';
import { useHostCommand } from './use-host-command.ts';

type ScopeKind = NoteScope['kind'];

export function NotesPanel({ view }: { view: HostView }) {
  const { t } = useT();
  const { run, error } = useHostCommand();
  const step = view.step;
  const scopes: ScopeKind[] = ['session', ...(step?.kind === 'theme' || step?.kind === 'question' ? (['theme'] as const) : []), ...(step?.kind === 'question' ? (['question'] as const) : [])];
  const [kind, setKind] = useState<NoteKind>('note');
  const [scopeKind, setScopeKind] = useState<ScopeKind>('question');
  const [text, setText] = useState('');
  const [who, setWho] = useState('');
  const [due, setDue] = useState('');
  const scopeNow: ScopeKind = scopes.includes(scopeKind) ? scopeKind : scopes[scopes.length - 1]!;
  const scope = (k: ScopeKind): NoteScope =>
    k === 'question' && step?.kind === 'question' ? { kind: 'question', questionId: step.question.id } : k === 'theme' && (step?.kind === 'theme' || step?.kind === 'question') ? { kind: 'theme', themeId: step.themeId } : { kind: 'session' };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const ok = await run({
      type: 'addNote',
      scope: scope(kind === 'parking' ? 'session' : scopeNow),
      kind,
      text: text.trim(),
      ...(kind === 'action' && who.trim() ? { who: who.trim() } : {}),
      ...(kind === 'action' && due.trim() ? { due: due.trim() } : {}),
      onScreen: false,
    });
    if (ok) {
      setText('');
      setWho('');
      setDue('');
    }
  };
  const here = view.notes.filter((n) => n.kind === 'parking' || n.scope.kind === 'session' || (n.scope.kind === 'theme' && (step?.kind === 'theme' || step?.kind === 'question') && n.scope.themeId === step.themeId) || (n.scope.kind === 'question' && step?.kind === 'question' && n.scope.questionId === step.question.id));
  return (
    <section className="card stack" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="h3">{t('notes')}</h2>
      {view.can.notes && <form className="note-form" onSubmit={submit}>
        {/* label[for], not a wrapping label: a wrapping label's name would take in the chosen value. */}
        <span className="inline-field">
          <label htmlFor="note-kind">{t('noteKind')}</label>
          <select id="note-kind" value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
            {NOTE_KINDS.map((k) => (
              <option key={k} value={k}>{t(`noteKind_${k}`)}</option>
            ))}
          </select>
        </span>
        {kind !== 'parking' && scopes.length > 1 && (
          <span className="inline-field">
            <label htmlFor="note-scope">{t('noteScope')}</label>
            <select id="note-scope" value={scopeNow} onChange={(e) => setScopeKind(e.target.value as ScopeKind)}>
              {scopes.map((s) => (
                <option key={s} value={s}>{t(`scope_${s}`)}</option>
              ))}
            </select>
          </span>
        )}
        <div className="field note-form__text">
          <label htmlFor="note-text">{t('noteText')}</label>
          <textarea id="note-text" rows={2} maxLength={LIMITS.noteLength} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        {kind === 'action' && (
          <>
            <div className="field">
              <label htmlFor="note-who">{t('noteWho')}</label>
              <input id="note-who" maxLength={LIMITS.noteWho} value={who} onChange={(e) => setWho(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="note-due">{t('noteDue')}</label>
              <input id="note-due" maxLength={LIMITS.noteDue} value={due} onChange={(e) => setDue(e.target.value)} />
            </div>
          </>
        )}
        <button type="submit" className="button" disabled={!text.trim()}>{t('addNote')}</button>
      </form>}
      {error && <p className="error" role="alert">{error}</p>}
      {here.length === 0 ? (
        <p className="muted">{t('noNotes')}</p>
      ) : (
        <ul className="notes">
          {here.map((n) => (
            <li key={n.id} className={`note note--${n.kind}`}>
              <span className="tag">{t(`noteKind_${n.kind}`)}</span> <bdi>{n.text}</bdi>
              {(n.who || n.due) && <span className="hint"> – {[n.who, n.due].filter(Boolean).join(', ')}</span>}
              <span className="note__actions">
                <OnScreenToggle noteId={n.id} onScreen={n.onScreen} run={run} label={t('showOnScreen')} disabled={!view.can.notes} />
                <button type="button" className="button button--small" disabled={!view.can.notes} onClick={() => void run({ type: 'deleteNote', noteId: n.id })}>
                  {t('deleteNote')}<span className="visually-hidden">: {n.text.slice(0, 40)}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Ticks at once (the server's view follows), so the box never lags behind the click. */
function OnScreenToggle({ noteId, onScreen, run, label, disabled }: { noteId: string; onScreen: boolean; run: ReturnType<typeof useHostCommand>['run']; label: string; disabled: boolean }) {
  const [pending, setPending] = useState<boolean | null>(null);
  // The server's view has caught up: follow it again.
  useEffect(() => {
    if (pending !== null && pending === onScreen) setPending(null);
  }, [onScreen, pending]);
  return (
    <label className="inline-check">
      <input
        type="checkbox"
        checked={pending ?? onScreen}
        disabled={disabled}
        onChange={(e) => {
          const next = e.target.checked;
          setPending(next);
          void run({ type: 'updateNote', noteId, onScreen: next }).then((ok) => {
            if (!ok) setPending(null);
          });
        }}
      />
      {label}
    </label>
  );
}
