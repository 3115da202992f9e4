/**
 * Devices by serial number: scanner-friendly search, registration, warranty status at a date, and the
 * supervisor's correction of the warranty dates (with its reason in the audit trail).
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { Device, DeviceHit } from '../../../shared/domain/party';
import { warrantyEndOf, warrantyStatusAt, type WarrantyStatus } from '../../../shared/domain/warranty';
import { conflict, duplicate, notFound, AppError } from '../errors';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { audit, created } from './audit';
import { prefixEnd } from './sql';

interface Row {
  id: number;
  version: number;
  serial: string;
  model_id: number;
  customer_id: number | null;
  purchase_date: string | null;
  purchase_channel: string;
  install_date: string | null;
  warranty_end: string | null;
}

interface WarrantyRow {
  purchase_date: string | null;
  install_date: string | null;
  warranty_end: string | null;
  warranty_months: number | null;
}

export function warrantyOf(row: WarrantyRow, serviceDate: string): { status: WarrantyStatus; end: string | null } {
  const facts = { warrantyEnd: row.warranty_end, startDate: row.install_date ?? row.purchase_date, warrantyMonths: row.warranty_months };
  return { status: warrantyStatusAt(facts, serviceDate), end: warrantyEndOf(facts) };
}

const toDevice = (r: Row): Device => ({
  id: r.id,
  version: r.version,
  serial: r.serial,
  modelId: r.model_id,
  customerId: r.customer_id,
  purchaseDate: r.purchase_date,
  purchaseChannel: r.purchase_channel,
  installDate: r.install_date,
  warrantyEnd: r.warranty_end,
});

type Fields = ParsedInputOf<'devices.create'>;

const columns = (f: Fields) => ({
  serial: f.serial,
  model_id: f.modelId,
  customer_id: f.customerId,
  purchase_date: f.purchaseDate,
  purchase_channel: f.purchaseChannel,
  install_date: f.installDate,
  warranty_end: f.warrantyEnd,
});

/** Building an Intl.DateTimeFormat costs ~0.1 ms, more than the search itself: keep one per time zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function todayIn(at: Date, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(at);
}

/** The desk's calendar date now, in its time zone. */
export async function deskToday(ctx: CallContext): Promise<string> {
  return todayIn(ctx.now(), (await ctx.settings.get()).timeZone);
}

/** Serial prefix: the scanner types the whole serial, a clerk may type its start. */
export async function searchDevices(ctx: CallContext, input: ParsedInputOf<'devices.search'>): Promise<DeviceHit[]> {
  const q = input.q.toUpperCase();
  const rows = await ctx.db.query<Row & WarrantyRow & { code: string; model_name: string; customer_name: string | null }>(
    `SELECT d.*, m.code, m.name AS model_name, m.warranty_months, c.name AS customer_name
     FROM devices d JOIN product_models m ON m.id = d.model_id LEFT JOIN customers c ON c.id = d.customer_id
     WHERE d.serial >= ? AND d.serial < ? ORDER BY d.serial LIMIT ?`,
    [q, prefixEnd(q), input.limit],
  );
  const today = await deskToday(ctx);
  return rows.map((r) => {
    const w = warrantyOf(r, today);
    return {
      id: r.id,
      serial: r.serial,
      modelId: r.model_id,
      modelCode: r.code,
      modelName: r.model_name,
      customerId: r.customer_id,
      customerName: r.customer_name,
      warrantyStatus: w.status,
      warrantyEnd: w.end,
    };
  });
}

export async function getDevice(ctx: Pick<CallContext, 'db'>, id: number): Promise<Device> {
  const row = await ctx.db.get<Row>('SELECT * FROM devices WHERE id = ?', [id]);
  if (!row) throw notFound();
  return toDevice(row);
}

/** The model and the owner a device names must exist: said on the field, not left to the foreign key. */
async function checkReferences(tx: Tx, input: Pick<Fields, 'modelId' | 'customerId'>): Promise<void> {
  const model = await tx.query('SELECT id FROM product_models WHERE id = ?', [input.modelId]);
  if (model.length === 0) throw new AppError('NOT_FOUND', { key: 'modelMissing', fields: { modelId: { key: 'error.modelMissing', params: {} } } });
  if (input.customerId === null) return;
  const customer = await tx.query('SELECT id FROM customers WHERE id = ?', [input.customerId]);
  if (customer.length === 0) throw new AppError('NOT_FOUND', { key: 'customerMissing', fields: { customerId: { key: 'error.customerMissing', params: {} } } });
}

/** Serials are stored upper-case so a scanner's and a clerk's spelling meet. */
export async function insertDevice(tx: Tx, at: string, by: number, input: Fields): Promise<number> {
  const serial = input.serial.toUpperCase();
  const taken = await tx.query('SELECT id FROM devices WHERE serial = ?', [serial]);
  if (taken.length > 0) throw duplicate('serial', 'serial');
  await checkReferences(tx, input);
  const values = columns({ ...input, serial });
  const id = await tx.insert('devices', { ...values, ...created(at, by) });
  await audit(tx, at, by, 'devices', id, 'create', null, values);
  return id;
}

export async function createDevice(ctx: CallContext, input: Fields): Promise<Device> {
  const at = ctx.now().toISOString();
  const id = await ctx.db.write((tx) => insertDevice(tx, at, actor(ctx).id, input));
  return getDevice(ctx, id);
}

export async function updateDevice(ctx: CallContext, input: ParsedInputOf<'devices.update'>): Promise<Device> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const { id, version, ...fields } = input;
  await ctx.db.write(async (tx) => {
    const [before] = await tx.query<Record<string, unknown>>('SELECT * FROM devices WHERE id = ?', [id]);
    if (!before) throw notFound();
    const values = columns({ ...fields, serial: fields.serial.toUpperCase() });
    refuseDateChanges(before, values);
    const clash = await tx.query('SELECT id FROM devices WHERE serial = ? AND id <> ?', [values.serial, id]);
    if (clash.length > 0) throw duplicate('serial', 'serial');
    await checkReferences(tx, fields);
    const sets = Object.keys(values).map((c) => `${c} = ?`).join(', ');
    const changed = await tx.run(
      `UPDATE devices SET ${sets}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`,
      [...Object.values(values), at, by, id, version],
    );
    if (changed !== 1) throw conflict();
    await audit(tx, at, by, 'devices', id, 'update', before, values);
  });
  return getDevice(ctx, id);
}

const WARRANTY_DATES = { purchase_date: 'purchaseDate', install_date: 'installDate', warranty_end: 'warrantyEnd' } as const;

/**
 * The dates that decide the warranty change only through devices.correctWarranty (a supervisor, with a
 * reason): a correction here would silently turn a paid repair into a free one, or back.
 */
function refuseDateChanges(before: Record<string, unknown>, after: Record<string, unknown>): void {
  const changed = Object.entries(WARRANTY_DATES).filter(([column]) => (before[column] ?? null) !== (after[column] ?? null));
  if (changed.length === 0) return;
  const fields = Object.fromEntries(changed.map(([, field]) => [field, { key: 'error.warrantyBySupervisor', params: {} }]));
  throw new AppError('VALIDATION', { key: 'warrantyBySupervisor', fields });
}

export async function correctWarranty(ctx: CallContext, input: ParsedInputOf<'devices.correctWarranty'>): Promise<Device> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const values = { purchase_date: input.purchaseDate, install_date: input.installDate, warranty_end: input.warrantyEnd };
  await ctx.db.write(async (tx) => {
    const [before] = await tx.query<Record<string, unknown>>('SELECT * FROM devices WHERE id = ?', [input.id]);
    if (!before) throw notFound();
    const changed = await tx.run(
      'UPDATE devices SET purchase_date = ?, install_date = ?, warranty_end = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?',
      [values.purchase_date, values.install_date, values.warranty_end, at, by, input.id, input.version],
    );
    if (changed !== 1) throw conflict();
    // The reason sits beside the changed dates, so the audit viewer shows it and its text search finds it.
    await audit(tx, at, by, 'devices', input.id, 'update', { ...before, reason: null }, { ...values, reason: input.reason });
  });
  return getDevice(ctx, input.id);
}
