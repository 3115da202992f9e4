/**
 * Fees: two versions of the fee standard (a mid-2024 price rise of labour, expenses and the catalogue's part
 * prices: bills before it priced parts at the old catalogue prices, the standards themselves hold no parts), a bill for resolved on-site and depot repairs
 * the customer pays for (out of warranty, unknown warranty, consumables), computed by the app's own fee rules
 * (shared/domain/fees) so lines, discount, tax and total are what the desk would have stored, and payments:
 * most bills paid (on the spot or later), some partly, some still owed.
 */
import { packJson } from '../../electron/core/db/packed-json';
import type Database from 'better-sqlite3';
import { calculateFees, type Difficulty, type Discount, type FeeCalc, type FeeRules, type LineInput, type PartPrice } from '../../shared/domain/fees';
import type { PAYMENT_METHODS } from '../../shared/api/fees.schema';
import type { Rng } from './prng';
import { after, DAY, END, HOUR, iso, localDate, MINUTE, type CatalogueModel, type Staff, type TicketFacts } from './generate-facts';
import type { Catalogue, Usage } from './generate-parts';
import { PRODUCT_LINES } from './vocab';
import { EXPENSES, labourRates, TERMS } from '../../electron/core/services/demo/desk-rules';

interface Standard {
  id: number;
  effectiveFrom: string;
  rules: FeeRules;
  /** The catalogue's part prices while this standard was in effect (today's catalogue holds the later ones). */
  parts: PartPrice[];
}

/** Per product line (PRODUCT_LINES order): today's labour per visit (fen) at standard difficulty. */
const VISIT_FEN = [8_000, 8_000, 7_000, 5_000, 6_000, 7_000];
/** Per product line: a model's value (fen), for the repair-or-replace suggestion. */
const MODEL_VALUE_FEN = [420_000, 360_000, 280_000, 350_000, 420_000, 260_000];
const RISE_FROM = '2024-07-01';
/** Prices before the rise: today's / 1.08, to the yuan. */
const before = (fen: number) => Math.round(fen / 1.08 / 100) * 100;

/** The fee standard's shape is the demo desk's (desk-rules): labour per line and difficulty, expenses, terms. */
function rules(catalogue: Catalogue, models: CatalogueModel[], old: boolean): FeeRules {
  const price = (fen: number) => (old ? before(fen) : fen);
  return {
    labour: PRODUCT_LINES.flatMap((p, l) => labourRates(p.line, VISIT_FEN[l]!, price)),
    calloutFen: price(EXPENSES.calloutFen),
    travelPerTripFen: price(EXPENSES.travelPerTripFen),
    travelPerKmFen: old ? 200 : EXPENSES.travelPerKmFen,
    lodgingPerNightFen: price(EXPENSES.lodgingPerNightFen),
    mealsPerDayFen: price(EXPENSES.mealsPerDayFen),
    ...TERMS,
    modelValues: models.map((m, k) => ({ modelId: m.id, valueFen: Math.round((MODEL_VALUE_FEN[m.line]! * (0.8 + (k % 10) * 0.05)) / 100) * 100 })),
  };
}

export function insertStandards(db: Database.Database, catalogue: Catalogue, models: CatalogueModel[]): Standard[] {
  const ins = db.prepare('INSERT INTO fee_standards (effective_from, note, rules, created_at, created_by) VALUES (?, ?, ?, ?, 1)');
  const versions: [string, string, string, FeeRules][] = [
    ['2021-11-01', '收费标准（2021 版）', '2021-10-25T02:00:00.000Z', rules(catalogue, models, true)],
    [RISE_FROM, '2024 年 7 月起人工与配件调价', '2024-06-20T02:00:00.000Z', rules(catalogue, models, false)],
  ];
  return versions.map(([effectiveFrom, note, at, r], k) => ({
    id: Number(ins.run(effectiveFrom, note, JSON.stringify(r), at).lastInsertRowid), effectiveFrom, rules: r,
    parts: catalogue.parts.map((p) => ({ partNo: p.partNo, name: p.name, priceFen: k === 0 ? before(p.priceFen) : p.priceFen, consumable: p.consumable, active: true })),
  }));
}

export interface BillDraft {
  billedAt: number;
  billedOn: string;
  standard: Standard;
  lines: LineInput[];
  discount: Discount;
  calc: FeeCalc;
  /** Who wrote the bill: the engineer on site, the desk for a depot repair. */
  by: number;
}

/**
 * A bill for a resolved on-site or depot repair the customer pays for: out of warranty (nearly always), unknown
 * warranty (often: some customers then show the invoice), or consumables fitted in warranty. Written shortly after
 * the repair (sometimes days later), never after the bench's today; a bill whose total is zero is not written.
 */
export function billFor(rng: Rng, t: TicketFacts, used: Usage[], standards: Standard[]): BillDraft | null {
  if (t.resolvedAt === null || (t.mode !== 'onsite' && t.mode !== 'depot')) return null;
  const charged = t.warranty === 'out' ? rng.next() < 0.95 : t.warranty === 'unknown' ? rng.next() < 0.5 : used.some((u) => u.part.consumable);
  if (!charged) return null;
  const billedAt = rng.next() < 0.85 ? after(rng, t.resolvedAt, 5 * MINUTE, 2 * HOUR) : after(rng, t.resolvedAt, DAY, 7 * DAY);
  if (billedAt > END) return null;
  const billedOn = localDate(billedAt);
  const standard = billedOn >= RISE_FROM ? standards[1]! : standards[0]!;
  const lines: LineInput[] = [];
  if (t.line === null) {
    lines.push({ kind: 'other', description: '检测维修费', unitFen: 8_000, quantity: 1 });
  } else {
    const difficulty: Difficulty = used.some((u) => u.part.tracked) ? 'complex' : used.length > 0 ? 'standard' : t.problemType === 'maintenance' || rng.next() < 0.4 ? 'basic' : 'standard';
    const hours = rng.next() < 0.2;
    lines.push({ kind: 'labour', productLine: PRODUCT_LINES[t.line]!.line, difficulty, unit: hours ? 'hour' : 'visit', quantity: hours ? rng.pick([1, 1.5, 2, 2.5, 3]) : 1 });
  }
  if (t.mode === 'onsite') {
    lines.push({ kind: 'callout', quantity: 1 });
    if (rng.next() < 0.35) lines.push({ kind: 'travel', unit: 'km', quantity: 5 + rng.int(36) });
  } else if (rng.next() < 0.2) {
    lines.push({ kind: 'other', description: '返修快递费', unitFen: 2_000, quantity: 1 });
  }
  for (const u of used) lines.push({ kind: 'part', partNo: u.part.partNo, quantity: u.quantity });
  const discount = rng.weighted<Discount>([
    [{ kind: 'none' }, 88],
    [{ kind: 'amount', fen: (1 + rng.int(5)) * 1_000 }, 8],
    [{ kind: 'share', bp: rng.pick([500, 800, 1_000, 1_500, 2_000]) }, 4],
  ]);
  const decision = { status: t.warranty, repeatRepair: false, previousRepairDate: null };
  const args = { rules: standard.rules, parts: standard.parts, decision, lines, modelId: t.modelId };
  let outcome = calculateFees({ ...args, discount });
  // An amount off larger than what is charged is refused by the rules: no discount then.
  if (!outcome.ok && discount.kind !== 'none') outcome = calculateFees({ ...args, discount: { kind: 'none' } });
  if (!outcome.ok) throw new Error(`bench fees for ticket ${t.id}: ${JSON.stringify(outcome.problems)}`);
  if (outcome.value.totalFen <= 0) return null;
  const by = t.mode === 'onsite' ? t.engineer ?? t.clerk : t.clerk;
  return { billedAt, billedOn, standard, lines, discount: outcome.value.discountFen > 0 ? discount : { kind: 'none' }, calc: outcome.value, by };
}

type Method = (typeof PAYMENT_METHODS)[number];
const METHODS: [Method, number][] = [['wechat', 38], ['alipay', 27], ['cash', 12], ['card', 10], ['bank_transfer', 13]];

/** Writes bills and their payments (bills.paid_fen and balance_fen agree with the payments written). */
export class FeeWriter {
  bills = 0;
  payments = 0;
  private readonly bill: Database.Statement;
  private readonly payment: Database.Statement;

  constructor(db: Database.Database, private readonly staff: Staff) {
    this.bill = db.prepare(`INSERT INTO bills (ticket_id, customer_id, quote_id, billed_on, standard_id, warranty_status, repeat_repair, previous_repair_date, input, calc, total_fen, note,
        quote_total_fen, discount_needs_approval, discount_approved_at, discount_approved_by, paid_fen, balance_fen, consent_at, consent_channel, created_at, updated_at, created_by, updated_by, version)
      VALUES (?, ?, NULL, ?, ?, ?, 0, NULL, ?, ?, ?, '', NULL, ?, ?, ?, ?, ?, ?, 'phone', ?, ?, ?, ?, ?)`);
    this.payment = db.prepare('INSERT INTO payments (bill_id, method, amount_fen, paid_at, receipt_no, taken_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  /**
   * Payments: 85 % paid in full (on the spot mostly, some by transfer weeks later, a tenth in two instalments),
   * 7 % partly paid, 8 % not paid yet; a payment falling after the bench's today has not happened.
   */
  write(rng: Rng, t: TicketFacts, b: BillDraft): void {
    const total = b.calc.totalFen;
    const approvedAt = b.calc.discountNeedsApproval ? after(rng, b.billedAt, 10 * MINUTE, 3 * HOUR) : null;
    const from = approvedAt ?? b.billedAt;
    const when = () => (rng.next() < 0.75 ? after(rng, from, MINUTE, 30 * MINUTE) : after(rng, from, DAY, 45 * DAY));
    const outcome = rng.weighted([['paid', 85], ['partly', 7], ['open', 8]] as const);
    const planned: [number, number][] = [];
    if (outcome === 'paid' && rng.next() < 0.1 && total >= 1_000) {
      const first = Math.round((total * (0.3 + rng.next() * 0.3)) / 100) * 100;
      const at = when();
      planned.push([first, at], [total - first, after(rng, at, DAY, 20 * DAY)]);
    } else if (outcome === 'paid' || (outcome === 'partly' && total < 1_000)) {
      planned.push([total, when()]);
    } else if (outcome === 'partly') {
      planned.push([Math.max(100, Math.round((total * (0.2 + rng.next() * 0.5)) / 100) * 100), when()]);
    }
    // On site the engineer takes the money paid there and then; otherwise the desk.
    const made = planned.filter(([, at]) => at <= END).map(([amount, at]) => ({ amount, at, by: t.mode === 'onsite' && at - from < HOUR ? b.by : rng.pick(this.staff.clerks) }));
    const paid = made.reduce((s, p) => s + p.amount, 0);
    const lastPayment = made[made.length - 1];
    const [updatedAt, updatedBy] = lastPayment ? [lastPayment.at, lastPayment.by] : approvedAt !== null ? [approvedAt, this.staff.supervisor] : [b.billedAt, b.by];
    const billId = Number(
      this.bill.run(
        t.id, t.customerId, b.billedOn, b.standard.id, t.warranty, packJson({ lines: b.lines, discount: b.discount }), packJson(b.calc), total,
        b.calc.discountNeedsApproval ? 1 : 0, approvedAt === null ? null : iso(approvedAt), approvedAt === null ? null : this.staff.supervisor,
        // The customer agreed to the charge before the work (no money without consent: bills.create's rule).
        paid, total - paid, iso(b.billedAt), iso(b.billedAt), iso(updatedAt), b.by, updatedBy, 1 + made.length + (approvedAt === null ? 0 : 1),
      ).lastInsertRowid,
    );
    this.bills++;
    const method = rng.weighted(METHODS);
    for (const p of made) {
      this.payments++;
      this.payment.run(billId, method, p.amount, iso(p.at), `SK${localDate(p.at).replace(/-/g, '')}${String(this.payments).padStart(7, '0')}`, p.by, iso(p.at));
    }
  }
}
