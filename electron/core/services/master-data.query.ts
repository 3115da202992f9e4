/** The customer and device pages: a record with what hangs off it (devices, ticket history), read through their indexes. */
import type { CustomerProfile, DeviceProfile, DeviceSummary, ExchangeLink, HistoryTicket, Salutation } from '../../../shared/domain/party';
import type { TicketStatus } from '../../../shared/domain/ticket';
import type { WarrantyStatus } from '../../../shared/domain/warranty';
import { notFound } from '../errors';
import type { CallContext } from '../context';
import { getCustomer } from './customers.service';
import { deskToday, getDevice, warrantyOf } from './devices.service';
import { getModel } from './models.service';
import { bool } from './sql';

/** A key account may have thousands of tickets: the page shows the newest, and says how many there are. */
const HISTORY_LIMIT = 200;

interface HistoryRow {
  id: number;
  number: string;
  status: TicketStatus;
  reported_at: string;
  model_code: string | null;
  serial: string | null;
  warranty_status: WarrantyStatus;
  fault_summary: string;
}

async function history(ctx: CallContext, column: 'customer_id' | 'device_id', id: number): Promise<{ tickets: HistoryTicket[]; ticketTotal: number }> {
  const rows = await ctx.db.query<HistoryRow>(
    `SELECT t.id, t.number, t.status, t.reported_at, m.code AS model_code, t.serial, t.warranty_status,
            substr(t.fault_description, 1, 80) AS fault_summary
       FROM tickets t LEFT JOIN product_models m ON m.id = t.model_id
      WHERE t.${column} = ? ORDER BY t.reported_at DESC, t.id DESC LIMIT ?`,
    [id, HISTORY_LIMIT],
  );
  const total = rows.length < HISTORY_LIMIT ? rows.length : ((await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM tickets WHERE ${column} = ?`, [id]))?.n ?? 0);
  const tickets = rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    reportedAt: r.reported_at,
    modelCode: r.model_code,
    serial: r.serial,
    warrantyStatus: r.warranty_status,
    faultSummary: r.fault_summary,
  }));
  return { tickets, ticketTotal: total };
}

interface DeviceRow {
  id: number;
  serial: string;
  code: string;
  model_name: string;
  purchase_date: string | null;
  install_date: string | null;
  warranty_end: string | null;
  warranty_months: number;
}

export async function customerProfile(ctx: CallContext, id: number): Promise<CustomerProfile> {
  const customer = await getCustomer(ctx, id);
  const rows = await ctx.db.query<DeviceRow>(
    `SELECT d.id, d.serial, m.code, m.name AS model_name, d.purchase_date, d.install_date, d.warranty_end, m.warranty_months
       FROM devices d JOIN product_models m ON m.id = d.model_id WHERE d.customer_id = ? ORDER BY d.serial LIMIT 500`,
    [id],
  );
  const today = await deskToday(ctx);
  const devices: DeviceSummary[] = rows.map((r) => {
    const w = warrantyOf(r, today);
    return { id: r.id, serial: r.serial, modelCode: r.code, modelName: r.model_name, purchaseDate: r.purchase_date, warrantyStatus: w.status, warrantyEnd: w.end };
  });
  return { customer, devices, ...(await history(ctx, 'customer_id', id)) };
}

export async function deviceProfile(ctx: CallContext, id: number): Promise<DeviceProfile> {
  const device = await getDevice(ctx, id);
  const model = await getModel(ctx, device.modelId);
  const ownerRow = device.customerId === null ? undefined : await ctx.db.get<{ id: number; name: string; salutation: Salutation; phone: string; contact_person: string; key_account: number }>(
    'SELECT id, name, salutation, phone, contact_person, key_account FROM customers WHERE id = ?',
    [device.customerId],
  );
  if (device.customerId !== null && !ownerRow) throw notFound();
  const owner = ownerRow
    ? { id: ownerRow.id, name: ownerRow.name, salutation: ownerRow.salutation, phone: ownerRow.phone, contactPerson: ownerRow.contact_person, keyAccount: bool(ownerRow.key_account) }
    : null;
  const w = warrantyOf(
    { purchase_date: device.purchaseDate, install_date: device.installDate, warranty_end: device.warrantyEnd, warranty_months: model.warrantyMonths },
    await deskToday(ctx),
  );
  return {
    device, model, owner, warrantyStatus: w.status, warrantyEnd: w.end, ...(await history(ctx, 'device_id', id)),
    exchangedTo: await exchangeLink(ctx, 'old_device_id', 'new_device_id', id),
    exchangedFrom: await exchangeLink(ctx, 'new_device_id', 'old_device_id', id),
  };
}

/** The other unit of the 三包 exchange this device was on (as the old unit: `old_device_id`; as the new one: `new_device_id`). */
async function exchangeLink(ctx: CallContext, mine: 'old_device_id' | 'new_device_id', other: 'old_device_id' | 'new_device_id', id: number): Promise<ExchangeLink | null> {
  const row = await ctx.db.get<{ device_id: number; serial: string; at: string; ticket_id: number; number: string }>(
    `SELECT d.id AS device_id, d.serial, s.created_at AS at, t.id AS ticket_id, t.number
       FROM sanbao_cases s JOIN devices d ON d.id = s.${other} JOIN tickets t ON t.id = s.ticket_id WHERE s.${mine} = ? AND s.kind = 'exchange'`,
    [id],
  );
  return row ? { deviceId: row.device_id, serial: row.serial, at: row.at, ticket: { id: row.ticket_id, number: row.number } } : null;
}
