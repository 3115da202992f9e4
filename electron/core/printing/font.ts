/**
 * The font slips print with: a GB2312 subset of Noto Sans SC shipped in resources/fonts, embedded in
 * the page as a data URL so the hidden print window, the browser and Chromium in tests need no file
 * access and no Chinese system font. Only the glyphs a slip uses are embedded (harfbuzz's hb-subset):
 * the whole font is 2.9 MB, 3.9 MB as base64 in every slip, which made each answer slow to serialise
 * and send; a slip's subset is some 15 KB. Without the file (a broken install), the CSS falls back to
 * system fonts by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';

export const SLIP_FONT_FILE = 'NotoSansSC-GB2312-Regular.otf';

let cached: Buffer | null | undefined;

function candidates(): string[] {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  return [
    process.env.AFTERCARE_RESOURCES,
    resourcesPath,
    resourcesPath && path.join(resourcesPath, 'resources'),
    path.resolve(process.cwd(), 'resources'),
    path.resolve(__dirname, '../../../resources'),
    path.resolve(__dirname, '../../resources'),
  ]
    .filter((d): d is string => Boolean(d))
    .map((d) => path.join(d, 'fonts', SLIP_FONT_FILE));
}

function fontBytes(): Buffer | null {
  if (cached === undefined) {
    const file = candidates().find((f) => fs.existsSync(f));
    cached = file ? fs.readFileSync(file) : null;
  }
  return cached;
}

/** The @font-face rule with the glyphs of `text` (every character the page shows), or '' without the font file. */
export async function slipFontCss(text: string): Promise<string> {
  const font = fontBytes();
  if (!font) return '';
  // Kerning only, and no closure over the layout features: a slip sets horizontal text, and this keeps a
  // subset at some 4 ms instead of 25 (and half the size).
  const subset = await subsetFont(font, text, { targetFormat: 'sfnt', keepFeatures: ['kern'], noLayoutClosure: true });
  return `@font-face { font-family: 'AftercareSans'; font-weight: 100 900; src: url(data:font/otf;base64,${subset.toString('base64')}) format('opentype'); }\n`;
}
