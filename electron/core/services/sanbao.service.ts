/**
 * 三包 on a ticket (issue 19): which right applies and why (the rules in shared/domain/sanbao.ts over the device's
 * purchase date, the ticket's report day and the device's earlier repairs of the same fault), the decision and any
 * supervisor's override on the timeline, and the exchange (换货) or return (退货) that follows it.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import {
  certificateNumber, decideSanbao, lastCoveredDay, refundProblem, sameFault, termsFor,
  type RecordedSanbao, type RefundMethod, type SanbaoAssessment, type SanbaoCase, type SanbaoRight, type SanbaoRule,
} from '../../../shared/domain/sanbao';
import { formatMoney } from '../../../shared/domain/money';
import { localDate } from '../../../shared/domain/time';
import { translate } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/domain/user';
import type { Tx } from '../db/db';
import { AppError, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import { audit, created } from './audit';
import { receiveDefective } from './defective.service';
import { insertDevice, warrantyOf } from './devices.service';
import { instantParam } from '../db/instants';

type Reader = Pick<Tx, 'query'>;

interface TicketRow {
  id: number;
  number: string;
  status: string;
  customer_id: number;
  device_id: number | null;
  model_id: number | null;
  reported_at: string;
  problem_type: string;
  fault_description: string;
  alarm_codes: string;
}

const PERFORMANCE_FAULTS = new Set(['hardware', 'software']);

async function ticketRow(q: Reader, id: number): Promise<TicketRow> {
  const [t] = await q.query<TicketRow>(
    'SELECT id, number, status, customer_id, device_id, model_id, reported_at, problem_type, fault_description, alarm_codes FROM tickets WHERE id = ?',
    [id],
  );
  if (!t) throw notFound();
  return t;
}

/** The device's earlier repairs (resolved tickets reported before this one) of the same fault, within the whole-unit warranty. */
async function sameFaultRepairs(q: Reader, t: TicketRow, purchaseDate: string | null, warrantyEnd: string | null, timeZone: string) {
  if (t.device_id === null || !purchaseDate || !warrantyEnd) return [];
  const rows = await q.query<{ id: number; number: string; reported_at: string; resolved_at: string; fault_description: string; alarm_codes: string }>(
    `SELECT id, number, reported_at, resolved_at, fault_description, alarm_codes FROM tickets
     WHERE device_id = ? AND reported_at < ? AND id <> ? AND resolved_at IS NOT NULL AND status <> 'cancelled' ORDER BY reported_at`,
    [t.device_id, instantParam(t.reported_at), t.id],
  );
  const fault = { description: t.fault_description, alarmCodes: t.alarm_codes };
  return rows
    .filter((r) => {
      const day = localDate(new Date(r.reported_at), timeZone);
      return day >= purchaseDate && day <= warrantyEnd && sameFault(fault, { description: r.fault_description, alarmCodes: r.alarm_codes });
    })
    .map((r) => ({ ticketId: r.id, number: r.number, resolvedAt: r.resolved_at }));
}

async function recordedOf(q: Reader, ticketId: number): Promise<RecordedSanbao | null> {
  const [e] = await q.query<{ at: string; data: string; name: string }>(
    "SELECT e.at, e.data, u.display_name AS name FROM ticket_events e JOIN users u ON u.id = e.actor_id WHERE e.ticket_id = ? AND e.kind = 'sanbaoDecided' ORDER BY e.id DESC LIMIT 1",
    [ticketId],
  );
  if (!e) return null;
  const data = JSON.parse(e.data) as Omit<RecordedSanbao, 'at' | 'byName'>;
  return { ...data, at: e.at, byName: e.name };
}

async function caseOf(q: Reader, ticketNumber: string, ticketId: number, timeZone: string): Promise<SanbaoCase | null> {
  const [c] = await q.query<{
    id: number; kind: SanbaoCase['kind']; created_at: string; name: string; old_id: number; old_serial: string; new_id: number | null; new_serial: string | null; purchase_date: string | null; warranty_months: number | null;
    price_paid_fen: number | null; refunded_fen: number | null; refund_method: RefundMethod | null;
  }>(
    `SELECT s.id, s.kind, s.created_at, s.price_paid_fen, s.refunded_fen, s.refund_method, u.display_name AS name, o.id AS old_id, o.serial AS old_serial, n.id AS new_id, n.serial AS new_serial, n.purchase_date, m.warranty_months
     FROM sanbao_cases s JOIN users u ON u.id = s.created_by JOIN devices o ON o.id = s.old_device_id
     LEFT JOIN devices n ON n.id = s.new_device_id LEFT JOIN product_models m ON m.id = n.model_id WHERE s.ticket_id = ?`,
    [ticketId],
  );
  if (!c) return null;
  const newEnd = c.new_id === null ? null : warrantyOf({ purchase_date: c.purchase_date, install_date: null, warranty_end: null, warranty_months: c.warranty_months }, localDate(new Date(c.created_at), timeZone)).end;
  return {
    id: c.id,
    kind: c.kind,
    number: certificateNumber(ticketNumber, c.kind),
    oldDevice: { id: c.old_id, serial: c.old_serial },
    newDevice: c.new_id === null ? null : { id: c.new_id, serial: c.new_serial!, warrantyEnd: newEnd },
    refund: c.refunded_fen === null || c.refund_method === null ? null : { paidFen: c.price_paid_fen, refundFen: c.refunded_fen, method: c.refund_method },
    at: c.created_at,
    byName: c.name,
  };
}

export async function assessTicket(ctx: Pick<CallContext, 'db' | 'settings'>, ticketId: number): Promise<SanbaoAssessment & { ticket: TicketRow }> {
  const settings = await ctx.settings.get();
  const t = await ticketRow(ctx.db, ticketId);
  const [d] = t.device_id === null ? [] : await ctx.db.query<{ purchase_date: string | null }>('SELECT purchase_date FROM devices WHERE id = ?', [t.device_id]);
  const modelId = t.model_id;
  const [m] = modelId === null ? [] : await ctx.db.query<{ product_line: string }>('SELECT product_line FROM product_models WHERE id = ?', [modelId]);
  const productLine = m?.product_line ?? null;
  const terms = termsFor(settings.sanbao, productLine);
  const purchaseDate = d?.purchase_date ?? null;
  const serviceDate = localDate(new Date(t.reported_at), settings.timeZone);
  const repairs = await sameFaultRepairs(ctx.db, t, purchaseDate, purchaseDate && lastCoveredDay(purchaseDate, terms.wholeUnitMonths), settings.timeZone);
  const decision = decideSanbao(terms, { purchaseDate, serviceDate, performanceFault: PERFORMANCE_FAULTS.has(t.problem_type), sameFaultRepairs: repairs.length });
  return {
    ticket: t,
    productLine,
    terms,
    purchaseDate,
    serviceDate,
    decision,
    sameFaultRepairs: repairs,
    recorded: await recordedOf(ctx.db, t.id),
    done: await caseOf(ctx.db, t.number, t.id, settings.timeZone),
  };
}

export async function assess(ctx: CallContext, input: ParsedInputOf<'sanbao.assess'>): Promise<SanbaoAssessment> {
  const { ticket: _t, ...out } = await assessTicket(ctx, input.ticketId);
  return out;
}

/** The timeline's words: the right, the rule that gave it, and a supervisor's reason. */
export function decisionWords(locale: Locale, right: SanbaoRight, rule: SanbaoRule, params: Record<string, string>, reason: string): string {
  const words = `${translate(locale, `sanbaoRight.${right}`)} · ${translate(locale, `sanbaoRule.${rule}`, params)}`;
  return reason ? `${words} · ${reason}` : words;
}

const reasonProblem = (key: string, params: Record<string, string> = {}) =>
  new AppError('VALIDATION', { key, params, fields: { reason: { key: `error.${key}`, params } } });

/** Records the right chosen. One the rules do not offer is a supervisor's override and needs a reason. */
export async function decide(ctx: CallContext, input: ParsedInputOf<'sanbao.decide'>): Promise<SanbaoAssessment> {
  const me = actor(ctx);
  const before = await assessTicket(ctx, input.ticketId);
  if (before.done) throw new AppError('CONFLICT', { key: 'sanbao.alreadyDone' });
  const override = !before.decision.options.includes(input.right);
  if (override) {
    const right = translate(ctx.client.locale, `sanbaoRight.${input.right}`);
    if (me.role !== 'supervisor' && me.role !== 'admin') throw new AppError('FORBIDDEN', { key: 'sanbao.notAnOption', params: { right } });
    if (!input.reason) throw reasonProblem('sanbao.reasonRequired');
  }
  const { rule, params } = before.decision;
  const data = { right: input.right, rule, params, override, reason: input.reason };
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    await tx.insert('ticket_events', {
      ticket_id: input.ticketId, at, actor_id: me.id, kind: 'sanbaoDecided', from_status: null, to_status: null,
      note: decisionWords(ctx.client.locale, input.right, rule, params, input.reason), data: JSON.stringify(data),
    });
  });
  ctx.notify('tickets');
  return assess(ctx, { ticketId: input.ticketId });
}

/**
 * The exchange or return the decision gave. An exchange registers the new unit as the customer's device, its
 * 三包 period starting on the exchange day (《部分商品修理更换退货责任规定》: 换货后的三包有效期自换货之日起重新计算);
 * the old unit is taken back: it no longer belongs to the customer, the case names it, and it goes into defective stock.
 */
export async function exchange(ctx: CallContext, input: ParsedInputOf<'sanbao.exchange'>): Promise<SanbaoAssessment> {
  const me = actor(ctx);
  const settings = await ctx.settings.get();
  const at = ctx.now().toISOString();
  const today = localDate(ctx.now(), settings.timeZone);
  const refund = input.kind === 'return' ? { price_paid_fen: input.paidFen, refunded_fen: input.refundFen, refund_method: input.refundMethod } : {};
  if (input.kind === 'return') checkRefund(input.refundFen, input.paidFen);
  await ctx.db.write(async (tx) => {
    const t = await ticketRow(tx, input.ticketId);
    if (t.device_id === null) throw new AppError('CONFLICT', { key: 'sanbao.noDevice' });
    const [done] = await tx.query('SELECT id FROM sanbao_cases WHERE ticket_id = ? OR old_device_id = ?', [t.id, t.device_id]);
    if (done) throw new AppError('CONFLICT', { key: 'sanbao.alreadyDone' });
    const recorded = await recordedOf(tx, t.id);
    if (recorded?.right !== input.kind) throw new AppError('CONFLICT', { key: 'sanbao.notDecided' });
    const [old] = await tx.query<{ serial: string; model_id: number; customer_id: number | null }>('SELECT serial, model_id, customer_id FROM devices WHERE id = ?', [t.device_id]);
    let newDeviceId: number | null = null;
    if (input.kind === 'exchange') {
      if (input.newSerial.toUpperCase() === old!.serial) throw new AppError('VALIDATION', { key: 'sanbao.sameSerial', fields: { newSerial: { key: 'error.sanbao.sameSerial', params: {} } } });
      const [taken] = await tx.query('SELECT id FROM devices WHERE serial = ?', [input.newSerial.toUpperCase()]);
      if (taken) throw new AppError('DUPLICATE', { key: 'sanbao.serialTaken', fields: { newSerial: { key: 'error.sanbao.serialTaken', params: {} } } });
      newDeviceId = await insertDevice(tx, at, me.id, {
        serial: input.newSerial, modelId: old!.model_id, customerId: old!.customer_id ?? t.customer_id, purchaseDate: today,
        purchaseChannel: translate(settings.printing.language, 'sanbaoChannel', { serial: old!.serial }), installDate: null, warrantyEnd: null,
      });
    }
    await takeBack(tx, at, me.id, t.device_id, old!.customer_id);
    // The unit taken back goes into defective stock, for a 返厂单 and the quality report's exchanges and returns.
    const [model] = await tx.query<{ name: string }>('SELECT name FROM product_models WHERE id = ?', [old!.model_id]);
    await receiveDefective(tx, { at, by: me.id, kind: 'unit', origin: input.kind, ticketId: t.id, name: model?.name ?? old!.serial, serial: old!.serial, batchPrefix: settings.serialBatchPrefix });
    const values = { ticket_id: t.id, kind: input.kind, old_device_id: t.device_id, new_device_id: newDeviceId, rule: recorded.rule, rule_params: JSON.stringify(recorded.params), override_reason: recorded.reason, ...refund };
    const id = await tx.insert('sanbao_cases', { ...values, ...created(at, me.id) });
    await audit(tx, at, me.id, 'sanbao_cases', id, 'create', null, values);
    const note = input.kind === 'exchange'
      ? `${old!.serial} → ${input.newSerial.toUpperCase()}`
      : `${old!.serial} · ${translate(ctx.client.locale, 'sanbaoRefunded', { amount: formatMoney(input.refundFen), method: translate(ctx.client.locale, `refundMethod.${input.refundMethod}`) })}`;
    const kind = input.kind === 'exchange' ? 'sanbaoExchanged' : 'sanbaoReturned';
    await tx.insert('ticket_events', { ticket_id: t.id, at, actor_id: me.id, kind, from_status: null, to_status: null, note, data: JSON.stringify({ caseId: id }) });
  });
  ctx.notify('tickets');
  return assess(ctx, { ticketId: input.ticketId });
}

/** The refund rule (shared/domain/sanbao), refused in words on the amount's field. */
function checkRefund(refundFen: number, paidFen: number | null): void {
  const problem = refundProblem(refundFen, paidFen);
  if (!problem) return;
  const params = { paid: paidFen === null ? '' : formatMoney(paidFen) };
  throw new AppError('VALIDATION', { key: problem, params, fields: { refundFen: { key: `error.${problem}`, params } } });
}

/** The unit taken back no longer belongs to the customer (audited like any device change). */
async function takeBack(tx: Tx, at: string, by: number, deviceId: number, customerId: number | null): Promise<void> {
  if (customerId === null) return;
  await tx.run('UPDATE devices SET customer_id = NULL, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?', [at, by, deviceId]);
  await audit(tx, at, by, 'devices', deviceId, 'update', { customer_id: customerId }, { customer_id: null });
}
