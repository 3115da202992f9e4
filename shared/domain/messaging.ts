/**
 * Messages to customers and the team (issue 20): the events that send them, the channels, the outbox's states,
 * the templates with their placeholders, the SMS length rule and the sender's back-off. Pure: the settings
 * screen previews with the same rendering and segment count the core uses when it queues.
 */

/** The customer's channels (templates, opt-outs per channel). */
export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
/** Every channel the outbox sends on: the customer's, and the team's 企业微信 group robot. */
export const OUTBOX_CHANNELS = [...MESSAGE_CHANNELS, 'wecom'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** Messages to the team (the robot), and the supervisor's batched overdue e-mail (`overdueDigest`). */
export const TEAM_EVENTS = ['urgent', 'overdue', 'escalated', 'lowStock', 'overdueDigest'] as const;
export type TeamEvent = (typeof TEAM_EVENTS)[number];

/** Customer messages, in the order a repair meets them. */
export const CUSTOMER_EVENTS = ['received', 'quoteReady', 'readyForPickup', 'closed', 'followUp'] as const;
export type CustomerEvent = (typeof CUSTOMER_EVENTS)[number];

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed', 'cancelled', 'needs_look'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const PLACEHOLDERS = ['customer', 'ticket', 'company', 'hotline', 'amount', 'address', 'hours', 'storage', 'model'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

export interface MessageTemplate {
  subject: string;
  body: string;
}

export type TemplateKey = `${CustomerEvent}.${MessageChannel}`;
export type Templates = Record<TemplateKey, MessageTemplate>;

const SMS: Record<CustomerEvent, string> = {
  received: '{customer}您好，您的报修已受理，工单号{ticket}。如有疑问请致电{hotline}。',
  quoteReady: '{customer}您好，工单{ticket}的维修报价为{amount}元，请致电{hotline}确认是否维修。',
  readyForPickup: '{customer}您好，工单{ticket}的设备已修好，请到{address}取机（{hours}）。{storage}',
  closed: '{customer}您好，工单{ticket}已完成。请对本次服务评价（1–5分）回复本短信，感谢支持！',
  followUp: '{customer}您好，我们将就工单{ticket}的维修效果回访您，如有问题请致电{hotline}。',
};

const SUBJECT: Record<CustomerEvent, string> = {
  received: '【{company}】报修已受理：{ticket}',
  quoteReady: '【{company}】维修报价：{ticket}',
  readyForPickup: '【{company}】设备已修好，请取机：{ticket}',
  closed: '【{company}】服务完成，请您评价：{ticket}',
  followUp: '【{company}】回访提醒：{ticket}',
};

export const DEFAULT_TEMPLATES: Templates = Object.fromEntries(
  CUSTOMER_EVENTS.flatMap((event) => [
    [`${event}.sms`, { subject: '', body: SMS[event] }],
    [`${event}.email`, { subject: SUBJECT[event], body: `${SMS[event]}\n\n{company}` }],
  ]),
) as Templates;

/** Fills `{name}` placeholders; an unknown one stays as typed, so the admin sees it in the preview. */
export function renderTemplate(text: string, values: Partial<TemplateValues>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? (values as Record<string, string>)[name]! : whole));
}

/** Placeholders the text names that the desk does not know. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

/**
 * Chinese text goes as UCS-2: 70 characters fit one SMS, a longer text is split into parts of 67 (each part
 * carries a header). Providers count the signature 【…】 as part of the text.
 */
export function smsSegments(text: string): { length: number; segments: number } {
  const length = [...text].length;
  return { length, segments: length === 0 ? 0 : length <= 70 ? 1 : Math.ceil(length / 67) };
}

/** Tries before a message that keeps failing for a passing reason is given up (about three days at the cap). */
export const MAX_ATTEMPTS = 80;
const FIRST_WAIT_MS = 60_000;
const LONGEST_WAIT_MS = 60 * 60_000;

/** The wait before the next try after `attempts` tries: 1, 2, 4 … minutes, never more than an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * A provider's template takes variables, not free text. Our SMS template mirrors the one registered with the
 * provider: the placeholders it names, in their order, are the variables (Alibaba by name, `${ticket}`; Tencent
 * by position, `{1}`, `{2}` …). Each value keeps the providers' rules: no links (both refuse URLs in variables)
 * and at most 35 characters (Alibaba's limit for a notice's variable; longer values are cut with …).
 */
export const SMS_VARIABLE_MAX = 35;
const LINK = /(?:https?:\/\/|www\.)\S*/gi;

export function smsVariable(value: string): string {
  const plain = value.replace(LINK, '').replace(/\s+/g, ' ').trim();
  const chars = [...plain];
  return chars.length <= SMS_VARIABLE_MAX ? plain : `${chars.slice(0, SMS_VARIABLE_MAX - 1).join('')}…`;
}

/** The variables of an SMS: each placeholder of the template once, in the order it first appears, with its value. */
export function smsParams(template: string, values: Partial<TemplateValues>): [string, string][] {
  const names = [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].filter((n) => n in values);
  return names.map((n) => [n, smsVariable((values as Record<string, string>)[n]!)]);
}

export const SMS_PROVIDERS = ['none', 'aliyun', 'tencent'] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

/** Where each provider's SendSms answers (the admin may point elsewhere: a proxy, a test server). */
export const SMS_ENDPOINTS: Record<Exclude<SmsProvider, 'none'>, string> = {
  aliyun: 'https://dysmsapi.aliyuncs.com/',
  tencent: 'https://sms.tencentcloudapi.com/',
};

/** The SMS provider (设置 → 消息); the AccessKey secret / SecretKey is kept apart, encrypted. */
export interface SmsSettings {
  provider: SmsProvider;
  /** Alibaba AccessKey ID, or Tencent SecretId. */
  keyId: string;
  /** 签名 (the approved signature name, without 【】). */
  signName: string;
  /** Tencent only: the SMS application's SdkAppId, and the API region. */
  appId: string;
  region: string;
  /** Empty: the provider's own endpoint. */
  endpoint: string;
  /** Per customer message: the provider's 模板 CODE (Alibaba, SMS_123…) or TemplateId (Tencent). */
  templateCodes: Record<CustomerEvent, string>;
}

export interface OutboxRow {
  id: number;
  channel: OutboxChannel;
  event: CustomerEvent | TeamEvent;
  recipient: string;
  subject: string;
  body: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string;
  ticketId: number | null;
  ticketNumber: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The e-mail server (设置 → 消息); the password is kept apart, encrypted. */
export interface EmailSettings {
  host: string;
  port: number;
  /** `tls`: TLS from the first byte (465); `starttls`: upgrade required (587); `none`: only on a trusted LAN. */
  security: 'tls' | 'starttls' | 'none';
  user: string;
  from: string;
}

export interface MessagingSettings {
  email: EmailSettings;
  /** Which customer messages are sent, per event and channel. */
  enabled: Record<TemplateKey, boolean>;
  templates: Templates;
  /** The pickup place's opening hours and storage terms (readyForPickup). */
  openingHours: string;
  storageTerms: string;
  sms: SmsSettings;
  /** Where the supervisor's overdue alert goes by e-mail (empty: by the robot only). */
  overdueEmail: string;
  /** Sent and cancelled messages older than this are deleted by the daily maintenance. */
  retentionDays: number;
}

export const DEFAULT_MESSAGING: MessagingSettings = {
  email: { host: '', port: 587, security: 'starttls', user: '', from: '' },
  enabled: Object.fromEntries(Object.keys(DEFAULT_TEMPLATES).map((key) => [key, true])) as Record<TemplateKey, boolean>,
  templates: DEFAULT_TEMPLATES,
  openingHours: '周一至周六 9:00–18:00',
  storageTerms: '设备免费保管30天。',
  sms: { provider: 'none', keyId: '', signName: '', appId: '', region: 'ap-guangzhou', endpoint: '', templateCodes: Object.fromEntries(CUSTOMER_EVENTS.map((e) => [e, ''])) as Record<CustomerEvent, string> },
  overdueEmail: '',
  retentionDays: 180,
};

/** What the admin reads back: the settings, and whether a password is stored (never the password). */
export interface MessagingView extends MessagingSettings {
  version: number;
  emailPasswordSet: boolean;
  smsSecretSet: boolean;
  /** Whether a 企业微信 robot's webhook is stored (the URL holds its key: never shown back). */
  wecomSet: boolean;
}

/** Per channel, whether the customer opted out, and when and by whom it was last recorded. */
export interface ConsentState {
  channel: MessageChannel;
  optedOut: boolean;
  at: string | null;
  by: string | null;
}
