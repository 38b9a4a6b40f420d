// The HTTP client of the browser pages: each /api call, what it sends and the shape of what comes
// back, in one place (docs/protocol.md, "HTTP"). The console's calls and the start page's list of
// workshops use it; the start page's create and upload and the campaign pages are still to move here. A refusal is thrown as an ApiError with the
// server's error code (or one read from the status), which i18n/errors.ts says in the reader's
// language; a network failure is the browser's TypeError, as fetch throws it.
import type { LocalizedText } from '../../shared/question-set.ts';
import { facilitatorPassword } from '../start/password.ts';

export type SessionInfo = { code: string; title: LocalizedText; joinUrl: string };
export type SessionStatus = { code: string; status: 'active' | 'ended' | 'missing'; title?: LocalizedText; createdAt?: number; participants?: number };
export type Problem = { path: string; message: string; da?: string };
export type EraseTarget = { participantId: string } | { answerId: string } | { purge: true };
export type Erased = { participants: number; answers: number; notes: number };
export type DownloadFormat = 'docx' | 'html' | 'xlsx' | 'csv' | 'md' | 'json';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** An invalid question set's problems (line or field, and what is wrong). */
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { code?: string; message?: string; problems?: Problem[] } } | null;

/** The code of a refusal: the body's, else one the status implies (a proxy's page has no JSON). */
function codeOf(body: ErrorBody, status: number): string {
  return body?.error?.code ?? (status === 413 ? 'too_large' : status === 429 ? 'rate_limited' : status === 404 ? 'not_found' : 'internal');
}

async function refusal(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as ErrorBody;
  return new ApiError(res.status, codeOf(body, res.status), body?.error?.message ?? res.statusText, body?.error?.problems ?? []);
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, init);
  if (!res.ok) throw await refusal(res);
  return (await res.json()) as T;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const api = {
  /** The session's public facts; its join link as the server sees it (LAN address or PUBLIC_URL). */
  session: (code: string) => call<SessionInfo>(`/api/sessions/${code}`),
  /** The status of workshops this browser created (at most 100). */
  statuses: (sessions: { code: string; token: string }[]) => call<SessionStatus[]>('/api/sessions/status', json({ sessions: sessions.slice(0, 100) }, facilitatorPassword.headers())),
  deleteSession: async (code: string, token: string): Promise<void> => {
    const res = await fetch(`/api/sessions/${code}`, { method: 'DELETE', headers: bearer(token) });
    if (!res.ok) throw await refusal(res);
  },
  rotateHostToken: (code: string, token: string) => call<{ hostToken: string; hostUrl: string }>(`/api/sessions/${code}/rotate-host-token`, { method: 'POST', headers: bearer(token) }),
  erase: (code: string, token: string, target: EraseTarget) => call<{ erased: Erased }>(`/api/sessions/${code}/erase`, json(target, bearer(token))).then((b) => b.erased),
  /** The summary (optionally with the themes' facilitator notes) or the agenda as a question set, as a file's bytes. */
  download: async (code: string, token: string, what: 'summary' | 'question-set', format: DownloadFormat, facilitatorNotes = false): Promise<Blob> => {
    const notes = what === 'summary' && facilitatorNotes ? '&facilitatorNotes=1' : '';
    const res = await fetch(`/api/sessions/${code}/${what}?format=${format}${notes}`, { headers: bearer(token) });
    if (!res.ok) throw await refusal(res);
    return res.blob();
  },
};
