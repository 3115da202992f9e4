/** Each channel's transport, built from the messaging settings and the sealed credentials when a batch starts. */
import type { OutboxChannel } from '../../../shared/domain/messaging';
import { emailTransport } from './email';
import type { Secrets } from './secrets';
import type { TransportFactory } from './sender';
import { smsTransport } from './sms';
import type { MessagingStore } from './store';
import { RateWindow, wecomTransport, WECOM_PER_MINUTE } from './wecom';

export const EMAIL_PASSWORD = 'email.password';
/** The SMS provider's AccessKey secret (Alibaba) or SecretKey (Tencent). */
export const SMS_SECRET = 'sms.secret';
/** The 企业微信 robot's webhook URL: its `key` lets anyone post to the group, so it is sealed like a password. */
export const WECOM_WEBHOOK = 'wecom.webhook';

export function transportsOf(messaging: MessagingStore, secrets: Secrets, now: () => Date, ca?: string[]): Record<OutboxChannel, TransportFactory> {
  // The robot takes 20 messages a minute: one window for the life of the core, across batches.
  const robotWindow = new RateWindow(WECOM_PER_MINUTE, 60_000, now);
  return {
    email: async () => {
      const { email } = await messaging.get();
      if (!email.host || !email.from) return null;
      return emailTransport(email, email.user ? await secrets.get(EMAIL_PASSWORD) : null, ca);
    },
    sms: async () => {
      const { sms } = await messaging.get();
      if (sms.provider === 'none' || !sms.keyId || !sms.signName || (sms.provider === 'tencent' && !sms.appId)) return null;
      const secret = await secrets.get(SMS_SECRET);
      return secret ? smsTransport(sms, secret, now, ca) : null;
    },
    wecom: async () => {
      const url = await secrets.get(WECOM_WEBHOOK);
      return url ? wecomTransport(url, robotWindow, ca) : null;
    },
  };
}
