/**
 * The admin's messaging settings and templates (with a preview on a real ticket), the outbox screen's lists,
 * resend and cancel, a ticket's messages, and customers' opt-outs per channel.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { renderTemplate, smsSegments, unknownPlaceholders, type ConsentState, type MessageChannel, type MessagingView, type OutboxRow, MESSAGE_CHANNELS } from '../../../shared/domain/messaging';
import { zonedInstant } from '../../../shared/domain/calendar';
import { localDate } from '../../../shared/domain/time';
import { actor, type CallContext } from '../context';
import { AppError, conflict, notFound } from '../errors';
import { audit, created } from '../services/audit';
import { EMAIL_PASSWORD, SMS_SECRET, WECOM_WEBHOOK } from './channels';
import { SendError } from './sender';
import { postToRobot } from './wecom';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { ticketFacts } from './queue';

export async function messagingView(ctx: CallContext): Promise<MessagingView> {
  return {
    ...(await ctx.messaging.get()),
    emailPasswordSet: await ctx.secrets.has(EMAIL_PASSWORD),
    smsSecretSet: await ctx.secrets.has(SMS_SECRET),
    wecomSet: await ctx.secrets.has(WECOM_WEBHOOK),
  };
}

/** Posts a test line to the robot; a refusal or an unreachable robot is an error on the webhook field, in words. */
export async function testRobot(ctx: CallContext, input: ParsedInputOf<'messaging.wecom.test'>): Promise<{ sent: true }> {
  const url = input.webhook || (await ctx.secrets.get(WECOM_WEBHOOK));
  if (!url) throw new AppError('VALIDATION', { fields: { wecomWebhook: { key: 'error.messaging.noRobot', params: {} } } });
  const { company } = await ctx.settings.get();
  try {
    await postToRobot(url, zhCN.teamMessage.test.replace('{{company}}', company.name), ctx.trustedCa);
  } catch (error) {
    const e = error instanceof SendError ? error : new SendError('connection', String(error), false);
    throw new AppError('VALIDATION', { fields: { wecomWebhook: { key: `outboxError.${e.kind}`, params: {} } } });
  }
  return { sent: true };
}

export async function updateMessaging(ctx: CallContext, input: ParsedInputOf<'messaging.settings.update'>): Promise<MessagingView> {
  const { version, emailPassword, smsSecret, wecomWebhook, ...next } = input;
  const { version: current, ...before } = await ctx.messaging.get();
  if (current !== version) throw conflict();
  for (const [key, t] of Object.entries(next.templates)) {
    const unknown = unknownPlaceholders(t.subject + t.body);
    if (unknown.length) throw new AppError('VALIDATION', { fields: { [`templates.${key}.body`]: { key: 'error.messaging.placeholder', params: { name: unknown[0]! } } } });
  }
  const at = ctx.now().toISOString();
  const by = actor(ctx).id;
  await ctx.db.write(async (tx) => {
    if (version === 0) await tx.insert('messaging_settings', { id: 1, data: JSON.stringify(next), ...created(at, by) });
    else if ((await tx.run('UPDATE messaging_settings SET data = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = 1 AND version = ?', [JSON.stringify(next), at, by, version])) !== 1) throw conflict();
    // The password is sealed apart and never reaches the trail: the entry says only that it changed.
    const sealed = { emailPassword: [EMAIL_PASSWORD, emailPassword], smsSecret: [SMS_SECRET, smsSecret], wecomWebhook: [WECOM_WEBHOOK, wecomWebhook] } as const;
    const changed: Record<string, string> = {};
    for (const [field, [name, value]] of Object.entries(sealed)) {
      if (value === undefined) continue;
      await ctx.secrets.put(tx, name, value, at);
      changed[field] = '••••';
    }
    await audit(tx, at, by, 'messaging_settings', 1, version === 0 ? 'create' : 'update', before, { ...next, ...changed });
  });
  ctx.messaging.forget();
  return messagingView(ctx);
}

export async function previewMessage(ctx: CallContext, input: ParsedInputOf<'messaging.preview'>): Promise<{ subject: string; body: string; length: number; segments: number; unknown: string[] }> {
  const [ticket] = await ctx.db.query<{ id: number }>('SELECT id FROM tickets WHERE number = ?', [input.ticketNumber]);
  if (!ticket) throw new AppError('NOT_FOUND', { fields: { ticketNumber: { key: 'error.messaging.noTicket', params: {} } } });
  const facts = await ticketFacts(ctx.db, ctx, ticket.id, input.amountFen);
  if (!facts) throw notFound();
  const body = renderTemplate(input.body, facts.values);
  return { subject: renderTemplate(input.subject, facts.values), body, ...smsSegments(body), unknown: unknownPlaceholders(input.subject + input.body) };
}

const ROW = `SELECT o.id, o.channel, o.event, o.recipient, o.subject, o.body, o.state, o.attempts, o.next_attempt_at AS nextAttemptAt, o.last_error AS lastError,
  o.ticket_id AS ticketId, t.number AS ticketNumber, o.created_at AS createdAt, o.sent_at AS sentAt FROM outbox o LEFT JOIN tickets t ON t.id = o.ticket_id`;

/** The outbox screen: waiting (queued, sending), needing attention (failed, needs a look), sent since the desk's midnight. */
export async function listOutbox(ctx: CallContext, input: ParsedInputOf<'outbox.list'>): Promise<OutboxRow[]> {
  if (input.view === 'sentToday') {
    const { timeZone } = await ctx.settings.get();
    const midnight = new Date(zonedInstant(localDate(ctx.now(), timeZone), '00:00', timeZone)).toISOString();
    return ctx.db.query<OutboxRow>(`${ROW} WHERE o.state = 'sent' AND o.sent_at >= ? ORDER BY o.sent_at DESC LIMIT 500`, [midnight]);
  }
  const states = input.view === 'queued' ? ['queued', 'sending'] : ['failed', 'needs_look'];
  return ctx.db.query<OutboxRow>(`${ROW} WHERE o.state IN (?, ?) ORDER BY o.id DESC LIMIT 500`, states);
}

/** A ticket's messages: those in the outbox, and the facts of sent ones the daily maintenance pruned since. */
export async function ticketMessages(ctx: CallContext, input: ParsedInputOf<'outbox.ofTicket'>): Promise<OutboxRow[]> {
  return ctx.db.query<OutboxRow>(
    `${ROW} WHERE o.ticket_id = ?
     UNION ALL SELECT s.id, s.channel, s.event, s.recipient, '', '', 'sent', 1, NULL, '', s.ticket_id, t.number, s.created_at, s.sent_at
       FROM sent_messages s JOIN tickets t ON t.id = s.ticket_id WHERE s.ticket_id = ? ORDER BY 1`,
    [input.ticketId, input.ticketId],
  );
}

/** Puts a failed, looked-at or cancelled message back in the queue, due now (the same row, the same key). */
export async function resendMessage(ctx: CallContext, input: ParsedInputOf<'outbox.resend'>): Promise<{ id: number }> {
  const at = ctx.now().toISOString();
  const changed = await ctx.db.write((tx) =>
    tx.run("UPDATE outbox SET state = 'queued', next_attempt_at = ?, updated_at = ? WHERE id = ? AND state IN ('failed', 'needs_look', 'cancelled')", [at, at, input.id]),
  );
  if (changed !== 1) throw new AppError('CONFLICT', { key: 'messaging.notResendable' });
  ctx.outbox.kick();
  ctx.notify('outbox');
  return { id: input.id };
}

export async function cancelMessage(ctx: CallContext, input: ParsedInputOf<'outbox.cancel'>): Promise<{ id: number }> {
  const at = ctx.now().toISOString();
  const changed = await ctx.db.write((tx) =>
    tx.run("UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE id = ? AND state IN ('queued', 'failed', 'needs_look')", [at, input.id]),
  );
  if (changed !== 1) throw new AppError('CONFLICT', { key: 'messaging.notCancellable' });
  ctx.notify('outbox');
  return { id: input.id };
}

export async function consentOf(ctx: CallContext, input: ParsedInputOf<'messaging.consent.get'>): Promise<ConsentState[]> {
  const out: ConsentState[] = [];
  for (const channel of MESSAGE_CHANNELS) {
    const [row] = await ctx.db.query<{ opted_out: number; at: string; by: string | null }>(
      'SELECT o.opted_out, o.at, u.display_name AS by FROM message_opt_outs o LEFT JOIN users u ON u.id = o.by_id WHERE o.customer_id = ? AND o.channel = ? ORDER BY o.id DESC LIMIT 1',
      [input.customerId, channel],
    );
    out.push({ channel, optedOut: row?.opted_out === 1, at: row?.at ?? null, by: row?.by ?? null });
  }
  return out;
}

/** Records an opt-out (or opt-in) with its time and who recorded it; queued messages to an opted-out channel are cancelled. */
export async function setConsent(ctx: CallContext, input: ParsedInputOf<'messaging.consent.set'>): Promise<ConsentState[]> {
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const [customer] = await tx.query('SELECT id FROM customers WHERE id = ?', [input.customerId]);
    if (!customer) throw notFound();
    await tx.insert('message_opt_outs', { customer_id: input.customerId, channel: input.channel, opted_out: input.optedOut, at, by_id: actor(ctx).id });
    if (input.optedOut) await cancelQueued(tx, input.customerId, input.channel, at);
  });
  ctx.notify('outbox');
  return consentOf(ctx, { customerId: input.customerId });
}

async function cancelQueued(tx: { run(sql: string, params?: unknown[]): Promise<number> }, customerId: number, channel: MessageChannel, at: string): Promise<void> {
  await tx.run("UPDATE outbox SET state = 'cancelled', last_error = 'optedOut|', updated_at = ? WHERE customer_id = ? AND channel = ? AND state = 'queued'", [at, customerId, channel]);
}
