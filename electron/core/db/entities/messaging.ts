/** Messages (issue 20): the outbox, the messaging settings, encrypted credentials and customers' opt-outs. */
import { EntitySchema } from 'typeorm';
import { fk, idColumn, trackedColumns, v } from './columns';

export const OutboxEntity = new EntitySchema<Record<string, unknown>>({
  name: 'outbox',
  columns: {
    id: idColumn,
    channel: v(8),
    event: v(20),
    recipient: v(120),
    subject: v(200, { default: '' }),
    body: { type: 'text' },
    state: v(12),
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: v(24, { name: 'next_attempt_at', nullable: true }),
    lastError: v(500, { name: 'last_error', default: '' }),
    ticketId: { name: 'ticket_id', type: 'integer', nullable: true },
    customerId: { name: 'customer_id', type: 'integer', nullable: true },
    idemKey: v(120, { name: 'idem_key', unique: true }),
    createdAt: v(24, { name: 'created_at' }),
    createdBy: { name: 'created_by', type: 'integer', nullable: true },
    updatedAt: v(24, { name: 'updated_at' }),
    sentAt: v(24, { name: 'sent_at', nullable: true }),
    /** An SMS's template variables, `[[name, value], …]` as JSON (empty for other channels). */
    params: { type: 'text', default: '' },
  },
  relations: { ticket: fk('tickets', 'ticket_id', true), customer: fk('customers', 'customer_id', true) },
  indices: [
    { name: 'ix_outbox_due', columns: ['state', 'nextAttemptAt'] },
    { name: 'ix_outbox_sent', columns: ['state', 'sentAt'] },
    { name: 'ix_outbox_ticket', columns: ['ticketId'] },
  ],
});

export const MessagingSettingsEntity = new EntitySchema<Record<string, unknown>>({
  name: 'messaging_settings',
  columns: { id: { type: 'integer', primary: true }, data: { type: 'text' }, ...trackedColumns },
});

/** Credentials, each sealed with the desk's key (electron/core/messaging/secrets.ts): never readable in the file. */
export const SecretEntity = new EntitySchema<Record<string, unknown>>({
  name: 'secrets',
  columns: { name: v(40, { primary: true }), sealed: { type: 'text' }, updatedAt: v(24, { name: 'updated_at' }) },
});

/** Each opt-out or opt-in as recorded: the newest row per customer and channel is in force. */
export const MessageOptOutEntity = new EntitySchema<Record<string, unknown>>({
  name: 'message_opt_outs',
  columns: {
    id: idColumn,
    customerId: { name: 'customer_id', type: 'integer' },
    channel: v(8),
    optedOut: { name: 'opted_out', type: 'boolean' },
    at: v(24),
    byId: { name: 'by_id', type: 'integer', nullable: true },
  },
  relations: { customer: fk('customers', 'customer_id'), by: fk('users', 'by_id', true) },
  indices: [{ name: 'ix_message_opt_outs_customer', columns: ['customerId', 'channel', 'id'] }],
});

/** Each overdue ticket announced, per due time: a later check never announces it again. */
export const OverdueAlertEntity = new EntitySchema<Record<string, unknown>>({
  name: 'overdue_alerts',
  columns: { ticketId: { name: 'ticket_id', type: 'integer', primary: true }, dueAt: v(24, { name: 'due_at', primary: true }), at: v(24) },
});

/** What a pruned message leaves on its ticket's timeline: that it was sent, when, how and to whom. */
export const SentMessageEntity = new EntitySchema<Record<string, unknown>>({
  name: 'sent_messages',
  columns: {
    id: { type: 'integer', primary: true },
    ticketId: { name: 'ticket_id', type: 'integer' },
    channel: v(8),
    event: v(20),
    recipient: v(120),
    createdAt: v(24, { name: 'created_at' }),
    sentAt: v(24, { name: 'sent_at' }),
  },
  indices: [{ name: 'ix_sent_messages_ticket', columns: ['ticketId'] }],
});

export const messagingEntities = [OutboxEntity, MessagingSettingsEntity, SecretEntity, MessageOptOutEntity, OverdueAlertEntity, SentMessageEntity];
