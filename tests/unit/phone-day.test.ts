/** The phone page's rules: today's work and its order, the visit to log when service finishes, a phone's width, tel: links, its words. */
import { describe, expect, it } from 'vitest';
import type { Booking, TicketEvent, TicketRow } from '../../shared/domain/ticket';
import type { LabourVisit } from '../../shared/domain/labour';
import { fitWithin, isPhoneWidth, telHref, todaysWork, visitTimes } from '../../renderer/src/features/phone/phone-day';
import { phoneEn } from '../../renderer/src/i18n/phone.en';
import { phoneZhCN } from '../../renderer/src/i18n/phone.zh-CN';

const ZONE = 'Asia/Shanghai';

function row(id: number, status: TicketRow['status']): TicketRow {
  return {
    id, number: `TS${id}`, status, urgency: 'normal', problemType: 'hardware', channel: 'phone', reportedAt: '2026-11-20T01:00:00.000Z',
    customerName: `客户${id}`, contactPhone: '13700001111', modelCode: null, serial: null, faultSummary: '', responseDueAt: '2026-11-25T01:00:00.000Z',
    resolveDueAt: '2026-11-26T01:00:00.000Z', address: '', followUpDueAt: null, engineerName: '小张', isRepeat: false,
  };
}

function booking(ticketId: number, startsAt: string): Booking {
  return { id: ticketId * 10, version: 1, engineer: { id: 3, name: '小张' }, ticket: { id: ticketId, number: `TS${ticketId}`, customerName: '' }, startsAt, endsAt: startsAt, place: '', note: '' };
}

describe('todaysWork', () => {
  const rows = [row(1, 'dispatched'), row(2, 'in_service'), row(3, 'dispatched'), row(4, 'accepted'), row(5, 'dispatched')];
  const cases: { name: string; bookings: Booking[]; order: number[] }[] = [
    { name: 'no bookings: at work first, then the deadline order; accepted ones are not today’s work', bookings: [], order: [2, 1, 3, 5] },
    { name: 'booked today first, by the booking’s time (Shanghai day)', bookings: [booking(5, '2026-11-24T01:00:00.000Z'), booking(3, '2026-11-23T23:30:00.000Z')], order: [3, 5, 2, 1] },
    { name: 'a booking of another day does not count', bookings: [booking(5, '2026-11-24T16:30:00.000Z'), booking(1, '2026-11-23T15:00:00.000Z')], order: [2, 1, 3, 5] },
    { name: 'two bookings of one ticket: the earlier one', bookings: [booking(1, '2026-11-24T06:00:00.000Z'), booking(3, '2026-11-24T03:00:00.000Z'), booking(1, '2026-11-24T02:00:00.000Z')], order: [1, 3, 2, 5] },
  ];
  it.each(cases)('$name', ({ bookings, order }) => {
    const work = todaysWork(rows, bookings, '2026-11-24', ZONE);
    expect(work.map((w) => w.row.id)).toEqual(order);
  });
  it('keeps the booking of today beside its ticket', () => {
    const [first] = todaysWork(rows, [booking(3, '2026-11-24T01:00:00.000Z')], '2026-11-24', ZONE);
    expect(first?.booking?.startsAt).toBe('2026-11-24T01:00:00.000Z');
  });
});

describe('visitTimes', () => {
  const now = new Date('2026-11-24T06:45:00.000Z'); // 14:45 in Shanghai
  const started = (at: string): TicketEvent => ({ id: 1, at, actorName: '小张', kind: 'startService', fromStatus: 'dispatched', toStatus: 'in_service', note: null });
  const visit = (engineerId: number, finishedAt: string | null): LabourVisit => ({ id: 1, version: 1, engineer: { id: engineerId, name: '' }, workedOn: '2026-11-24', startedAt: null, finishedAt, minutes: 30, note: '' });
  const cases: { name: string; events: TicketEvent[]; visits: LabourVisit[]; start: string }[] = [
    { name: 'from the start of service today', events: [started('2026-11-24T05:10:00.000Z')], visits: [], start: '13:10' },
    { name: 'a start of an earlier day is not known', events: [started('2026-11-23T05:10:00.000Z')], visits: [], start: '' },
    { name: 'a later visit today starts where the engineer’s last one finished', events: [started('2026-11-24T01:00:00.000Z')], visits: [visit(3, '2026-11-24T03:30:00.000Z')], start: '11:30' },
    { name: 'another engineer’s visit does not count', events: [started('2026-11-24T01:00:00.000Z')], visits: [visit(4, '2026-11-24T03:30:00.000Z')], start: '09:00' },
    { name: 'other events are not starts', events: [{ ...started('2026-11-24T02:00:00.000Z'), kind: 'contact' }], visits: [], start: '' },
  ];
  it.each(cases)('$name', ({ events, visits, start }) => {
    expect(visitTimes(events, visits, 3, now, ZONE)).toEqual({ workedOn: '2026-11-24', start, finish: '14:45' });
  });
  it('the day is the desk zone’s: 00:30 in Shanghai is already the 25th', () => {
    expect(visitTimes([], [], 3, new Date('2026-11-24T16:30:00.000Z'), ZONE)).toEqual({ workedOn: '2026-11-25', start: '', finish: '00:30' });
  });
});

describe('isPhoneWidth', () => {
  it.each([
    [360, true],
    [412, true],
    [600, true],
    [768, false],
    [1366, false],
  ])('%i px → %s', (width, phone) => expect(isPhoneWidth(width)).toBe(phone));
});

describe('telHref', () => {
  it.each([
    ['13800135678', 'tel:13800135678'],
    ['138-0013-5678', 'tel:13800135678'],
    ['+86 138 0013 5678', 'tel:+8613800135678'],
    ['(021) 6123-4567', 'tel:02161234567'],
  ])('%s → %s', (phone, href) => expect(telHref(phone)).toBe(href));
});

describe('the phone page’s words', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it('are the same keys in Chinese and English, none empty', () => {
    expect(keys(phoneEn).sort()).toEqual(keys(phoneZhCN).sort());
    for (const words of [phoneEn, phoneZhCN]) expect(JSON.stringify(words)).not.toContain('""');
  });
});

describe('fitWithin: a camera photo is scaled down to 2048 px on its longest side', () => {
  it.each([
    [4032, 3024, 2048, 1536],
    [3024, 4032, 1536, 2048],
    [2048, 1000, 2048, 1000],
    [640, 480, 640, 480],
    [4000, 1, 2048, 1],
  ])('%i×%i → %i×%i', (w, h, width, height) => expect(fitWithin(w, h)).toEqual({ width, height }));
});
