/**
 * A slip's page from its layout data: the barcode and QR code, the HTML, and the font with only the
 * glyphs the page shows. This is the CPU-heavy part of a slip (tens of milliseconds), so it runs in the
 * slip workers (slip-pool.ts), never on the core's thread; the data it needs comes from the database there.
 */
import type { CompanyProfile } from '../../../shared/domain/settings';
import type { Paper } from '../../../shared/domain/printing';
import { slipCodes } from './codes';
import { slipFontCss } from './font';
import { renderSlipHtml, type SlipContent, type SlipCopy } from './layout';

export interface SlipPageJob {
  company: CompanyProfile;
  paper: Paper;
  doc: SlipContent;
  copies: SlipCopy[];
  lang: string;
}

export async function slipPage(job: SlipPageJob): Promise<string> {
  const page = { ...job, codes: slipCodes(job.doc.number) };
  // Every character of the page without its font (texts, styles' generated content, markup) goes into the subset.
  const bare = renderSlipHtml({ ...page, fontCss: '' });
  const fontCss = await slipFontCss(`${bare} ${ASCII}`);
  return fontCss ? renderSlipHtml({ ...page, fontCss }) : bare;
}

/** Printable ASCII is always kept: it costs little and a page's numbers and codes use it. */
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
