import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from './harness';
import { SEED_002_POLICY } from '../../shared/domain/sla';

let h: Harness;
afterEach(() => h?.close());

const base = {
  company: { name: '华东电器售后服务中心', address: '上海市浦东新区', hotline: '400-887-3580' },
  ticketNumberPattern: 'TS{YYYYMMDD}{SEQ:4}',
  timeZone: 'Asia/Shanghai',
  sla: SEED_002_POLICY,
};

describe('settings', () => {
  it('saves the company profile, keeps what a client did not send, refuses a stale version', async () => {
    h = await openHarness();
    const { admin } = await h.signedIn();
    const first = await h.ok(admin, 'settings.update', { ...base, version: 0, calendar: { opens: '08:30', closes: '17:30', weekdays: [1, 2, 3, 4, 5, 6], holidays: ['2026-10-01'], makeupDays: [] } });
    expect(first.company.name).toBe('华东电器售后服务中心');
    // A client that knows only the old fields (no calendar, no clock basis) leaves them as stored.
    const { basis: _b, ...urgentWithoutBasis } = SEED_002_POLICY.normal;
    const second = await h.ok(admin, 'settings.update', { ...base, sla: { ...SEED_002_POLICY, normal: urgentWithoutBasis }, version: first.version });
    expect(second.calendar.opens).toBe('08:30');
    expect(second.sla.normal.basis).toBe('working');
    const stale = await h.call(admin, 'settings.update', { ...base, version: first.version });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
    const trail = await h.core.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'settings' ORDER BY id");
    expect(trail.map((r) => r.action)).toEqual(['create', 'update']);
  });

  it.each([
    ['a pattern without a sequence', { ticketNumberPattern: 'TS{YYYYMMDD}' }, 'ticketNumberPattern'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a logo that is not an image', { company: { ...base.company, logo: 'data:text/html;base64,PHNjcmlwdD4=' } }, 'company.logo'],
  ])('refuses %s', async (_name, change, field) => {
    h = await openHarness();
    const { admin } = await h.signedIn();
    const r = await h.call(admin, 'settings.update', { ...base, version: 0, ...change });
    expect(r.ok === false && Object.keys(r.error.fields ?? {})).toEqual([field]);
  });

  it('a new number pattern applies to the next ticket', async () => {
    h = await openHarness();
    const { admin } = await h.signedIn();
    await h.ok(admin, 'settings.update', { ...base, version: 0, ticketNumberPattern: '{YYYYMMDD}{SEQ:4}' });
    const { number } = await h.ok(admin, 'tickets.create', {
      channel: 'phone', reportedAt: '2026-11-24T09:00:00Z', contactName: '陈先生', contactPhone: '13800135678',
      urgency: 'normal', problemType: 'hardware', faultDescription: '无法开机', newCustomer: { name: '陈先生', phone: '13800135678' },
    });
    expect(number).toBe('202611240001');
  });
});
