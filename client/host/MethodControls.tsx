import { useState } from 'react';
import type { QuestionCan, QuestionStep } from '../../shared/session/views.ts';
import { TEMPLATE_IDS, type TemplateId } from '../../shared/session/templates.ts';
import { useT } from '../i18n/i18n.ts';
import { useHostCommand } from './use-host-command.ts';

/** Turn a question into a method's steps, or a "Now what" step's answers into actions. */
export function MethodControls({ step, can }: { step: QuestionStep; can: QuestionCan }) {
  const { t } = useT();
  const { run, error } = useHostCommand();
  const allowed = TEMPLATE_IDS.filter((id) => can.applyTemplate[id]);
  const [chosen, setTemplate] = useState<TemplateId>('1-2-4-all');
  const template = allowed.includes(chosen) ? chosen : allowed[0];
  const questionId = step.question.id;
  if (!template && !can.toActions) return null;
  return (
    <div className="stack">
      {template && (
        <details>
          <summary>{t('method')}</summary>
          <div className="stack">
            <p className="hint">{t('methodHint')}</p>
            <label className="inline-field">
              <span>{t('method')}</span>
              <select value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)}>
                {allowed.map((id) => (
                  <option key={id} value={id}>{t(`method_${id}`)}</option>
                ))}
              </select>
            </label>
            <button type="button" className="button" onClick={() => void run({ type: 'applyTemplate', questionId, template })}>
              {t('applyMethod')}
            </button>
          </div>
        </details>
      )}
      {can.toActions && step.question.method?.toActions && (
        <button type="button" className="button" onClick={() => void run({ type: 'answersToActions', questionId })}>
          {t('toActions')}
        </button>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
