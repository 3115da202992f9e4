/**
 * Part prices in one place (issue 21): the parts catalogue (备件库存) prices quotes and bills; a bill keeps the
 * accepted quote's price; fee standards hold no parts; the migration moves standard-only parts into the catalogue.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import type { Client } from '../../electron/core/context';
import { entities } from '../../electron/core/db/entities';
import { migrations } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, tempDir, type Harness } from './harness';

const RULES: InputOf<'fees.standard.publish'>['rules'] = { labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 5_000 }] };
const LABOUR = { kind: 'labour', productLine: '家电', difficulty: 'standard', unit: 'visit', quantity: 1 } as const;
const part = (partNo: string, quantity = 1) => ({ kind: 'part' as const, partNo, quantity });

describe('the parts catalogue prices quotes and bills', () => {
  let h: Harness;
  let c: Record<Role, Client>;
  let ticketId: number;

  beforeEach(async () => {
    h = await openHarness();
    c = await h.signedIn();
    const model = await h.ok(c.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 });
    await h.ok(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-11-24', rules: RULES });
    await h.ok(c.supervisor, 'parts.create', { partNo: 'CMP-1', name: '压缩机', priceFen: 120_000 });
    await h.ok(c.supervisor, 'parts.create', { partNo: 'FLT-1', name: '滤网', priceFen: 3_500, consumable: true });
    const t = await h.ok(c.clerk, 'tickets.create', intake({ newDevice: { serial: 'SN-OUT-1', modelId: model.id, purchaseDate: '2020-01-01', purchaseChannel: '', installDate: null, warrantyEnd: null } }));
    ticketId = t.id;
  });
  afterEach(() => h.close());

  async function setPrice(partNo: string, patch: { priceFen?: number; active?: boolean }) {
    const p = await h.ok(c.supervisor, 'parts.get', { partNo });
    const { id, version, partNo: no, name, models, priceFen, unit, consumable, serialTracked, minStock, location, active } = p;
    await h.ok(c.supervisor, 'parts.update', { id, version, partNo: no, name, models, priceFen, unit, consumable, serialTracked, minStock, location, active, ...patch });
  }

  it('a price changed in 备件库存 shows in the next quote and the calculator; the earlier quote keeps its price', async () => {
    const q1 = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: [LABOUR, part('CMP-1')] });
    expect(q1.calc.lines[1]).toMatchObject({ description: '压缩机 (CMP-1)', unitFen: 120_000 });
    await setPrice('CMP-1', { priceFen: 130_000 });
    const preview = await h.ok(c.clerk, 'fees.calculate', { ticketId, lines: [part('CMP-1')] });
    expect(preview.calc.lines[0]!.unitFen).toBe(130_000);
    const q2 = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: [LABOUR, part('CMP-1')] });
    expect([q2.calc.lines[1]!.unitFen, q2.calc.totalFen]).toEqual([130_000, 138_000]);
    const old = (await h.ok(c.clerk, 'quotes.get', { ticketId })).quotes.find((q) => q.id === q1.id)!;
    expect([old.calc.lines[1]!.unitFen, old.calc.totalFen]).toEqual([120_000, 128_000]);
  });

  it("a bill after the change keeps the accepted quote's price; a part added on the bill takes today's catalogue price", async () => {
    const q = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: [LABOUR, part('CMP-1')] });
    await h.ok(c.clerk, 'quotes.consent', { id: q.id, version: q.version, channel: 'phone' });
    await setPrice('CMP-1', { priceFen: 150_000 });
    await setPrice('FLT-1', { priceFen: 4_000 });
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: [LABOUR, part('CMP-1'), part('FLT-1')] });
    expect(bill.calc.lines.map((l) => l.unitFen)).toEqual([8_000, 120_000, 4_000]);
    expect([bill.quoteTotalFen, bill.calc.totalFen, bill.differenceFen]).toEqual([128_000, 132_000, 4_000]);
  });

  it("a part taken out of the catalogue is refused on a new quote, in words; a bill still honours the quote that had it", async () => {
    const q = await h.ok(c.clerk, 'quotes.create', { ticketId, lines: [LABOUR, part('CMP-1')] });
    await h.ok(c.clerk, 'quotes.consent', { id: q.id, version: q.version, channel: 'phone' });
    await setPrice('CMP-1', { active: false });
    const refused = await h.call(c.clerk, 'quotes.create', { ticketId, lines: [LABOUR, part('CMP-1')] });
    expect(refused.ok === false && refused.error.fields?.['lines.1']).toBe('配件 CMP-1 已在备件库存中停用，不能再报价或收费。');
    const unknown = await h.call(c.clerk, 'fees.calculate', { ticketId, lines: [part('NOPE-1')] });
    expect(unknown.ok === false && unknown.error.fields?.['lines.0']).toBe('备件库存中没有配件 NOPE-1。');
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: [LABOUR, part('CMP-1')] });
    expect(bill.calc.totalFen).toBe(128_000);
  });

  it('a standard with a part list is refused in words on its field; the published standard holds no parts', async () => {
    const rules = { ...RULES, parts: [{ partNo: 'CMP-1', name: '压缩机', priceFen: 1, consumable: false }] };
    const refused = await h.call(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-12-01', rules });
    expect(refused.ok === false && refused.error.fields?.['rules.parts']).toBe('配件价格在备件库存中维护，收费标准不再包含配件价目');
    const published = await h.ok(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-12-01', rules: { ...RULES, parts: [] } });
    expect('parts' in published.rules).toBe(false);
    const [row] = await h.core.db.query<{ rules: string }>('SELECT rules FROM fee_standards WHERE id = ?', [published.id]);
    expect(JSON.parse(row!.rules)).not.toHaveProperty('parts');
  });
});

describe('migration 1764945000000-part-prices', () => {
  const at = '2026-11-01T02:00:00.000Z';
  const tracked = `'${at}', '${at}', NULL, NULL, 1`;
  const rules = (parts: unknown[]) => JSON.stringify({ ...RULES, calloutFen: 0, parts });

  it('copies parts found only in stored standards into the catalogue (latest price and flag, no stock); stored standards stay as they were', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.sqlite');
    const index = migrations.findIndex((m) => m.name === 'PartPrices1764945000000');
    const old = new DataSource({ type: 'better-sqlite3', database: file, entities, migrations: migrations.slice(0, index) });
    await old.initialize();
    await old.runMigrations();
    await old.query(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at, created_by, updated_by, version) VALUES ('admin', '管理员', 'admin', 'x', ${tracked})`);
    await old.query(`INSERT INTO parts (part_no, name, models, price_fen, consumable, serial_tracked, min_stock, location, active, on_hand, created_at, updated_at, created_by, updated_by, version)
      VALUES ('CMP-1', '压缩机（库存）', '[]', 125000, 0, 0, 1, 'A-1', 1, 3, ${tracked})`);
    const first = rules([{ partNo: 'CMP-1', name: '压缩机', priceFen: 120000, consumable: false }, { partNo: 'flt-1', name: '滤网', priceFen: 3000, consumable: false }]);
    const second = rules([{ partNo: 'FLT-1', name: '滤网（新）', priceFen: 3500, consumable: true }, { partNo: 'GSK-2', name: '密封圈', priceFen: 800, consumable: true }, { partNo: '', name: 'x', priceFen: 1 }]);
    await old.query('INSERT INTO fee_standards (effective_from, note, rules, created_at, created_by) VALUES (?, ?, ?, ?, 1), (?, ?, ?, ?, 1)', ['2026-01-01', 'v1', first, at, '2026-06-01', 'v2', second, at]);
    await old.destroy();

    const db = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
    const parts = await db.query<{ part_no: string; name: string; price_fen: number; consumable: number; active: number; on_hand: number; created_by: number }>(
      'SELECT part_no, name, price_fen, consumable, active, on_hand, created_by FROM parts ORDER BY part_no',
    );
    expect(parts).toEqual([
      { part_no: 'CMP-1', name: '压缩机（库存）', price_fen: 125_000, consumable: 0, active: 1, on_hand: 3, created_by: null },
      { part_no: 'FLT-1', name: '滤网（新）', price_fen: 3_500, consumable: 1, active: 1, on_hand: 0, created_by: 1 },
      { part_no: 'GSK-2', name: '密封圈', price_fen: 800, consumable: 1, active: 1, on_hand: 0, created_by: 1 },
    ]);
    const audited = await db.query<{ entity: string; action: string }>("SELECT entity, action FROM audit_log WHERE entity = 'parts'");
    expect(audited).toHaveLength(2);
    const stored = await db.query<{ rules: string }>('SELECT rules FROM fee_standards ORDER BY id');
    expect(stored.map((r) => r.rules)).toEqual([first, second]);
    await db.close();
  });
});
