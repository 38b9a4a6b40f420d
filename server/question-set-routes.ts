// Own question sets over HTTP: upload a file (validated whole, saved to questions/, offered at
// once) and export a session's agenda back as a file. Mounted before the app's 64 kB JSON parser,
// since a set may be up to 256 KiB; the facilitator guard runs before the body is read.
import express from 'express';
import { z } from 'zod';
import { QuestionSetError, type QuestionSet } from '../shared/question-set.ts';
import { formatQuestionSet, MAX_QUESTION_SET_BYTES, questionSetFormat, wrongFileKind } from '../shared/question-set-md.ts';
import type { Config } from './config.ts';
import { addQuestionSet } from './question-sets.ts';
import { ROUTER_OPTIONS } from './security/facilitator.ts';
import { bearerToken } from './security/http.ts';
import type { SessionManager } from './sessions.ts';

const Upload = z.strictObject({ filename: z.string().min(1).max(255), content: z.string() });
const EXPORT_TYPES = { json: 'application/json; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;

export function questionSetRoutes(
  config: Config,
  sessions: SessionManager,
  sets: Map<string, QuestionSet>,
  facilitator: express.RequestHandler,
): express.Router {
  const router = express.Router(ROUTER_OPTIONS);
  // JSON escaping can double a text's size (quotes, line breaks); the 256 KiB rule is checked on
  // the content itself below.
  const body = express.json({ limit: 4 * MAX_QUESTION_SET_BYTES });

  router.post('/api/question-sets', facilitator, body, (req, res) => {
    const parsed = Upload.safeParse(req.body ?? {});
    if (!parsed.success) {
      return void res.status(400).json({ error: { code: 'invalid_payload', message: 'send {"filename": "…", "content": "…"}' } });
    }
    // Only the name is used (in messages and for the format): no folder of the client's leaks in.
    const file = parsed.data.filename.split(/[\\/]/).pop() || 'upload';
    const { content } = parsed.data;
    if (Buffer.byteLength(content, 'utf8') > MAX_QUESTION_SET_BYTES) {
      return void res.status(413).json({ error: { code: 'too_large', message: `a question set file may be at most ${MAX_QUESTION_SET_BYTES / 1024} KiB` } });
    }
    if (!questionSetFormat(file)) return void invalid(res, wrongFileKind(file));
    try {
      const result = addQuestionSet(config.questionsDir, sets, file, content);
      if (!result.ok) {
        return void res.status(409).json({ error: { code: 'duplicate_id', message: `a question set with the id "${result.id}" already exists: give yours another id` } });
      }
      res.status(201).json(setInfo(result.set));
    } catch (e) {
      if (e instanceof QuestionSetError) return void invalid(res, e);
      throw e;
    }
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

/** What the start page lists for a set (the same shape as GET /api/question-sets). */
export function setInfo(s: QuestionSet) {
  return {
    id: s.id,
    title: s.title,
    ...(s.subtitle ? { subtitle: s.subtitle } : {}),
    themes: s.themes.length,
    questions: s.themes.reduce((n, t) => n + t.questions.length, 0),
  };
}

function invalid(res: express.Response, e: QuestionSetError): void {
  const message = `${e.file} is not a valid question set (${e.problems.length} ${e.problems.length === 1 ? 'problem' : 'problems'})`;
  res.status(400).json({ error: { code: 'invalid_question_set', message, problems: e.problems } });
}
