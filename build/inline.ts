// The phone's page carries its script and stylesheet inside it (issue 19): on a slow link every
// request costs a round trip of latency before its first byte (DevTools' Slow 3G: 2 s), and a
// script or stylesheet referenced by the page can only be requested once the page has arrived.
// Inlined, the join form needs one request (the page) before the socket's handshake, not two.
//
// The CSP still allows no inline code in general: the build writes the SHA-256 of each inline
// script and <style> of the finished page (CSP Level 2 hash sources) to join.csp.json, and the server adds exactly
// those to the phone page's policy (server/static.ts). An injected script or style, whose hash
// is not listed, is refused as before.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export type InlineHashes = { script: string[]; style: string[] };

export const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Inlines the entry chunk and the stylesheets of `page` (an HTML file of this build). */
export function inlineIntoPage(page: string, hashesFile: string): Plugin {
  return {
    name: 'raadslag:inline-into-page',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle[page];
      if (!html || html.type !== 'asset') throw new Error(`inline: ${page} is not in the bundle`);
      let text = String(html.source);
      for (const [fileName, out] of Object.entries(bundle)) {
        const isEntry = out.type === 'chunk' && out.isEntry;
        const isCss = out.type === 'asset' && fileName.endsWith('.css');
        if (!isEntry && !isCss) continue;
        const code = out.type === 'chunk' ? out.code : String(out.source);
        const tag = isEntry
          ? new RegExp(`<script type="module"[^>]*\\ssrc="/${escape(fileName)}"[^>]*></script>`)
          : new RegExp(`<link rel="stylesheet"[^>]*\\shref="/${escape(fileName)}"[^>]*>`);
        if (!tag.test(text)) throw new Error(`inline: no tag for ${fileName} in ${page}`);
        const body = safeBody(code.replace(/\n+$/, ''), isEntry ? 'script' : 'style', fileName);
        // A function as replacement: the code may hold `$&` and the like.
        text = text.replace(tag, () => (isEntry ? `<script type="module">${body}</script>` : `<style>${body}</style>`));
        delete bundle[fileName];
      }
      for (const out of Object.values(bundle)) {
        if (out.type === 'chunk') throw new Error(`inline: ${out.fileName} would be a second script; the phone's page takes one`);
      }
      // Every inline element of the finished page is hashed: the inlined ones and any written in
      // the source page itself (the early socket of client/join.html).
      const hashes: InlineHashes = { script: [], style: [] };
      for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        if (!/\ssrc=/.test(m[1]!)) hashes.script.push(cspHash(safeBody(m[2]!, 'script', page)));
      }
      for (const m of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) hashes.style.push(cspHash(safeBody(m[1]!, 'style', page)));
      html.source = text;
      this.emitFile({ type: 'asset', fileName: hashesFile, source: `${JSON.stringify(hashes, null, 2)}\n` });
    },
  };
}

/**
 * The code as the element's text: nothing in it may end the element early or switch the HTML
 * parser's script states, and no carriage return (the parser turns CR LF into LF, which would
 * change what the browser hashes). Minified code has none of these; if one ever appears the
 * build stops rather than ship a page the CSP refuses.
 */
function safeBody(body: string, element: 'script' | 'style', fileName: string): string {
  const bad = element === 'script' ? /<\/script|<!--|<script|\r/i : /<\/style|\r/i;
  const m = bad.exec(body);
  if (m) throw new Error(`inline: ${fileName} contains ${JSON.stringify(m[0])}, which cannot go inside <${element}>`);
  return body;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
