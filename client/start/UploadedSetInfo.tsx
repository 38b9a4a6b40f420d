// What can be done with an uploaded question set on the start page: replace it with a new
// version of its file, or remove it (workshops already using it keep their own copy). With a
// facilitator password on the server, both need it, like uploading.
import { useState } from 'react';
import { responseErrorText } from '../i18n/errors.ts';
import { pick, useT } from '../i18n/i18n.ts';
import { facilitatorPassword } from './password.ts';
import { QuestionSetUpload, type UploadedSet } from './QuestionSetUpload.tsx';

export function UploadedSetInfo({ set, onChanged }: { set: UploadedSet; onChanged: () => void }) {
  const { t, lang } = useT();
  const [error, setError] = useState<string | null>(null);
  const title = pick(set.title, lang).text;
  const remove = async () => {
    if (!confirm(t('confirmRemoveUpload', { title }))) return;
    setError(null);
    try {
      const res = await fetch(`/api/question-sets/${encodeURIComponent(set.id)}`, { method: 'DELETE', headers: facilitatorPassword.headers() });
      if (!res.ok) return setError(await responseErrorText(lang, res));
      onChanged();
    } catch {
      setError(t('offline'));
    }
  };
  return (
    <div className="question-set__actions">
      <QuestionSetUpload replace={{ id: set.id, title: set.title }} onUploaded={onChanged} />
      <button type="button" className="button button--small button--danger" onClick={() => void remove()}>
        {t('removeUpload')}<span className="visually-hidden"> {title}</span>
      </button>
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
