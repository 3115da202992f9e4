/**
 * Fee standards (收费标准): published by the admin as versions with an effective date; a version is never changed.
 * A standard holds labour, expenses, tax and warranty terms; part prices live in the parts catalogue (备件库存).
 */
import type { ParsedInputOf } from '../../../../shared/api/contract';
import type { FeeStandard, FeeStandards, FeePreview } from '../../../../shared/domain/fee-records';
import { decideWarranty } from '../../../../shared/domain/fees';
import { localDate } from '../../../../shared/domain/time';
import { actor, type CallContext } from '../../context';
import { AppError } from '../../errors';
import { audit } from '../audit';
import { calculateOrRefuse, cataloguePrices, currentStandard, decisionOf, parseRules, standardAt, ticketFacts, type StandardRow } from './common';

const toStandard = (r: StandardRow): FeeStandard => ({ id: r.id, effectiveFrom: r.effective_from, note: r.note, rules: parseRules(r), createdAt: r.created_at });

export async function today(ctx: CallContext): Promise<string> {
  return localDate(ctx.now(), (await ctx.settings.get()).timeZone);
}

export async function getStandards(ctx: CallContext, input: ParsedInputOf<'fees.standard.get'>): Promise<FeeStandards> {
  const date = input.date ?? (await today(ctx));
  const current = await standardAt(ctx.db, date);
  const versions = await ctx.db.query<StandardRow>('SELECT id, effective_from, note, created_at FROM fee_standards ORDER BY effective_from DESC, id DESC LIMIT 200');
  return { current: current ? toStandard(current) : null, versions: versions.map((r) => ({ id: r.id, effectiveFrom: r.effective_from, note: r.note, createdAt: r.created_at })) };
}

/** A new version; past dates are refused, so no quote already made can find itself under another standard. */
export async function publishStandard(ctx: CallContext, input: ParsedInputOf<'fees.standard.publish'>): Promise<FeeStandard> {
  const at = ctx.now().toISOString();
  const by = actor(ctx).id;
  if (input.effectiveFrom < (await today(ctx))) {
    throw new AppError('VALIDATION', { key: 'fees.backdated', fields: { effectiveFrom: { key: 'error.fees.backdated', params: {} } } });
  }
  const { parts: _none, ...rules } = input.rules;
  const id = await ctx.db.write(async (tx) => {
    const values = { effective_from: input.effectiveFrom, note: input.note, rules: JSON.stringify(rules), created_at: at, created_by: by };
    const newId = await tx.insert('fee_standards', values);
    await audit(tx, at, by, 'fee_standards', newId, 'create', null, values);
    return newId;
  });
  ctx.notify('fees');
  return { id, effectiveFrom: input.effectiveFrom, note: input.note, rules, createdAt: at };
}

/** The calculator's answer without saving: for a ticket, or a phone estimate by warranty status and model. */
export async function preview(ctx: CallContext, input: ParsedInputOf<'fees.calculate'>): Promise<FeePreview> {
  const date = await today(ctx);
  const standard = await currentStandard(ctx.db, date);
  const rules = parseRules(standard);
  let decision = decideWarranty(input.warranty, date, null, rules.repairWarrantyDays);
  let modelId = input.modelId;
  if (input.ticketId !== null) {
    const facts = await ticketFacts(ctx.db, input.ticketId, date, (await ctx.settings.get()).timeZone);
    decision = decisionOf(facts, date, rules);
    modelId = facts.modelId;
  }
  const parts = await cataloguePrices(ctx.db, input.lines);
  return { standardId: standard.id, decision, calc: calculateOrRefuse({ rules, parts, decision, lines: input.lines, discount: input.discount, modelId }) };
}
