/**
 * Money on demo tickets, in the order the desk takes it: a quote, the customer's consent to it, the bill once the
 * work is done (never a chargeable bill without consent), payments in full or in part, and the customer's signed
 * acknowledgement of what is left. Step factories for DemoTicket.then.
 */
import type { InputOf } from '../../../../shared/api/contract';
import { SIGNATURE, type DemoTicket, type Step } from './ticket';
import type { Actor } from './runner';

export type FeeLine = InputOf<'quotes.create'>['lines'][number];
type Discount = InputOf<'bills.create'>['discount'];

/** Typical lines: labour for the model's line, the call-out on site, the parts fitted. */
export const labour = (productLine: '家电' | '电子', difficulty: 'basic' | 'standard' | 'complex' = 'standard'): FeeLine => ({ kind: 'labour', productLine, difficulty, unit: 'visit', quantity: 1 });
export const callout: FeeLine = { kind: 'callout', quantity: 1 };
export const travelKm = (km: number): FeeLine => ({ kind: 'travel', unit: 'km', quantity: km });
export const partLine = (partNo: string, quantity = 1): FeeLine => ({ kind: 'part', partNo, quantity });

export const quote =
  (who: Actor, lines: FeeLine[], note = ''): Step =>
  async (t) => {
    t.quoteId = (await t.run.call(who, 'quotes.create', { ticketId: t.id, lines, note })).id;
  };

/** The customer agrees to the latest quote: on site with a signature, otherwise by phone or online. */
export const consentQuote =
  (who: Actor, channel: 'onsite' | 'phone' | 'online', note = ''): Step =>
  async (t) =>
    t.run.call(who, 'quotes.consent', { id: t.quoteId, version: await t.run.version('quotes', t.quoteId), channel, signature: channel === 'onsite' ? SIGNATURE : null, note });

export const bill =
  (who: Actor, lines: FeeLine[], discount: Discount = { kind: 'none' }, note = ''): Step =>
  async (t) => {
    t.billId = (await t.run.call(who, 'bills.create', { ticketId: t.id, lines, discount, note })).id;
  };

export const approveDiscount =
  (who: Actor): Step =>
  async (t) =>
    t.run.call(who, 'bills.approveDiscount', { id: t.billId, version: await t.run.version('bills', t.billId) });

/** A payment: the whole balance, or a share of the bill's total (rounded to the yuan). */
export const pay =
  (who: Actor, method: 'cash' | 'bank_transfer' | 'wechat' | 'alipay' | 'card', share: 'balance' | number = 'balance'): Step =>
  async (t: DemoTicket) => {
    const row = await t.run.deps.db.get<{ total_fen: number; balance_fen: number }>('SELECT total_fen, balance_fen FROM bills WHERE id = ?', [t.billId]);
    const amountFen = share === 'balance' ? row!.balance_fen : Math.round((row!.total_fen * share) / 100) * 100;
    return t.run.call(who, 'payments.record', { billId: t.billId, method, amountFen, receiptNo: `SK${t.number.slice(2)}` });
  };

/** 发票收讫回执: the customer signs for the balance left unpaid, with the date they promise to pay. */
export const acknowledge =
  (who: Actor, promisedDate: string | null, note = ''): Step =>
  async (t) =>
    t.run.call(who, 'payments.acknowledgeBalance', { billId: t.billId, version: await t.run.version('bills', t.billId), signature: SIGNATURE, promisedDate, note });
