/** Inputs of messages to customers (issue 20): the messaging settings and templates, previews, the outbox, opt-outs. */
import { z } from 'zod';
import { CUSTOMER_EVENTS, MESSAGE_CHANNELS, SMS_PROVIDERS, type CustomerEvent, type TemplateKey } from '../domain/messaging';
import { cleanString, id, text, version } from './fields';

export const channel = z.enum(MESSAGE_CHANNELS);
export const customerEvent = z.enum(CUSTOMER_EVENTS);

const template = z.strictObject({ subject: text(200), body: cleanString().trim().min(1).max(1000) });
const KEYS = CUSTOMER_EVENTS.flatMap((e) => MESSAGE_CHANNELS.map((c) => `${e}.${c}` as TemplateKey));
const perKey = <T extends z.ZodType>(value: T) => z.strictObject(Object.fromEntries(KEYS.map((k) => [k, value])) as Record<TemplateKey, T>);

export const messagingUpdateInput = z.strictObject({
  version,
  email: z.strictObject({
    host: text(120),
    port: z.number().int().min(1).max(65535),
    security: z.enum(['tls', 'starttls', 'none']),
    user: text(120),
    from: z.union([z.literal(''), z.email().max(120)]),
  }),
  /** A new password for the e-mail account; absent keeps the stored one, empty removes it. */
  emailPassword: cleanString().max(200).optional(),
  enabled: perKey(z.boolean()),
  templates: perKey(template),
  openingHours: text(100),
  storageTerms: text(200),
  sms: z.strictObject({
    provider: z.enum(SMS_PROVIDERS),
    keyId: text(128),
    signName: text(40),
    appId: text(40),
    region: text(40),
    endpoint: z.union([z.literal(''), z.url({ protocol: /^https$/ }).max(200)]),
    templateCodes: z.strictObject(Object.fromEntries(CUSTOMER_EVENTS.map((e) => [e, text(40)])) as Record<CustomerEvent, ReturnType<typeof text>>),
  }),
  /** A new AccessKey secret / SecretKey; absent keeps the stored one, empty removes it. */
  smsSecret: cleanString().max(200).optional(),
  /** A new 企业微信 robot webhook; absent keeps the stored one, empty removes it. */
  wecomWebhook: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(300)]).optional(),
  overdueEmail: z.union([z.literal(''), z.email().max(120)]),
  retentionDays: z.number().int().min(7).max(3650),
});

/** Posts a test message to the robot: the stored webhook, or the one being entered. */
export const wecomTestInput = z.strictObject({ webhook: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(300)]) });

export const previewInput = z.strictObject({
  /** The ticket whose facts fill the placeholders (a real one, by number). */
  ticketNumber: cleanString().trim().min(1).max(40),
  event: customerEvent,
  subject: text(200),
  body: cleanString().max(1000),
  amountFen: z.number().int().nonnegative().max(1_000_000_000).default(0),
});

export const outboxListInput = z.strictObject({ view: z.enum(['queued', 'failed', 'sentToday']) });
export const outboxIdInput = z.strictObject({ id });
export const ticketMessagesInput = z.strictObject({ ticketId: id });

export const consentGetInput = z.strictObject({ customerId: id });
export const consentSetInput = z.strictObject({ customerId: id, channel, optedOut: z.boolean() });
