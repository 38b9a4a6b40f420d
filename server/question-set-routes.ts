// Own question sets over HTTP: upload a file (validated whole, kept in DATA_DIR/uploaded-sets,
// offered at once but never as the default), replace or remove an upload, and export a session's
// agenda back as a file. Mounted before the app's 64 kB JSON parser, since a set may be up to
// 256 KiB; the facilitator guard runs before the body is read. Uploads are capped in number
// (MAX_UPLOADED_SETS), in size, and by free disk (MIN_FREE_DISK_MB).
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { problem, QuestionSetError, type QuestionSet } from '../shared/question-set.ts';
import { formatQuestionSet, MAX_QUESTION_SET_BYTES, parseQuestionSetFile, questionSetFormat, wrongFileKind } from '../shared/question-set-md.ts';
import type { Config } from './config.ts';
import type { CatalogueEntry, QuestionCatalogue } from './question-sets.ts';
import { diskFull } from './security/capacity.ts';
import { ROUTER_OPTIONS } from './security/facilitator.ts';
import { bearerToken } from './security/http.ts';
import type { SessionManager } from './sessions.ts';

const Upload = z.strictObject({ filename: z.string().min(1).max(255), content: z.string() });
const EXPORT_TYPES = { json: 'application/json; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;
const KIB = MAX_QUESTION_SET_BYTES / 1024;

type UploadConfig = Pick<Config, 'facilitatorPassword' | 'maxUploadedSets' | 'dataDir' | 'minFreeDiskMb'>;

export function questionSetRoutes(config: UploadConfig, sessions: SessionManager, catalogue: QuestionCatalogue, facilitator: RequestHandler): express.Router {
  const router = express.Router(ROUTER_OPTIONS);
  const body = uploadBody();

  router.post('/api/question-sets', facilitator, body, (req, res) => {
    const file = readUpload(req, res);
    if (!file || refusedForSpace(res, config)) return;
    const set = validated(res, file);
    if (!set) return;
    if (catalogue.get(set.id)) {
      const how = catalogue.isFile(set.id) ? 'give yours another id' : 'replace it (PUT /api/question-sets/:id) or give yours another id';
      return void res.status(409).json({ error: { code: 'duplicate_id', message: `a question set with the id "${set.id}" already exists: ${how}` } });
    }
    const max = config.maxUploadedSets ?? 0;
    if (max > 0 && catalogue.uploads.size >= max) {
      return void res.status(507).json({ error: { code: 'too_many_uploads', message: `the server keeps at most ${max} uploaded question sets: remove one first` } });
    }
    const upload = catalogue.uploads.save(set, file.content, uploadInfo(config, file.name));
    res.status(201).json(setInfo({ set, default: false, upload }));
  });

  router.put('/api/question-sets/:id', facilitator, body, (req, res) => {
    const id = String(req.params.id);
    if (!uploadOnly(res, catalogue, id)) return;
    const file = readUpload(req, res);
    if (!file || refusedForSpace(res, config)) return;
    const set = validated(res, file);
    if (!set) return;
    if (set.id !== id) {
      return void invalid(res, new QuestionSetError(file.name, [
        problem('id', {
          en: `a replacement keeps the id "${id}" (the file says "${set.id}"): change the id in the file back`,
          da: `en erstatning beholder id'et "${id}" (filen siger "${set.id}"): ret id'et i filen tilbage`,
        }),
      ]));
    }
    const upload = catalogue.uploads.save(set, file.content, uploadInfo(config, file.name));
    res.json(setInfo({ set, default: false, upload }));
  });

  router.delete('/api/question-sets/:id', facilitator, (req, res) => {
    const id = String(req.params.id);
    if (!uploadOnly(res, catalogue, id)) return;
    catalogue.uploads.remove(id);
    res.status(204).end();
  });

  router.get('/api/sessions/:code/question-set', (req, res) => {
    const code = req.params.code;
    const token = bearerToken(req);
    if (!token) return void res.status(401).json({ error: { code: 'unauthorized', message: 'send the host token as a Bearer token' } });
    const session = sessions.get(code);
    if (!session || !sessions.isHost(code, token)) return void res.status(403).json({ error: { code: 'forbidden', message: 'not the facilitator of this session' } });
    const format = String(req.query.format ?? 'json');
    if (format !== 'json' && format !== 'md') return void res.status(400).json({ error: { code: 'invalid_payload', message: 'format must be json or md' } });
    const set = session.state.set;
    res.setHeader('Content-Type', EXPORT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="${set.id}.${format}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(formatQuestionSet(set, format));
  });

  return router;
}

/** What the start page lists for a set (the shape of GET /api/question-sets). */
export function setInfo({ set: s, default: isDefault, upload }: CatalogueEntry) {
  return {
    id: s.id,
    title: s.title,
    ...(s.subtitle ? { subtitle: s.subtitle } : {}),
    themes: s.themes.length,
    questions: s.themes.reduce((n, t) => n + t.questions.length, 0),
    ...(isDefault ? { default: true } : {}),
    ...(upload ? { uploaded: { at: new Date(upload.uploadedAt).toISOString(), withPassword: upload.withPassword } } : {}),
  };
}

/**
 * The JSON parser for uploads. JSON escaping can double a text's size (quotes, line breaks), so
 * the body may be 4 × the file limit; the file limit itself is checked on the content. A body
 * over it is answered like a file over the limit – `too_large` with the limit – rather than with
 * the parser's "request entity too large".
 */
function uploadBody(): RequestHandler {
  const parse = express.json({ limit: 4 * MAX_QUESTION_SET_BYTES });
  return (req, res, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if ((err as { type?: string } | undefined)?.type === 'entity.too.large') return void tooLarge(res);
      next(err);
    });
}

function tooLarge(res: Response): void {
  res.status(413).json({ error: { code: 'too_large', message: `a question set file may be at most ${KIB} KiB`, limitBytes: MAX_QUESTION_SET_BYTES } });
}

type UploadedFile = { name: string; content: string };

function readUpload(req: Request, res: Response): UploadedFile | undefined {
  const parsed = Upload.safeParse(req.body ?? {});
  if (!parsed.success) {
    return void res.status(400).json({ error: { code: 'invalid_payload', message: 'send {"filename": "…", "content": "…"}' } });
  }
  // Only the name is used (in messages and for the format): no folder of the client's leaks in.
  const name = parsed.data.filename.split(/[\\/]/).pop() || 'upload';
  if (Buffer.byteLength(parsed.data.content, 'utf8') > MAX_QUESTION_SET_BYTES) return void tooLarge(res);
  return { name, content: parsed.data.content };
}

function validated(res: Response, file: UploadedFile): QuestionSet | undefined {
  if (!questionSetFormat(file.name)) return void invalid(res, wrongFileKind(file.name));
  try {
    return parseQuestionSetFile(file.content, file.name);
  } catch (e) {
    if (e instanceof QuestionSetError) return void invalid(res, e);
    throw e;
  }
}

function refusedForSpace(res: Response, config: UploadConfig): boolean {
  const full = diskFull(config);
  if (full) res.status(507).json({ error: { code: 'disk_full', message: full } });
  return Boolean(full);
}

/** Only uploads are replaced or removed here; the files of questions/ are the operator's. */
function uploadOnly(res: Response, catalogue: QuestionCatalogue, id: string): boolean {
  if (catalogue.isFile(id)) {
    res.status(403).json({ error: { code: 'forbidden', message: 'the sets of the questions folder are changed on the server, not over HTTP' } });
    return false;
  }
  if (!catalogue.uploads.get(id)) {
    res.status(404).json({ error: { code: 'not_found', message: 'no uploaded question set with that id' } });
    return false;
  }
  return true;
}

function uploadInfo(config: UploadConfig, fileName: string) {
  // The facilitator guard ran before: with a password set, this upload carried it.
  return { uploadedAt: Date.now(), withPassword: Boolean(config.facilitatorPassword), fileName };
}

function invalid(res: Response, e: QuestionSetError): void {
  const message = `${e.file} is not a valid question set (${e.problems.length} ${e.problems.length === 1 ? 'problem' : 'problems'})`;
  res.status(400).json({ error: { code: 'invalid_question_set', message, problems: e.problems } });
}
