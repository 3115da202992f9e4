/**
 * Queues customer messages inside the transaction of the event that causes them (ticket registered, quote made,
 * device repaired, ticket closed), so a rolled-back event queues nothing. Each message carries an idempotency
 * key made from the event: the same event can never queue the same message twice.
 */
import { MESSAGE_CHANNELS, renderTemplate, smsParams, type CustomerEvent, type MessageChannel, type TemplateValues } from '../../../shared/domain/messaging';
import { formatYuan } from '../../../shared/domain/money';
import type { CallContext } from '../context';
import type { Tx } from '../db/db';
import { zhCN } from '../../../shared/i18n/zh-CN';

export interface TicketFacts {
  ticketId: number;
  customerId: number;
  values: TemplateValues;
  email: string;
  phone: string;
}

/** What the templates of a ticket's messages are filled with. */
export async function ticketFacts(tx: Pick<Tx, 'query'>, ctx: Pick<CallContext, 'settings' | 'messaging'>, ticketId: number, amountFen = 0): Promise<TicketFacts | null> {
  const [row] = await tx.query<{ number: string; customer_id: number; name: string; salutation: string; email: string; phone: string; model: string | null }>(
    `SELECT t.number, t.customer_id, c.name, c.salutation, c.email, t.contact_phone_norm AS phone, m.name AS model
       FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN product_models m ON m.id = t.model_id WHERE t.id = ?`,
    [ticketId],
  );
  if (!row) return null;
  const { company } = await ctx.settings.get();
  const messaging = await ctx.messaging.get();
  const salutation = zhCN.salutation[row.salutation as keyof typeof zhCN.salutation] ?? '';
  // An individual's name with 先生/女士 after the surname: 陈先生; a name that already ends with it stays.
  const customer = salutation && !row.name.endsWith(salutation) ? `${row.name.slice(0, 1)}${salutation}` : row.name;
  return {
    ticketId,
    customerId: row.customer_id,
    email: row.email,
    phone: row.phone,
    values: {
      customer,
      ticket: row.number,
      company: company.name,
      hotline: company.hotline,
      address: company.address,
      amount: formatYuan(amountFen),
      hours: messaging.openingHours,
      storage: messaging.storageTerms,
      model: row.model ?? '',
    },
  };
}

/** Whether the customer's newest record for the channel is an opt-out. */
export async function optedOut(tx: Pick<Tx, 'query'>, customerId: number, channel: MessageChannel): Promise<boolean> {
  const [row] = await tx.query<{ opted_out: number }>('SELECT opted_out FROM message_opt_outs WHERE customer_id = ? AND channel = ? ORDER BY id DESC LIMIT 1', [customerId, channel]);
  return row?.opted_out === 1;
}

/** A mainland mobile number (SMS goes to nothing else). */
const MOBILE = /^1[3-9]\d{9}$/;

function recipientOf(facts: TicketFacts, channel: MessageChannel): string {
  if (channel === 'email') return /^[^@\s]+@[^@\s]+$/.test(facts.email) ? facts.email : '';
  return MOBILE.test(facts.phone) ? facts.phone : '';
}

export interface Queueing {
  event: CustomerEvent;
  ticketId: number;
  /** What makes this event unique (`ticket-12-v3`, `quote-7`): with the event and channel, the message's key. */
  cause: string;
  amountFen?: number;
  /** Not before this time (the follow-up reminder waits for the follow-up's due time). */
  notBefore?: string;
}

/** Queues the event's message on every channel that is set up, enabled, reachable and not refused by the customer. */
export async function queueCustomerMessages(tx: Tx, ctx: CallContext, q: Queueing): Promise<number> {
  const facts = await ticketFacts(tx, ctx, q.ticketId, q.amountFen);
  if (!facts) return 0;
  const messaging = await ctx.messaging.get();
  const at = ctx.now().toISOString();
  let queued = 0;
  const ready = await ctx.outbox.readyChannels();
  for (const channel of MESSAGE_CHANNELS.filter((c) => ready.includes(c))) {
    const key = `${q.event}.${channel}` as const;
    const recipient = recipientOf(facts, channel);
    if (!messaging.enabled[key] || !recipient || (await optedOut(tx, facts.customerId, channel))) continue;
    // An SMS goes as the provider's approved template: without its code for this message there is nothing to send.
    if (channel === 'sms' && !messaging.sms.templateCodes[q.event]) continue;
    const template = messaging.templates[key];
    const params = channel === 'sms' ? JSON.stringify(smsParams(template.body, facts.values)) : '';
    const inserted = await tx.run(
      `INSERT INTO outbox (channel, event, recipient, subject, body, params, state, attempts, next_attempt_at, ticket_id, customer_id, idem_key, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING`,
      [channel, q.event, recipient, renderTemplate(template.subject, facts.values), renderTemplate(template.body, facts.values), params, q.notBefore ?? at, q.ticketId, facts.customerId, `${q.cause}.${q.event}.${channel}`, at, ctx.user?.id ?? null, at],
    );
    queued += inserted;
  }
  if (queued > 0) ctx.outbox.kick();
  return queued;
}

/** A reminder still waiting is no longer wanted once the follow-up happened or the ticket was cancelled. */
export async function cancelWaiting(tx: Tx, ticketId: number, event: CustomerEvent, at: string): Promise<void> {
  await tx.run("UPDATE outbox SET state = 'cancelled', updated_at = ? WHERE ticket_id = ? AND event = ? AND state = 'queued'", [at, ticketId, event]);
}
