/**
 * The outbox's pruning with the desk clock moved: sent and cancelled messages older than the admin's retention are
 * deleted (the maintenance run prunes at start and hourly with the generator), failed ones and those needing a look stay, and the ticket's timeline still shows
 * that its pruned messages were sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';
import { mailSettings, PASSWORD, startMailServer, type MailServer } from './mail-server';

const DAY = 24 * 60 * 60_000;
let h: Harness;
let c: Record<Role, Client>;
let mail: MailServer;

beforeEach(async () => {
  mail = await startMailServer({ user: 'desk@example.com', password: PASSWORD });
  h = await openHarness(undefined, { trustedCa: [mail.ca], outboxEveryMs: null, maintenanceEveryMs: null, overdueEveryMs: null });
  c = await h.signedIn();
  await h.ok(c.admin, 'messaging.settings.update', { ...mailSettings(mail.port, 0), retentionDays: 30 });
});
afterEach(async () => {
  await h.close();
  await mail.close();
});

const customer = (email: string) => intake({ newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678', email } });
const states = (h: Harness) => h.core.db.query<{ ticket_id: number; state: string }>('SELECT ticket_id, state FROM outbox ORDER BY id');

describe('outbox pruning', () => {
  it('deletes sent and cancelled messages past the retention, keeps failed and interrupted ones, and the timeline keeps "sent"', async () => {
    const sent = await h.ok(c.clerk, 'tickets.create', customer('a@example.com'));
    await h.core.sendOutbox();
    await mail.close(); // the next ones wait in the queue
    const cancelled = await h.ok(c.clerk, 'tickets.create', customer('b@example.com'));
    const failed = await h.ok(c.clerk, 'tickets.create', customer('c@example.com'));
    const looked = await h.ok(c.clerk, 'tickets.create', customer('d@example.com'));
    const [, toCancel] = await h.core.db.query<{ id: number }>('SELECT id FROM outbox ORDER BY id');
    await h.ok(c.supervisor, 'outbox.cancel', { id: toCancel!.id });
    // A failure and a send cut short by a crash (as the sender records them).
    await h.core.db.write(async (tx) => {
      await tx.run("UPDATE outbox SET state = 'failed', last_error = 'auth|' WHERE ticket_id = ?", [failed.id]);
      await tx.run("UPDATE outbox SET state = 'needs_look', last_error = 'interrupted|' WHERE ticket_id = ?", [looked.id]);
    });
    const before = await states(h);
    expect(before.map((r) => r.state)).toEqual(['sent', 'cancelled', 'failed', 'needs_look']);
    const sentAt = (await h.core.db.get<{ sent_at: string }>("SELECT sent_at FROM outbox WHERE state = 'sent'"))!.sent_at;

    const start = h.clock.now.getTime();
    h.clock.now = new Date(start + 29 * DAY);
    expect(await h.core.pruneOutbox()).toBe(0);
    h.clock.now = new Date(start + 31 * DAY);
    expect(await h.core.pruneOutbox()).toBe(2);
    expect((await states(h)).map((r) => [r.ticket_id, r.state])).toEqual([[failed.id, 'failed'], [looked.id, 'needs_look']]);
    expect(await h.core.pruneOutbox()).toBe(0);

    // The ticket's timeline: the pruned message is still there as sent, when and to whom; the cancelled one is gone.
    const admin = h.client();
    await h.ok(admin, 'auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect(await h.ok(admin, 'outbox.ofTicket', { ticketId: sent.id })).toMatchObject([{ channel: 'email', event: 'received', recipient: 'a@example.com', state: 'sent', sentAt, ticketNumber: sent.number }]);
    expect(await h.ok(admin, 'outbox.ofTicket', { ticketId: cancelled.id })).toEqual([]);
    expect(await h.ok(admin, 'outbox.ofTicket', { ticketId: failed.id })).toMatchObject([{ state: 'failed' }]);
  });

  it('the default retention is 180 days', async () => {
    const view = await h.ok(c.admin, 'messaging.settings.update', { ...mailSettings(mail.port, 1), emailPassword: undefined }); // the defaults
    expect(view.retentionDays).toBe(180);
    await h.ok(c.clerk, 'tickets.create', customer('a@example.com'));
    await h.core.sendOutbox();
    const start = h.clock.now.getTime();
    h.clock.now = new Date(start + 179 * DAY);
    expect(await h.core.pruneOutbox()).toBe(0);
    h.clock.now = new Date(start + 181 * DAY);
    expect(await h.core.pruneOutbox()).toBe(1);
    expect(await states(h)).toEqual([]);
  });
});
