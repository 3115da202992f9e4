/**
 * The sender works through the outbox. Each message is marked "sending" (committed) before its attempt and
 * "sent" after it, so a process killed in between leaves "sending": the next start marks it "needs a look"
 * instead of sending it again (at most once). A passing failure (no network, server down) waits 1, 2, 4 …
 * minutes up to an hour, all on the desk clock; a refusal (bad address, wrong password) fails at once.
 */
import { backoffMs, MAX_ATTEMPTS, type OutboxChannel } from '../../../shared/domain/messaging';
import type { Db } from '../db/db';

export interface OutgoingMessage {
  id: number;
  recipient: string;
  subject: string;
  body: string;
  idemKey: string;
  event: string;
  /** An SMS's template variables, `[[name, value], …]` as JSON. */
  params: string;
}

/** Why a send failed; `permanent`: trying again cannot help until someone changes something. */
export class SendError extends Error {
  constructor(
    /** A word key under `outboxError.` (`connection`, `auth`, `rejected`, `config`, `throttled`, `smsTemplate` …). */
    readonly kind: string,
    detail: string,
    readonly permanent: boolean,
  ) {
    super(detail);
  }
}

export interface Transport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** A channel's transport built from the current settings, or null when the channel is not set up. */
export type TransportFactory = () => Promise<Transport | null>;

const BATCH = 20;

export class Sender {
  private running: Promise<number> = Promise.resolve(0);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly transports: Record<OutboxChannel, TransportFactory>,
    private readonly log: (message: string, error?: unknown) => void,
    /** Tells open windows the outbox changed (the outbox screen, the ticket's messages). */
    private readonly changed: () => void = () => undefined,
  ) {}

  /**
   * At start, before any send (runs queue behind it): a message left "sending" by a process that ended mid-send
   * may or may not have gone out, so it needs a look. Not awaited by the start: its write waits while the
   * start's backup holds writes back.
   */
  start(everyMs: number | null): void {
    const at = this.now().toISOString();
    const recovered = this.db.write((tx) => tx.run("UPDATE outbox SET state = 'needs_look', last_error = 'interrupted|', updated_at = ? WHERE state = 'sending'", [at]));
    this.running = recovered
      .then(() => this.run())
      .catch((error: unknown) => {
        this.log('the outbox sender failed', error);
        return 0;
      });
    if (everyMs === null) return;
    this.timer = setInterval(() => void this.sendDue().catch(() => undefined), everyMs);
    this.timer.unref();
  }

  /** The channels that are set up (messages for others are not queued). */
  async readyChannels(): Promise<OutboxChannel[]> {
    const out: OutboxChannel[] = [];
    for (const [channel, make] of Object.entries(this.transports) as [OutboxChannel, TransportFactory][]) {
      const transport = await make();
      if (transport) out.push(channel);
      transport?.close();
    }
    return out;
  }

  /** Sends what is due now, one run at a time; answers how many were sent. */
  sendDue(): Promise<number> {
    const run = this.running.then(() => this.run());
    this.running = run.catch((error: unknown) => {
      this.log('the outbox sender failed', error);
      return 0;
    });
    return run;
  }

  /** Soon after a message was queued (after its transaction committed: the run waits behind it). */
  kick(): void {
    setImmediate(() => void this.sendDue().catch(() => undefined));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }

  private async run(): Promise<number> {
    let sent = 0;
    const open = new Map<OutboxChannel, Transport | null>();
    try {
      for (;;) {
        const due = await this.db.query<OutgoingMessage & { channel: OutboxChannel }>(
          "SELECT id, channel, event, recipient, subject, body, params, idem_key AS idemKey FROM outbox WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
          [this.now().toISOString(), BATCH],
        );
        for (const message of due) {
          if (!open.has(message.channel)) open.set(message.channel, await this.transports[message.channel]());
          if (await this.attempt(open.get(message.channel) ?? null, message)) sent++;
        }
        if (due.length > 0) this.changed();
        if (due.length < BATCH) return sent;
      }
    } finally {
      for (const transport of open.values()) transport?.close();
    }
  }

  private async attempt(transport: Transport | null, message: OutgoingMessage): Promise<boolean> {
    const claimedAt = this.now().toISOString();
    const claimed = await this.db.write((tx) =>
      tx.run("UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'", [claimedAt, message.id]),
    );
    if (claimed !== 1) return false;
    try {
      if (!transport) throw new SendError('config', '', true);
      await transport.send(message);
    } catch (error) {
      await this.failed(message.id, error);
      return false;
    }
    const at = this.now().toISOString();
    await this.db.write((tx) => tx.run("UPDATE outbox SET state = 'sent', sent_at = ?, updated_at = ?, last_error = '' WHERE id = ?", [at, at, message.id]));
    return true;
  }

  private async failed(id: number, error: unknown): Promise<void> {
    const why = error instanceof SendError ? error : new SendError('connection', error instanceof Error ? error.message : String(error), false);
    const now = this.now();
    await this.db.write(async (tx) => {
      const [row] = await tx.query<{ attempts: number }>('SELECT attempts FROM outbox WHERE id = ?', [id]);
      const attempts = row?.attempts ?? 1;
      const giveUp = why.permanent || attempts >= MAX_ATTEMPTS;
      await tx.run('UPDATE outbox SET state = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?', [
        giveUp ? 'failed' : 'queued',
        giveUp ? null : new Date(now.getTime() + backoffMs(attempts)).toISOString(),
        `${why.kind}|${why.message}`.slice(0, 500),
        now.toISOString(),
        id,
      ]);
    });
  }
}
