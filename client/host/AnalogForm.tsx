// Counts from a show of hands or paper slips, added to the results and marked as analog.
import { useState, type FormEvent } from 'react';
import type { AnswerValue } from '../../shared/protocol.ts';
import type { ResponseSpec } from '../../shared/question-set.ts';
import { useT } from '../i18n/i18n.ts';
import { L } from '../components/Localized.tsx';
import { useHostCommand } from './use-host-command.ts';

type Entry = { answer: AnswerValue; count: number };

export function AnalogForm({ questionId, spec }: { questionId: string; spec: ResponseSpec }) {
  const { t } = useT();
  const { run, error } = useHostCommand();
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [free, setFree] = useState('');
  const field = (key: string, label: React.ReactNode) => (
    <div className="field field--inline" key={key}>
      <label htmlFor={`analog-${key}`}>{label}</label>
      <input id={`analog-${key}`} type="number" inputMode="numeric" min={0} max={10000} value={counts[key] ?? ''} onChange={(e) => setCounts({ ...counts, [key]: e.target.value })} />
    </div>
  );
  const n = (key: string) => Math.max(0, Math.round(Number(counts[key] ?? 0))) || 0;
  const entries = (): Entry[] => {
    switch (spec.type) {
      case 'scale': {
        const out: Entry[] = [];
        for (let v = spec.min; v <= spec.max; v++) if (n(String(v))) out.push({ answer: { kind: 'scale', value: v }, count: n(String(v)) });
        if (spec.dontKnow && n('dk')) out.push({ answer: { kind: 'dontKnow' }, count: n('dk') });
        return out;
      }
      case 'choice':
        return spec.options.flatMap((_, i) => (n(`o${i}`) ? [{ answer: { kind: 'choice', options: [i] }, count: n(`o${i}`) }] : []));
      case 'statements':
        return spec.statements.flatMap((_, i) =>
          (['agree', 'disagree', 'pass'] as const).flatMap((v) => {
            const c = n(`${i}${v}`);
            return c ? [{ answer: { kind: 'statements', votes: spec.statements.map((_, j) => (j === i ? v : null)) }, count: c }] : [];
          }),
        );
      case 'number':
        return tally(free.split(/[\s,;]+/).filter(Boolean).map(Number).filter(Number.isInteger).map((value) => JSON.stringify({ kind: 'number', value })));
      case 'text':
        return tally(free.split('\n').map((l) => l.trim()).filter(Boolean).map((text) => JSON.stringify({ kind: 'text', text: text.slice(0, spec.maxLength) })));
      case 'ranking':
        return [];
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const list = entries();
    if (list.length && (await run({ type: 'addAnalogCounts', questionId, entries: list }))) {
      setCounts({});
      setFree('');
    }
  };
  if (spec.type === 'ranking') return null;
  return (
    <details className="analog">
      <summary>{t('analog')}</summary>
      <form className="stack" onSubmit={submit}>
        <p className="hint">{t('analogHint')}</p>
        <div className="analog__fields">
          {spec.type === 'scale' && (
            <>
              {Array.from({ length: spec.max - spec.min + 1 }, (_, i) => field(String(spec.min + i), String(spec.min + i)))}
              {spec.dontKnow && field('dk', t('dontKnow'))}
            </>
          )}
          {spec.type === 'choice' && spec.options.map((o, i) => field(`o${i}`, <L text={o} />))}
          {spec.type === 'statements' &&
            spec.statements.map((s, i) => (
              <fieldset key={i} className="analog__statement">
                <legend><L text={s} /></legend>
                {field(`${i}agree`, t('agree'))}
                {field(`${i}disagree`, t('disagree'))}
                {field(`${i}pass`, t('pass'))}
              </fieldset>
            ))}
        </div>
        {(spec.type === 'number' || spec.type === 'text') && (
          <div className="field">
            <label htmlFor="analog-free">{spec.type === 'number' ? t('analogNumbers') : t('analogTexts')}</label>
            <textarea id="analog-free" rows={3} value={free} onChange={(e) => setFree(e.target.value)} />
          </div>
        )}
        <button type="submit" className="button">{t('add')}</button>
        {error && <p className="error" role="alert">{error}</p>}
      </form>
    </details>
  );
}

function tally(keys: string[]): Entry[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].slice(0, 50).map(([k, count]) => ({ answer: JSON.parse(k) as AnswerValue, count }));
}
