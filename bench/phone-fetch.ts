// One phone opening the join link, the way a browser does it, over HTTP only: the page with
// `Accept-Encoding` as Chromium sends it over plain http (gzip, deflate – brotli only over https),
// then what the page references (scripts, stylesheets, preloads), then the fonts the stylesheets
// declare, as files or as <style> in the page (the first, woff2, source of each @font-face, as a
// browser picks), and /sw.js if a script, a file or inline, registers a service worker. Up to 6
// connections, kept alive, like a browser; the bytes are what came over the sockets (headers and
// compressed bodies; no TCP/IP overhead).
import http from 'node:http';
import type { Socket } from 'node:net';
import zlib from 'node:zlib';

export const ACCEPT_ENCODING = 'gzip, deflate';
const TIMEOUT_MS = 180_000; // a browser waits minutes before it gives up on a page
const RETRIES = 2; // a kept-alive connection the server closed just then: browsers retry too

export type PhoneLoad = { ok: boolean; bytes: number; requests: number; ms: number; error?: string };

export async function loadPage(origin: string, pagePath: string, acceptEncoding = ACCEPT_ENCODING): Promise<PhoneLoad> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  const sockets = new Set<Socket>();
  agent.on('free', (s) => sockets.add(s));
  const t0 = performance.now();
  let requests = 0;
  const get = async (p: string): Promise<{ body: Buffer; encoding?: string }> => {
    requests++;
    let res;
    for (let attempt = 0; ; attempt++) {
      try {
        res = await request(agent, `${origin}${p}`, acceptEncoding, sockets);
        break;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= RETRIES || (code !== 'ECONNRESET' && code !== 'EPIPE')) throw error;
      }
    }
    if (res.status !== 200) throw new Error(`GET ${p}: ${res.status}`);
    return res;
  };
  try {
    const html = decode(await get(pagePath));
    const refs = unique([...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!));
    const fetched = await Promise.all(refs.map(async (r) => ({ path: r, text: /\.(js|css)$/.test(r) ? decode(await get(r)) : (await get(r), '') })));
    // Stylesheets and scripts as files, and inside the page (the phone's page inlines both).
    const styles = [...fetched.filter((f) => f.path.endsWith('.css')), ...[...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => ({ path: pagePath, text: m[1]! }))];
    const scripts = [...fetched.filter((f) => f.path.endsWith('.js')).map((f) => f.text), ...[...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)];
    const fonts = unique(styles.flatMap((f) => firstFontSources(f.text, f.path))).filter((f) => !refs.includes(f));
    await Promise.all(fonts.map((f) => get(f)));
    if (scripts.some((text) => text.includes('/sw.js'))) await get('/sw.js');
    return { ok: true, bytes: sum(sockets), requests, ms: performance.now() - t0 };
  } catch (error) {
    return { ok: false, bytes: sum(sockets), requests, ms: performance.now() - t0, error: String(error) };
  } finally {
    agent.destroy();
  }
}

function request(agent: http.Agent, url: string, acceptEncoding: string, sockets: Set<Socket>) {
  return new Promise<{ status: number; body: Buffer; encoding?: string }>((resolve, reject) => {
    const req = http.get(url, { agent, headers: { 'accept-encoding': acceptEncoding, 'user-agent': 'raadslag-bench-phone' } }, (res) => {
      sockets.add(res.socket);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ...(res.headers['content-encoding'] ? { encoding: res.headers['content-encoding'] } : {}) }));
      res.on('error', reject);
    });
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
  });
}

function decode(r: { body: Buffer; encoding?: string }): string {
  if (r.encoding === 'gzip') return zlib.gunzipSync(r.body).toString();
  if (r.encoding === 'br') return zlib.brotliDecompressSync(r.body).toString();
  if (r.encoding === 'deflate') return zlib.inflateSync(r.body).toString();
  return r.body.toString();
}

/** The first url() of each @font-face src, resolved against the stylesheet's path. */
function firstFontSources(css: string, cssPath: string): string[] {
  const base = cssPath.slice(0, cssPath.lastIndexOf('/') + 1);
  return [...css.matchAll(/@font-face\s*{[^}]*?src:\s*url\(["']?([^)"']+)["']?\)/g)].map((m) => new URL(m[1]!, `http://x${base}`).pathname);
}

const unique = <T>(xs: T[]) => [...new Set(xs)];
const sum = (sockets: Set<Socket>) => [...sockets].reduce((n, s) => n + s.bytesRead, 0);
