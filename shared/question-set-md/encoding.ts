// A file written by hand may not be UTF-8: Notepad's "Unicode" is UTF-16 with a byte-order mark,
// and its "ANSI" is Windows-1252 on a Danish Windows. Reading either as UTF-8 destroys æøå
// ("Sammenh�ngende") or the whole file ("no front matter"). So the bytes are read by what they
// are: a BOM says UTF-16 (LE or BE) or UTF-8; bytes that are not valid UTF-8 are read as
// Windows-1252 – every byte is a letter there, and it is what such a file almost always is – with
// a notice saying so and how to save the file as UTF-8. No imports: the client uses it too.

export type FileEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';
export type DecodedFile = {
  text: string;
  encoding: FileEncoding;
  /** Set when the facilitator should check the letters and save the file as UTF-8. */
  notice?: { da: string; en: string };
};

/** Windows-1252's letters for the bytes 0x80–0x9F (the rest is Latin-1); undefined bytes stay as code points. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeQuestionSetBytes(bytes: Uint8Array): DecodedFile {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), true), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), false), encoding: 'UTF-16BE' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const guessed = utf16WithoutBom(body);
  if (guessed) return { text: utf16(body, guessed === 'UTF-16LE'), encoding: guessed };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'UTF-8' };
  } catch {
    return { text: windows1252(body), encoding: 'Windows-1252', notice: NOT_UTF8 };
  }
}

const NOT_UTF8 = {
  en:
    'The file is not saved as UTF-8, so it was read as Windows-1252 ("ANSI"). Check that æ, ø and å look right, ' +
    'and save the file as UTF-8 (Notepad: File → Save as → Encoding: UTF-8).',
  da:
    'Filen er ikke gemt som UTF-8, så den blev læst som Windows-1252 ("ANSI"). Tjek at æ, ø og å ser rigtige ud, ' +
    'og gem filen som UTF-8 (Notesblok: Filer → Gem som → Kodning: UTF-8).',
};

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  const units = new Uint16Array(bytes.length >> 1);
  for (let i = 0; i < units.length; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    units[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out.replace(/^\uFEFF/, '');
}

/** UTF-16 saved without a BOM: a text file's ASCII letters leave every other byte zero. */
function utf16WithoutBom(bytes: Uint8Array): FileEncoding | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros === 0) return 'UTF-16LE';
  if (evenZeros > pairs * 0.6 && oddZeros === 0) return 'UTF-16BE';
  return undefined;
}

function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b);
  return out;
}
