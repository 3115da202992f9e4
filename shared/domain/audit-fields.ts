/**
 * What a field of the audit trail holds, so that 操作记录 can say it in words: a reference to another
 * record (shown by its name, resolved by the core), a signature, money in fen, a yes/no, or a value
 * from a fixed list with its own words. Fields are the tracked tables' columns (snake_case) or a DTO's
 * keys (camelCase); both are looked up in snake_case.
 */

export type ReferenceKind = 'user' | 'customer' | 'model' | 'device' | 'ticket';

export const fieldKey = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const REFERENCES: Record<string, ReferenceKind> = {
  assigned_to: 'user',
  approved_by: 'user',
  discount_approved_by: 'user',
  reviewer_id: 'user',
  author_id: 'user',
  engineer_id: 'user',
  received_by: 'user',
  taken_by: 'user',
  created_by: 'user',
  updated_by: 'user',
  customer_id: 'customer',
  model_id: 'model',
  device_id: 'device',
  old_device_id: 'device',
  new_device_id: 'device',
  ticket_id: 'ticket',
  source_ticket_id: 'ticket',
};

/** The record a field points at, if it is a reference. */
export function referenceOf(field: string): ReferenceKind | null {
  return REFERENCES[fieldKey(field)] ?? null;
}

/** Yes/no fields (stored as 0/1 or true/false). */
const BOOLEANS = new Set(['touches_core_parts', 'needs_approval', 'pickup_delegate', 'safety_risk', 'reported_before', 'abnormal_noise', 'repeat_repair', 'consumable', 'serial_tracked', 'active', 'key_account', 'cancelled', 'discount_needs_approval', 'is_repeat']);

/**
 * Fields whose values have words of their own: the i18n prefix of those words (the renderer's
 * dictionary, shared enums first). A field that means different things per table is keyed table.field.
 */
const WORDS: Record<string, string> = {
  'tickets.status': 'status',
  'returned_devices.state': 'returnState',
  'knowledge_articles.state': 'articleState',
  'quotes.status': 'ui.fees.quoteStatus',
  channel: 'channel',
  urgency: 'urgency',
  problem_type: 'problemType',
  warranty_status: 'warranty',
  fault_frequency: 'frequency',
  satisfaction: 'report.satisfaction',
  role: 'role',
  'customers.kind': 'customerKind',
  salutation: 'salutation',
  'parts.unit': 'partUnit',
  'sanbao_cases.kind': 'sanbaoCaseKind',
  refund_method: 'refundMethod',
  'maintenance_plans.unit': 'intervalUnit',
  service_mode: 'ui.lifecycle.plan.mode',
  pause_reason: 'ui.lifecycle.pause.reasons',
  consent_channel: 'ui.lifecycle.consent.channels',
  function_test: 'ui.lifecycle.progress.functionTests',
  method: 'ui.fees.payMethod',
  'loaners.state': 'ui.factory.loanerState',
  'loaners.condition': 'ui.factory.condition',
  return_condition: 'ui.factory.condition',
  'factory_returns.state': 'ui.factory.returnState',
  'defective_items.kind': 'ui.factory.kind',
  origin: 'ui.factory.origin',
};

export type FieldKind = { ref: ReferenceKind } | { words: string } | 'signature' | 'money' | 'boolean' | 'plain';

export function fieldKind(entity: string, field: string): FieldKind {
  const key = fieldKey(field);
  const ref = REFERENCES[key];
  if (ref) return { ref };
  if (key.endsWith('_signature_id')) return 'signature';
  if (key.endsWith('_fen')) return 'money';
  if (BOOLEANS.has(key)) return 'boolean';
  const words = WORDS[`${entity}.${key}`] ?? WORDS[key];
  return words ? { words } : 'plain';
}

/** The key under which the core names a referenced record for the trail ("user:4"). */
export const referenceName = (kind: ReferenceKind, id: unknown): string => `${kind}:${String(id)}`;
