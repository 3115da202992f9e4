/** Accounts, managed by the admin: create, change role or product lines, deactivate, reset password. */
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { EngineerLoad, SessionUser, UserRow } from '../../../shared/domain/user';
import type { Role } from '../../../shared/domain/roles';
import { AppError, conflict, duplicate, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import { hashPassword } from '../auth/password';
import { audit, created } from './audit';
import { OPEN_STATUSES } from './tickets.query';

interface Row {
  id: number;
  version: number;
  username: string;
  display_name: string;
  role: Role;
  active: number;
  locked_until: string | null;
  product_lines: string;
}

const COLUMNS = 'id, version, username, display_name, role, active, locked_until, product_lines';

function toUser(row: Row): UserRow {
  return {
    id: row.id,
    version: row.version,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.locked_until,
    productLines: JSON.parse(row.product_lines) as string[],
  };
}

/** Accounts that can sign in: those with a password (the demo loader of old made staff without one). */
export async function userCount(ctx: Pick<CallContext, 'db'>): Promise<number> {
  const row = await ctx.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE password_hash <> ''");
  return row?.n ?? 0;
}

export async function listUsers(ctx: CallContext): Promise<UserRow[]> {
  const rows = await ctx.db.query<Row>(`SELECT ${COLUMNS} FROM users ORDER BY active DESC, role, username`);
  return rows.map(toUser);
}

export async function directory(ctx: CallContext): Promise<SessionUser[]> {
  const rows = await ctx.db.query<Row>(`SELECT ${COLUMNS} FROM users WHERE active = 1 ORDER BY display_name`);
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role }));
}

async function getUser(ctx: CallContext, id: number): Promise<UserRow> {
  const row = await ctx.db.get<Row>(`SELECT ${COLUMNS} FROM users WHERE id = ?`, [id]);
  if (!row) throw notFound();
  return toUser(row);
}

export async function createUser(ctx: CallContext, input: ParsedInputOf<'users.create'>): Promise<UserRow> {
  const by = actor(ctx).id;
  const hash = await hashPassword(input.password);
  const at = ctx.now().toISOString();
  const id = await ctx.db.write(async (tx) => {
    const taken = await tx.query('SELECT id FROM users WHERE username = ? COLLATE NOCASE', [input.username]);
    if (taken.length > 0) throw duplicate('username', 'username');
    const values = {
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      product_lines: JSON.stringify(input.productLines),
    };
    const newId = await tx.insert('users', { ...values, password_hash: hash, ...created(at, by) });
    await audit(tx, at, by, 'users', newId, 'create', null, values);
    return newId;
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: CallContext, input: ParsedInputOf<'users.update'>): Promise<UserRow> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const [before] = await tx.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id = ?`, [input.id]);
    if (!before) throw notFound();
    const losesAdmin = before.role === 'admin' && before.active === 1 && (input.role !== 'admin' || !input.active);
    if (losesAdmin) {
      const [{ n }] = (await tx.query<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1 AND id <> ?", [input.id])) as [{ n: number }];
      if (n === 0) throw new AppError('CONFLICT', { key: 'lastAdmin' });
    }
    const values = { display_name: input.displayName, role: input.role, active: input.active ? 1 : 0, product_lines: JSON.stringify(input.productLines) };
    const changed = await tx.run(
      'UPDATE users SET display_name = ?, role = ?, active = ?, product_lines = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?',
      [values.display_name, values.role, values.active, values.product_lines, at, by, input.id, input.version],
    );
    if (changed !== 1) throw conflict();
    const { display_name, role, active, product_lines } = before;
    await audit(tx, at, by, 'users', input.id, 'update', { display_name, role, active, product_lines }, values);
  });
  const user = await getUser(ctx, input.id);
  ctx.sessions.refreshUser(user, user.active);
  return user;
}

export async function resetPassword(ctx: CallContext, input: ParsedInputOf<'users.resetPassword'>): Promise<null> {
  const by = actor(ctx).id;
  const hash = await hashPassword(input.password);
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const changed = await tx.run(
      "UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?",
      [hash, at, by, input.id],
    );
    if (changed !== 1) throw notFound();
    await audit(tx, at, by, 'users', input.id, 'password', null, null);
  });
  // A reset is for a forgotten or leaked password: every session signed in with the old one ends.
  ctx.sessions.endUser(input.id);
  return null;
}

/** Engineers with their product lines and how many tickets still need their work. */
export async function engineers(ctx: CallContext): Promise<EngineerLoad[]> {
  const rows = await ctx.db.query<Row & { open_tickets: number }>(
    `SELECT ${COLUMNS}, (SELECT COUNT(*) FROM tickets t WHERE t.assigned_to = u.id AND t.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})) AS open_tickets
     FROM users u WHERE role = 'engineer' AND active = 1 ORDER BY display_name`,
  );
  return rows.map((r) => ({ ...toUser(r), openTickets: r.open_tickets })).map(({ id, username, displayName, role, productLines, openTickets }) => ({ id, username, displayName, role, productLines, openTickets }));
}
