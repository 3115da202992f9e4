/** The engineer's service record (steps, problems met, parts used) and the photos and files of a ticket. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/api/lifecycle.schema';
import { AppError, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import { applyChange, lockTicket } from './lifecycle.service';
import { storeAttachment } from './attachments';
import { moveStock } from './parts.service';
import { receiveDefective } from './defective.service';
import { UNIT_DECIMALS, roundQuantity, unitQuantityProblem, type PartUnit } from '../../../shared/domain/parts';
import type { Tx } from '../db/db';

type PartInput = ParsedInputOf<'tickets.recordService'>['parts'][number];

/** The unit each part is counted in (a catalogue part's own); a quantity the unit does not allow is refused on its field, never rounded. */
async function unitsOf(tx: Tx, parts: PartInput[]): Promise<PartUnit[]> {
  const units: PartUnit[] = [];
  for (const [i, p] of parts.entries()) {
    const [row] = p.partId === null ? [] : await tx.query<{ unit: PartUnit }>('SELECT unit FROM parts WHERE id = ?', [p.partId]);
    const unit = row?.unit ?? p.unit;
    const key = unitQuantityProblem(unit, p.quantity);
    if (key) {
      const params = { part: p.partName, decimals: UNIT_DECIMALS[unit] };
      throw new AppError('VALIDATION', { key, params, fields: { [`parts.${i}.quantity`]: { key: `error.${key}`, params } } });
    }
    units.push(unit);
  }
  return units;
}

export async function recordService(ctx: CallContext, input: ParsedInputOf<'tickets.recordService'>): Promise<{ id: number }> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const batchPrefix = (await ctx.settings.get()).serialBatchPrefix;
  await ctx.db.write(async (tx) => {
    const t = await lockTicket(tx, input.id, input.version);
    if (t.status !== 'in_service') throw new AppError('CONFLICT', { key: 'move.notInService' });
    if (me.role === 'engineer' && t.assigned_to !== me.id) throw new AppError('FORBIDDEN', { key: 'move.notAssignee' });
    if (me.role === 'clerk') throw new AppError('FORBIDDEN');
    const units = await unitsOf(tx, input.parts);
    for (const [i, p] of input.parts.entries()) {
      const ticketPartId = await tx.insert('ticket_parts', {
        ticket_id: t.id, part_name: p.partName, part_model: p.partModel, quantity: roundQuantity(p.quantity), unit: units[i], serial: p.partId !== null ? p.serial.toUpperCase() : p.serial,
        old_part_recovered: p.oldPartRecovered ? 1 : 0, created_at: at, created_by: me.id, part_id: p.partId,
      });
      // A catalogue part leaves stock in this same transaction: a shortage refuses the whole record.
      if (p.partId !== null) {
        await moveStock(tx, at, me, {
          partId: p.partId, kind: 'issue', quantity: p.quantity, serial: p.serial, ticketId: t.id, ticketPartId,
          reason: input.stockOverride ? input.overrideReason : '', override: input.stockOverride,
        }, ctx);
        // The old part taken off the device is recorded as recovered (kept apart, not usable stock). A serial-tracked
        // old part carries its own serial, which the form does not ask for: it is recorded through stock.move.
        const [tracked] = await tx.query<{ serial_tracked: number }>('SELECT serial_tracked FROM parts WHERE id = ?', [p.partId]);
        if (p.oldPartRecovered && tracked?.serial_tracked === 0) {
          await moveStock(tx, at, me, { partId: p.partId, kind: 'recover', quantity: p.quantity, serial: '', ticketId: t.id, ticketPartId, reason: '', override: false }, ctx);
        }
      }
      // Every recovered old part enters defective stock (旧件库) with its ticket, fault code and the device's batch.
      if (p.oldPartRecovered) {
        const quantity = Math.max(1, Math.round(p.quantity));
        await receiveDefective(tx, { at, by: me.id, batchPrefix, kind: 'part', origin: 'repair', ticketId: t.id, name: p.partName, serial: p.oldSerial, quantity, partId: p.partId, ticketPartId });
      }
    }
    await applyChange(tx, ctx, t, { service_steps: input.steps, service_problems: input.problems }, { kind: 'serviceRecord', data: { parts: input.parts } });
  });
  ctx.notify('tickets');
  if (input.parts.some((p) => p.partId !== null)) ctx.notify('parts');
  return { id: input.id };
}

export async function attach(ctx: CallContext, input: ParsedInputOf<'tickets.attach'>): Promise<{ id: number }> {
  const me = actor(ctx);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('VALIDATION', { fields: { dataBase64: { key: 'validation.tooBig', params: { max: ATTACHMENT_MAX_BYTES } } } });
  const at = ctx.now().toISOString();
  const id = await ctx.db.write(async (tx) => {
    const [t] = await tx.query<{ id: number }>('SELECT id FROM tickets WHERE id = ?', [input.id]);
    if (!t) throw notFound();
    const attachmentId = await storeAttachment(tx, ctx.dataDir, at, me.id, { ticketId: t.id, kind: input.kind, fileName: input.fileName, mime: input.mime, bytes });
    await tx.insert('ticket_events', { ticket_id: t.id, at, actor_id: me.id, kind: 'attached', from_status: null, to_status: null, note: input.fileName, data: JSON.stringify({ attachmentId }) });
    return attachmentId;
  });
  ctx.notify('tickets');
  return { id };
}

export async function getAttachment(ctx: CallContext, input: ParsedInputOf<'attachments.get'>): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const row = await ctx.db.get<{ file_name: string; mime: string; stored_path: string }>('SELECT file_name, mime, stored_path FROM attachments WHERE id = ?', [input.id]);
  if (!row) throw notFound();
  const bytes = await fs.readFile(path.join(ctx.dataDir, row.stored_path));
  return { fileName: row.file_name, mime: row.mime, dataBase64: bytes.toString('base64') };
}
