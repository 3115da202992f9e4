/**
 * Keeps CSV text from becoming a formula in a spreadsheet. The file is written with `,`, but Excel in
 * locales whose list separator is `;` splits at `;` (and some readers ignore quotes), so a piece after
 * either separator is a cell start too: `x;=1+1` would open as a cell `=1+1`.
 */

/** Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A separator followed by a formula start, possibly after blanks a reader may trim. */
const PIECE_FORMULA = /([;,])(?=[ \t\r]*[=+\-@]|[\t\r])/g;

/** The text with a `'` before each place a cell could start a formula; the `'` shows, the formula never runs. */
export function guardFormula(text: string): string {
  const pieces = text.replace(PIECE_FORMULA, "$1'");
  return FORMULA_START.test(pieces) ? `'${pieces}` : pieces;
}

/** One CSV field: quoted when it holds a quote, a line break or either list separator. */
export function csvField(text: string): string {
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
