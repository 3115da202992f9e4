/**
 * The font slips print with: a GB2312 subset of Noto Sans SC shipped in resources/fonts, embedded in
 * the page as a data URL so the hidden print window, the browser and Chromium in tests need no file
 * access and no Chinese system font. Without the file (a broken install), the CSS falls back to
 * system fonts by name.
 */
import fs from 'node:fs';
import path from 'node:path';

export const SLIP_FONT_FILE = 'NotoSansSC-GB2312-Regular.otf';

let cached: string | null = null;

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

export function slipFontCss(): string {
  if (cached !== null) return cached;
  const file = candidates().find((f) => fs.existsSync(f));
  cached = file
    ? `@font-face { font-family: 'AftercareSans'; font-weight: 100 900; src: url(data:font/otf;base64,${fs.readFileSync(file).toString('base64')}) format('opentype'); }\n`
    : '';
  return cached;
}
