/** Words of the SMS provider, the WeCom robot, the overdue alert and the outbox's retention in Settings → Messages (English). */
import type { messaging2ZhCN } from './messaging2.zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const messaging2En: Shape<typeof messaging2ZhCN> = {
  sms: {
    title: 'SMS (Alibaba Cloud / Tencent Cloud)',
    hint: 'An SMS can only go as a template the provider approved: the SMS templates below should match the provider\'s, and their placeholders, in order, are the template\'s variables (Alibaba by name, e.g. ${ticket}; Tencent by position {1}, {2} …). Each variable is at most 35 characters and never carries a link.',
    provider: 'Provider',
    providerOption: { none: 'No SMS', aliyun: 'Alibaba Cloud SMS', tencent: 'Tencent Cloud SMS' },
    keyId: 'AccessKey ID / SecretId',
    secret: 'AccessKey secret / SecretKey',
    secretSet: 'Stored (not shown); leave empty to keep it',
    secretNone: 'No secret stored yet',
    signName: 'Signature (without 【】)',
    appId: 'SdkAppId (Tencent)',
    region: 'Region (Tencent)',
    endpoint: 'Endpoint (empty: the provider\'s)',
    codes: 'Template code / template ID',
  },
  robot: 'Group robot',
  team: {
    title: 'Team notices (WeCom group robot)',
    hint: 'An urgent ticket, an overdue ticket, an escalation and a part below its low-stock line are posted to the WeCom group. The webhook holds the robot\'s key and is not shown once saved. At most 20 messages a minute.',
    webhook: 'Robot webhook',
    webhookSet: 'Stored (not shown); leave empty to keep it',
    webhookNone: 'No robot set up yet',
    test: 'Test',
    tested: 'A test message was posted to the WeCom group.',
    overdueEmail: 'Overdue tickets summary to (supervisor\'s e-mail)',
    retentionDays: 'Days sent and cancelled messages are kept',
  },
};
