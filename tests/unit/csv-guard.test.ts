/**
 * CSV cells never become formulas, whichever list separator the spreadsheet uses: Excel set to `;`
 * (German, French, … locales) splits `x;=1+1` into a cell `=1+1`, and some readers ignore quotes.
 */
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../electron/core/reports/xlsx-writer';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The data line as a reader splitting at `sep` sees it, quotes taken as plain characters. */
function naiveCells(csv: Buffer, sep: string): string[] {
  const [, line] = csv.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  return line!.split(sep).map((cell) => cell.replace(/^"+/, '').trimStart());
}

/** The data line as a quote-aware reader splitting at `sep` sees it. */
function quotedCells(csv: Buffer, sep: string): string[] {
  const [, line] = csv.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line!.length; i += 1) {
    const ch = line![i]!;
    if (quoted && ch === '"' && line![i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  return [...cells, cell];
}

const HOSTILE = ['x;=1+1', 'x,=1+1', 'a; +cmd', 'a;\t@SUM(A1)', '制冷差;-2+3', 'ok, -5 ℃;=HYPERLINK("http://evil")', '=1+1', '@A1'];

describe('CSV formula guard', () => {
  it.each(HOSTILE)('no cell of %j starts a formula when split at `;` or `,`', (text) => {
    const csv = writeCsv(['内容', '备注'], [[text, '正常']]);
    for (const sep of [';', ',']) {
      for (const cell of [...naiveCells(csv, sep), ...quotedCells(csv, sep)]) expect(cell).not.toMatch(FORMULA_START);
    }
  });

  it('keeps a quote-aware `,` reader seeing the one cell, with only the guard quote added', () => {
    const csv = writeCsv(['内容'], [['x;=1+1'], ['室内机漏水，滴水声']]);
    const lines = csv.toString('utf8').split('\r\n');
    expect(lines[1]).toBe(`"x;'=1+1"`);
    expect(lines[2]).toBe('室内机漏水，滴水声');
  });

  it('leaves plain text, numbers and text with separators but no formula alone', () => {
    const csv = writeCsv(['a', 'b', 'c'], [['A;B, C', 42, '1;2']]);
    expect(csv.toString('utf8').split('\r\n')[1]).toBe('"A;B, C",42,"1;2"');
  });
});
