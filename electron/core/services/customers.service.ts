/** Customers: type-ahead search by phone or name, registration and optimistic correction. */
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { Customer, CustomerHit, CustomerKind, Salutation } from '../../../shared/domain/party';
import { normalizePhone } from '../../../shared/domain/phone';
import { AppError, conflict, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import type { SessionUser } from '../../../shared/domain/user';
import type { Tx } from '../db/db';
import { audit, created } from './audit';
import { bool, prefixEnd } from './sql';
import { customerFragment } from './tickets.query';

const STAFF_ROLES: string[] = ['supervisor', 'admin'];

interface Row {
  id: number;
  version: number;
  kind: CustomerKind;
  name: string;
  salutation: Salutation;
  contact_person: string;
  phone: string;
  phone2: string;
  address: string;
  email: string;
  key_account: number;
  key_account_note: string;
  notes: string;
}

function toCustomer(r: Row): Customer {
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    name: r.name,
    salutation: r.salutation,
    contactPerson: r.contact_person,
    phone: r.phone,
    phone2: r.phone2,
    address: r.address,
    email: r.email,
    keyAccount: bool(r.key_account),
    keyAccountNote: r.key_account_note,
    notes: r.notes,
  };
}

type Fields = ParsedInputOf<'customers.create'>;

function columns(input: Fields) {
  return {
    kind: input.kind,
    name: input.name,
    salutation: input.salutation,
    contact_person: input.contactPerson,
    phone: input.phone,
    phone_norm: normalizePhone(input.phone),
    phone2: input.phone2,
    phone2_norm: normalizePhone(input.phone2),
    address: input.address,
    email: input.email,
    key_account: input.keyAccount ? 1 : 0,
    key_account_note: input.keyAccountNote,
    notes: input.notes,
  };
}

/**
 * Phone digits match by prefix (index range); other text by name prefix (index range) or by a fragment of
 * name or contact person (trigram FTS for 3+ characters, the gram table below that). Each branch is capped
 * at the limit before the union, so a common surname never reads thousands of rows.
 */
export async function searchCustomers(ctx: CallContext, input: ParsedInputOf<'customers.search'>): Promise<CustomerHit[]> {
  const digits = normalizePhone(input.q);
  const fields = 'id, name, salutation, phone, contact_person, key_account';
  let rows: Row[];
  if (/^[\d\s\-+()]+$/.test(input.q) && digits.length >= 3) {
    rows = await ctx.db.query<Row>(
      `SELECT ${fields} FROM customers WHERE phone_norm >= ? AND phone_norm < ?
       UNION SELECT ${fields} FROM customers WHERE phone2_norm >= ? AND phone2_norm < ? LIMIT ?`,
      [digits, prefixEnd(digits), digits, prefixEnd(digits), input.limit],
    );
  } else {
    const fragment = customerFragment(input.q, true);
    rows = await ctx.db.query<Row>(
      `SELECT ${fields} FROM customers WHERE id IN (
         SELECT id FROM (SELECT id FROM customers WHERE name >= ? AND name < ? LIMIT ?)
         UNION SELECT id FROM (${fragment.sql} LIMIT ?)) LIMIT ?`,
      [input.q, prefixEnd(input.q), input.limit, ...fragment.params, input.limit, input.limit],
    );
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    salutation: r.salutation,
    phone: r.phone,
    contactPerson: r.contact_person,
    keyAccount: bool(r.key_account),
  }));
}

export async function getCustomer(ctx: Pick<CallContext, 'db'>, id: number): Promise<Customer> {
  const row = await ctx.db.get<Row>('SELECT * FROM customers WHERE id = ?', [id]);
  if (!row) throw notFound();
  return toCustomer(row);
}

/** Inserts inside the caller's transaction (ticket intake and imports create customers inline). */
export async function insertCustomer(tx: Tx, at: string, by: SessionUser, input: Fields): Promise<number> {
  const values = columns(input);
  checkKeyAccount(by, null, values);
  const id = await tx.insert('customers', { ...values, ...created(at, by.id) });
  await audit(tx, at, by.id, 'customers', id, 'create', null, values);
  return id;
}

export async function createCustomer(ctx: CallContext, input: Fields): Promise<Customer> {
  const at = ctx.now().toISOString();
  const id = await ctx.db.write((tx) => insertCustomer(tx, at, actor(ctx), input));
  return getCustomer(ctx, id);
}

export async function updateCustomer(ctx: CallContext, input: ParsedInputOf<'customers.update'>): Promise<Customer> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const { id, version, ...fields } = input;
  await ctx.db.write(async (tx) => {
    const [before] = await tx.query<Record<string, unknown>>('SELECT * FROM customers WHERE id = ?', [id]);
    if (!before) throw notFound();
    const values = columns(fields);
    checkKeyAccount(actor(ctx), before, values);
    const sets = Object.keys(values).map((c) => `${c} = ?`).join(', ');
    const changed = await tx.run(
      `UPDATE customers SET ${sets}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`,
      [...Object.values(values), at, by, id, version],
    );
    if (changed !== 1) throw conflict();
    await audit(tx, at, by, 'customers', id, 'update', before, values);
  });
  return getCustomer(ctx, id);
}

/**
 * The key-account flag and its note are a supervisor's (or the admin's) decision, on a new customer (at intake,
 * in an import) as on an existing one; the desk sees them.
 */
function checkKeyAccount(by: SessionUser, before: Record<string, unknown> | null, values: ReturnType<typeof columns>): void {
  const changed = Number(before?.key_account ?? 0) !== values.key_account || (before?.key_account_note ?? '') !== values.key_account_note;
  if (changed && !STAFF_ROLES.includes(by.role)) {
    throw new AppError('FORBIDDEN', { fields: { keyAccount: { key: 'validation.keyAccountStaff', params: {} } } });
  }
}
