/** Ticket intake: one transaction assigns the number, links or creates customer and device, sets deadlines. */
import { indexFault } from '../search/fault-words';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { TicketDetail, Urgency } from '../../../shared/domain/ticket';
import { formatNumber, numberScope } from '../../../shared/domain/numbering';
import { normalizePhone } from '../../../shared/domain/phone';
import { deadlines } from '../../../shared/domain/sla';
import { isSafetyRisk } from '../../../shared/domain/safety';
import { reportedInFuture } from '../../../shared/domain/report-time';
import { deskCalendar } from './official-holidays.service';
import { localDate } from '../../../shared/domain/time';
import type { WarrantyStatus } from '../../../shared/domain/warranty';
import type { Interval } from '../../../shared/domain/calendar';
import { AppError, conflict, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { audit, created, CREATION_CHANGES } from './audit';
import { insertCustomer } from './customers.service';
import { insertDevice, warrantyOf } from './devices.service';
import { getTicket } from './tickets.query';
import { attachArticle } from './knowledge.service';
import { queueCustomerMessages } from '../messaging/queue';
import { queueUrgent } from '../messaging/team';
import { requireDuplicateReason } from './related.service';
import { instantParam, storedValues } from '../db/instants';

type CreateInput = ParsedInputOf<'tickets.create'>;
export type IntakeInput = Omit<ParsedInputOf<'tickets.update'>, 'id' | 'version'>;

/** Next number in the pattern's scope; runs inside the ticket's transaction, so a rollback leaves no gap. */
export async function nextNumber(tx: Tx, pattern: string, day: string): Promise<string> {
  const scope = numberScope(pattern, day);
  await tx.run('INSERT INTO number_sequences (scope, last) VALUES (?, 1) ON CONFLICT (scope) DO UPDATE SET last = last + 1', [scope]);
  const [row] = await tx.query<{ last: number }>('SELECT last FROM number_sequences WHERE scope = ?', [scope]);
  try {
    return formatNumber(scope, row!.last);
  } catch {
    throw new AppError('CONFLICT', { key: 'sequenceExhausted' });
  }
}


/** The intake columns of a ticket (deadlines, warranty, normalised phone); also used by the maintenance generator. */
export async function intakeColumns(ctx: Pick<CallContext, 'settings' | 'official'>, tx: Tx, input: IntakeInput, deviceId: number | null, pauses: Interval[] = []) {
  const settings = await ctx.settings.get();
  // A safety risk (smoke, leakage) is always urgent, whatever was picked; the fault's words decide it too,
  // over the API as in the form (the same rule).
  const safetyRisk = isSafetyRisk(input);
  const urgency: Urgency = safetyRisk ? 'urgent' : input.urgency;
  let modelId = input.modelId;
  let serial = input.serial ? input.serial.toUpperCase() : null;
  let warranty: WarrantyStatus = 'unknown';
  if (deviceId !== null) {
    const [device] = await tx.query<{ model_id: number; serial: string; purchase_date: string | null; install_date: string | null; warranty_end: string | null; warranty_months: number }>(
      'SELECT d.model_id, d.serial, d.purchase_date, d.install_date, d.warranty_end, m.warranty_months FROM devices d JOIN product_models m ON m.id = d.model_id WHERE d.id = ?',
      [deviceId],
    );
    if (!device) throw new AppError('NOT_FOUND', { key: 'deviceMissing', fields: { deviceId: { key: 'error.deviceMissing', params: {} } } });
    modelId = device.model_id;
    serial = device.serial;
    warranty = warrantyOf(device, localDate(new Date(input.reportedAt), settings.timeZone)).status;
  } else if (modelId !== null) {
    const model = await tx.query('SELECT id FROM product_models WHERE id = ?', [modelId]);
    if (model.length === 0) throw new AppError('NOT_FOUND', { key: 'modelMissing', fields: { modelId: { key: 'error.modelMissing', params: {} } } });
  }
  const due = deadlines({ reportedAt: input.reportedAt, urgency, problemType: input.problemType }, settings.sla, await deskCalendar(ctx), pauses);
  return {
    channel: input.channel,
    reported_at: new Date(input.reportedAt).toISOString(),
    contact_name: input.contactName,
    contact_phone: input.contactPhone,
    contact_phone_norm: normalizePhone(input.contactPhone),
    model_id: modelId,
    device_id: deviceId,
    serial,
    urgency,
    problem_type: input.problemType,
    safety_risk: safetyRisk ? 1 : 0,
    warranty_status: warranty,
    fault_description: input.faultDescription,
    fault_when: input.faultWhen,
    fault_frequency: input.faultFrequency,
    alarm_codes: input.alarmCodes,
    abnormal_noise: input.abnormalNoise,
    environment: input.environment,
    customer_tried: input.customerTried,
    reported_before: input.reportedBefore ? 1 : 0,
    response_due_at: due.responseDueAt,
    resolve_due_at: due.resolveDueAt,
  };
}

/** The desk clock is the judge: a report time later than now (past the skew) is refused on its field. */
function checkReportTime(reportedAt: string, now: Date): void {
  if (reportedInFuture(reportedAt, now)) throw new AppError('VALIDATION', { fields: { reportedAt: { key: 'validation.futureTime', params: {} } } });
}

async function resolveDevice(tx: Tx, at: string, by: number, input: CreateInput, customerId: number): Promise<number | null> {
  if (input.deviceId !== undefined) return input.deviceId;
  if (input.newDevice) return insertDevice(tx, at, by, { ...input.newDevice, customerId });
  if (!input.serial) return null;
  const [known] = await tx.query<{ id: number }>('SELECT id FROM devices WHERE serial = ?', [input.serial.toUpperCase()]);
  return known?.id ?? null;
}

export async function createTicket(ctx: CallContext, input: CreateInput): Promise<{ id: number; number: string }> {
  const by = actor(ctx).id;
  const now = ctx.now();
  checkReportTime(input.reportedAt, now);
  const at = now.toISOString();
  const settings = await ctx.settings.get();
  const result = await ctx.db.write(async (tx) => {
    const receivedBy = input.receivedById ?? by;
    const receiver = await tx.query('SELECT id FROM users WHERE id = ? AND active = 1', [receivedBy]);
    if (receiver.length === 0) throw new AppError('NOT_FOUND', { key: 'receiverMissing', fields: { receivedById: { key: 'error.receiverMissing', params: {} } } });
    let customerId = input.customerId;
    if (customerId !== undefined) {
      const exists = await tx.query('SELECT id FROM customers WHERE id = ?', [customerId]);
      if (exists.length === 0) throw new AppError('NOT_FOUND', { key: 'customerMissing', fields: { customerId: { key: 'error.customerMissing', params: {} } } });
    } else {
      customerId = await insertCustomer(tx, at, actor(ctx), input.newCustomer!);
    }
    const deviceId = await resolveDevice(tx, at, by, input, customerId);
    if (!input.duplicateReason) await requireDuplicateReason(tx, { serial: input.newDevice?.serial ?? input.serial ?? '', deviceId });
    const values = await intakeColumns(ctx, tx, input, deviceId);
    const number = await nextNumber(tx, settings.ticketNumberPattern, localDate(now, settings.timeZone));
    const row = { number, status: 'registered', received_by: receivedBy, customer_id: customerId, ...values, duplicate_reason: input.duplicateReason };
    const id = await tx.insert('tickets', { ...row, ...created(at, by) });
    await indexFault(tx, id, row.fault_description);
    await tx.insert('ticket_events', { ticket_id: id, at, actor_id: by, kind: 'created', from_status: null, to_status: 'registered', note: null, data: null, changes: CREATION_CHANGES });
    // Registered beside a related ticket (tickets.related): the clerk's reason is on the timeline too.
    if (input.duplicateReason) await tx.insert('ticket_events', { ticket_id: id, at, actor_id: by, kind: 'registeredAgain', from_status: null, to_status: null, note: input.duplicateReason, data: null });
    // Knowledge articles the clerk attached from the intake suggestions: their self-check steps on the timeline.
    for (const articleId of new Set(input.knowledgeArticleIds)) await attachArticle(tx, id, articleId, at, by);
    await queueCustomerMessages(tx, ctx, { event: 'received', ticketId: id, cause: `ticket-${id}-created` });
    if (input.urgency === 'urgent') await queueUrgent(tx, ctx, id);
    return { id, number };
  });
  ctx.notify('tickets');
  return result;
}

export async function updateTicket(ctx: CallContext, input: ParsedInputOf<'tickets.update'>): Promise<TicketDetail> {
  const by = actor(ctx).id;
  const now = ctx.now();
  checkReportTime(input.reportedAt, now);
  const at = now.toISOString();
  const { id, version, ...fields } = input;
  await ctx.db.write(async (tx) => {
    const [before] = await tx.query<Record<string, unknown>>('SELECT * FROM tickets WHERE id = ?', [id]);
    if (!before) throw notFound();
    if (before.version !== version) throw conflict();
    // Archived tickets are read-only: corrections go on the timeline as supervisor notes.
    if (before.status === 'closed' || before.status === 'cancelled') throw new AppError('CONFLICT', { key: 'move.archived' });
    const serialChanged = (fields.serial ? fields.serial.toUpperCase() : null) !== before.serial;
    const deviceId = serialChanged ? await deviceBySerial(tx, fields.serial) : (before.device_id as number | null);
    const values = await intakeColumns(ctx, tx, fields, deviceId);
    const sets = Object.keys(values).map((c) => `${c} = ?`).join(', ');
    const changed = await tx.run(
      `UPDATE tickets SET ${sets}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`,
      [...Object.values(storedValues('tickets', values)), instantParam(at), by, id, version],
    );
    if (changed !== 1) throw conflict();
    if (values.fault_description !== before.fault_description) await indexFault(tx, id, values.fault_description);
    const fieldsChanged = Object.keys(values).filter((k) => String(values[k as keyof typeof values]) !== String(before[k]));
    await tx.insert('ticket_events', { ticket_id: id, at, actor_id: by, kind: 'updated', from_status: null, to_status: null, note: null, data: JSON.stringify({ fields: fieldsChanged }) });
    await audit(tx, at, by, 'tickets', id, 'update', before, values);
  });
  ctx.notify('tickets');
  return getTicket(ctx, { id });
}

async function deviceBySerial(tx: Tx, serial: string): Promise<number | null> {
  if (!serial) return null;
  const [row] = await tx.query<{ id: number }>('SELECT id FROM devices WHERE serial = ?', [serial.toUpperCase()]);
  return row?.id ?? null;
}
