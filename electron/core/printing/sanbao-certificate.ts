/**
 * The 三包 certificate (换货证明 / 退货证明, issue 19): the unit taken back and the new unit, the rule that gave the
 * right, the new unit's 三包 period, and the signatures. Its words follow the print language like every slip.
 */
import { formatMoney } from '../../../shared/domain/money';
import { certificateNumber, lastCoveredDay, type SanbaoCaseKind, type SanbaoRule } from '../../../shared/domain/sanbao';
import type { SlipLanguage } from '../../../shared/domain/printing';
import { localDate } from '../../../shared/domain/time';
import { translate } from '../../../shared/i18n/translate';
import type { CallContext } from '../context';
import { notFound } from '../errors';
import { base, type Common } from './documents';
import type { SlipContent } from './layout';

const zh = {
  exchange: '换货证明',
  return: '退货证明',
  number: '证明编号',
  ticket: '工单号',
  customer: '客户',
  phone: '联系电话',
  model: '产品型号',
  oldSerial: '原机',
  takenBack: '{{serial}}（已收回）',
  newSerial: '新机',
  purchased: '购买日期',
  reported: '报修日期',
  done: '办理日期',
  newPeriod: '新机三包',
  period: '{{from}} 至 {{until}}（自换货之日起重新计算）',
  handledBy: '经办人',
  refund: '退款',
  fault: '故障现象',
  rule: '适用的三包规定',
  decision: '三包判定',
  override: '主管特批：{{reason}}',
  customerSignature: '客户签字',
  clerkSignature: '经办人签字',
  stamp: '服务中心（盖章）',
};

const en: typeof zh = {
  exchange: 'Exchange certificate',
  return: 'Return certificate',
  number: 'Certificate',
  ticket: 'Ticket',
  customer: 'Customer',
  phone: 'Phone',
  model: 'Model',
  oldSerial: 'Old unit',
  takenBack: '{{serial}} (taken back)',
  newSerial: 'New unit',
  purchased: 'Bought on',
  reported: 'Fault reported on',
  done: 'Done on',
  newPeriod: 'New unit’s 三包',
  period: '{{from}} to {{until}} (from the day of the exchange)',
  handledBy: 'Handled by',
  refund: 'Refunded',
  fault: 'Fault',
  rule: '三包 rule applied',
  decision: '三包 decision',
  override: 'Supervisor’s exception: {{reason}}',
  customerSignature: 'Customer signature',
  clerkSignature: 'Clerk signature',
  stamp: 'Service centre (stamp)',
};

const LABELS: Record<SlipLanguage, typeof zh> = { 'zh-CN': zh, en };

const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

export interface CertificateData {
  kind: SanbaoCaseKind;
  ticketNumber: string;
  customerName: string;
  contactPhone: string;
  model: string;
  oldSerial: string;
  newSerial: string | null;
  purchaseDate: string | null;
  reportedAt: string;
  at: string;
  byName: string;
  fault: string;
  rule: SanbaoRule;
  params: Record<string, string>;
  overrideReason: string;
  /** The new unit's 三包 period (desk-local dates), for an exchange. */
  newPeriod: { from: string; until: string } | null;
  /** A return's refund. */
  refund: { fen: number; method: string } | null;
}

export async function certificateData(ctx: Pick<CallContext, 'db' | 'settings'>, caseId: number): Promise<CertificateData> {
  const { timeZone, sanbao } = await ctx.settings.get();
  const r = await ctx.db.get<{
    kind: SanbaoCaseKind; number: string; customer_name: string; contact_phone: string; model: string; product_line: string | null; old_serial: string; new_serial: string | null;
    old_purchase: string | null; new_purchase: string | null; warranty_months: number | null; reported_at: string; created_at: string; by_name: string; fault: string; rule: SanbaoRule; rule_params: string; override_reason: string;
    refunded_fen: number | null; refund_method: string | null;
  }>(
    `SELECT s.kind, t.number, c.name AS customer_name, t.contact_phone, m.code || ' ' || m.name AS model, m.product_line, o.serial AS old_serial, n.serial AS new_serial,
       o.purchase_date AS old_purchase, n.purchase_date AS new_purchase, m.warranty_months, t.reported_at, s.created_at, u.display_name AS by_name, t.fault_description AS fault,
       s.rule, s.rule_params, s.override_reason, s.refunded_fen, s.refund_method
     FROM sanbao_cases s JOIN tickets t ON t.id = s.ticket_id JOIN customers c ON c.id = t.customer_id JOIN devices o ON o.id = s.old_device_id
     JOIN product_models m ON m.id = o.model_id LEFT JOIN devices n ON n.id = s.new_device_id JOIN users u ON u.id = s.created_by WHERE s.id = ?`,
    [caseId],
  );
  if (!r) throw notFound();
  const wholeUnitMonths = sanbao.find((t) => t.productLine === r.product_line)?.wholeUnitMonths ?? r.warranty_months ?? 12;
  return {
    kind: r.kind, ticketNumber: r.number, customerName: r.customer_name, contactPhone: r.contact_phone, model: r.model, oldSerial: r.old_serial, newSerial: r.new_serial,
    purchaseDate: r.old_purchase, reportedAt: localDate(new Date(r.reported_at), timeZone), at: r.created_at, byName: r.by_name, fault: r.fault,
    rule: r.rule, params: JSON.parse(r.rule_params) as Record<string, string>, overrideReason: r.override_reason,
    newPeriod: r.new_purchase ? { from: r.new_purchase, until: lastCoveredDay(r.new_purchase, wholeUnitMonths) } : null,
    refund: r.refunded_fen === null ? null : { fen: r.refunded_fen, method: r.refund_method ?? 'original' },
  };
}

export function sanbaoCertificate(c: Common, d: CertificateData, language: SlipLanguage): SlipContent {
  const L = LABELS[language];
  const decision = translate(language, `sanbaoRight.${d.kind}`) + (d.overrideReason ? `\n${fill(L.override, { reason: d.overrideReason })}` : '');
  return {
    ...base(c, L[d.kind], certificateNumber(d.ticketNumber, d.kind), L.number),
    fields: [
      [L.ticket, d.ticketNumber],
      [L.customer, d.customerName],
      [L.phone, d.contactPhone],
      [L.model, d.model],
      [L.oldSerial, fill(L.takenBack, { serial: d.oldSerial })],
      ...(d.newSerial ? [[L.newSerial, d.newSerial] as [string, string]] : []),
      ...(d.purchaseDate ? [[L.purchased, d.purchaseDate] as [string, string]] : []),
      [L.reported, d.reportedAt],
      [L.done, c.fmt.dateTime(d.at)],
      ...(d.newPeriod ? [[L.newPeriod, fill(L.period, d.newPeriod)] as [string, string]] : []),
      ...(d.refund ? [[L.refund, `${formatMoney(d.refund.fen)} · ${translate(language, `refundMethod.${d.refund.method}`)}`] as [string, string]] : []),
      [L.handledBy, d.byName],
    ],
    blocks: [
      { heading: L.fault, text: d.fault },
      { heading: L.rule, text: translate(language, `sanbaoRule.${d.rule}`, d.params) },
      { heading: L.decision, text: decision },
    ],
    tables: [],
    signatures: [{ label: L.customerSignature }, { label: L.clerkSignature }, { label: L.stamp }],
  };
}
