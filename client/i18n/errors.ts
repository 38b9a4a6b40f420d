// Every refusal the server can send, as a person reads it, in both languages. Keyed by the
// error code, never the server's (English, technical) message: a new code fails the type check
// until it has a Danish and an English text here.
import type { ErrorCode, Lang } from '../../shared/protocol.ts';
import { useStore } from '../store.ts';

export const ERROR_TEXT: Record<Lang, Record<ErrorCode, string>> = {
  da: {
    invalid_payload: 'Beskeden kunne ikke læses. Genindlæs siden, og prøv igen.',
    unknown_command: 'Den handling kender serveren ikke. Genindlæs siden.',
    forbidden: 'Det har du ikke adgang til.',
    not_joined: 'Du er ikke tilmeldt workshoppen endnu.',
    already_joined: 'Denne enhed er allerede tilmeldt.',
    unknown_question: 'Spørgsmålet findes ikke (længere).',
    question_closed: 'Spørgsmålet er ikke åbent for svar lige nu.',
    wrong_answer_type: 'Det passer ikke til denne type spørgsmål.',
    out_of_range: 'Svaret ligger uden for det tilladte.',
    empty_answer: 'Svaret er tomt. Skriv noget, der kan læses.',
    too_many_answers: 'Du har sendt det største antal svar.',
    unknown_answer: 'Svaret findes ikke (længere).',
    unknown_step: 'Det trin findes ikke på dagsordenen.',
    not_allowed_now: 'Det kan ikke lade sig gøre lige nu.',
    vote_budget_exceeded: 'Du har ikke flere stemmer til det svar.',
    own_answer: 'Du kan ikke stemme på dit eget svar.',
    unknown_table: 'Vælg først et bord (eller sæt antallet af borde).',
    joining_locked: 'Facilitatoren har lukket for nye deltagere.',
    removed: 'Facilitatoren har fjernet dig fra workshoppen.',
    banned: 'Facilitatoren har fjernet dig fra workshoppen. Denne telefon kan ikke deltage i den igen.',
    unknown_note: 'Noten findes ikke (længere).',
    nothing_to_undo: 'Der er intet at fortryde.',
    no_such_session: 'Workshoppen findes ikke.',
    session_ended: 'Workshoppen er afsluttet. Du kan se resultaterne og hente opsummeringen.',
    rate_limited: 'For mange handlinger på kort tid. Vent et øjeblik.',
    too_many_connections: 'For mange forbindelser fra dette netværk. Prøv igen om lidt.',
    too_many_tabs: 'Workshoppen er åben i for mange faner på denne telefon. Luk en af dem.',
    session_full: 'Workshoppen er fuld.',
    id_in_use: 'Beskeden kunne ikke sendes. Genindlæs siden.',
    internal: 'Noget gik galt på serveren. Prøv igen.',
  },
  en: {
    invalid_payload: 'The message could not be read. Reload the page and try again.',
    unknown_command: 'The server does not know that action. Reload the page.',
    forbidden: 'You do not have access to that.',
    not_joined: 'You have not joined the workshop yet.',
    already_joined: 'This device has already joined.',
    unknown_question: 'The question does not exist (any more).',
    question_closed: 'The question is not open for answers right now.',
    wrong_answer_type: 'That does not fit this kind of question.',
    out_of_range: 'The answer is outside what is allowed.',
    empty_answer: 'The answer is empty. Write something that can be read.',
    too_many_answers: 'You have sent the most answers allowed.',
    unknown_answer: 'The answer does not exist (any more).',
    unknown_step: 'That step is not on the agenda.',
    not_allowed_now: 'That cannot be done right now.',
    vote_budget_exceeded: 'You have no more votes for that answer.',
    own_answer: 'You cannot vote for your own answer.',
    unknown_table: 'Choose a table first (or set the number of tables).',
    joining_locked: 'The facilitator has closed the workshop to new participants.',
    removed: 'The facilitator has removed you from the workshop.',
    banned: 'The facilitator has removed you from the workshop. This phone cannot join it again.',
    unknown_note: 'The note does not exist (any more).',
    nothing_to_undo: 'There is nothing to undo.',
    no_such_session: 'The workshop does not exist.',
    session_ended: 'The workshop has ended. You can look at the results and download the summary.',
    rate_limited: 'Too many actions in a short time. Wait a moment.',
    too_many_connections: 'Too many connections from this network. Try again shortly.',
    too_many_tabs: 'The workshop is open in too many tabs on this phone. Close one of them.',
    session_full: 'The workshop is full.',
    id_in_use: 'The message could not be sent. Reload the page.',
    internal: 'Something went wrong on the server. Try again.',
  },
};

/** Codes only the HTTP API sends (start page, downloads, uploads). */
export const HTTP_ERROR_CODES = ['not_found', 'unauthorized', 'too_large', 'duplicate_id', 'invalid_question_set', 'too_many_uploads', 'too_many_sessions', 'disk_full', 'password_required'] as const;
type HttpErrorCode = (typeof HTTP_ERROR_CODES)[number];
export const HTTP_ERROR_TEXT: Record<Lang, Record<HttpErrorCode, string>> = {
  da: {
    not_found: 'Det findes ikke (længere).',
    unauthorized: 'Linket mangler adgangsnøglen. Åbn konsollen fra dit eget link.',
    too_large: 'Filen er for stor.',
    duplicate_id: 'Der findes allerede et spørgsmålssæt med det id. Giv dit et andet id.',
    invalid_question_set: 'Spørgsmålssættet har fejl.',
    too_many_uploads: 'Serveren har allerede det største antal uploadede spørgsmålssæt. Fjern et først.',
    too_many_sessions: 'Serveren har allerede det største antal workshops. Slet gamle workshops først.',
    disk_full: 'Serverens disk er næsten fuld. Nye workshops og uploads venter, til der er frigjort plads; igangværende workshops fortsætter.',
    password_required: 'Facilitator-adgangskoden mangler eller er forkert.',
  },
  en: {
    not_found: 'It does not exist (any more).',
    unauthorized: 'The link lacks its access key. Open the console from your own link.',
    too_large: 'The file is too large.',
    duplicate_id: 'A question set with that id already exists. Give yours another id.',
    invalid_question_set: 'The question set has errors.',
    too_many_uploads: 'The server already holds the most uploaded question sets allowed. Remove one first.',
    too_many_sessions: 'The server already holds the most workshops allowed. Delete old workshops first.',
    disk_full: 'The server’s disk is nearly full. New workshops and uploads wait until space is freed; running workshops go on.',
    password_required: 'The facilitator password is missing or wrong.',
  },
};

/** The text for a refusal; an unknown code (an older client, a proxy's page) reads as a general failure. */
export function errorText(lang: Lang, error: { code?: string } | null | undefined): string {
  const code = error?.code ?? 'internal';
  const texts: Record<string, string> = { ...ERROR_TEXT[lang], ...HTTP_ERROR_TEXT[lang] };
  return Object.hasOwn(texts, code) ? texts[code]! : ERROR_TEXT[lang].internal;
}

/** An HTTP error response as text: its JSON error code if it has one, else by status. */
export async function responseErrorText(lang: Lang, res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  const code = body?.error?.code ?? (res.status === 413 ? 'too_large' : res.status === 429 ? 'rate_limited' : res.status === 404 ? 'not_found' : 'internal');
  return errorText(lang, { code });
}

export function useErrorText(): (error: { code?: string } | null | undefined) => string {
  const lang = useStore((s) => s.lang);
  return (error) => errorText(lang, error);
}
