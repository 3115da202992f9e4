/** The document number as a Code 128 barcode and a QR code (bwip-js, vector SVG: crisp on any printer). */
import bwipjs from 'bwip-js/node';
import type { SlipCodes } from './layout';

const svgDataUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

export function slipCodes(text: string): SlipCodes {
  // The human-readable number is printed by the layout in the slip's font, not by bwip-js.
  const barcode = bwipjs.toSVG({ bcid: 'code128', text, height: 10, scale: 2, includetext: false, paddingwidth: 6 });
  const qr = bwipjs.toSVG({ bcid: 'qrcode', text, scale: 2, paddingwidth: 2, paddingheight: 2 });
  return { barcode: svgDataUrl(barcode), qr: svgDataUrl(qr) };
}
