/**
 * 操作记录 says every change in words: each column of every tracked table has a name in both languages,
 * each field with fixed values has words for each value, and a reference (an engineer, a customer, a
 * model) comes with the name of the record it points at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intake, openHarness, type Harness } from './harness';
import { fieldKind } from '../../shared/domain/audit-fields';
import { zhCN } from '../../shared/i18n/zh-CN';
import { en } from '../../shared/i18n/en';
import { uiZhCN } from '../../renderer/src/i18n/zh-CN';
import { uiEn } from '../../renderer/src/i18n/en';
import { TICKET_STATUSES } from '../../shared/domain/ticket';
import { RETURN_STATES } from '../../shared/domain/returns';
import { ARTICLE_STATES } from '../../shared/domain/knowledge';
import { CONSENT_CHANNELS, SERVICE_MODES } from '../../shared/api/lifecycle.schema';
import { PAYMENT_METHODS } from '../../shared/api/fees.schema';
import { REFUND_METHODS, SANBAO_CASE_KINDS } from '../../shared/domain/sanbao';

const TRACKED = ['tickets', 'returned_devices', 'quotes', 'bills', 'payments', 'knowledge_articles', 'customers', 'devices', 'product_models', 'parts', 'users', 'maintenance_plans', 'fee_standards', 'bookings', 'ticket_labour', 'official_holidays', 'sanbao_cases', 'loaners', 'loans', 'defective_items', 'factory_returns', 'factory_return_lines'];
const NOT_SHOWN = new Set(['id', 'password_hash']);

const dictionaries = { 'zh-CN': { ...zhCN, ui: uiZhCN }, en: { ...en, ui: uiEn } };
const lookup = (dict: object, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), dict);

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

describe('the words of the audit trail', () => {
  it('name every column of every tracked table, in Chinese and English', async () => {
    for (const table of TRACKED) {
      const columns = await h.core.db.query<{ name: string }>(`PRAGMA table_info(${table})`);
      expect(columns.length, table).toBeGreaterThan(0);
      for (const { name } of columns) {
        if (NOT_SHOWN.has(name)) continue;
        for (const [locale, dict] of Object.entries(dictionaries)) expect(lookup(dict, `ui.audit.field.${name}`), `${locale} ${table}.${name}`).toEqual(expect.any(String));
      }
    }
  });

  it.each([
    ['tickets', 'status', TICKET_STATUSES],
    ['returned_devices', 'state', RETURN_STATES],
    ['knowledge_articles', 'state', ARTICLE_STATES],
    ['tickets', 'service_mode', SERVICE_MODES],
    ['tickets', 'consent_channel', CONSENT_CHANNELS],
    ['payments', 'method', PAYMENT_METHODS],
    ['sanbao_cases', 'kind', SANBAO_CASE_KINDS],
    ['sanbao_cases', 'refund_method', REFUND_METHODS],
    ['tickets', 'satisfaction', ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied']],
    ['tickets', 'pause_reason', ['customer', 'parts']],
  ] as const)('say each value of %s.%s in words', (entity, field, values) => {
    const kind = fieldKind(entity, field);
    expect(typeof kind === 'object' && 'words' in kind).toBe(true);
    const prefix = (kind as { words: string }).words;
    for (const value of values) for (const [locale, dict] of Object.entries(dictionaries)) expect(lookup(dict, `${prefix}.${value}`), `${locale} ${prefix}.${value}`).toEqual(expect.any(String));
  });

  it.each([
    ['tickets', 'assigned_to', { ref: 'user' }],
    ['tickets', 'acceptance_signature_id', 'signature'],
    ['bills', 'balance_fen', 'money'],
    ['tickets', 'touches_core_parts', 'boolean'],
    ['devices', 'modelId', { ref: 'model' }],
    ['tickets', 'fault_description', 'plain'],
  ] as const)('know what %s.%s holds', (entity, field, kind) => {
    expect(fieldKind(entity, field)).toEqual(kind);
  });
});

describe('audit.list', () => {
  it('names the engineer a ticket was dispatched to', async () => {
    const { admin, clerk, supervisor } = await h.signedIn();
    await h.ok(admin, 'users.create', { username: 'zhang', displayName: '张工', role: 'engineer', password: 'zhang-pass-1' });
    const engineerId = (await h.ok(supervisor, 'users.engineers', {})).find((u) => u.displayName === '张工')!.id;
    const { id } = await h.ok(clerk, 'tickets.create', intake());
    const moved = async (input: Record<string, unknown>) => {
      const t = await h.ok(supervisor, 'tickets.get', { id });
      await h.ok(supervisor, 'tickets.move', { id, version: t.version, ...input } as never);
    };
    await moved({ move: 'startDiagnosis', remoteGuidance: '' });
    await moved({ move: 'submitPlan', serviceMode: 'onsite', diagnosis: '漏氟', repairPlan: '补焊', estimateFen: 0, touchesCoreParts: false });
    await moved({ move: 'dispatch', engineerId });
    const page = await h.ok(admin, 'audit.list', { page: 1, pageSize: 50, actorId: null, entity: 'tickets', entityId: id, action: 'update', from: null, to: null, q: null });
    const dispatch = page.rows.find((r) => 'assigned_to' in r.changes)!;
    expect(dispatch.changes.assigned_to).toEqual([null, engineerId]);
    expect(dispatch.names).toEqual({ [`user:${engineerId}`]: '张工' });
  });
});
