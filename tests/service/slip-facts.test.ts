/**
 * What the slips say for the visit and the pickup (issue 21): the acceptance slip prints the model's code
 * and name and the customer's address; a quote for an on-site visit prints where to go; the pickup receipt
 * prints the balance still owed and the repair warranty from the fee standard. Read from the slip's HTML
 * as text (tests/service/slips.test.ts prints every slip to PDF).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { InputOf } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';

const SIG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const ADDRESS = '佛山市南海区桂城街道南海大道 12 号';
const LINES: InputOf<'quotes.create'>['lines'] = [{ kind: 'labour', productLine: '电子', difficulty: 'standard', unit: 'visit', quantity: 1 }];

let h: Harness;
let c: Record<Role, Client>;
let ticketId: number;
let modelId: number;

beforeEach(async () => {
  h = await openHarness();
  c = await h.signedIn();
  modelId = (await h.ok(c.admin, 'models.create', { code: 'P50', name: '智能手机', productLine: '电子', warrantyMonths: 12 })).id;
  await h.ok(c.admin, 'fees.standard.publish', {
    effectiveFrom: '2026-11-24',
    rules: { labour: [{ productLine: '电子', difficulty: 'standard', perVisitFen: 8_000, perHourFen: 5_000 }], repairWarrantyDays: 90 },
  });
  const device = { serial: 'P50-2311-4402', modelId, purchaseDate: '2024-01-01', purchaseChannel: '', installDate: null, warrantyEnd: null };
  ticketId = (await h.ok(c.clerk, 'tickets.create', intake({ newDevice: device, faultDescription: '屏幕偶尔失灵', newCustomer: { name: '陈先生', salutation: 'mr', phone: '13800135678', address: ADDRESS } }))).id;
});
afterEach(() => h.close());

/** The slip's words without tags and spaces. */
async function slipText(document: InputOf<'slips.render'>['document'], id: number): Promise<string> {
  const { html } = await h.ok(c.clerk, 'slips.render', { document, id, paper: 'A4' });
  return html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, '');
}

const rec = (id: number) => h.ok(c.clerk, 'returns.get', { id });
const move = async (who: Client, id: number, m: InputOf<'returns.move'>['move'], extra: Partial<InputOf<'returns.move'>> = {}) =>
  h.ok(who, 'returns.move', { id, version: (await rec(id)).version, move: m, reason: '', ...extra });

describe('slip facts', () => {
  it('the acceptance slip prints the model code and name and the address', async () => {
    const text = await slipText('ticketAcceptance', ticketId);
    expect(text).toContain('设备型号P50智能手机/P50-2311-4402');
    expect(text).toContain(`上门地址${ADDRESS.replace(/\s/g, '')}`);
  });

  it('the pickup receipt prints the balance still owed and the repair warranty; paid up, it says so', async () => {
    const { id } = await h.ok(c.clerk, 'returns.checkIn', { ticketId, modelId, serial: 'P50-2311-4402', faultStated: '屏幕偶尔失灵', accessories: [] });
    await move(c.engineer, id, 'startInspection');
    await move(c.engineer, id, 'requestQuote');
    await h.ok(c.clerk, 'quotes.create', { ticketId, lines: LINES });
    await move(c.clerk, id, 'quoteApproved', { consent: { channel: 'phone', signature: null, note: '' } });
    await move(c.engineer, id, 'finishRepair');
    const bill = await h.ok(c.clerk, 'bills.create', { ticketId, lines: LINES });
    await h.ok(c.clerk, 'payments.record', { billId: bill.id, method: 'wechat', amountFen: 2_000 });
    await h.ok(c.clerk, 'returns.handBack', { id, version: (await rec(id)).version, pickedUpBy: '陈先生', accessoriesBack: [], signature: SIG, satisfaction: 'satisfied', balanceConfirmed: true });
    let text = await slipText('pickupReceipt', id);
    expect(text).toContain(`尚欠金额¥${((bill.calc.totalFen - 2_000) / 100).toFixed(2)}`);
    expect(text).toContain('维修保修本次维修保修90天，至2027-02-22（同一故障免费返修）');
    await h.ok(c.clerk, 'payments.record', { billId: bill.id, method: 'cash', amountFen: bill.calc.totalFen - 2_000 });
    text = await slipText('pickupReceipt', id);
    expect(text).toContain('尚欠金额已结清');
    // The depot repair had no visit: its quote prints no address.
    const quote = (await h.ok(c.clerk, 'quotes.get', { ticketId })).quotes[0]!;
    expect(await slipText('quote', quote.id)).not.toContain('上门地址');
  });
});
