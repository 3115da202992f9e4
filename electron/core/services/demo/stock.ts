/**
 * The demo's catalogue: spare parts with their prices (the one source the calculator, quotes and bills price part
 * lines from) and opening stock (some end below their minimum once the stories have used them), and the fee
 * standard, published by the admin in the benchmark desk's shape (desk-rules), without parts.
 */
import type { FeeRules } from '../../../../shared/domain/fees';
import { EXPENSES, labourRates, TERMS } from './desk-rules';
import type { DemoRun } from './runner';

interface DemoPart {
  partNo: string;
  name: string;
  models: string[];
  priceFen: number;
  consumable: boolean;
  serialTracked: boolean;
  minStock: number;
  location: string;
  /**
   * Opening stock: what is on hand today plus what the stories issue, so the capacitor and R32 end at 12 and 6,
   * and the filter, sensor, screen, microphone (run out: a depot repair waits for it) and battery below their minimum.
   */
  opening: number;
}

const part = (partNo: string, name: string, models: string[], priceFen: number, minStock: number, opening: number, location: string, kind: '' | 'consumable' | 'tracked' = ''): DemoPart => ({
  partNo, name, models, priceFen, minStock, opening, location, consumable: kind === 'consumable', serialTracked: kind === 'tracked',
});

export const PARTS: DemoPart[] = [
  part('CAP-35UF', '启动电容 CBB65 35μF', ['KFR-35'], 4_500, 5, 16, 'A-01-02'),
  part('R32-1KG', '制冷剂 R32（1 kg）', ['KFR-35'], 8_000, 4, 14, 'A-02-01', 'consumable'),
  part('FLT-KFR', '空调过滤网', ['KFR-35'], 2_500, 10, 8, 'A-01-05', 'consumable'),
  part('CMP-KFR35', '压缩机 KFR-35', ['KFR-35'], 98_000, 1, 2, 'B-03-01', 'tracked'),
  part('SNS-BCD450', '冷藏温度传感器 BCD-450', ['BCD-450'], 3_500, 2, 7, 'A-03-04'),
  part('DMP-XQG100', '减震器 XQG-100（对）', ['XQG-100'], 12_000, 2, 6, 'A-04-01'),
  part('LCD-P50', 'P50 屏幕总成', ['P50'], 42_000, 2, 1, 'C-01-01', 'tracked'),
  part('MIC-P50', 'P50 主麦克风', ['P50'], 6_000, 2, 0, 'C-01-03'),
  part('BAT-T20', 'T20 电池', ['T20'], 16_000, 3, 6, 'C-02-03'),
];

/** Serials of the tracked parts' opening stock: part number and a running number. */
export const partSerial = (partNo: string, n: number) => `${partNo}-${String(n).padStart(4, '0')}`;

export async function addParts(run: DemoRun): Promise<void> {
  for (const p of PARTS) {
    const { opening, ...fields } = p;
    const created = await run.call('super', 'parts.create', { ...fields, active: true });
    run.parts.set(p.partNo, { id: created.id, name: p.name });
    const receipts = p.serialTracked ? Array.from({ length: opening }, (_, i) => partSerial(p.partNo, i + 1)) : opening > 0 ? [''] : [];
    for (const serial of receipts) {
      await run.call('super', 'stock.move', { partId: created.id, kind: 'receive', quantity: p.serialTracked ? 1 : opening, serial, reason: '期初入库' });
    }
  }
}

/** Per product line of the demo: the standard visit rate (the benchmark's 家电 and 电子 rates). */
const VISIT_FEN: Record<string, number> = { 家电: 8_000, 电子: 5_000 };
/** What each model is worth, for the repair-or-replace suggestion. */
const MODEL_VALUE_FEN: Record<string, number> = { 'KFR-35': 420_000, 'BCD-450': 360_000, 'XQG-100': 280_000, P50: 350_000, T20: 420_000, W8: 150_000 };

/** The fee standard in effect from the day the demo desk opened. */
export async function publishStandard(run: DemoRun): Promise<void> {
  const rules: FeeRules = {
    labour: Object.entries(VISIT_FEN).flatMap(([line, fen]) => labourRates(line, fen)),
    ...EXPENSES,
    ...TERMS,
    modelValues: Object.entries(MODEL_VALUE_FEN).map(([code, valueFen]) => ({ modelId: run.model(code), valueFen })),
  };
  await run.call('admin', 'fees.standard.publish', { effectiveFrom: run.clockDate, note: '收费标准（演示）', rules });
}
