/**
 * Spare parts: a catalogue of a few hundred parts (five per model, a few shared by a product line), the parts
 * used on resolved on-site and depot repairs, and the stock movements that issued them. Stock is replayed in
 * time order so on hand never goes below zero: opening stock, a reorder when a part falls below its minimum
 * (arriving a few days later), an urgent transfer when a repair needs more than is on hand; a serial-tracked
 * part moves one numbered unit at a time. parts.on_hand ends equal to the sum of each part's deltas.
 */
import type Database from 'better-sqlite3';
import type { Rng } from './prng';
import { after, DAY, END, HOUR, iso, MINUTE, type CatalogueModel, type Staff, type TicketFacts } from './generate-facts';
import { START } from './generate-people';
import { PRODUCT_LINES } from './vocab';

interface Template {
  /** Part number stem; a model's part adds the model code, a shared part the line's prefix. */
  stem: string;
  name: string;
  /** Price range in fen (today's standard). */
  price: [number, number];
  minStock: number;
  /** How often a repair uses it, relative to the line's other parts. */
  weight: number;
  consumable?: true;
  tracked?: true;
}

/** Per product line (PRODUCT_LINES order): parts made for one model, then parts every model of the line takes. */
const TEMPLATES: { perModel: Template[]; shared: Template[] }[] = [
  {
    perModel: [
      { stem: 'CMP', name: '压缩机', price: [98_000, 168_000], minStock: 1, weight: 3, tracked: true },
      { stem: 'PCB', name: '室内机主控板', price: [26_000, 45_000], minStock: 2, weight: 6, tracked: true },
      { stem: 'FAN', name: '室外风机电机', price: [16_000, 28_000], minStock: 2, weight: 5 },
      { stem: '4WV', name: '四通阀', price: [9_000, 15_000], minStock: 2, weight: 3 },
      { stem: 'CAP', name: '启动电容', price: [3_500, 6_500], minStock: 5, weight: 10 },
    ],
    shared: [
      { stem: 'RMC', name: '空调遥控器', price: [4_500, 4_500], minStock: 10, weight: 6 },
      { stem: 'SNS', name: '温度传感器', price: [2_500, 2_500], minStock: 10, weight: 8 },
      { stem: 'FLT', name: '空调过滤网', price: [2_500, 2_500], minStock: 20, weight: 10, consumable: true },
      { stem: 'R32', name: '制冷剂 R32（1 kg）', price: [8_000, 8_000], minStock: 10, weight: 12, consumable: true },
      { stem: 'DRN', name: '排水管（2 m）', price: [1_500, 1_500], minStock: 20, weight: 6, consumable: true },
    ],
  },
  {
    perModel: [
      { stem: 'CMP', name: '变频压缩机', price: [88_000, 139_000], minStock: 1, weight: 3, tracked: true },
      { stem: 'PCB', name: '主控板', price: [22_000, 38_000], minStock: 2, weight: 6, tracked: true },
      { stem: 'GSK', name: '门封条', price: [6_000, 12_000], minStock: 4, weight: 10 },
      { stem: 'FAN', name: '冷冻风扇电机', price: [8_000, 14_000], minStock: 3, weight: 8 },
      { stem: 'THM', name: '温控器', price: [5_000, 9_000], minStock: 3, weight: 8 },
    ],
    shared: [
      { stem: 'HTR', name: '化霜加热管', price: [6_500, 6_500], minStock: 6, weight: 8 },
      { stem: 'ICE', name: '制冰机组件', price: [18_000, 18_000], minStock: 2, weight: 3 },
      { stem: 'DEO', name: '除味滤芯', price: [3_000, 3_000], minStock: 20, weight: 8, consumable: true },
      { stem: 'LED', name: '冷藏室灯板', price: [3_500, 3_500], minStock: 6, weight: 5 },
    ],
  },
  {
    perModel: [
      { stem: 'MTR', name: '直驱电机', price: [45_000, 78_000], minStock: 1, weight: 3, tracked: true },
      { stem: 'PCB', name: '电脑板', price: [18_000, 32_000], minStock: 2, weight: 6, tracked: true },
      { stem: 'LCK', name: '门锁开关', price: [4_500, 7_500], minStock: 5, weight: 10 },
      { stem: 'PMP', name: '排水泵', price: [6_000, 9_500], minStock: 4, weight: 10 },
      { stem: 'DMP', name: '减震器', price: [3_000, 5_500], minStock: 6, weight: 8 },
    ],
    shared: [
      { stem: 'VLV', name: '进水阀', price: [4_000, 4_000], minStock: 8, weight: 8 },
      { stem: 'GSK', name: '门封圈', price: [9_000, 9_000], minStock: 4, weight: 6 },
      { stem: 'HSE', name: '排水管', price: [2_000, 2_000], minStock: 15, weight: 6, consumable: true },
      { stem: 'BRG', name: '轴承套件', price: [12_000, 12_000], minStock: 3, weight: 4 },
    ],
  },
  {
    perModel: [
      { stem: 'LCD', name: '屏幕总成', price: [38_000, 96_000], minStock: 2, weight: 10, tracked: true },
      { stem: 'MBD', name: '主板', price: [68_000, 150_000], minStock: 1, weight: 3, tracked: true },
      { stem: 'BAT', name: '电池', price: [12_000, 22_000], minStock: 4, weight: 12 },
      { stem: 'USB', name: '尾插小板', price: [4_500, 8_000], minStock: 5, weight: 10 },
      { stem: 'CAM', name: '后置摄像头模组', price: [15_000, 36_000], minStock: 2, weight: 4 },
    ],
    shared: [
      { stem: 'SPK', name: '听筒', price: [3_000, 3_000], minStock: 8, weight: 6 },
      { stem: 'MIC', name: '主麦克风', price: [2_500, 2_500], minStock: 8, weight: 5 },
      { stem: 'FLM', name: '屏幕保护膜', price: [3_000, 3_000], minStock: 30, weight: 8, consumable: true },
      { stem: 'SEAL', name: '防水胶圈', price: [1_000, 1_000], minStock: 30, weight: 8, consumable: true },
    ],
  },
  {
    perModel: [
      { stem: 'LCD', name: '屏幕总成', price: [52_000, 128_000], minStock: 2, weight: 8, tracked: true },
      { stem: 'MBD', name: '主板', price: [88_000, 180_000], minStock: 1, weight: 3, tracked: true },
      { stem: 'BAT', name: '电池', price: [18_000, 32_000], minStock: 3, weight: 10 },
      { stem: 'KBD', name: '键盘', price: [12_000, 26_000], minStock: 2, weight: 6 },
      { stem: 'FAN', name: '散热风扇', price: [6_000, 11_000], minStock: 3, weight: 6 },
    ],
    shared: [
      { stem: 'CHG', name: '电源适配器', price: [9_900, 9_900], minStock: 6, weight: 6 },
      { stem: 'SPK', name: '扬声器', price: [4_500, 4_500], minStock: 5, weight: 5 },
      { stem: 'SCR', name: '螺丝套件', price: [500, 500], minStock: 40, weight: 6, consumable: true },
      { stem: 'TIM', name: '导热硅脂', price: [1_500, 1_500], minStock: 20, weight: 6, consumable: true },
    ],
  },
  {
    perModel: [
      { stem: 'MTR', name: '风机电机', price: [28_000, 46_000], minStock: 1, weight: 6, tracked: true },
      { stem: 'PNL', name: '控制面板', price: [9_000, 16_000], minStock: 2, weight: 6 },
      { stem: 'IMP', name: '涡轮叶轮', price: [6_000, 10_000], minStock: 2, weight: 5 },
      { stem: 'KEY', name: '按键板', price: [3_500, 6_000], minStock: 3, weight: 8 },
      { stem: 'LMP', name: '照明灯', price: [1_500, 2_500], minStock: 6, weight: 8 },
    ],
    shared: [
      { stem: 'CUP', name: '油杯', price: [1_200, 1_200], minStock: 20, weight: 8, consumable: true },
      { stem: 'CHK', name: '止逆阀', price: [4_000, 4_000], minStock: 6, weight: 6 },
      { stem: 'FLT', name: '油网滤网', price: [3_500, 3_500], minStock: 20, weight: 8, consumable: true },
      { stem: 'PWR', name: '电源线', price: [2_000, 2_000], minStock: 8, weight: 4 },
    ],
  },
];

export interface CataloguePart {
  id: number;
  partNo: string;
  name: string;
  /** Today's price (fen); the earlier fee standard charged less. */
  priceFen: number;
  consumable: boolean;
  tracked: boolean;
  minStock: number;
  weight: number;
}

export interface Catalogue {
  parts: CataloguePart[];
  /** The parts an engineer may fit to a model (its own and its line's shared parts). */
  byModel: Map<number, CataloguePart[]>;
}

/** One part used on a ticket (a ticket_parts row, id in insertion order) and the moment it was issued. */
export interface Usage {
  ticketId: number;
  part: CataloguePart;
  quantity: number;
  at: number;
  engineer: number;
  recovered: boolean;
  /** The unit issued, for a serial-tracked part (set when stock is replayed). */
  serial: string;
}

const round100 = (fen: number) => Math.round(fen / 100) * 100;
/** Opening stock is taken in on the first day of the five years. */
const START_STOCK = START + 2 * HOUR;

export function insertCatalogue(db: Database.Database, rng: Rng, models: CatalogueModel[], staff: Staff): Catalogue {
  const ins = db.prepare(`INSERT INTO parts (part_no, name, models, price_fen, consumable, serial_tracked, min_stock, location, active, on_hand, created_at, updated_at, created_by, updated_by, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?, ?, 1)`);
  const at = iso(START_STOCK);
  const parts: CataloguePart[] = [];
  const byModel = new Map<number, CataloguePart[]>(models.map((m) => [m.id, []]));
  const add = (t: Template, partNo: string, name: string, fits: CatalogueModel[], shelf: string) => {
    const priceFen = round100(t.price[0] + rng.next() * (t.price[1] - t.price[0]));
    const id = Number(ins.run(partNo, name, JSON.stringify(fits.map((m) => m.code)), priceFen, t.consumable ? 1 : 0, t.tracked ? 1 : 0, t.minStock, shelf, at, at, staff.supervisor, staff.supervisor).lastInsertRowid);
    const part: CataloguePart = { id, partNo, name, priceFen, consumable: t.consumable === true, tracked: t.tracked === true, minStock: t.minStock, weight: t.weight };
    parts.push(part);
    for (const m of fits) byModel.get(m.id)!.push(part);
  };
  db.transaction(() => {
    TEMPLATES.forEach((line, l) => {
      const lineModels = models.filter((m) => m.line === l);
      const rack = 'ABCDEF'[l]!;
      lineModels.forEach((m, k) => {
        line.perModel.forEach((t, j) => add(t, `${t.stem}-${m.code}`, `${t.name} ${m.code}`, [m], `${rack}-${String(k + 1).padStart(2, '0')}-${String(j + 1).padStart(2, '0')}`));
      });
      line.shared.forEach((t, j) => add(t, `${t.stem}-${PRODUCT_LINES[l]!.prefix}`, t.name, lineModels, `${rack}-00-${String(j + 1).padStart(2, '0')}`));
    });
  })();
  return { parts, byModel };
}

/** Repairs needing parts: about a third of resolved tickets (on-site and depot hardware repairs mostly), 1–3 parts each. */
export function partsFor(rng: Rng, t: TicketFacts, catalogue: Catalogue, staff: Staff): Usage[] {
  if (t.resolvedAt === null || t.modelId === null || (t.mode !== 'onsite' && t.mode !== 'depot')) return [];
  const chance = t.problemType === 'hardware' ? 0.75 : t.problemType === 'maintenance' ? 0.55 : 0.15;
  if (rng.next() >= chance) return [];
  const fits = catalogue.byModel.get(t.modelId)!;
  const count = rng.weighted([[1, 70], [2, 22], [3, 8]]);
  // Maintenance mostly replaces consumables (filters, seals, refrigerant).
  const weights = fits.map((p): [CataloguePart, number] => [p, t.problemType === 'maintenance' && p.consumable ? p.weight * 4 : p.weight]);
  const chosen = new Set<CataloguePart>();
  for (let tries = 0; chosen.size < count && tries < 10; tries++) chosen.add(rng.weighted(weights));
  // Recorded with the service record, shortly before the repair was finished.
  const at = Math.max(t.reportedAt + MINUTE, t.resolvedAt - 10 * MINUTE - rng.int(50) * MINUTE);
  const engineer = t.engineer ?? rng.pick(staff.engineers);
  return [...chosen].map((part) => ({
    ticketId: t.id, part, at, engineer, serial: '',
    quantity: part.tracked ? 1 : part.consumable ? 1 + rng.int(2) : rng.next() < 0.1 ? 2 : 1,
    recovered: !part.consumable && rng.next() < 0.5,
  }));
}

interface Movement {
  part: CataloguePart;
  kind: 'receive' | 'issue' | 'recover';
  quantity: number;
  delta: number;
  onHandAfter: number;
  serial: string;
  ticketId: number | null;
  ticketPartId: number | null;
  reason: string;
  at: number;
  actor: number;
}

interface Stock {
  onHand: number;
  /** Units of a serial-tracked part on the shelf, oldest first. */
  units: string[];
  received: number;
  batch: number;
  /** A reorder on its way (arrival time), or null. */
  arriving: number | null;
  lastAt: number;
}

/**
 * Writes the ticket_parts rows (ids in ticket order, as the tickets were served) and replays stock in time
 * order: returns how many stock movements were written.
 */
export function insertStock(db: Database.Database, rng: Rng, catalogue: Catalogue, usages: Usage[], staff: Staff): number {
  const used = new Map<CataloguePart, number>();
  for (const u of usages) used.set(u.part, (used.get(u.part) ?? 0) + u.quantity);
  const stock = new Map<CataloguePart, Stock>();
  const moves: Movement[] = [];
  const receive = (part: CataloguePart, s: Stock, at: number, quantity: number, reason: string) => {
    s.lastAt = Math.max(s.lastAt, at);
    const one = (qty: number, serial: string) => {
      s.onHand += qty;
      moves.push({ part, kind: 'receive', quantity: qty, delta: qty, onHandAfter: s.onHand, serial, ticketId: null, ticketPartId: null, reason, at: s.lastAt, actor: staff.supervisor });
    };
    if (!part.tracked) return one(quantity, '');
    for (let k = 0; k < quantity; k++) {
      const serial = `${part.partNo}-${String(++s.received).padStart(6, '0')}`;
      s.units.push(serial);
      one(1, serial);
    }
  };
  // Opening stock: about a month of use, at least twice the minimum; reorders are the same size.
  for (const part of catalogue.parts) {
    const monthly = Math.ceil((used.get(part) ?? 0) / 60);
    const s: Stock = { onHand: 0, units: [], received: 0, batch: Math.max(part.minStock * 2, part.tracked ? Math.ceil(monthly / 2) : monthly), arriving: null, lastAt: START_STOCK };
    stock.set(part, s);
    receive(part, s, START_STOCK, s.batch, '期初入库');
  }
  const order = usages.map((_, i) => i).sort((a, b) => usages[a]!.at - usages[b]!.at || a - b);
  for (const i of order) {
    const u = usages[i]!;
    const s = stock.get(u.part)!;
    if (s.arriving !== null && s.arriving <= u.at) {
      receive(u.part, s, s.arriving, s.batch, '采购入库');
      s.arriving = null;
    }
    if (s.onHand < u.quantity) {
      receive(u.part, s, u.at - 2 * HOUR, Math.max(s.batch, u.quantity), '紧急调货');
      s.arriving = null;
    }
    s.onHand -= u.quantity;
    s.lastAt = Math.max(s.lastAt, u.at);
    if (u.part.tracked) u.serial = s.units.shift()!;
    moves.push({ part: u.part, kind: 'issue', quantity: u.quantity, delta: -u.quantity, onHandAfter: s.onHand, serial: u.serial, ticketId: u.ticketId, ticketPartId: i + 1, reason: '', at: s.lastAt, actor: u.engineer });
    // The old part taken off the device is kept apart (no change to usable stock); a tracked one is booked by hand in the app.
    if (u.recovered && !u.part.tracked) {
      moves.push({ part: u.part, kind: 'recover', quantity: u.quantity, delta: 0, onHandAfter: s.onHand, serial: '', ticketId: u.ticketId, ticketPartId: i + 1, reason: '', at: s.lastAt, actor: u.engineer });
    }
    if (s.onHand < u.part.minStock && s.arriving === null) s.arriving = after(rng, u.at, 2 * DAY, 5 * DAY);
  }
  for (const part of catalogue.parts) {
    const s = stock.get(part)!;
    if (s.arriving !== null && s.arriving <= END) receive(part, s, s.arriving, s.batch, '采购入库');
  }

  const insPart = db.prepare(`INSERT INTO ticket_parts (id, ticket_id, part_name, part_model, quantity, serial, old_part_recovered, created_at, created_by, part_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insMove = db.prepare(`INSERT INTO stock_movements (part_id, kind, quantity, delta, on_hand_after, serial, ticket_id, ticket_part_id, reason, override, at, actor_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);
  const setStock = db.prepare('UPDATE parts SET on_hand = ?, updated_at = ? WHERE id = ?');
  const CHUNK = 50_000;
  for (let from = 0; from < usages.length; from += CHUNK) {
    db.transaction(() => {
      for (let i = from; i < Math.min(usages.length, from + CHUNK); i++) {
        const u = usages[i]!;
        insPart.run(i + 1, u.ticketId, u.part.name, u.part.partNo, u.quantity, u.serial, u.recovered ? 1 : 0, iso(u.at), u.engineer, u.part.id);
      }
    })();
  }
  for (let from = 0; from < moves.length; from += CHUNK) {
    db.transaction(() => {
      for (let i = from; i < Math.min(moves.length, from + CHUNK); i++) {
        const m = moves[i]!;
        insMove.run(m.part.id, m.kind, m.quantity, m.delta, m.onHandAfter, m.serial, m.ticketId, m.ticketPartId, m.reason, iso(m.at), m.actor);
      }
    })();
  }
  db.transaction(() => {
    for (const part of catalogue.parts) {
      const s = stock.get(part)!;
      setStock.run(s.onHand, iso(s.lastAt), part.id);
    }
  })();
  return moves.length;
}
