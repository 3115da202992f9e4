/**
 * Host mode (issue 18): the host's own settings (LAN on or off, the idle time that ends a session, the
 * pairing code), the desks and phones paired with it, and the idempotency keys that make a retried write
 * apply once.
 */
import { EntitySchema } from 'typeorm';
import { v } from './columns';

export const HostSettingsEntity = new EntitySchema<Record<string, unknown>>({
  name: 'host_settings',
  columns: {
    id: { type: 'integer', primary: true },
    lanEnabled: { name: 'lan_enabled', type: 'boolean', default: false },
    idleMinutes: { name: 'idle_minutes', type: 'integer', default: 720 },
    pairingCode: v(12, { name: 'pairing_code' }),
    version: { type: 'integer', default: 1 },
  },
});

export const LanDeskEntity = new EntitySchema<Record<string, unknown>>({
  name: 'lan_desks',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: v(60),
    tokenHash: v(64, { name: 'token_hash' }),
    pairedAt: v(24, { name: 'paired_at' }),
    pairedAddress: v(64, { name: 'paired_address' }),
    lastSeenAt: v(24, { name: 'last_seen_at', nullable: true }),
    lastAddress: v(64, { name: 'last_address', nullable: true }),
    revokedAt: v(24, { name: 'revoked_at', nullable: true }),
    revokedBy: { name: 'revoked_by', type: 'integer', nullable: true },
  },
  indices: [{ name: 'ix_lan_desks_token', columns: ['tokenHash'], unique: true }],
});

export const IdempotencyKeyEntity = new EntitySchema<Record<string, unknown>>({
  name: 'idempotency_keys',
  columns: {
    userId: { name: 'user_id', type: 'integer', primary: true },
    key: v(64, { primary: true }),
    method: v(60),
    /** The answer as sent (JSON); null while the write is committed but its answer not yet kept. */
    result: { type: 'text', nullable: true },
    at: v(24),
  },
  indices: [{ name: 'ix_idempotency_keys_at', columns: ['at'] }],
});

export const lanEntities = [HostSettingsEntity, LanDeskEntity, IdempotencyKeyEntity];
