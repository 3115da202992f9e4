/** The messaging settings (e-mail server, templates, which messages go out), one JSON row read once and cached. */
import { DEFAULT_MESSAGING, type MessagingSettings } from '../../../shared/domain/messaging';
import type { Db } from '../db/db';

export type VersionedMessaging = MessagingSettings & { version: number };

export class MessagingStore {
  private cached: VersionedMessaging | null = null;

  constructor(private readonly db: Db) {}

  async get(): Promise<VersionedMessaging> {
    if (this.cached) return this.cached;
    const row = await this.db.get<{ data: string; version: number }>('SELECT data, version FROM messaging_settings WHERE id = 1');
    const stored = row ? (JSON.parse(row.data) as Partial<MessagingSettings>) : {};
    this.cached = {
      ...DEFAULT_MESSAGING,
      ...stored,
      enabled: { ...DEFAULT_MESSAGING.enabled, ...stored.enabled },
      templates: { ...DEFAULT_MESSAGING.templates, ...stored.templates },
      sms: { ...DEFAULT_MESSAGING.sms, ...stored.sms, templateCodes: { ...DEFAULT_MESSAGING.sms.templateCodes, ...stored.sms?.templateCodes } },
      version: row?.version ?? 0,
    };
    return this.cached;
  }

  forget(): void {
    this.cached = null;
  }
}
