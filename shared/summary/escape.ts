// Participant text goes into HTML, SVG and Markdown: it must never become markup there.

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For HTML and XML text and attribute values alike. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML[c]!);
}

/**
 * Markdown: backslash-escapes what could start emphasis, code, links, images, HTML, tables or
 * headings, so "![x](http://tracker)" or "<img …>" stays text. Line breaks become spaces:
 * an answer is one list item or one table cell.
 */
export function escapeMd(s: string): string {
  return s
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~&{}]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
