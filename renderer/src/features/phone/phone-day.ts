/**
 * The phone's pure rules: which of the engineer's tickets are today's work and in what order, where the
 * visit being finished started, when a screen is a phone's, the number a tap calls and a photo's size.
 */
import type { Booking, TicketEvent, TicketRow } from '../../../../shared/domain/ticket';
import type { LabourVisit } from '../../../../shared/domain/labour';
import { isoToWall } from '../../components/format-time';

/** The statuses the phone works on: sent out (联系, 开始服务) and at work (记录, 验收). */
export const PHONE_STATUSES = ['dispatched', 'in_service'] as const;

export interface PhoneTicket {
  row: TicketRow;
  /** Today's booking of this ticket, if the schedule has one (its start decides the order). */
  booking: Pick<Booking, 'startsAt' | 'endsAt' | 'place'> | null;
}

/**
 * Today's work: the open tickets assigned to the engineer. Booked for today first, by the booking's
 * time; then those at work; then the rest by their resolve deadline (the list comes sorted by it).
 */
export function todaysWork(rows: readonly TicketRow[], bookings: readonly Booking[], today: string, timeZone: string): PhoneTicket[] {
  const booked = new Map<number, Booking>();
  for (const b of bookings) {
    if (!b.ticket || isoToWall(b.startsAt, timeZone).slice(0, 10) !== today) continue;
    const before = booked.get(b.ticket.id);
    if (!before || b.startsAt < before.startsAt) booked.set(b.ticket.id, b);
  }
  const rank = (t: PhoneTicket) => (t.booking ? 0 : t.row.status === 'in_service' ? 1 : 2);
  return rows
    .filter((r) => (PHONE_STATUSES as readonly string[]).includes(r.status))
    .map((row, i) => ({ row, i, booking: booked.get(row.id) ?? null }))
    .sort((a, b) => rank(a) - rank(b) || (a.booking && b.booking ? a.booking.startsAt.localeCompare(b.booking.startsAt) : 0) || a.i - b.i)
    .map(({ row, booking }) => ({ row, booking: booking && { startsAt: booking.startsAt, endsAt: booking.endsAt, place: booking.place } }));
}

export interface VisitTimes {
  workedOn: string;
  /** HH:mm, or '' when the visit's start is not known today. */
  start: string;
  finish: string;
}

/**
 * The visit being finished, to log as labour: today, from when service started (or, on a later visit,
 * from the end of the engineer's last logged visit today) until now. A start from an earlier day is not
 * today's visit: the engineer types it.
 */
export function visitTimes(events: readonly TicketEvent[], visits: readonly LabourVisit[], engineerId: number, now: Date, timeZone: string): VisitTimes {
  const wallNow = isoToWall(now.toISOString(), timeZone);
  const today = wallNow.slice(0, 10);
  const starts = [
    ...events.filter((e) => e.kind === 'startService').map((e) => e.at),
    ...visits.filter((v) => v.engineer.id === engineerId && v.finishedAt !== null).map((v) => v.finishedAt as string),
  ]
    .map((iso) => isoToWall(iso, timeZone))
    .filter((wall) => wall.slice(0, 10) === today && wall < wallNow)
    .sort();
  const last = starts.at(-1);
  return { workedOn: today, start: last ? last.slice(11, 16) : '', finish: wallNow.slice(11, 16) };
}

/** Below this width the desk's menu and tables do not fit: an engineer is sent to the phone page. */
export const PHONE_MAX_WIDTH = 600;

export function isPhoneWidth(width: number): boolean {
  return width <= PHONE_MAX_WIDTH;
}

/** A tel: link of a phone as typed (138-0013-5678, +86 138 …): only what a dialer reads, digits, +, * and #. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+*#]/g, '')}`;
}

/** The longest side a camera photo keeps: enough to read a nameplate or a serial label. */
export const PHOTO_MAX_SIDE = 2048;

/** The size a photo is drawn at: within `max` on its longest side, proportions kept; never enlarged. */
export function fitWithin(width: number, height: number, max = PHOTO_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
