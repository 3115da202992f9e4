/** The desktop app's print decisions: page sizes per paper, remembered printers, PDF names, the print channel's input. */
import { describe, expect, it } from 'vitest';
import { choiceFor, parsePrintOp, parsePrinterChoices, pdfFileName, pdfPageSize, printPageSize, pxToMm, rollLengthMm } from '../../../electron/policy/print-job';

describe('page sizes', () => {
  it.each([
    ['A4', 0, 'A4'],
    ['A5', 500, 'A5'],
    ['80mm', 127, { width: 80 / 25.4, height: 127 / 25.4 }],
    ['58mm', 99.2, { width: 58 / 25.4, height: 100 / 25.4 }],
    ['80mm', 0, { width: 80 / 25.4, height: 60 / 25.4 }],
    ['58mm', 1e6, { width: 58 / 25.4, height: 2000 / 25.4 }],
  ] as const)('printToPDF: %s with %s mm of content', (paper, content, expected) => {
    const size = pdfPageSize(paper, content);
    if (typeof expected === 'string') expect(size).toBe(expected);
    else expect(size).toEqual({ width: expect.closeTo(expected.width, 6), height: expect.closeTo(expected.height, 6) });
  });

  it.each([
    ['A4', 100, 'A4'],
    ['80mm', 150.2, { width: 80_000, height: 151_000 }],
    ['58mm', Number.NaN, { width: 58_000, height: 60_000 }],
    ['58mm', -5, { width: 58_000, height: 60_000 }],
  ] as const)('print: %s with %s mm of content (microns)', (paper, content, expected) => {
    expect(printPageSize(paper, content)).toEqual(expected);
  });

  it('rolls are cut to the content, within bounds; CSS pixels convert at 96 per inch', () => {
    expect(rollLengthMm(61.01)).toBe(62);
    expect(rollLengthMm(Number.POSITIVE_INFINITY)).toBe(60);
    expect(pxToMm(96)).toBeCloseTo(25.4, 6);
  });
});

describe('remembered printers', () => {
  it('reads valid choices and forgets anything else', () => {
    const json = JSON.stringify({
      returnReceipt: { deviceName: 'EPSON TM-T82', silent: true },
      pickupReceipt: { deviceName: null, silent: true },
      ticketAcceptance: { deviceName: 42, silent: false },
      invoice: { deviceName: 'X', silent: false },
      __proto__: { deviceName: 'Y', silent: false },
    });
    const choices = parsePrinterChoices(json);
    expect(choices.returnReceipt).toEqual({ deviceName: 'EPSON TM-T82', silent: true });
    // Silent needs a named printer.
    expect(choices.pickupReceipt).toEqual({ deviceName: null, silent: false });
    expect(choices.ticketAcceptance).toBeUndefined();
    expect(Object.keys(choices).sort()).toEqual(['pickupReceipt', 'returnReceipt']);
    expect(choiceFor(choices, 'ticketAcceptance')).toEqual({ deviceName: null, silent: false });
  });

  it.each([null, '', '{', '[]', '"x"', '42', 'null'])('an unreadable file (%j) is an empty memory', (json) => {
    expect(parsePrinterChoices(json)).toEqual({});
  });

  it('refuses device names with control characters or too long', () => {
    expect(parsePrinterChoices(JSON.stringify({ returnReceipt: { deviceName: 'a\nb', silent: false } }))).toEqual({});
    expect(parsePrinterChoices(JSON.stringify({ returnReceipt: { deviceName: 'x'.repeat(201), silent: false } }))).toEqual({});
    expect(parsePrinterChoices(JSON.stringify({ returnReceipt: { deviceName: '  ', silent: false } }))).toEqual({});
  });
});

describe('PDF file names', () => {
  it.each([
    ['返修设备处理单 RMA202611240001', '返修设备处理单 RMA202611240001.pdf'],
    ['../../etc/passwd', 'etc passwd.pdf'],
    ['a:b*c?"d"<e>|f\\g', 'a b c d e f g.pdf'],
    ['', 'slip.pdf'],
    ['...', 'slip.pdf'],
    ['x'.repeat(300), `${'x'.repeat(120)}.pdf`],
  ])('%j → %j', (title, name) => {
    expect(pdfFileName(title)).toBe(name);
  });
});

describe('print channel input', () => {
  it('accepts the five operations', () => {
    expect(parsePrintOp({ op: 'printers' })).toEqual({ op: 'printers' });
    expect(parsePrintOp({ op: 'choice', document: 'pickupReceipt' })).toEqual({ op: 'choice', document: 'pickupReceipt' });
    expect(parsePrintOp({ op: 'remember', document: 'returnReceipt', choice: { deviceName: 'P1', silent: true } })).toEqual({
      op: 'remember',
      document: 'returnReceipt',
      choice: { deviceName: 'P1', silent: true },
    });
    expect(parsePrintOp({ op: 'print', document: 'returnReceipt', id: 3, paper: '80mm', html: '<script>' })).toEqual({ op: 'print', document: 'returnReceipt', id: 3, paper: '80mm' });
    expect(parsePrintOp({ op: 'pdf', document: 'ticketAcceptance', id: 1, paper: 'A4' })).toEqual({ op: 'pdf', document: 'ticketAcceptance', id: 1, paper: 'A4' });
  });

  it.each([
    null,
    'print',
    [],
    { op: 'delete' },
    { op: 'choice', document: 'invoice' },
    { op: 'remember', document: 'returnReceipt', choice: { deviceName: 'P', silent: 'yes' } },
    { op: 'print', document: 'returnReceipt', id: '3', paper: 'A4' },
    { op: 'print', document: 'returnReceipt', id: 0, paper: 'A4' },
    { op: 'print', document: 'returnReceipt', id: 1.5, paper: 'A4' },
    { op: 'print', document: 'returnReceipt', id: 1, paper: 'A3' },
    { op: 'pdf', document: "'; DROP TABLE slip_prints; --", id: 1, paper: 'A4' },
  ])('refuses %j', (raw) => {
    expect(parsePrintOp(raw)).toBeNull();
  });
});
