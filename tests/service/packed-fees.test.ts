/** Bills and quotes keep their fee input and calculation packed (issue 17); rows written before as JSON text read the same. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { unpackJson } from '../../electron/core/db/packed-json';
import { intake, openHarness, type Harness } from './harness';

const RULES: InputOf<'fees.standard.publish'>['rules'] = {
  labour: [{ productLine: '家电', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 5_000 }],
  lodgingPerNightFen: 20_000,
  discountApprovalShareBp: 1_000,
};
const LINES: InputOf<'quotes.create'>['lines'] = [{ kind: 'labour', productLine: '家电', difficulty: 'standard', unit: 'visit', quantity: 1 }, { kind: 'part', partNo: 'CMP-1', quantity: 1 }];

let h: Harness;
let c: Record<Role, Client>;
let ticketId: number;

beforeAll(async () => {
  h = await openHarness();
  c = await h.signedIn();
  const model = await h.ok(c.admin, 'models.create', { code: 'KFR-35', name: '空调', productLine: '家电', warrantyMonths: 12 });
  await h.ok(c.admin, 'fees.standard.publish', { effectiveFrom: '2026-11-24', rules: RULES });
  await h.ok(c.supervisor, 'parts.create', { partNo: 'CMP-1', name: '压缩机 "R32"', priceFen: 120_000 });
  ({ id: ticketId } = await h.ok(c.clerk, 'tickets.create', intake({ newDevice: { serial: 'SN-PACK-1', modelId: model.id, purchaseDate: '2020-01-01', purchaseChannel: '', installDate: null, warrantyEnd: null } })));
  await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES, discount: { kind: 'amount', fen: 5_000 } });
  await h.ok(c.clerk, 'bills.create', { ticketId, lines: LINES, consent: { channel: 'phone', signature: null, note: '', informed: true } });
});
afterAll(() => h.close());

describe('packed fee JSON', () => {
  it('stores bills and quotes packed, and they read back identically as JSON text written before', async () => {
    const stored = await h.core.db.query<{ t: string; i: string; c: string }>(
      "SELECT 'bills' AS t, typeof(input) AS i, typeof(calc) AS c FROM bills UNION ALL SELECT 'quotes', typeof(input), typeof(calc) FROM quotes",
    );
    expect(stored).toEqual([{ t: 'bills', i: 'blob', c: 'blob' }, { t: 'quotes', i: 'blob', c: 'blob' }]);
    const packed = await h.ok(c.clerk, 'quotes.get', { ticketId });
    expect(packed.bill?.calc.totalFen).toBeGreaterThan(0);
    expect(packed.bill?.lines.map((l) => l.kind)).toEqual(['labour', 'part']);
    expect(packed.quotes[0]?.discount).toEqual({ kind: 'amount', fen: 5_000 });
    await h.core.db.write(async (tx) => {
      for (const table of ['bills', 'quotes']) {
        for (const r of await tx.query<{ id: number; input: Uint8Array; calc: Uint8Array }>(`SELECT id, input, calc FROM ${table}`)) {
          await tx.run(`UPDATE ${table} SET input = ?, calc = ? WHERE id = ?`, [JSON.stringify(unpackJson(r.input)), JSON.stringify(unpackJson(r.calc)), r.id]);
        }
      }
    });
    expect((await h.core.db.query<{ i: string }>('SELECT typeof(input) AS i FROM bills'))[0]?.i).toBe('text');
    expect(await h.ok(c.clerk, 'quotes.get', { ticketId })).toEqual(packed);
  });
});
