// The built client: dist/client/. The phone's page (join.html) for /join/:code, index.html for
// the console, screen and start page. Files are served precompressed (build/compress.ts wrote a
// .br and a .gz beside each text file) by content negotiation: brotli if the browser accepts it,
// else gzip, else the file itself – always with `Vary: Accept-Encoding`, so a cache in between
// keeps them apart. Content-hashed assets (/assets/*) are immutable for a year; the pages and the
// service worker are revalidated on every load (no-cache), so an update reaches every phone.
// The phone's page carries its script and stylesheet inline (build/inline.ts); its
// Content-Security-Policy adds their hashes, from join.csp.json beside it, and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type NextFunction } from 'express';
import { contentSecurityPolicy } from './security/http.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

export function serveClient(app: express.Express, dir: string): void {
  const root = path.resolve(dir);
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const rel = safePath(req.path);
    if (!rel || !fs.existsSync(path.join(root, rel)) || !fs.statSync(path.join(root, rel)).isFile()) return next();
    send(req, res, next, root, rel);
  });
  app.get(['/join/:code'], page(root, 'join.html'));
  // /stage-fixture: the stage's test page (client/screen/ScreenFixture.tsx); it shows only what a test hands it.
  app.get(['/', '/host/:code', '/screen/:code', '/join', '/stage-fixture', '/campaign', '/campaign/:id'], page(root, 'index.html'));
}

function page(root: string, file: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!fs.existsSync(path.join(root, file))) {
      return void res.status(503).type('text').send('The client is not built: run "npm start" (it builds first) or "npm run build".');
    }
    send(req, res, next, root, file);
  };
}

/** The file, or its .br/.gz sibling if the browser takes that encoding and the build wrote one. */
function send(req: Request, res: Response, next: NextFunction, root: string, rel: string): void {
  // Ours before the browser's order: browsers list gzip first but brotli is smaller.
  const encoding = ENCODINGS.find((e) => req.acceptsEncodings(e.name) === e.name && fs.existsSync(path.join(root, rel + e.ext)));
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', rel.startsWith('assets/') ? IMMUTABLE : 'no-cache');
  res.type(path.extname(rel));
  if (rel === 'join.html') res.setHeader('Content-Security-Policy', phonePolicy(root));
  if (encoding) res.setHeader('Content-Encoding', encoding.name);
  res.sendFile(rel + (encoding?.ext ?? ''), { root, cacheControl: false, dotfiles: 'deny' }, (err) => {
    if (err && !res.headersSent) next(err); // after the headers: the phone went away mid-file
  });
}

/** The request path as a path inside the client folder, or null (outside it, a dot file, compressed twin). */
function safePath(urlPath: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const rel = path.posix.normalize(p).replace(/^\/+/, '');
  if (!rel || rel.startsWith('..') || rel.includes('\0') || /(^|\/)\./.test(rel) || /\.(br|gz)$/.test(rel)) return null;
  return rel;
}

let policy: { key: string; value: string } | null = null;

/** The policy for join.html: the hashes of its inlined script and style (read again when the build changes). */
function phonePolicy(root: string): string {
  const file = path.join(root, 'join.csp.json');
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    return contentSecurityPolicy(); // a build with nothing inline
  }
  const key = `${file}:${stat.mtimeMs}:${stat.size}`;
  if (policy?.key !== key) {
    const hashes = JSON.parse(fs.readFileSync(file, 'utf8')) as { script?: string[]; style?: string[] };
    policy = { key, value: contentSecurityPolicy(hashes) };
  }
  return policy.value;
}
