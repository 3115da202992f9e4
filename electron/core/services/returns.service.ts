/**
 * The returned-device register (返修登记表): check-in with a gapless slip number, moves along the
 * rules of shared/domain/returns, "customer informed" contacts, and the hand-back against a signature.
 * Every change is one transaction with the record's optimistic version check, on its timeline and audited,
 * and carries the linked ticket along in it (return-ticket.service): nothing is entered twice.
 */
import { queueCustomerMessages } from '../messaging/queue';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { RETURN_RULES, canHandBack, missingAccessories, returnRefusal, type ReturnState } from '../../../shared/domain/returns';
import { handBackStep, type TicketCarried } from '../../../shared/domain/return-ticket';
import { formatMoney } from '../../../shared/domain/money';
import { localDate } from '../../../shared/domain/time';
import { AppError } from '../errors';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { audit, created } from './audit';
import { pngFromDataUrl, storeAttachment } from './attachments';
import { recordQuoteConsent } from './fees/quote-consent';
import { carryTicket, movesAhead } from './return-ticket.service';
import { changeReturn as change, lockReturn, type LockedReturn } from './returns-write';
import { nextNumber } from './tickets.service';

const refuse = (kind: string, params: Record<string, string | number> = {}) =>
  new AppError(kind === 'wrongRole' ? 'FORBIDDEN' : 'CONFLICT', { key: `returns.${kind}`, params });

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function checkIn(ctx: CallContext, input: ParsedInputOf<'returns.checkIn'>): Promise<{ id: number; number: string; ticket: TicketCarried }> {
  const me = actor(ctx);
  const now = ctx.now();
  const at = now.toISOString();
  const settings = await ctx.settings.get();
  const today = localDate(now, settings.timeZone);
  const result = await ctx.db.write(async (tx) => {
    const [ticket] = await tx.query<{ id: number; status: string; customer_id: number }>('SELECT id, status, customer_id FROM tickets WHERE id = ?', [input.ticketId]);
    if (!ticket) throw new AppError('NOT_FOUND', { key: 'returns.ticketMissing', fields: { ticketId: { key: 'error.returns.ticketMissing', params: {} } } });
    if (ticket.status === 'closed' || ticket.status === 'cancelled') throw new AppError('CONFLICT', { key: 'move.archived' });
    const [model] = await tx.query<{ id: number }>('SELECT id FROM product_models WHERE id = ?', [input.modelId]);
    if (!model) throw new AppError('NOT_FOUND', { key: 'modelMissing', fields: { modelId: { key: 'error.modelMissing', params: {} } } });
    const receivedBy = input.receivedBy ?? me.id;
    const [receiver] = await tx.query('SELECT id FROM users WHERE id = ? AND active = 1', [receivedBy]);
    if (!receiver) throw new AppError('NOT_FOUND', { key: 'receiverMissing', fields: { receivedBy: { key: 'error.receiverMissing', params: {} } } });
    const serial = input.serial.toUpperCase();
    const [device] = await tx.query<{ id: number }>('SELECT id FROM devices WHERE serial = ?', [serial]);
    const number = await nextNumber(tx, settings.returns.numberPattern, today);
    const row = {
      number,
      state: 'received',
      ticket_id: ticket.id,
      customer_id: ticket.customer_id,
      model_id: input.modelId,
      device_id: device?.id ?? null,
      serial,
      condition: JSON.stringify(input.condition),
      condition_notes: input.conditionNotes,
      accessories: JSON.stringify(input.accessories),
      fault_stated: input.faultStated,
      photo_ids: '[]',
      received_by: receivedBy,
      received_at: at,
      expected_date: input.expectedDate ?? addDays(today, settings.returns.defaultRepairDays),
    };
    const id = await tx.insert('returned_devices', { ...row, ...created(at, me.id) });
    const photoIds: number[] = [];
    for (const [i, p] of input.photos.entries()) {
      photoIds.push(
        await storeAttachment(tx, ctx.dataDir, at, me.id, {
          ticketId: ticket.id, kind: 'photo', fileName: p.fileName || `${number}-${i + 1}`, mime: p.mime, bytes: Buffer.from(p.dataBase64, 'base64'),
        }),
      );
    }
    if (photoIds.length) await tx.run('UPDATE returned_devices SET photo_ids = ? WHERE id = ?', [JSON.stringify(photoIds), id]);
    await tx.insert('returned_device_events', { returned_device_id: id, at, actor_id: me.id, kind: 'checkedIn', from_status: null, to_status: 'received', note: null, data: null });
    // The ticket's own timeline says the device went to the depot, with the slip number.
    await tx.insert('ticket_events', { ticket_id: ticket.id, at, actor_id: me.id, kind: 'deviceReturned', from_status: null, to_status: null, note: number, data: JSON.stringify({ returnId: id }) });
    await audit(tx, at, me.id, 'returned_devices', id, 'create', null, row);
    const carried = await carryTicket(tx, ctx, ticket.id, 'received', { returnId: id, returnNumber: number, faultStated: input.faultStated });
    return { id, number, ticket: carried };
  });
  ctx.notify('returns');
  ctx.notify('tickets');
  return result;
}

export async function moveReturn(ctx: CallContext, input: ParsedInputOf<'returns.move'>): Promise<{ id: number; state: ReturnState; ticket: TicketCarried }> {
  const me = actor(ctx);
  const to = RETURN_RULES[input.move].to;
  const ticket = await ctx.db.write(async (tx) => {
    const rec = await lockReturn(tx, input.id, input.version);
    const why = returnRefusal(input.move, rec.state, me.role, input.reason);
    if (why) throw refuse(why, { state: rec.state });
    const values: Record<string, unknown> = { state: to };
    if (to === 'scrapped') values.closed_at = ctx.now().toISOString();
    await change(tx, ctx, rec, values, { kind: input.move, to, note: input.reason || null });
    if (input.move === 'quoteApproved') await consentToPendingQuote(tx, ctx, rec, input.consent);
    if (to === 'repaired') await queueCustomerMessages(tx, ctx, { event: 'readyForPickup', ticketId: rec.ticket_id, cause: `return-${rec.id}-v${rec.version + 1}` });
    return carryTicket(tx, ctx, rec.ticket_id, to, carryOf(rec));
  });
  ctx.notify('returns');
  ctx.notify('tickets');
  return { id: input.id, state: to, ticket };
}

const carryOf = (rec: LockedReturn) => ({ returnId: rec.id, returnNumber: rec.number, faultStated: rec.fault_stated });

/** 客户同意报价 on the device and the ticket's quote consent are one fact: a pending quote takes it, once. */
async function consentToPendingQuote(tx: Tx, ctx: CallContext, rec: LockedReturn, consent: ParsedInputOf<'returns.move'>['consent']): Promise<void> {
  const [q] = await tx.query<{ id: number; version: number; ticket_id: number; status: string }>(
    'SELECT id, version, ticket_id, status FROM quotes WHERE ticket_id = ? ORDER BY revision DESC LIMIT 1',
    [rec.ticket_id],
  );
  if (q?.status !== 'pending') return;
  if (!consent) throw new AppError('VALIDATION', { key: 'returns.consentNeeded', fields: { consent: { key: 'error.returns.consentNeeded', params: {} } } });
  await recordQuoteConsent(tx, ctx, q, consent);
}

/** "Customer informed of the expected date": each contact is kept; the record takes the new date. */
export async function informCustomer(ctx: CallContext, input: ParsedInputOf<'returns.inform'>): Promise<{ id: number }> {
  await ctx.db.write(async (tx) => {
    const rec = await lockReturn(tx, input.id, input.version);
    if (rec.state === 'returned' || rec.state === 'scrapped') throw refuse('closed');
    await change(tx, ctx, rec, { expected_date: input.expectedDate }, { kind: 'informed', note: input.note || null, data: { expectedDate: input.expectedDate, channel: input.channel } });
  });
  ctx.notify('returns');
  return { id: input.id };
}

export async function addReturnNote(ctx: CallContext, input: ParsedInputOf<'returns.note'>): Promise<{ id: number }> {
  await ctx.db.write(async (tx) => {
    const rec = await lockReturn(tx, input.id, input.version);
    await change(tx, ctx, rec, {}, { kind: 'note', note: input.note });
  });
  ctx.notify('returns');
  return { id: input.id };
}

/** Money the ticket's bill still asks for (fen), 0 without a bill. */
export async function openBalance(tx: Pick<Tx, 'query'>, ticketId: number): Promise<number> {
  const [bill] = await tx.query<{ balance_fen: number }>('SELECT balance_fen FROM bills WHERE ticket_id = ?', [ticketId]);
  return Math.max(0, bill?.balance_fen ?? 0);
}

/** What the hand-back asks besides the device's own facts: satisfaction when it accepts the ticket, a confirmed open balance. */
async function checkHandBack(tx: Tx, rec: LockedReturn, input: ParsedInputOf<'returns.handBack'>): Promise<void> {
  const accepts = (await movesAhead(tx, rec.ticket_id, handBackStep(rec.state))).includes('accept');
  if (accepts && input.satisfaction === null) {
    throw new AppError('VALIDATION', { key: 'returns.satisfactionNeeded', fields: { satisfaction: { key: 'error.returns.satisfactionNeeded', params: {} } } });
  }
  const balance = await openBalance(tx, rec.ticket_id);
  if (balance > 0 && !input.balanceConfirmed) {
    const params = { amount: formatMoney(balance) };
    throw new AppError('CONFLICT', { key: 'returns.openBalance', params, fields: { balanceConfirmed: { key: 'error.returns.openBalance', params } } });
  }
}

/**
 * The customer (or their delegate) takes the device back: accessories ticked, pickup receipt signed, record closed.
 * A repaired device's ticket is accepted with the same signature; an open balance must be confirmed first.
 */
export async function handBack(ctx: CallContext, input: ParsedInputOf<'returns.handBack'>): Promise<{ id: number; state: ReturnState; ticket: TicketCarried }> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  const ticket = await ctx.db.write(async (tx) => {
    const rec = await lockReturn(tx, input.id, input.version);
    if (!canHandBack(rec.state)) throw refuse('wrongState', { state: rec.state });
    const missing = missingAccessories(JSON.parse(rec.accessories), input.accessoriesBack);
    if (missing.length && input.note === '') {
      throw new AppError('CONFLICT', {
        key: 'returns.accessoriesMissing',
        params: { items: missing.map((m) => `${m.name} ×${m.quantity}`).join(', ') },
        fields: { note: { key: 'error.returns.accessoriesMissing', params: { items: missing.map((m) => m.name).join(', ') } } },
      });
    }
    await checkHandBack(tx, rec, input);
    const signatureId = await storeAttachment(tx, ctx.dataDir, at, me.id, {
      ticketId: rec.ticket_id, kind: 'signature', fileName: 'pickup-signature.png', mime: 'image/png', bytes: pngFromDataUrl(input.signature),
    });
    await change(
      tx,
      ctx,
      rec,
      {
        state: 'returned', picked_up_at: at, picked_up_by: input.pickedUpBy, pickup_delegate: input.delegate, pickup_id_note: input.idNote,
        accessories_back: JSON.stringify(input.accessoriesBack), return_note: input.note, pickup_signature_id: signatureId, closed_at: at,
      },
      { kind: 'handedBack', to: 'returned', note: input.note || null, data: { pickedUpBy: input.pickedUpBy, delegate: input.delegate, missing } },
    );
    return carryTicket(tx, ctx, rec.ticket_id, handBackStep(rec.state), { ...carryOf(rec), signature: input.signature, satisfaction: input.satisfaction });
  });
  ctx.notify('returns');
  ctx.notify('tickets');
  return { id: input.id, state: 'returned', ticket };
}
