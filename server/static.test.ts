// The built client as served (server/static.ts): precompressed files by content negotiation with
// `Vary: Accept-Encoding`, a year of immutable caching for hashed assets, no-cache for the pages
// and the service worker, join.html for the phone and index.html for everything else. A client
// folder of its own (no build needed), raw HTTP (fetch would decode the body for us).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.ts';
import { tempDataDir, testConfig } from './testing/harness.ts';
import { cspHash } from '../build/inline.ts';
import { contentSecurityPolicy } from './security/http.ts';

const JS = 'export const phone = "' + 'ø'.repeat(2000) + '";\n';
const INLINE_SCRIPT = 'document.title = "rådslag"';
const INLINE_STYLE = 'body{margin:0}';
let server: RunningServer;
let clientDir: string;

beforeAll(async () => {
  const dataDir = tempDataDir();
  clientDir = path.join(dataDir, 'client');
  fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>index</title>');
  fs.writeFileSync(path.join(clientDir, 'join.html'), `<!doctype html><title>join</title><script type="module">${INLINE_SCRIPT}</script><style>${INLINE_STYLE}</style>`);
  fs.writeFileSync(path.join(clientDir, 'join.csp.json'), JSON.stringify({ script: [cspHash(INLINE_SCRIPT)], style: [cspHash(INLINE_STYLE)] }));
  fs.writeFileSync(path.join(clientDir, 'sw.js'), 'self;');
  const js = path.join(clientDir, 'assets', 'join-AbC123.js');
  fs.writeFileSync(js, JS);
  fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(JS));
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(JS));
  fs.writeFileSync(path.join(clientDir, 'assets', 'font-XyZ.woff2'), Buffer.alloc(100, 1));
  server = await startServer({ ...testConfig(dataDir), clientDir });
});
afterAll(async () => {
  await server?.close();
});

type Got = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
function get(urlPath: string, acceptEncoding?: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    http
      .get(`${server.url}${urlPath}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('content negotiation', () => {
  it('brotli when accepted (as Chromium over https and Safari ask), decoding to the file', async () => {
    const res = await get('/assets/join-AbC123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(JS) / 10);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(JS);
  });

  it('gzip when that is all the browser takes (Chromium over plain http)', async () => {
    const res = await get('/assets/join-AbC123.js', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).toString()).toBe(JS);
  });

  it('the file itself without Accept-Encoding, or with br refused', async () => {
    for (const ae of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const res = await get('/assets/join-AbC123.js', ae);
      expect(res.headers['content-encoding'], String(ae)).toBeUndefined();
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.body.toString()).toBe(JS);
    }
  });

  it('a file with no compressed twin (a woff2 font) is sent as it is', async () => {
    const res = await get('/assets/font-XyZ.woff2', 'gzip, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('font/woff2');
    expect(res.body.length).toBe(100);
  });
});

describe('caching', () => {
  it('hashed assets: public, a year, immutable', async () => {
    for (const p of ['/assets/join-AbC123.js', '/assets/font-XyZ.woff2']) {
      expect((await get(p, 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('pages and the service worker: revalidated on every load', async () => {
    for (const p of ['/', '/join/ABC123', '/host/ABC123', '/screen/ABC123', '/join', '/sw.js', '/join.html']) {
      const res = await get(p, 'br');
      expect(res.status, p).toBe(200);
      expect(res.headers['cache-control'], p).toBe('no-cache');
    }
  });
});

describe('pages', () => {
  it('the phone gets join.html; the console, screen and start page get index.html', async () => {
    expect((await get('/join/ABC123')).body.toString()).toContain('<title>join</title>');
    for (const p of ['/', '/host/ABC123', '/screen/ABC123', '/join']) expect((await get(p)).body.toString(), p).toContain('<title>index</title>');
  });

  it('compressed twins, dot files and paths outside the folder are not served', async () => {
    for (const p of ['/assets/join-AbC123.js.br', '/assets/join-AbC123.js.gz', '/../package.json', '/%2e%2e/package.json', '/.env']) {
      expect((await get(p)).status, p).toBe(404);
    }
  });
});

describe('the phone page\'s policy', () => {
  it('join.html allows its own inlined script and style by hash (join.csp.json), and nothing more', async () => {
    for (const p of ['/join/ABC123', '/join.html']) {
      const csp = String((await get(p, 'br')).headers['content-security-policy']);
      expect(csp, p).toContain(`script-src 'self' ${cspHash(INLINE_SCRIPT)};`);
      expect(csp, p).toContain(`style-src 'self' ${cspHash(INLINE_STYLE)};`);
      expect(csp.match(/'unsafe-inline'/g)?.length, `${p}: only style-src-attr allows inline`).toBe(1);
      expect(csp, p).toContain("style-src-attr 'unsafe-inline'");
    }
  });

  it('every other page keeps the policy without hashes, the same string helmet writes', async () => {
    for (const p of ['/', '/host/ABC123', '/screen/ABC123', '/join', '/sw.js', '/assets/join-AbC123.js']) {
      const csp = (await get(p, 'br')).headers['content-security-policy'];
      expect(csp, p).toBe(contentSecurityPolicy());
      expect(csp, p).not.toContain('sha256-');
    }
  });

  it('only sha256 hash sources can be added', () => {
    expect(() => contentSecurityPolicy({ script: ["'unsafe-inline'"] })).toThrow(/hash source/);
    expect(() => contentSecurityPolicy({ style: ['https://example.com'] })).toThrow(/hash source/);
  });
});
