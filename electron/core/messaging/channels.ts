/** Each channel's transport, built from the messaging settings and the sealed credentials when a batch starts. */
import type { MessageChannel } from '../../../shared/domain/messaging';
import { emailTransport } from './email';
import type { Secrets } from './secrets';
import type { TransportFactory } from './sender';
import type { MessagingStore } from './store';

export const EMAIL_PASSWORD = 'email.password';

export function transportsOf(messaging: MessagingStore, secrets: Secrets, ca?: string[]): Record<MessageChannel, TransportFactory> {
  return {
    email: async () => {
      const { email } = await messaging.get();
      if (!email.host || !email.from) return null;
      return emailTransport(email, email.user ? await secrets.get(EMAIL_PASSWORD) : null, ca);
    },
    // SMS providers (Alibaba Cloud, Tencent Cloud) are not built yet: no SMS is queued.
    sms: () => Promise.resolve(null),
  };
}
