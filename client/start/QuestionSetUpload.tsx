// Upload an own question set (.md or .json) from the start page, or replace an upload with a new
// version of its file (never the default agenda either way). The server validates the whole
// file; its problems (line or field, and what is wrong – in the reader's language) are listed
// here, and nothing is added until the file is valid. A valid file is offered at once. The file
// is read by its bytes: UTF-16 and Windows-1252 ("ANSI") keep their æøå, the latter with a notice.
import { useId, useState, type ChangeEvent } from 'react';
import type { LocalizedText } from '../../shared/question-set.ts';
import { decodeQuestionSetBytes } from '../../shared/question-set-md/encoding.ts';
import { MAX_QUESTION_SET_BYTES, questionSetFormat } from '../../shared/question-set-md/file-kind.ts';
import { errorText } from '../i18n/errors.ts';
import { pick, useT, type MessageKey } from '../i18n/i18n.ts';
import { facilitatorPassword } from './password.ts';

export type UploadedSet = {
  id: string;
  title: LocalizedText;
  subtitle?: LocalizedText;
  themes: number;
  questions: number;
  /** The default agenda (always one of the server's own files). */
  default?: boolean;
  /** Only for uploads: when, and whether the facilitator password was required for it. */
  uploaded?: { at: string; withPassword: boolean };
};
type Problem = { path: string; message: string; da?: string };
type Notice = { da: string; en: string } | undefined;
type ErrorBody = { error?: { code?: string; message?: string; problems?: Problem[] } };
type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; set: UploadedSet; notice: Notice }
  | { kind: 'failed'; message: string; problems: Problem[]; notice?: Notice };

/** Errors the page can say in the reader's language; the rest show the server's message. */
const KNOWN: Record<string, MessageKey> = {
  duplicate_id: 'uploadDuplicate',
  password_required: 'uploadNeedsPassword',
  too_large: 'uploadTooLarge',
  too_many_uploads: 'uploadTooMany',
};

/** `replace`: the id of an upload this file replaces (PUT), shown as a compact control. */
export function QuestionSetUpload({ onUploaded, replace }: { onUploaded: (set: UploadedSet) => void; replace?: { id: string; title: LocalizedText } }) {
  const { t, lang } = useT();
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const kib = MAX_QUESTION_SET_BYTES / 1024;

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file || state.kind === 'busy') return;
    let notice: Notice;
    const fail = (message: string, problems: Problem[] = []) => setState({ kind: 'failed', message, problems, notice });
    try {
      if (!questionSetFormat(file.name)) return fail(t('uploadWrongType'));
      if (file.size > MAX_QUESTION_SET_BYTES) return fail(t('uploadTooLarge', { kib }));
      setState({ kind: 'busy' });
      const decoded = decodeQuestionSetBytes(new Uint8Array(await file.arrayBuffer()));
      notice = decoded.notice;
      const res = await fetch(replace ? `/api/question-sets/${encodeURIComponent(replace.id)}` : '/api/question-sets', {
        method: replace ? 'PUT' : 'POST',
        headers: { 'Content-Type': 'application/json', ...facilitatorPassword.headers() },
        body: JSON.stringify({ filename: file.name, content: decoded.text }),
      });
      // A proxy in front may answer with a page of its own (a 413 for a body it finds too large).
      const body = (await res.json().catch(() => ({}))) as UploadedSet & ErrorBody;
      if (res.ok) {
        setState({ kind: 'done', set: body, notice });
        onUploaded(body);
        return;
      }
      const code = body.error?.code ?? (res.status === 413 ? 'too_large' : undefined);
      const known = KNOWN[code ?? ''];
      if (code === 'invalid_question_set') fail(t('uploadInvalid', { file: file.name }), body.error?.problems ?? []);
      else if (known) fail(t(known, { kib }));
      else fail(code ? errorText(lang, { code }) : t('uploadFailed', { message: `${res.status} ${res.statusText}` }));
    } catch (err) {
      fail(t('uploadFailed', { message: (err as Error).message }));
    } finally {
      // Choosing the same file again, once fixed, must upload it again.
      input.value = '';
    }
  }

  const label = replace ? (
    <>
      {t('replaceUpload')}
      <span className="visually-hidden"> {pick(replace.title, lang).text}</span>
    </>
  ) : (
    t('uploadLabel')
  );
  return (
    <div className={replace ? 'field field--compact' : 'field'}>
      <label htmlFor={`${id}-file`} className={replace ? 'button button--small' : undefined}>{label}</label>
      <input
        id={`${id}-file`}
        type="file"
        className={replace ? 'visually-hidden' : undefined}
        accept=".md,.markdown,.json,text/markdown,application/json"
        onChange={upload}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className={replace ? 'visually-hidden' : 'hint'}>{t('uploadHint', { kib })}</p>
      {state.kind === 'busy' && <p className="muted" role="status">{t('uploading')}</p>}
      {state.kind === 'done' && <p role="status">{t(replace ? 'uploadReplaced' : 'uploadDone', { title: pick(state.set.title, lang).text })}</p>}
      {(state.kind === 'done' || state.kind === 'failed') && state.notice && (
        <p className="notice" data-testid="upload-encoding">
          {state.notice[lang]}
        </p>
      )}
      {state.kind === 'failed' && (
        <div className="error" role="alert">
          <p>{state.message}</p>
          {state.problems.length > 0 && (
            <ul>
              {state.problems.map((p, i) => (
                <li key={i}>
                  {p.path && <code>{where(p.path, lang)}</code>}
                  {p.path && ': '}
                  {lang === 'da' && p.da ? p.da : p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** "line 6" / "line 2, column 11" in the reader's language; a JSON field path stays as written. */
function where(path: string, lang: 'da' | 'en'): string {
  if (lang === 'en') return path;
  return path.replace(/^line (\d+)/, 'linje $1').replace(/, column (\d+)$/, ', kolonne $1');
}
