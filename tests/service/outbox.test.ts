/**
 * The outbox against real SQLite files and a real SMTP server: a message is queued in the transaction of its
 * event (a rolled-back event queues nothing), sent over STARTTLS with its Chinese subject and body intact, kept
 * through a 6-hour outage on the desk clock, and never sent to a customer who opted out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';
import { mailSettings, PASSWORD, startMailServer, type MailServer } from './mail-server';

const customer = (email = 'chen@example.com') => intake({ newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678', email } });
const states = (h: Harness) => h.core.db.query<{ id: number; state: string; attempts: number; next_attempt_at: string | null; last_error: string }>('SELECT id, state, attempts, next_attempt_at, last_error FROM outbox ORDER BY id');

let h: Harness;
let c: Record<Role, Client>;
let mail: MailServer;

beforeEach(async () => {
  mail = await startMailServer({ user: 'desk@example.com', password: PASSWORD });
  h = await openHarness(undefined, { trustedCa: [mail.ca], outboxEveryMs: null });
  c = await h.signedIn();
  await h.ok(c.admin, 'settings.update', { ...(await h.ok(c.admin, 'settings.get', {})), company: { name: '华信售后', address: '深圳市南山区科技园1号', hotline: '400-800-1234', logo: '' } });
  await h.ok(c.admin, 'messaging.settings.update', mailSettings(mail.port, 0));
});
afterEach(async () => {
  await h.close();
  await mail.close();
});

describe('e-mail through the outbox', () => {
  it('a registered ticket sends the received message over STARTTLS, Chinese subject and body intact, once', async () => {
    const t = await h.ok(c.clerk, 'tickets.create', customer());
    // Sent right after the ticket's transaction committed (or by this run, whichever comes first).
    await h.core.sendOutbox();
    expect(mail.received).toHaveLength(1);
    const m = mail.received[0]!;
    expect(m.subject).toBe(`【华信售后】报修已受理：${t.number}`);
    expect(m.from?.text).toBe('service@example.com');
    expect((m.to as { text: string }).text).toBe('chen@example.com');
    expect(m.text).toContain(`陈先生您好，您的报修已受理，工单号${t.number}。如有疑问请致电400-800-1234。`);
    expect(m.messageId).toBe(`<ticket-${t.id}-created.received.email@example.com>`);
    const [row] = await states(h);
    expect(row).toMatchObject({ state: 'sent', attempts: 1 });
    // Sending again finds nothing: the same message is never sent twice.
    expect(await h.core.sendOutbox()).toBe(0);
    expect(mail.received).toHaveLength(1);
    const messages = await h.ok(c.clerk, 'outbox.ofTicket', { ticketId: t.id });
    expect(messages.map((x) => [x.event, x.state])).toEqual([['received', 'sent']]);
  });

  it('a wrong password fails the message at once, with the reason in words', async () => {
    await h.ok(c.admin, 'messaging.settings.update', { ...mailSettings(mail.port, 1), emailPassword: 'wrong' });
    await h.ok(c.clerk, 'tickets.create', customer());
    await h.core.sendOutbox();
    const [row] = await h.ok(c.supervisor, 'outbox.list', { view: 'failed' });
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row!.lastError.split('|')[0]).toBe('auth');
    expect(mail.received).toHaveLength(0);
  });

  it('a ticket registered in a transaction that rolls back queues nothing', async () => {
    await expect(
      h.core.db.write(async () => {
        await h.ok(c.clerk, 'tickets.create', customer());
        expect(await h.core.db.query('SELECT id FROM outbox')).toHaveLength(1);
        throw new Error('the close failed');
      }),
    ).rejects.toThrow('the close failed');
    expect(await h.core.db.query('SELECT id FROM outbox')).toEqual([]);
    expect(await h.core.sendOutbox()).toBe(0);
    expect(mail.received).toHaveLength(0);
  });

  it('a customer without an e-mail address, or who opted out of e-mail, gets none', async () => {
    await h.ok(c.clerk, 'tickets.create', customer(''));
    const t = await h.ok(c.clerk, 'tickets.create', customer('li@example.com'));
    const customerId = (await h.ok(c.clerk, 'tickets.get', { id: t.id })).customer.id;
    await h.core.db.write((tx) => tx.run("UPDATE outbox SET next_attempt_at = '2099-01-01T00:00:00.000Z'"));
    const consent = await h.ok(c.clerk, 'messaging.consent.set', { customerId, channel: 'email', optedOut: true });
    expect(consent.find((x) => x.channel === 'email')).toMatchObject({ optedOut: true, at: '2026-11-24T10:00:00.000Z', by: 'clerk' });
    // The one already queued is cancelled; the next event queues nothing.
    expect(await states(h)).toMatchObject([{ state: 'cancelled', last_error: 'optedOut|' }]);
    await h.ok(c.clerk, 'tickets.create', { ...customer(), newCustomer: undefined, customerId });
    expect(await states(h)).toHaveLength(1);
    expect(await h.core.sendOutbox()).toBe(0);
    expect(mail.received).toHaveLength(0);
  });

  it('a 6-hour outage: retries spaced 1, 2, 4 … minutes up to an hour, then everything goes out once the server is back', async () => {
    await mail.close(); // nothing listens on the port: every connection is refused
    for (let i = 0; i < 3; i++) await h.ok(c.clerk, 'tickets.create', customer(`c${i}@example.com`));
    await h.core.sendOutbox(); // (the tries right after each ticket's commit, at minute 0, are refused too)
    expect((await states(h)).map((r) => r.attempts)).toEqual([1, 1, 1]);
    const tries: number[] = [0];
    const start = h.clock.now.getTime();
    for (let minute = 1; minute <= 6 * 60; minute++) {
      h.clock.now = new Date(start + minute * 60_000);
      const before = (await states(h))[0]!.attempts;
      await h.core.sendOutbox();
      if ((await states(h))[0]!.attempts > before) tries.push(minute);
    }
    const gaps = tries.slice(1).map((m, i) => m - tries[i]!);
    expect(gaps.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(gaps.slice(6).every((g) => g === 60)).toBe(true);
    expect(tries.length).toBeGreaterThanOrEqual(11);
    expect((await states(h)).every((r) => r.state === 'queued' && r.last_error.startsWith('connection|'))).toBe(true);
    expect(mail.received).toHaveLength(0);
    await mail.reopen();
    h.clock.now = new Date(start + 7 * 60 * 60_000);
    await h.core.sendOutbox();
    expect(mail.received.map((m) => (m.to as { text: string }).text).sort()).toEqual(['c0@example.com', 'c1@example.com', 'c2@example.com']);
    expect(await h.core.sendOutbox()).toBe(0);
  }, 60_000);

  it('the e-mail password is sealed: never in clear in the database file, its WAL, the audit trail or a backup', async () => {
    await h.ok(c.clerk, 'tickets.create', customer());
    await h.core.sendOutbox();
    const view = await h.ok(c.admin, 'messaging.settings.get', {});
    expect(view.emailPasswordSet).toBe(true);
    expect(JSON.stringify(view)).not.toContain(PASSWORD);
    const audit = await h.core.db.query<{ changes: string }>("SELECT changes FROM audit_log WHERE entity = 'messaging_settings'");
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.map((a) => a.changes).join()).not.toContain(PASSWORD);
    const trail = await h.ok(c.admin, 'audit.list', { entity: 'messaging_settings' } as InputOf<'audit.list'>);
    expect(JSON.stringify(trail)).not.toContain(PASSWORD);
    const backup = await h.ok(c.admin, 'backups.create', {});
    const key = fs.statSync(path.join(h.dir, 'secret.key'));
    expect(key.mode & 0o777).toBe(0o600);
    const needle = Buffer.from(PASSWORD);
    for (const file of [...fs.readdirSync(h.dir).filter((f) => f.startsWith('aftercare.sqlite')).map((f) => path.join(h.dir, f)), ...filesUnder(path.join(h.dir, 'backups'))]) {
      expect(fs.readFileSync(file).includes(needle), file).toBe(false);
    }
    expect(backup).toBeTruthy();
  });
});

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
