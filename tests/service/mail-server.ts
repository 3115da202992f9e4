/**
 * A real SMTP server for the outbox's tests (the `smtp-server` package speaks the protocol; nothing of
 * nodemailer is stubbed): STARTTLS with a certificate made for the test, a login checked against the
 * expected password, and every accepted message parsed back with mailparser.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { generate } from 'selfsigned';
import type { InputOf } from '../../shared/api/contract';
import { DEFAULT_MESSAGING } from '../../shared/domain/messaging';

export interface MailServer {
  port: number;
  ca: string;
  received: ParsedMail[];
  /** Called with each message's Message-ID before the server answers; a promise it returns delays the answer. */
  onMessage: ((messageId: string) => Promise<void> | void) | null;
  close(): Promise<void>;
  /** Listens again on the same port (after `close`: the server "comes back"). */
  reopen(): Promise<void>;
}

export async function startMailServer(credentials: { user: string; password: string } | null, port = 0): Promise<MailServer> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }],
  });
  const received: ParsedMail[] = [];
  let server: SMTPServer;
  const make = () =>
    new SMTPServer({
      key: pems.private,
      cert: pems.cert,
      authOptional: credentials === null,
      disabledCommands: credentials === null ? ['AUTH'] : [],
      logger: false,
      onAuth(auth, _session, callback) {
        if (credentials && auth.username === credentials.user && auth.password === credentials.password) callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then(async (mail) => {
            await out.onMessage?.(mail.messageId ?? '');
            received.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  const listen = (at: number) =>
    new Promise<number>((resolve, reject) => {
      server = make();
      server.on('error', () => undefined);
      server.server.once('error', reject);
      server.listen(at, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
    });
  const out: MailServer = {
    port: await listen(port),
    ca: pems.cert,
    received,
    onMessage: null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    reopen: async () => {
      await listen(out.port);
    },
  };
  return out;
}

export const PASSWORD = 'smtp-密码-Secret-42';

/** The messaging settings pointing at the test's server. */
export function mailSettings(port: number, version: number, security: 'starttls' | 'none' = 'starttls', user = 'desk@example.com'): InputOf<'messaging.settings.update'> {
  const { enabled, templates, openingHours, storageTerms, sms, overdueEmail, retentionDays } = DEFAULT_MESSAGING;
  return { version, email: { host: '127.0.0.1', port, security, user, from: 'service@example.com' }, emailPassword: user ? PASSWORD : undefined, enabled, templates, openingHours, storageTerms, sms, overdueEmail, retentionDays };
}
