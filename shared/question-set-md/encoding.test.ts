// A question set written by hand is read by its bytes: Notepad's "Unicode" (UTF-16 with a BOM,
// little- or big-endian) and its "ANSI" (Windows-1252) keep their æøå; the latter with a notice.
import { describe, expect, it } from 'vitest';
import { parseQuestionSetFile } from '../question-set-md.ts';
import { decodeQuestionSetBytes } from './encoding.ts';

const MD = '---\r\ntitle: Sammenhængende borgerforløb | Coherent – “paths”\r\n---\r\n# Tema: Årets mål\r\n- Hvor enig er du? {scale 1-5 "Slet ikke" "I høj grad"}\r\n';

function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  const view = new DataView(out.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16((bom ? 2 : 0) + 2 * i, text.charCodeAt(i), littleEndian);
  return out;
}

/** Windows-1252 bytes of a text made of Latin-1 letters and the few 0x80–0x9F ones used here. */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '–': 0x96, '“': 0x93, '”': 0x94, '€': 0x80 };
  return Uint8Array.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

const titleOf = (bytes: Uint8Array) => parseQuestionSetFile(decodeQuestionSetBytes(bytes).text, 'x.md').title;

describe('a file is read by what its bytes are', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(MD), 'UTF-8'],
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(MD)]), 'UTF-8'],
    ['UTF-16LE with a BOM (Notepad "Unicode")', utf16(MD, true), 'UTF-16LE'],
    ['UTF-16BE with a BOM', utf16(MD, false), 'UTF-16BE'],
    ['UTF-16LE without a BOM', utf16(MD, true, false), 'UTF-16LE'],
  ])('%s: every letter kept, no notice', (_name, bytes, encoding) => {
    const decoded = decodeQuestionSetBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.notice).toBeUndefined();
    expect(decoded.text).toBe(MD);
    expect(titleOf(bytes)).toEqual({ da: 'Sammenhængende borgerforløb', en: 'Coherent – “paths”' });
  });

  it('Windows-1252 ("ANSI"): æøå, dashes and quotes kept, with a notice in both languages', () => {
    const decoded = decodeQuestionSetBytes(cp1252(MD));
    expect(decoded.encoding).toBe('Windows-1252');
    expect(decoded.text).toBe(MD);
    expect(titleOf(cp1252(MD))).toEqual({ da: 'Sammenhængende borgerforløb', en: 'Coherent – “paths”' });
    expect(decoded.notice?.en).toMatch(/not saved as UTF-8.*Windows-1252.*save the file as UTF-8/);
    expect(decoded.notice?.da).toMatch(/ikke gemt som UTF-8.*Windows-1252.*gem filen som UTF-8/);
  });

  it('every Windows-1252 byte is one letter (the WHATWG table)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    // 0x00–0x7F alone is valid UTF-8; the high half makes it Windows-1252.
    const decoded = decodeQuestionSetBytes(all);
    expect(decoded.encoding).toBe('Windows-1252');
    expect([...decoded.text]).toHaveLength(256);
    const at = (byte: number) => decoded.text[byte];
    expect([at(0x80), at(0x85), at(0x93), at(0x96), at(0x9f), at(0xc5), at(0xe6), at(0xf8)]).toEqual(['€', '…', '“', '–', 'Ÿ', 'Å', 'æ', 'ø']);
  });
});
