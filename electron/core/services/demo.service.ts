/**
 * The demo desk: product models, staff (without passwords until the admin sets them), customers,
 * devices, tickets including the two samples of seed 001 (KFR-35 制冷效果差, P50 屏幕偶尔失灵), and the
 * knowledge base articles for those faults and a few more (one waiting for the supervisor's review).
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
import { seedArticle, type SeedArticle } from './knowledge.service';
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

const ARTICLES: SeedArticle[] = [
  {
    title: '空调制冷效果差',
    models: ['KFR-35'],
    symptom: '制冷效果差，出风不凉，室温降不下来，出风温度比设定温度高 5℃ 以上。',
    cause: '最常见为室内机滤网积尘堵塞、室外机散热不良；其次为冷媒（制冷剂）泄漏导致压力偏低。',
    selfCheck: '1. 确认遥控器为"制冷"模式，设定温度低于室温至少 3℃。\n2. 打开面板取下滤网，用清水冲洗、阴干后装回。\n3. 查看室外机周围 50 cm 内是否有杂物遮挡、是否在运转。\n4. 关闭门窗运行 15 分钟后再测出风温度。',
    solution: '1. 清洗室内机滤网与蒸发器。\n2. 清理室外机冷凝器。\n3. 测量低压侧压力，低于 0.4 MPa 时检漏、补焊并按铭牌加注 R32。\n4. 试机 30 分钟，出风温差 ≥ 8℃ 为正常。',
    prevention: '每月清洗滤网一次；每年入夏前做一次保养。',
    state: 'published',
  },
  {
    title: '手机屏幕偶尔失灵（触摸无反应）',
    models: ['P50'],
    symptom: '屏幕偶尔失灵，触碰无反应，几秒后恢复；多见于充电时或贴了厚膜。',
    cause: '贴膜过厚或有气泡、充电器接地不良造成触摸干扰；少数为屏幕排线松动或系统版本过旧。',
    selfCheck: '1. 取下手机壳和贴膜后再试。\n2. 拔掉充电器后再试，换用原装充电器。\n3. 长按电源键重启手机。\n4. 设置 → 系统更新，升级到最新版本。',
    solution: '1. 升级系统并恢复触摸校准。\n2. 仍复现时拆机重新插接屏幕排线。\n3. 排线无异常则更换屏幕总成。',
    prevention: '使用原装充电器；选用 0.3 mm 以下的贴膜。',
    state: 'published',
  },
  {
    title: '冰箱冷藏室不制冷，压缩机频繁启动',
    models: ['BCD-450'],
    symptom: '冷藏室不制冷或温度偏高，压缩机频繁启动、停机。',
    cause: '门封不严、冷藏风门结霜堵塞，或温度传感器故障。',
    selfCheck: '1. 检查冰箱门是否关严，门封条有无破损。\n2. 确认温度设定在 2–5℃。\n3. 冷藏室出风口前不要堆放食物。\n4. 断电 30 分钟后重新通电观察。',
    solution: '1. 化霜并清理风道。\n2. 测量冷藏传感器阻值，异常则更换。\n3. 更换变形的门封条。',
    prevention: '避免长时间开门；放入食物前先放凉。',
    state: 'published',
  },
  {
    title: '洗衣机脱水噪音大、机身晃动',
    models: ['XQG-100'],
    symptom: '脱水时噪音很大，机身晃动甚至移位。',
    cause: '运输螺栓未拆、底脚不平或衣物偏在一侧；少数为减震器或轴承损坏。',
    selfCheck: '1. 确认背面的运输螺栓已全部拆下。\n2. 调整四个底脚，使机身放平不晃。\n3. 把衣物抖散重新放匀后再脱水。',
    solution: '1. 校平机身。\n2. 检查减震器阻尼，失效则成对更换。\n3. 轴承异响则更换轴承与油封。',
    prevention: '单次洗涤不超过额定容量；大件衣物单独洗。',
    state: 'published',
  },
  {
    title: '平板无法充电，充电指示灯不亮',
    models: ['T20'],
    symptom: '无法充电，插上充电器后指示灯不亮，电量不增加。',
    cause: '充电口有异物、充电线或充电器损坏；电池深度放电时需较长时间才显示充电。',
    selfCheck: '1. 用软毛刷清理充电口。\n2. 换一根原装数据线和充电器再试。\n3. 保持充电 30 分钟后再长按电源键 15 秒开机。',
    solution: '1. 检测充电口和尾插小板，损坏则更换。\n2. 电池无法激活时更换电池。',
    prevention: '不要边充电边玩大型游戏；长期不用时保持 50% 电量。',
    state: 'published',
  },
  {
    title: '空调室外机漏水，显示故障代码 E4',
    models: ['KFR-35'],
    symptom: '室外机漏水，面板显示故障代码 E4。',
    cause: 'E4 为室外排水/化霜异常；冬季制热化霜水属于正常现象，夏季大量漏水多为排水管堵塞。',
    selfCheck: '1. 冬季制热时室外机滴水属正常化霜，告知客户。\n2. 查看排水管是否弯折、堵塞。\n3. 断电 3 分钟后重新开机，看 E4 是否消失。',
    solution: '1. 疏通排水管。\n2. 检查化霜传感器，异常则更换。',
    prevention: '每年检查排水管走向，避免倒坡。',
    state: 'published',
  },
  {
    title: '手机通话断断续续，对方听不清',
    models: ['P50'],
    symptom: '通话断断续续，对方听不清，免提正常。',
    cause: '听筒网罩堵塞或主麦克风进灰；信号弱时也会出现。',
    selfCheck: '1. 开免提通话对比。\n2. 关闭再打开飞行模式。\n3. 清洁听筒和麦克风孔。',
    solution: '1. 清洁或更换麦克风。\n2. 检查天线触点。',
    prevention: '避免在潮湿环境使用。',
    state: 'in_review',
  },
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
    for (const a of ARTICLES) {
      // 张工 writes the appliance articles, 李工 the electronics ones; 赵主管 reviews.
      const writer = MODELS.find((m) => m.code === a.models[0])?.productLine === '家电' ? staff[1]! : staff[2]!;
      await seedArticle(tx, at, a, a.models.map((c) => models.get(c)!), writer, staff[3]!);
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
