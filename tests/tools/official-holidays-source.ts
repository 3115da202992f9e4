/** The official days as the chinese-days package has them, from 2020 on, in the desk's shape. */
import { createRequire } from 'node:module';
import type { Festival, OfficialData, OfficialDay } from '../../shared/domain/official-calendar';

const require = createRequire(import.meta.url);

/** The package's English festival names (its entries read "English name,中文名,days"). */
const FESTIVAL_OF: Record<string, Festival> = {
  "New Year's Day": 'new_year',
  'Spring Festival': 'spring_festival',
  'Tomb-sweeping Day': 'tomb_sweeping',
  'Labour Day': 'labour_day',
  'Dragon Boat Festival': 'dragon_boat',
  'Mid-autumn Festival': 'mid_autumn',
  'National Day': 'national_day',
};

export const FIRST_YEAR = 2020;

export function officialFromPackage(): OfficialData {
  const { version } = require('chinese-days/package.json') as { version: string };
  const json = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
  const days: OfficialDay[] = [];
  for (const [kind, entries] of [['off', json.holidays], ['work', json.workdays]] as const) {
    for (const [date, text] of Object.entries(entries)) {
      if (Number(date.slice(0, 4)) < FIRST_YEAR) continue;
      const festival = FESTIVAL_OF[text.split(',')[0]!];
      if (!festival) throw new Error(`unknown festival in chinese-days: ${text}`);
      days.push({ date, kind, festival });
    }
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { source: `chinese-days ${version}`, days };
}
