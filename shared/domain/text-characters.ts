/**
 * Characters the desk's text may not hold. XML 1.0 forbids C0 controls other than tab, LF and CR, lone
 * surrogate halves, U+FFFE and U+FFFF: one of them in a cell makes an .xlsx unreadable (LibreOffice stops
 * at that cell), so text fields refuse them and the sheet writers drop any that were stored before.
 * A search box is kinder: what it cannot search for is stripped (FTS5 reads a NUL as the end of its query).
 */

/** One XML-forbidden character (or lone surrogate); `g` for replacing, test with `hasXmlForbidden`. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function hasXmlForbidden(text: string): boolean {
  XML_FORBIDDEN.lastIndex = 0;
  return XML_FORBIDDEN.test(text);
}

/** The text without XML-forbidden characters (for writing text that was stored before they were refused). */
export function withoutXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** Search text: line breaks and tabs separate words (a space); other controls, DEL, C1 and forbidden characters go. */
export function searchableText(text: string): string {
  return withoutXmlForbidden(text.replace(/[\t\n\r]/g, ' ')).replace(/[\u007f-\u009f]/g, '');
}
