/**
 * The official holidays in force on this desk: the days of each year the admin accepted, and for a year
 * nobody accepted yet the days bundled with the app (marked unconfirmed: deadlines over 春节 are better
 * on the official days than on none). New or changed bundled days wait in `incoming` until the admin
 * accepts them (calendar.acceptOfficial).
 */
import type { Db } from '../db/db';
import type { CallContext, CoreDeps } from '../context';
import { actor } from '../context';
import { AppError } from '../errors';
import { audit, created } from './audit';
import type { WorkingCalendar } from '../../../shared/domain/calendar';
import { calendarOf, type Settings } from '../../../shared/domain/settings';
import { localDate } from '../../../shared/domain/time';
import { daysOfYear, withOfficialDays, yearDigest, yearsOf, type OfficialData, type OfficialDay, type OfficialYear } from '../../../shared/domain/official-calendar';
import type { ParsedInputOf } from '../../../shared/api/contract';

interface Accepted {
  digest: string;
  days: OfficialDay[];
  source: string;
}

export class OfficialHolidays {
  private accepted: Map<number, Accepted> | null = null;
  private official: OfficialDay[] | null = null;
  private built: { settings: Settings; official: OfficialDay[]; calendar: WorkingCalendar } | null = null;

  constructor(
    private readonly db: Db,
    /** What this version of the app carries (tests pass another, as an update would bring). */
    readonly bundled: OfficialData,
  ) {}

  async acceptedYears(): Promise<Map<number, Accepted>> {
    if (this.accepted) return this.accepted;
    const rows = await this.db.query<{ year: number; digest: string; days: string; source: string }>('SELECT year, digest, days, source FROM official_holidays');
    this.accepted = new Map(rows.map((r) => [r.year, { digest: r.digest, days: JSON.parse(r.days) as OfficialDay[], source: r.source }]));
    return this.accepted;
  }

  /** Every official day deadlines use: accepted years as accepted, the others as bundled. */
  async inForce(): Promise<OfficialDay[]> {
    if (this.official) return this.official;
    const accepted = await this.acceptedYears();
    const years = new Set([...yearsOf(this.bundled), ...accepted.keys()]);
    this.official = [...years].sort((a, b) => a - b).flatMap((year) => accepted.get(year)?.days ?? daysOfYear(this.bundled, year));
    return this.official;
  }

  /** The desk's working calendar: settings' hours and company days over the official days in force (built once per change). */
  async calendar(settings: Settings): Promise<WorkingCalendar> {
    const official = await this.inForce();
    if (this.built?.settings !== settings || this.built.official !== official) {
      this.built = { settings, official, calendar: withOfficialDays(calendarOf(settings), official) };
    }
    return this.built.calendar;
  }

  forget(): void {
    this.accepted = null;
    this.official = null;
  }
}

/** The desk's working calendar, for deadlines and working-time figures. */
export async function deskCalendar(deps: Pick<CoreDeps, 'settings' | 'official'>): Promise<WorkingCalendar> {
  return deps.official.calendar(await deps.settings.get());
}

/** The years the admin is shown: this year and later ones, and any earlier year whose bundled days changed. */
export async function officialYears(ctx: CallContext): Promise<OfficialYear[]> {
  const accepted = await ctx.official.acceptedYears();
  const bundledYears = yearsOf(ctx.official.bundled);
  const thisYear = Number(localDate(ctx.now(), (await ctx.settings.get()).timeZone).slice(0, 4));
  const years = new Set([...bundledYears, ...accepted.keys()]);
  const out: OfficialYear[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const mine = accepted.get(year);
    const bundled = daysOfYear(ctx.official.bundled, year);
    const digest = yearDigest(bundled);
    const changed = bundledYears.includes(year) && mine?.digest !== digest;
    if (year < thisYear && !(mine && changed)) continue;
    out.push({ year, days: mine?.days ?? bundled, accepted: Boolean(mine), incoming: changed ? { digest, days: bundled } : null });
  }
  return out;
}

/** Accepts the bundled days of a year (the digest the admin was shown, so a newer version is never accepted unseen). */
export async function acceptOfficial(ctx: CallContext, { year, digest }: ParsedInputOf<'calendar.acceptOfficial'>): Promise<OfficialYear[]> {
  const days = daysOfYear(ctx.official.bundled, year);
  if (days.length === 0 || yearDigest(days) !== digest) throw new AppError('CONFLICT', { key: 'calendar.notBundled' });
  const before = (await ctx.official.acceptedYears()).get(year);
  const at = ctx.now().toISOString();
  const by = actor(ctx).id;
  const row = { digest, days: JSON.stringify(days), source: ctx.official.bundled.source };
  await ctx.db.write(async (tx) => {
    if (before) await tx.run('UPDATE official_holidays SET digest = ?, days = ?, source = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE year = ?', [row.digest, row.days, row.source, at, by, year]);
    else {
      const values = { year, ...row, ...created(at, by) };
      await tx.run(`INSERT INTO official_holidays (${Object.keys(values).join(', ')}) VALUES (${Object.keys(values).map(() => '?').join(', ')})`, Object.values(values));
    }
    await audit(tx, at, by, 'official_holidays', year, before ? 'update' : 'create', before ? { ...before, days: JSON.stringify(before.days) } : null, row);
  });
  ctx.official.forget();
  ctx.notify('settings');
  return officialYears(ctx);
}
