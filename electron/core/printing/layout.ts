/**
 * The slip layout: one small HTML mechanism for every printed document (acceptance slip, device
 * receipt, pickup receipt now; quotes, payment receipts and service reports later). A document is
 * described as data (fields, line tables, text blocks, terms, signature lines); this file turns it
 * into a self-contained HTML page with print CSS for the chosen paper. Every text is escaped here.
 */
import type { CompanyProfile } from '../../../shared/domain/settings';
import { isRoll, type Paper } from '../../../shared/domain/printing';
import { slipCss } from './styles';

export interface LineTable {
  columns: string[];
  rows: string[][];
  /** Columns (by index) aligned right: quantities, money. */
  numeric?: number[];
}

export interface SlipCopy {
  /** e.g. 第一联 客户联; empty for single-copy documents. */
  copyLabel: string;
  /** Which paper the terms belong on: the depot copy may leave them out. */
  showTerms: boolean;
}

export interface SlipContent {
  title: string;
  /** The document number, printed large and as Code 128 + QR. */
  number: string;
  numberLabel: string;
  fields: [label: string, value: string][];
  blocks: { heading: string; text: string }[];
  tables: { heading: string; table: LineTable }[];
  terms: string;
  termsHeading: string;
  signatures: { label: string; image?: string }[];
  footer: string;
  /** 重印 / REPRINT when this is not the first print. */
  reprintMark: string | null;
}

export interface SlipCodes {
  barcode: string;
  qr: string;
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Escaped, with line breaks kept. */
const multiline = (text: string): string => escapeHtml(text).replace(/\r?\n/g, '<br>');

/** Only data: image URLs we produced or validated may become an image source. */
const safeImage = (url: string): string => (/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(url) ? url : '');

function header(company: CompanyProfile): string {
  const logo = safeImage(company.logo);
  const contact = [company.address, company.hotline && `☎ ${company.hotline}`].filter(Boolean).map(escapeHtml).join('　');
  return `<header class="company">${logo ? `<img class="logo" src="${logo}" alt="">` : ''}<div class="company-text">
<div class="company-name">${escapeHtml(company.name)}</div>${contact ? `<div class="company-contact">${contact}</div>` : ''}</div></header>`;
}

function table({ columns, rows, numeric = [] }: LineTable): string {
  const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
  const head = columns.map((c, i) => `<th${cls(i)}>${escapeHtml(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((v, i) => `<td${cls(i)}>${multiline(v)}</td>`).join('')}</tr>`).join('');
  return `<table class="lines"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function copyHtml(company: CompanyProfile, doc: SlipContent, codes: SlipCodes, copy: SlipCopy): string {
  const fields = doc.fields.map(([k, v]) => `<div class="field"><span class="k">${escapeHtml(k)}</span><span class="v">${multiline(v)}</span></div>`).join('');
  const blocks = doc.blocks.map((b) => `<section class="block"><h3>${escapeHtml(b.heading)}</h3><p>${multiline(b.text)}</p></section>`).join('');
  const tables = doc.tables.map((t) => `<section class="block"><h3>${escapeHtml(t.heading)}</h3>${table(t.table)}</section>`).join('');
  const terms = copy.showTerms && doc.terms ? `<section class="terms"><h3>${escapeHtml(doc.termsHeading)}</h3><p>${multiline(doc.terms)}</p></section>` : '';
  const signs = doc.signatures
    .map((s) => {
      const img = s.image ? safeImage(s.image) : '';
      return `<div class="sign"><span class="k">${escapeHtml(s.label)}</span><span class="line">${img ? `<img src="${img}" alt="">` : ''}</span></div>`;
    })
    .join('');
  return `<article class="copy">
<div class="top"><div class="head">${header(company)}
<div class="title-row"><h1>${escapeHtml(doc.title)}</h1>${copy.copyLabel ? `<span class="copy-label">${escapeHtml(copy.copyLabel)}</span>` : ''}${doc.reprintMark ? `<span class="reprint">${escapeHtml(doc.reprintMark)}</span>` : ''}</div></div>
<div class="codes"><div class="barcode"><img src="${codes.barcode}" alt=""><div class="number"><span class="k">${escapeHtml(doc.numberLabel)}</span> ${escapeHtml(doc.number)}</div></div><img class="qr" src="${codes.qr}" alt=""></div></div>
<div class="fields">${fields}</div>
${blocks}${tables}${terms}
<div class="signs">${signs}</div>
<footer>${escapeHtml(doc.footer)}</footer>
</article>`;
}

/**
 * A complete page. On A4/A5 the copies share one sheet (stacked, with a cut line); on a thermal roll
 * each copy is its own page, so the printer cuts between them.
 */
export function renderSlipHtml(opts: { company: CompanyProfile; paper: Paper; doc: SlipContent; codes: SlipCodes; copies: SlipCopy[]; fontCss: string; lang: string }): string {
  const { paper, copies } = opts;
  const roll = isRoll(paper);
  const body = copies.map((c) => copyHtml(opts.company, opts.doc, opts.codes, c)).join(roll ? '' : '<div class="cut" aria-hidden="true"></div>');
  const sheetClass = `paper-${paper.toLowerCase()} ${roll ? 'roll' : 'sheet'} copies-${copies.length}`;
  return `<!doctype html>
<html lang="${escapeHtml(opts.lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(`${opts.doc.title} ${opts.doc.number}`)}</title>
<style>${opts.fontCss}${slipCss(paper)}</style></head>
<body class="${sheetClass}">${body}</body></html>`;
}
