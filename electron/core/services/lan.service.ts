/**
 * Host mode (issue 18) in the core: the host's settings row (LAN on/off, the idle time, the pairing code),
 * pairing a desk or phone with the code, the admin's list of paired desks and their revocation. A paired
 * desk holds a random token (an HttpOnly cookie in a browser, a header in the desktop app); the table keeps
 * only its SHA-256, so a copy of the database pairs nobody.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { HostInfo, LanEndpoint, PairedDesk } from '../../../shared/domain/lan';
import { pairingDigits } from '../../../shared/domain/lan';
import type { Db } from '../db/db';
import { AppError, conflict, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import { audit } from './audit';

export interface HostSettings {
  lanEnabled: boolean;
  idleMinutes: number;
  pairingCode: string;
  version: number;
}

export interface Desk {
  id: number;
  name: string;
  revoked: boolean;
}

/** A desk's last-seen time is written at most this often: not one write per call. */
const SEEN_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newCode = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

export class HostStore {
  private cached: HostSettings | null = null;
  private readonly desks = new Map<string, Desk | null>();
  private readonly seen = new Map<number, number>();
  /** Where the LAN listener answers and its certificate's fingerprint: set by the host. */
  endpoint: LanEndpoint = { urls: [], fingerprint: null };
  /** The idle time in force, read synchronously by the sessions. */
  idleMs = 720 * 60_000;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  async get(): Promise<HostSettings> {
    if (this.cached) return this.cached;
    // The migration wrote the row (with its first pairing code).
    const row = (await this.db.get<{ lan_enabled: number; idle_minutes: number; pairing_code: string; version: number }>('SELECT * FROM host_settings WHERE id = 1'))!;
    this.cached = { lanEnabled: row.lan_enabled === 1, idleMinutes: row.idle_minutes, pairingCode: row.pairing_code, version: row.version };
    this.idleMs = row.idle_minutes * 60_000;
    return this.cached;
  }

  forget(): void {
    this.cached = null;
    this.desks.clear();
  }

  /** The desk a token names (revoked ones too, so the refusal can say so); null for none. */
  async desk(token: string | null): Promise<Desk | null> {
    if (!token) return null;
    const hash = hashToken(token);
    if (!this.desks.has(hash)) {
      const row = await this.db.get<{ id: number; name: string; revoked_at: string | null }>('SELECT id, name, revoked_at FROM lan_desks WHERE token_hash = ?', [hash]);
      this.desks.set(hash, row ? { id: row.id, name: row.name, revoked: row.revoked_at !== null } : null);
    }
    return this.desks.get(hash) ?? null;
  }

  /** Notes when and from where a desk called, at most once a minute per desk. */
  async sawDesk(desk: Desk, address: string): Promise<void> {
    const now = this.now();
    if (now.getTime() - (this.seen.get(desk.id) ?? 0) < SEEN_EVERY_MS) return;
    this.seen.set(desk.id, now.getTime());
    await this.db.write((tx) => tx.run('UPDATE lan_desks SET last_seen_at = ?, last_address = ? WHERE id = ?', [now.toISOString(), address, desk.id]));
  }
}

/** A desk pairs with the host's code; the answer sets its token (the transport keeps it). */
export async function pair(ctx: CallContext, input: ParsedInputOf<'host.pair'>): Promise<{ deskName: string; fingerprint: string | null }> {
  const address = ctx.client.remote?.address ?? 'local';
  const now = ctx.now();
  const locked = ctx.addressLockouts.lockedUntil(address, now);
  if (locked) throw await addressLocked(ctx, locked);
  const { pairingCode } = await ctx.host.get();
  if (pairingDigits(input.code) !== pairingCode) {
    const until = ctx.addressLockouts.fail(address, now);
    if (until) throw await addressLocked(ctx, until);
    throw new AppError('VALIDATION', { fields: { code: { key: 'error.desk.wrongCode', params: {} } } });
  }
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await ctx.db.write(async (tx) => {
    const id = await tx.insert('lan_desks', { name: input.deskName, token_hash: hashToken(token), paired_at: at, paired_address: address, last_seen_at: at, last_address: address });
    await audit(tx, at, null, 'lan_desks', id, 'create', null, null);
  });
  ctx.client.deskToken = token;
  // The desk compares it with the certificate its connection saw: a proxy in between shows another one.
  return { deskName: input.deskName, fingerprint: ctx.host.endpoint.fingerprint };
}

/** Too many wrong codes or passwords from one address: refused until the lock ends, in words. */
export async function addressLocked(ctx: CallContext, until: string): Promise<AppError> {
  const { timeZone } = await ctx.settings.get();
  const time = new Intl.DateTimeFormat(ctx.client.locale, { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(until));
  return new AppError('ACCOUNT_LOCKED', { key: 'addressLocked', params: { until: time } });
}

export async function info(ctx: CallContext): Promise<HostInfo> {
  const settings = await ctx.host.get();
  const rows = await ctx.db.query<{ id: number; name: string; paired_at: string; last_seen_at: string | null; last_address: string | null; revoked_at: string | null }>(
    'SELECT id, name, paired_at, last_seen_at, last_address, revoked_at FROM lan_desks ORDER BY revoked_at IS NOT NULL, id DESC LIMIT 500',
  );
  const desks: PairedDesk[] = rows.map((r) => ({ id: r.id, name: r.name, pairedAt: r.paired_at, lastSeenAt: r.last_seen_at, lastAddress: r.last_address, revokedAt: r.revoked_at }));
  return { ...settings, ...ctx.host.endpoint, desks };
}

/** The admin's switch and idle time; the host starts or stops its LAN listener when told (notify 'host'). */
export async function update(ctx: CallContext, input: ParsedInputOf<'host.update'>): Promise<HostInfo> {
  const before = await ctx.host.get();
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const changed = await tx.run('UPDATE host_settings SET lan_enabled = ?, idle_minutes = ?, version = version + 1 WHERE id = 1 AND version = ?', [input.lanEnabled, input.idleMinutes, input.version]);
    if (changed !== 1) throw conflict();
    await audit(tx, at, actor(ctx).id, 'host_settings', 1, 'update', { lanEnabled: before.lanEnabled, idleMinutes: before.idleMinutes }, { lanEnabled: input.lanEnabled, idleMinutes: input.idleMinutes });
  });
  ctx.host.forget();
  await ctx.host.get();
  ctx.notify('host');
  return info(ctx);
}

/** A new pairing code: the old one pairs nobody any more (desks already paired stay paired). */
export async function newPairingCode(ctx: CallContext): Promise<HostInfo> {
  await ctx.db.write((tx) => tx.run('UPDATE host_settings SET pairing_code = ? WHERE id = 1', [newCode()]));
  ctx.host.forget();
  return info(ctx);
}

/** A revoked desk is refused from its next call on, and whoever was signed in there is signed out. */
export async function revokeDesk(ctx: CallContext, input: ParsedInputOf<'host.revokeDesk'>): Promise<HostInfo> {
  const at = ctx.now().toISOString();
  const me = actor(ctx).id;
  await ctx.db.write(async (tx) => {
    const changed = await tx.run('UPDATE lan_desks SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL', [at, me, input.id]);
    if (changed !== 1) throw notFound();
    await audit(tx, at, me, 'lan_desks', input.id, 'update', { revoked: false }, { revoked: true });
  });
  ctx.host.forget();
  ctx.sessions.endDesk(input.id);
  return info(ctx);
}

/** An edit form opened or closed: others are told when the ticket's editors changed. */
export async function setPresence(ctx: CallContext, input: ParsedInputOf<'presence.set'>): Promise<null> {
  const me = actor(ctx);
  if (ctx.presence.set(`tickets:${input.ticketId}`, { userId: me.id, name: me.displayName, sessionId: ctx.client.sessionId ?? '' }, input.editing)) ctx.notify('presence');
  return null;
}

export async function getPresence(ctx: CallContext, input: ParsedInputOf<'presence.get'>): Promise<string[]> {
  return ctx.presence.editors(`tickets:${input.ticketId}`, ctx.client.sessionId);
}
