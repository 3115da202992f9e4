/** Print CSS per paper: page size and margins, type scale, and how copies share a sheet or a roll. */
import type { Paper } from '../../../shared/domain/printing';

interface PaperSpec {
  /** `@page size` value. */
  size: string;
  margin: number;
  /** Usable sheet height in mm (sheets only): two copies each take half of it. */
  height: number;
  font: number;
  /** Barcode and QR sizes in mm. */
  barcode: number;
  qr: number;
  /** Fields in one or two columns. */
  columns: 1 | 2;
}

/** Thermal rolls print until the content ends; 297 mm is only the default page the print dialog shows. */
export const PAPER: Record<Paper, PaperSpec> = {
  A4: { size: 'A4 portrait', margin: 10, height: 297 - 20, font: 10, barcode: 12, qr: 22, columns: 2 },
  A5: { size: 'A5 portrait', margin: 6, height: 210 - 12, font: 7.6, barcode: 8, qr: 15, columns: 2 },
  '80mm': { size: '80mm 297mm', margin: 3, height: 0, font: 9, barcode: 12, qr: 24, columns: 1 },
  '58mm': { size: '58mm 297mm', margin: 2.5, height: 0, font: 7.8, barcode: 10, qr: 20, columns: 1 },
};

/** Page width in mm, for adapters that size a PDF or a print job. */
export const paperWidthMm = (paper: Paper): number => ({ A4: 210, A5: 148, '80mm': 80, '58mm': 58 })[paper];

const FONT_STACK = `'AftercareSans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif`;

const common = (p: PaperSpec) => `
@page { size: ${p.size}; margin: ${p.margin}mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONT_STACK}; font-size: ${p.font}pt; line-height: 1.35; color: #000; background: #fff;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.copy { display: flex; flex-direction: column; gap: 0.35em; }
.top { display: flex; align-items: flex-start; justify-content: space-between; gap: 3mm; }
.company { display: flex; align-items: center; gap: 2mm; min-width: 0; }
.logo { max-height: ${p.qr * 0.55}mm; max-width: ${p.qr * 1.2}mm; object-fit: contain; }
.company-name { font-size: 1.25em; font-weight: 700; }
.company-contact { font-size: 0.85em; }
.title-row { display: flex; align-items: baseline; gap: 2mm; flex-wrap: wrap; margin-top: 0.5mm; }
h1 { font-size: 1.55em; margin: 0; letter-spacing: 0.12em; }
.copy-label { font-size: 0.9em; border: 0.3mm solid #000; padding: 0 1.2mm; }
.reprint { font-weight: 700; border: 0.5mm solid #000; padding: 0 1.2mm; transform: rotate(-4deg); display: inline-block; }
.codes { display: flex; align-items: center; gap: 2mm; flex: none; }
.barcode img { display: block; height: ${p.barcode}mm; max-width: 100%; }
.barcode .number { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 1.05em; font-weight: 700; letter-spacing: 0.05em; text-align: center; white-space: nowrap; }
.barcode .number .k { font-family: ${FONT_STACK}; font-weight: 400; font-size: 0.85em; }
.qr { width: ${p.qr}mm; height: ${p.qr}mm; flex: none; image-rendering: pixelated; }
.fields { display: grid; grid-template-columns: repeat(${p.columns}, minmax(0, 1fr)); column-gap: 4mm; row-gap: 0.5mm;
  border-top: 0.3mm solid #000; padding-top: 1mm; }
.field { display: grid; grid-template-columns: ${p.columns === 2 ? 5.6 : 5.2}em minmax(0, 1fr); min-width: 0; }
.field .k, .sign .k { flex: none; color: #333; }
.field .k::after { content: '：'; }
.field .v { font-weight: 600; overflow-wrap: anywhere; min-width: 0; }
.block h3, .terms h3 { font-size: 0.95em; margin: 0 0 0.3mm; }
.block p, .terms p { margin: 0; overflow-wrap: anywhere; }
table.lines { width: 100%; border-collapse: collapse; }
table.lines th, table.lines td { border: 0.25mm solid #000; padding: 0.3mm 1.2mm; text-align: left; vertical-align: top; }
table.lines th { font-weight: 600; background: #eee; }
table.lines .num { text-align: right; white-space: nowrap; width: 1%; }
.terms { font-size: 0.85em; border: 0.25mm solid #555; padding: 0.8mm 1.5mm; }
.signs { display: flex; flex-wrap: wrap; gap: 1mm 6mm; margin-top: 1mm; }
.sign { display: flex; align-items: flex-end; gap: 1mm; flex: 1 1 40%; }
.sign .line { flex: 1; border-bottom: 0.3mm solid #000; min-height: ${p.font * 0.9}mm; display: flex; align-items: flex-end; }
.sign .line img { max-height: ${p.font * 1.6}mm; max-width: 100%; }
footer { font-size: 0.8em; color: #333; text-align: right; }
`;

const sheet = (p: PaperSpec) => `
.copies-2 .copy { height: calc(${p.height / 2}mm - 3mm); overflow: hidden; }
.copies-1 .copy { min-height: ${p.height * 0.5}mm; }
.cut { height: 6mm; margin: 0; border: none; position: relative; }
.cut::before { content: ''; position: absolute; left: 0; right: 0; top: 50%; border-top: 0.3mm dashed #555; }
.cut::after { content: '✂'; position: absolute; left: 1mm; top: 50%; transform: translateY(-55%); background: #fff; padding: 0 1mm; font-size: 10pt; color: #555; }
footer { margin-top: auto; }
`;

const roll = (p: PaperSpec) => `
.top { flex-direction: column; align-items: center; text-align: center; }
.company { flex-direction: column; }
.title-row { justify-content: center; }
.codes { flex-direction: column; width: 100%; }
.barcode { width: 100%; }
.barcode img { width: 100%; }
.field .v { text-align: left; }
.sign { flex-basis: 100%; margin-top: ${p.font * 0.8}mm; }
.copy + .copy { break-before: page; }
.copy { padding-bottom: 4mm; border-bottom: 0.3mm dashed #555; }
`;

export function slipCss(paper: Paper): string {
  const p = PAPER[paper];
  return common(p) + (p.height ? sheet(p) : roll(p));
}
