/**
 * The demo desk: product models, staff (without passwords until the admin sets them), customers,
 * devices, and tickets including the two samples of seed 001 (KFR-35 制冷效果差, P50 屏幕偶尔失灵).
 */
import type { InputOf } from '../../../shared/api/contract';
import { ticketCreateInput } from '../../../shared/api/tickets.schema';
import type { SessionUser } from '../../../shared/domain/user';
import { AppError } from '../errors';
import type { CallContext, CoreDeps } from '../context';
import { created } from './audit';
import { insertCustomer } from './customers.service';
import { insertModel } from './models.service';
import { createTicket } from './tickets.service';
import { moveStock } from './parts.service';
import type { Tx } from '../db/db';

const MODELS = [
  { code: 'KFR-35', name: '智能空调 KFR-35GW', productLine: '家电', warrantyMonths: 36 },
  { code: 'BCD-450', name: '变频冰箱 BCD-450', productLine: '家电', warrantyMonths: 36 },
  { code: 'XQG-100', name: '滚筒洗衣机 XQG-100', productLine: '家电', warrantyMonths: 24 },
  { code: 'P50', name: '智能手机 P50', productLine: '电子', warrantyMonths: 12 },
  { code: 'T20', name: '平板电脑 T20', productLine: '电子', warrantyMonths: 12 },
  { code: 'W8', name: '智能手表 W8', productLine: '电子', warrantyMonths: 12 },
];

const STAFF = [
  { username: 'wangkf', displayName: '王客服', role: 'clerk', lines: [] },
  { username: 'zhanggong', displayName: '张工', role: 'engineer', lines: ['家电'] },
  { username: 'ligong', displayName: '李工', role: 'engineer', lines: ['电子'] },
  { username: 'zhaozg', displayName: '赵主管', role: 'supervisor', lines: [] },
] as const;

const CUSTOMERS: [string, 'mr' | 'ms', string, string][] = [
  ['陈', 'mr', '13800135678', '上海市浦东新区张江路 88 号'],
  ['林', 'ms', '13912340139', '杭州市西湖区文三路 120 号'],
  ['周', 'mr', '13600001111', '南京市鼓楼区中山北路 9 号'],
  ['吴', 'ms', '13700002222', '苏州市工业园区星湖街 328 号'],
  ['郑', 'mr', '13500003333', '宁波市鄞州区天童南路 66 号'],
  ['孙', 'ms', '18800004444', '合肥市蜀山区长江西路 200 号'],
];

const FAULTS: [string, string, string][] = [
  ['KFR-35', '制冷效果差，出风温度高于设定温度5℃', 'important'],
  ['P50', '屏幕偶尔失灵，触碰无反应', 'urgent'],
  ['BCD-450', '冷藏室不制冷，压缩机频繁启动', 'important'],
  ['XQG-100', '脱水时噪音很大，机身晃动', 'normal'],
  ['T20', '无法充电，充电指示灯不亮', 'normal'],
  ['W8', '心率监测数据异常', 'normal'],
  ['KFR-35', '室外机漏水，显示故障代码 E4', 'important'],
  ['P50', '通话断断续续，对方听不清', 'important'],
];

/** Parts of the demo store: [part no, name, models, price fen, consumable, serial-tracked, minimum, location, received]. */
const PARTS: [string, string, string[], number, boolean, boolean, number, string, number][] = [
  ['CAP-35UF', '启动电容 CBB65 35μF', ['KFR-35'], 4500, false, false, 5, 'A-01-02', 12],
  ['R32-1KG', '制冷剂 R32（1 kg）', ['KFR-35'], 8000, true, false, 4, 'A-02-01', 6],
  ['FLT-KFR', '空调过滤网', ['KFR-35'], 2500, true, false, 10, 'A-01-05', 8],
  ['CMP-KFR35', '压缩机 KFR-35', ['KFR-35'], 98000, false, true, 1, 'B-03-01', 2],
  ['LCD-P50', 'P50 屏幕总成', ['P50'], 42000, false, true, 2, 'C-01-01', 2],
  ['BAT-T20', 'T20 电池', ['T20'], 16000, false, false, 3, 'C-02-03', 5],
];

const DEMO_CHECKLIST = [
  { id: 'filter', label: '清洗过滤网', kind: 'pass', unit: '' },
  { id: 'drain', label: '检查排水管是否通畅', kind: 'pass', unit: '' },
  { id: 'outlet', label: '出风口温度', kind: 'value', unit: '℃' },
  { id: 'pressure', label: '低压侧压力', kind: 'value', unit: 'MPa' },
];

/** The demo plan's first due date: two weeks after loading, so loading generates no ticket yet. */
const DEMO_PLAN_START = (now: Date) => new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);

async function loadDemoParts(tx: Tx, at: string, keeperId: number): Promise<void> {
  const keeper: SessionUser = { id: keeperId, username: 'zhaozg', displayName: '赵主管', role: 'supervisor' };
  for (const [partNo, name, models, price, consumable, serialTracked, minStock, location, received] of PARTS) {
    const [known] = await tx.query('SELECT id FROM parts WHERE part_no = ?', [partNo]);
    if (known) continue;
    const partId = await tx.insert('parts', {
      part_no: partNo, name, models: JSON.stringify(models), price_fen: price, consumable: consumable ? 1 : 0, serial_tracked: serialTracked ? 1 : 0,
      min_stock: minStock, location, active: 1, on_hand: 0, ...created(at, keeperId),
    });
    if (serialTracked) {
      for (let i = 1; i <= received; i++) await moveStock(tx, at, keeper, { partId, kind: 'receive', quantity: 1, serial: `${partNo}-${String(i).padStart(4, '0')}`, ticketId: null, reason: '期初入库', override: false });
    } else {
      await moveStock(tx, at, keeper, { partId, kind: 'receive', quantity: received, serial: '', ticketId: null, reason: '期初入库', override: false });
    }
  }
}

export async function loadDemo(deps: CoreDeps, admin: SessionUser | null): Promise<{ tickets: number }> {
  const existing = await deps.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM tickets');
  if ((existing?.n ?? 0) > 0) throw new AppError('CONFLICT', { key: 'demoNotEmpty' });
  const at = deps.now().toISOString();
  const by = admin?.id ?? null;
  const ids = await deps.db.write(async (tx) => {
    const staff: number[] = [];
    for (const s of STAFF) {
      const [known] = await tx.query<{ id: number }>('SELECT id FROM users WHERE username = ?', [s.username]);
      staff.push(known?.id ?? (await tx.insert('users', { username: s.username, display_name: s.displayName, role: s.role, password_hash: '', product_lines: JSON.stringify(s.lines), ...created(at, by) })));
    }
    const author = by ?? staff[0]!;
    const models = new Map<string, number>();
    for (const m of MODELS) {
      const [known] = await tx.query<{ id: number }>('SELECT id FROM product_models WHERE code = ?', [m.code]);
      models.set(m.code, known?.id ?? (await insertModel(tx, at, author, { ...m, active: true })));
    }
    const customers: number[] = [];
    for (const [surname, salutation, phone, address] of CUSTOMERS) {
      customers.push(
        await insertCustomer(tx, at, author, {
          kind: 'individual', name: `${surname}${salutation === 'mr' ? '先生' : '女士'}`, salutation, contactPerson: '',
          phone, phone2: '', address, email: '', keyAccount: false, notes: '',
        }),
      );
    }
    await loadDemoParts(tx, at, staff[3]!);
    await tx.insert('maintenance_plans', {
      name: '空调季度保养', customer_id: customers[0]!, project: '浦东张江办公室', device_id: null, unit: 'month', every: 3,
      start_date: DEMO_PLAN_START(deps.now()), fixed_dates: '[]', next_due: DEMO_PLAN_START(deps.now()), lead_days: 3, engineer_id: staff[1]!,
      checklist: JSON.stringify(DEMO_CHECKLIST), active: 1, notes: '', ...created(at, staff[3]!),
    });
    return { clerk: staff[0]!, models, customers, author };
  });
  return { tickets: await createDemoTickets(deps, ids) };
}

async function createDemoTickets(deps: CoreDeps, ids: { clerk: number; models: Map<string, number>; customers: number[] }): Promise<number> {
  const clerk: SessionUser = { id: ids.clerk, username: 'wangkf', displayName: '王客服', role: 'clerk' };
  const samples: { at: string; customer: number; fault: [string, string, string]; serial: string; purchase: string }[] = [
    { at: '2024-05-12T09:30:00+08:00', customer: 0, fault: FAULTS[0]!, serial: '202403X0001', purchase: '2024-03-10' },
    { at: '2024-05-12T10:15:00+08:00', customer: 1, fault: FAULTS[1]!, serial: '202404Y0002', purchase: '2024-04-02' },
  ];
  const today = deps.now();
  for (let i = 0; i < 24; i++) {
    const reported = new Date(today.getTime() - (i * 7 + 1) * 3_600_000 * 5);
    samples.push({ at: reported.toISOString(), customer: (i + 2) % ids.customers.length, fault: FAULTS[(i + 2) % FAULTS.length]!, serial: `SN${String(24000 + i * 37)}`, purchase: `20${23 + (i % 3)}-0${1 + (i % 9)}-15` });
  }
  for (const [n, s] of samples.entries()) {
    const [code, description, urgency] = s.fault;
    const ctx: CallContext = { ...deps, now: () => new Date(s.at), user: clerk, client: { sessionId: null, locale: 'zh-CN' } };
    const input: InputOf<'tickets.create'> = {
      channel: (['phone', 'online', 'walk_in', 'email'] as const)[n % 4]!,
      reportedAt: new Date(s.at).toISOString(),
      customerId: ids.customers[s.customer]!,
      contactName: '',
      contactPhone: '',
      newDevice: { serial: s.serial, modelId: ids.models.get(code)!, purchaseDate: s.purchase, purchaseChannel: '官方旗舰店', installDate: null, warrantyEnd: null },
      urgency: urgency as 'urgent' | 'important' | 'normal',
      problemType: n % 7 === 5 ? 'complaint' : 'hardware',
      faultDescription: description,
    };
    const customer = await deps.db.get<{ name: string; phone: string }>('SELECT name, phone FROM customers WHERE id = ?', [input.customerId]);
    input.contactName = customer!.name;
    input.contactPhone = customer!.phone;
    await createTicket(ctx, ticketCreateInput.parse(input));
  }
  return samples.length;
}
