/** Warranty decision at a date (SPEC "Device"): explicit end date wins, else start + the model's months. */
export const WARRANTY_STATUSES = ['in', 'out', 'unknown'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];

export interface WarrantyFacts {
  /** Explicit end (YYYY-MM-DD), inclusive; overrides everything else. */
  warrantyEnd: string | null;
  /** Install date, else purchase date (YYYY-MM-DD). */
  startDate: string | null;
  warrantyMonths: number | null;
}

/** Adds calendar months to a YYYY-MM-DD date, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Last covered day (inclusive): the day before start + months. */
export function warrantyEndOf(facts: WarrantyFacts): string | null {
  if (facts.warrantyEnd) return facts.warrantyEnd;
  if (!facts.startDate || facts.warrantyMonths == null) return null;
  const end = new Date(`${addMonths(facts.startDate, facts.warrantyMonths)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** In warranty when the service date (YYYY-MM-DD, desk time zone) is on or before the last covered day. */
export function warrantyStatusAt(facts: WarrantyFacts, serviceDate: string): WarrantyStatus {
  const end = warrantyEndOf(facts);
  if (!end) return 'unknown';
  return serviceDate <= end ? 'in' : 'out';
}
