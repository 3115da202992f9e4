/**
 * E-mail over SMTP with nodemailer: TLS from the first byte (465) or STARTTLS required (587). Each message's
 * Message-ID is its idempotency key, so a mail server or reader can see a message was never sent twice.
 */
import nodemailer from 'nodemailer';
import type { EmailSettings } from '../../../shared/domain/messaging';
import { SendError, type OutgoingMessage, type Transport } from './sender';

/** SMTP failures that cannot pass by themselves: a refused address or login, a message the server will not take. */
function sendError(error: unknown): SendError {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const detail = e.message ?? String(error);
  if (e.code === 'EAUTH') return new SendError('auth', detail, true);
  if (e.responseCode !== undefined && e.responseCode >= 500) return new SendError('rejected', detail, true);
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return new SendError('rejected', detail, true);
  return new SendError('connection', detail, false);
}

/** `ca`: certificates to trust besides the system's (a company's own mail server; tests). */
export function emailTransport(settings: EmailSettings, password: string | null, ca?: string[]): Transport {
  const mailer = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: password ?? '' } : undefined,
    tls: ca ? { ca } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    pool: true,
    maxConnections: 1,
  });
  const domain = settings.from.split('@')[1] ?? 'aftercare.local';
  return {
    async send(message: OutgoingMessage) {
      try {
        await mailer.sendMail({
          from: settings.from,
          to: message.recipient,
          subject: message.subject,
          text: message.body,
          messageId: `<${message.idemKey}@${domain}>`,
        });
      } catch (error) {
        throw sendError(error);
      }
    },
    close: () => mailer.close(),
  };
}
