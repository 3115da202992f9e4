/**
 * The demo desk's people and what they look after: its staff (one per role, all with the demo password, so
 * a newcomer can sign in as each), the product models, and the customers. Created through the API by the
 * admin, the supervisor and the clerk, like a desk that is being set up.
 */
import type { InputOf } from '../../../../shared/api/contract';
import type { Role } from '../../../../shared/domain/roles';
import type { SessionUser } from '../../../../shared/domain/user';
import type { Actor, DemoRun } from './runner';

/** The demo accounts' password: shown on the first screen of a demo desk, never of a real one. */
export const DEMO_PASSWORD = 'demo1234';

export const STAFF: { actor: Actor; username: string; displayName: string; role: Role; lines: string[] }[] = [
  { actor: 'clerk', username: 'wangkf', displayName: '王客服', role: 'clerk', lines: [] },
  { actor: 'zhang', username: 'zhanggong', displayName: '张工', role: 'engineer', lines: ['家电'] },
  { actor: 'li', username: 'ligong', displayName: '李工', role: 'engineer', lines: ['电子'] },
  { actor: 'super', username: 'zhaozg', displayName: '赵主管', role: 'supervisor', lines: [] },
];

/** The admin a desk loaded from the command line gets (nobody has set one up yet). */
export const DEMO_ADMIN = { username: 'demoadmin', displayName: '演示管理员' };

/** Every account the demo may create, as the sign-in screen lists them. */
export const DEMO_USERNAMES = [...STAFF.map((s) => s.username), DEMO_ADMIN.username];

export const MODELS = [
  { code: 'KFR-35', name: '智能空调 KFR-35GW', productLine: '家电', warrantyMonths: 36 },
  { code: 'BCD-450', name: '变频冰箱 BCD-450', productLine: '家电', warrantyMonths: 36 },
  { code: 'XQG-100', name: '滚筒洗衣机 XQG-100', productLine: '家电', warrantyMonths: 24 },
  { code: 'P50', name: '智能手机 P50', productLine: '电子', warrantyMonths: 12 },
  { code: 'T20', name: '平板电脑 T20', productLine: '电子', warrantyMonths: 12 },
  { code: 'W8', name: '智能手表 W8', productLine: '电子', warrantyMonths: 12 },
];

/** Which engineer a model's line goes to (the engineers' product lines). */
export const engineerFor = (model: string): 'zhang' | 'li' => (MODELS.find((m) => m.code === model)?.productLine === '家电' ? 'zhang' : 'li');

type CustomerInput = InputOf<'customers.create'>;
const person = (name: string, salutation: 'mr' | 'ms', phone: string, address: string): CustomerInput => ({
  kind: 'individual', name: `${name}${salutation === 'mr' ? '先生' : '女士'}`, salutation, phone, address,
});

export const CUSTOMERS: [string, CustomerInput][] = [
  ['chen', person('陈', 'mr', '13800135678', '上海市浦东新区张江路 88 号')],
  ['lin', person('林', 'ms', '13912340139', '杭州市西湖区文三路 120 号')],
  ['zhou', person('周', 'mr', '13600001111', '南京市鼓楼区中山北路 9 号')],
  ['wu', person('吴', 'ms', '13700002222', '苏州市工业园区星湖街 328 号')],
  ['zheng', person('郑', 'mr', '13500003333', '宁波市鄞州区天童南路 66 号')],
  ['sun', person('孙', 'ms', '18800004444', '合肥市蜀山区长江西路 200 号')],
  ['hengtong', { kind: 'company', name: '上海恒通物业管理有限公司', contactPerson: '刘经理', phone: '021-58880001', address: '上海市浦东新区世纪大道 1500 号', keyAccount: true, notes: '重点客户：写字楼中央空调与公共区域家电，按季度巡检。' }],
  ['jiahe', { kind: 'company', name: '杭州嘉禾酒店', contactPerson: '何主管', phone: '0571-86660002', address: '杭州市上城区解放路 58 号', keyAccount: true }],
];

/**
 * The admin: the one who loads the demo; from the command line the desk's first admin; on a desk nobody has set
 * up yet, the demo's own (through auth.setup, like a first start).
 */
async function signInAdmin(run: DemoRun, admin: SessionUser | null): Promise<boolean> {
  const [first] = admin ? [admin] : await run.deps.db.query<SessionUser>(
    "SELECT id, username, display_name AS displayName, role FROM users WHERE role = 'admin' AND active = 1 AND password_hash <> '' ORDER BY id LIMIT 1",
  );
  if (first) {
    await run.signIn('admin', first);
    return false;
  }
  await run.setUpAdmin({ ...DEMO_ADMIN, password: DEMO_PASSWORD });
  return true;
}

/** Staff, models and customers; returns whether the demo made its own admin. */
export async function addPeople(run: DemoRun, admin: SessionUser | null): Promise<boolean> {
  const ownAdmin = await signInAdmin(run, admin);
  for (const s of STAFF) {
    const user = await run.call('admin', 'users.create', { username: s.username, displayName: s.displayName, role: s.role, password: DEMO_PASSWORD, productLines: s.lines });
    await run.signIn(s.actor, user);
  }
  for (const m of MODELS) run.models.set(m.code, (await run.call('super', 'models.create', { ...m, active: true })).id);
  for (const [key, input] of CUSTOMERS) {
    // A key account is the supervisor's to mark; the clerk registers the rest.
    const c = await run.call(input.keyAccount ? 'super' : 'clerk', 'customers.create', input);
    run.customers.set(key, { id: c.id, contact: c.contactPerson || c.name, phone: c.phone });
  }
  return ownAdmin;
}
