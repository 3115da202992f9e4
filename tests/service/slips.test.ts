/**
 * Every slip at every paper size, printed to PDF by Chromium: the text is read back with pdftotext
 * (poppler-utils), the barcode and QR code are decoded with zbarimg (zbar-tools) from the rasterised
 * page, and each page is saved to tests/artifacts/slips/ to be looked at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { intake, openHarness, tempDir, type Harness } from './harness';
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';
import { PAPERS, SLIP_DOCUMENTS, type Paper, type SlipDocument } from '../../shared/domain/printing';
import { PAPER } from '../../electron/core/printing/styles';

const ARTIFACTS = path.resolve('tests/artifacts/slips');
const MM = 96 / 25.4;

let h: Harness;
let c: Record<Role, Client>;
let browser: Browser;
let page: Page;
let work: string;
const ids: Record<SlipDocument, number> = { ticketAcceptance: 0, returnReceipt: 0, pickupReceipt: 0, quote: 0, paymentReceipt: 0, sanbaoCertificate: 0, loanSlip: 0, factoryReturn: 0 };
const numbers: Record<SlipDocument, string> = { ticketAcceptance: '', returnReceipt: '', pickupReceipt: '', quote: '', paymentReceipt: '', sanbaoCertificate: '', loanSlip: '', factoryReturn: '' };

/** A hand-drawn signature, as the signature pad exports it. */
async function drawnSignature(): Promise<string> {
  await page.setContent('<canvas id="c" width="360" height="120"></canvas>');
  // A string: the test runs under Node's types, the script in the page.
  return page.evaluate<string>(`(() => {
    const canvas = document.getElementById('c');
    const g = canvas.getContext('2d');
    g.lineWidth = 4;
    g.beginPath();
    g.moveTo(20, 90);
    for (let x = 20; x < 340; x += 8) g.lineTo(x, 60 + Math.sin(x / 17) * 30 + Math.cos(x / 7) * 8);
    g.stroke();
    return canvas.toDataURL('image/png');
  })()`);
}

beforeAll(async () => {
  work = tempDir('aftercare-slips-');
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage();
  h = await openHarness();
  c = await h.signedIn();
  const s = await h.ok(c.admin, 'settings.get', {});
  await h.ok(c.admin, 'settings.update', {
    version: s.version,
    company: { name: '华南精工设备有限公司 售后服务中心', address: '广州市天河区科韵路 88 号 3 楼', hotline: '400-887-3580', logo: '' },
    ticketNumberPattern: s.ticketNumberPattern,
    timeZone: s.timeZone,
    sla: s.sla,
  });
  const modelId = (await h.ok(c.admin, 'models.create', { code: 'KFR-35GW', name: '分体式空调室内机', productLine: '空调', warrantyMonths: 12 })).id;
  const ticket = await h.ok(c.clerk, 'tickets.create', intake({ modelId, serial: 'SN2026A0042', faultDescription: '开机后不制冷，出风温度高于设定温度5℃，伴有<异响>' }));
  ids.ticketAcceptance = ticket.id;
  numbers.ticketAcceptance = ticket.number;
  const accessories = [{ name: '遥控器', quantity: 1 }, { name: '电源适配器', quantity: 1 }, { name: '固定螺丝', quantity: 4 }];
  const input = {
    ticketId: ticket.id, modelId, serial: 'SN2026A0042', accessories, faultStated: '开机后不制冷，偶尔显示 E4 报警',
    condition: [{ item: '外观划痕', checked: true }, { item: '缺少螺丝', checked: false }], conditionNotes: '右侧面板划痕约 2 cm',
    photos: [{ fileName: 'front.png', mime: 'image/png' as const, dataBase64: PNG_1PX }], expectedDate: '2026-12-01',
  };
  const rec = await h.ok(c.clerk, 'returns.checkIn', input);
  ids.returnReceipt = rec.id;
  numbers.returnReceipt = rec.number;
  const done = await h.ok(c.clerk, 'returns.checkIn', { ...input, serial: 'SN2026A0043' });
  for (const move of ['startInspection', 'startRepair', 'finishRepair'] as const) {
    const { version } = await h.ok(c.engineer, 'returns.get', { id: done.id });
    await h.ok(c.engineer, 'returns.move', { id: done.id, version, move, reason: '' });
  }
  const { version } = await h.ok(c.clerk, 'returns.get', { id: done.id });
  await h.ok(c.clerk, 'returns.handBack', { id: done.id, version, pickedUpBy: '陈先生', accessoriesBack: accessories, signature: await drawnSignature(), satisfaction: 'satisfied' });
  ids.pickupReceipt = done.id;
  numbers.pickupReceipt = done.number;

  // Fees: an out-of-warranty ticket, a quote the customer signed, a bill with one more part, a partial payment.
  await h.ok(c.admin, 'fees.standard.publish', {
    effectiveFrom: '2026-11-24',
    rules: {
      labour: [{ productLine: '空调', difficulty: 'complex', perVisitFen: 15_000, perHourFen: 9_000 }],
      travelPerKmFen: 250, taxRateBp: 600,
    },
  });
  await h.ok(c.supervisor, 'parts.create', { partNo: 'CMP-35', name: '旋转式压缩机', priceFen: 128_050 });
  await h.ok(c.supervisor, 'parts.create', { partNo: 'FLT-35', name: '空气滤网', priceFen: 3_550, consumable: true });
  const feeTicket = await h.ok(c.clerk, 'tickets.create', intake({ newDevice: { serial: 'SN2019B0007', modelId, purchaseDate: '2019-05-01', purchaseChannel: '', installDate: null, warrantyEnd: null } }));
  const lines = [
    { kind: 'labour' as const, productLine: '空调', difficulty: 'complex' as const, unit: 'hour' as const, quantity: 2.5 },
    { kind: 'part' as const, partNo: 'CMP-35', quantity: 1 },
    { kind: 'travel' as const, unit: 'km' as const, quantity: 36 },
  ];
  const quote = await h.ok(c.clerk, 'quotes.create', { ticketId: feeTicket.id, lines, note: '<b>含</b>拆装及抽真空' });
  await h.ok(c.clerk, 'quotes.consent', { id: quote.id, version: quote.version, channel: 'onsite', signature: await drawnSignature() });
  ids.quote = quote.id;
  numbers.quote = `${feeTicket.number}-Q1`;
  const made = await h.ok(c.clerk, 'bills.create', { ticketId: feeTicket.id, lines: [...lines, { kind: 'part', partNo: 'FLT-35', quantity: 2 }] });
  // Two filters more than the quote: the customer agrees to the difference before any money.
  const bill = await h.ok(c.clerk, 'bills.consent', { id: made.id, version: made.version, channel: 'phone', signature: null, note: '电话同意加换滤网', informed: true });
  await h.ok(c.clerk, 'payments.record', { billId: bill.id, method: 'cash', amountFen: 100_000, receiptNo: 'SJ-2026-0815' });
  ids.paymentReceipt = (await h.ok(c.clerk, 'quotes.get', { ticketId: feeTicket.id })).payments[0]!.id;
  numbers.paymentReceipt = `${feeTicket.number}-P1`;

  // 三包: a phone bought 10 days before it failed again; a supervisor's exception is printed with its reason.
  const phone = (await h.ok(c.admin, 'models.create', { code: 'P50', name: '智能手机 P50', productLine: '手机', warrantyMonths: 12 })).id;
  const failed = await h.ok(c.clerk, 'tickets.create', intake({ modelId: phone, faultDescription: '屏幕偶尔失灵，触摸无反应', newDevice: { serial: 'P50A0001', modelId: phone, purchaseDate: '2026-11-14', purchaseChannel: '', installDate: null, warrantyEnd: null } }));
  await h.ok(c.supervisor, 'sanbao.decide', { ticketId: failed.id, right: 'exchange', reason: '' });
  const exchanged = await h.ok(c.clerk, 'sanbao.exchange', { ticketId: failed.id, kind: 'exchange', newSerial: 'P50B0002' });
  ids.sanbaoCertificate = exchanged.done!.id;
  numbers.sanbaoCertificate = `${failed.number}-EX`;
  // A loaner lent on the first ticket; a 返厂单 with a part and a unit, credited by the supplier.
  const loaner = await h.ok(c.supervisor, 'loaners.create', { serial: 'LN-KFR-001', modelId });
  const loan = await h.ok(c.clerk, 'loaners.lend', { loanerId: loaner.id, ticketId: ticket.id, depositFen: 50_000, dueOn: '2026-12-08' });
  ids.loanSlip = loan.id;
  numbers.loanSlip = loan.number;
  const part = await h.ok(c.clerk, 'defective.receive', { kind: 'part', ticketId: ticket.id, name: '启动电容 35μF', serial: 'CAP-0099', quantity: 2, faultCode: 'E4' });
  const unit = await h.ok(c.clerk, 'defective.receive', { kind: 'unit', ticketId: feeTicket.id, name: '分体式空调室内机', serial: 'SN2019B0007' });
  let order = await h.ok(c.clerk, 'factoryReturns.create', { supplier: '珠海格力电器 售后返厂部', note: '<b>加急</b>处理', lines: [{ defectiveId: part.id, quantity: 2 }, { defectiveId: unit.id, quantity: 1 }] });
  for (const move of ['send', 'receive'] as const) order = await h.ok(c.clerk, 'factoryReturns.move', { id: order.id, version: order.version, move });
  await h.ok(c.clerk, 'factoryReturns.move', { id: order.id, version: order.version, move: 'credit', credits: [{ lineId: order.lines[0]!.id, creditFen: 3_600 }, { lineId: order.lines[1]!.id, creditFen: 89_900 }] });
  ids.factoryReturn = order.id;
  numbers.factoryReturn = order.number;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const squash = (text: string) => text.replace(/\s+/g, '');

async function toPdf(html: string, paper: Paper): Promise<Buffer> {
  await page.setViewportSize({ width: Math.round((paper.startsWith('A') ? (paper === 'A4' ? 210 : 148) : Number.parseInt(paper)) * MM), height: 800 });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  if (paper === 'A4' || paper === 'A5') return page.pdf({ format: paper, preferCSSPageSize: true, printBackground: true });
  // A roll is as long as its content: measure the longest copy (the print adapter does the same).
  const spec = PAPER[paper];
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.round((Number.parseInt(paper) - 2 * spec.margin) * MM), height: 800 });
  const tallest = await page.evaluate<number>("Math.max(...[...document.querySelectorAll('.copy')].map((e) => e.getBoundingClientRect().height))");
  await page.emulateMedia({ media: null });
  await page.addStyleTag({ content: `@page { size: ${paper} ${Math.ceil(tallest / MM + 2 * spec.margin + 2)}mm; }` });
  return page.pdf({ preferCSSPageSize: true, printBackground: true });
}

const EXPECT: Record<SlipDocument, string[]> = {
  ticketAcceptance: ['受理回执', '陈先生', 'KFR-35GW 分体式空调室内机', 'SN2026A0042', '开机后不制冷', '<异响>', '400-887-3580', '请妥善保管本回执'],
  returnReceipt: ['返修设备处理单', '客户联', '存根联', '陈先生', '分体式空调室内机', 'SN2026A0042', '遥控器', '电源适配器', '固定螺丝', '外观划痕', '2026-12-01', '保管责任'],
  pickupReceipt: ['设备收条', '陈先生', '分体式空调室内机', 'SN2026A0043', '遥控器', '电源适配器', '已修复', '本人已收到上述设备'],
  // 2.5 h × 90.00 + 1,280.50 + 36 km × 2.50 = 1,595.50; tax 6% = 95.73; total 1,691.23.
  quote: ['报价单', '陈先生', '保修期外', '人工费（空调·复杂）', '2.5小时×90.00', '225.00', '旋转式压缩机', '1,280.50', '36公里×2.50', '税额（6%）', '95.73', '¥1,691.23', '现场签字', '15日内有效', '<b>含</b>拆装'],
  // The bill adds two filters (71.00, consumable): 1,666.50 + 99.99 tax = 1,766.49; 1,000.00 paid, 766.49 owed.
  sanbaoCertificate: ['换货证明', '陈先生', 'P50 智能手机 P50', 'P50A0001', 'P50B0002', '2026-11-14', '购买 10 天内性能故障（15 日内），可选择换货或修理', '2026-11-24 至 2027-11-23', '客户签字', '服务中心（盖章）', '三包有效期自换货之日起重新计算'],
  loanSlip: ['备用机借用单', '陈先生', 'KFR-35GW 分体式空调室内机', 'LN-KFR-001', '¥500.00', '伍佰元整', '2026-12-08', '借用人签字', '全额退还押金'],
  factoryReturn: ['返厂单', '珠海格力电器', '启动电容 35μF', 'CAP-0099', 'SN2019B0007', 'E4', '36.00', '899.00', '¥935.00', '已索赔', '<b>加急</b>', '供应商签收'],
  paymentReceipt: ['收款收据', '陈先生', '现金', '¥1,000.00', '壹仟元整', 'SJ-2026-0815', '空气滤网', '(FLT-35)', '（易损件）', '2个×35.50', '71.00', '¥1,766.49', '+¥75.26', '¥766.49', '付款人签字'],
};

describe.each(SLIP_DOCUMENTS)('%s', (document) => {
  it.each(PAPERS)('prints on %s with its number readable by a scanner', async (paper) => {
    const slip = await h.ok(c.clerk, 'slips.render', { document, id: ids[document], paper });
    expect(slip.html).not.toContain('<异响>');
    const pdf = await toPdf(slip.html, paper);
    const base = path.join(work, `${document}-${paper}`);
    fs.writeFileSync(`${base}.pdf`, pdf);
    const text = squash(execFileSync('pdftotext', ['-layout', `${base}.pdf`, '-'], { encoding: 'utf8' }));
    for (const want of [numbers[document], ...EXPECT[document]]) expect(text, want).toContain(squash(want));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [`${base}.pdf`], { encoding: 'utf8' }))![1]);
    const rollCopies = document === 'returnReceipt' && (paper === '80mm' || paper === '58mm') ? 2 : 1;
    expect(pages, 'copies share one sheet; a roll prints each copy on its own').toBe(rollCopies);

    execFileSync('pdftoppm', ['-r', paper.startsWith('A') ? '200' : '300', '-png', `${base}.pdf`, base]);
    const images = fs.readdirSync(work).filter((f) => f.startsWith(`${document}-${paper}-`) && f.endsWith('.png')).sort();
    expect(images).toHaveLength(pages);
    for (const [i, image] of images.entries()) {
      const decoded = execFileSync('zbarimg', ['-q', path.join(work, image)], { encoding: 'utf8' }).trim().split('\n').sort();
      // The codes say nothing but the number (zbar reports a symbol repeated on the sheet once or twice).
      expect([...new Set(decoded)]).toEqual([`CODE-128:${numbers[document]}`, `QR-Code:${numbers[document]}`]);
      // A smaller copy to look at.
      execFileSync('pdftoppm', ['-r', paper.startsWith('A') ? '110' : '200', '-png', '-singlefile', '-f', String(i + 1), '-l', String(i + 1), `${base}.pdf`, path.join(ARTIFACTS, `${document}-${paper}${pages > 1 ? `-${i + 1}` : ''}`)]);
    }
  }, 60_000);
});

describe('print counts', () => {
  it('marks every print after the first as a reprint', async () => {
    const input = { document: 'returnReceipt' as const, id: ids.returnReceipt };
    expect((await h.ok(c.clerk, 'slips.render', input)).printCount).toBe(0);
    expect(await h.ok(c.clerk, 'slips.printed', { ...input, paper: 'A5' })).toEqual({ copy: 1, reprint: false });
    const again = await h.ok(c.clerk, 'slips.render', input);
    expect(again.printCount).toBe(1);
    expect(again.paper).toBe('A5');
    expect(again.html).toContain('重印');
    expect(await h.ok(c.clerk, 'slips.printed', { ...input, paper: '80mm', via: 'pdf' })).toEqual({ copy: 2, reprint: true });
    const refused = await h.call(c.clerk, 'slips.render', { document: 'pickupReceipt', id: ids.returnReceipt });
    expect(refused.ok).toBe(false);
  });

  it('quotes and payment receipts print on their own paper, count their own prints, and refuse ids that are not theirs', async () => {
    const quote = await h.ok(c.clerk, 'slips.render', { document: 'quote', id: ids.quote });
    const receipt = await h.ok(c.clerk, 'slips.render', { document: 'paymentReceipt', id: ids.paymentReceipt });
    expect([quote.paper, receipt.paper, quote.copies]).toEqual(['A4', '80mm', 1]);
    expect(quote.title).toBe(`报价单 ${numbers.quote}`);
    expect(await h.ok(c.clerk, 'slips.printed', { document: 'paymentReceipt', id: ids.paymentReceipt, paper: '80mm' })).toEqual({ copy: 1, reprint: false });
    expect((await h.ok(c.clerk, 'slips.render', { document: 'paymentReceipt', id: ids.paymentReceipt })).html).toContain('重印');
    expect((await h.ok(c.clerk, 'slips.render', { document: 'quote', id: ids.quote })).printCount).toBe(0);
    for (const document of ['quote', 'paymentReceipt'] as const) {
      const missing = await h.call(c.clerk, 'slips.render', { document, id: 999_999 });
      expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');
      const unprinted = await h.call(c.clerk, 'slips.printed', { document, id: 999_999, paper: 'A4' });
      expect(unprinted.ok === false && unprinted.error.code).toBe('NOT_FOUND');
    }
  });
});
