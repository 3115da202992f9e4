/** Staff, product models, customers with Chinese names and mobile numbers, and their devices. */
import type Database from 'better-sqlite3';
import type { Rng } from './prng';
import { CITIES, COMPANY_KINDS, COMPANY_WORDS, GIVEN_CHARS, PRODUCT_LINES, STREETS, SURNAMES } from './vocab';
import { instantParam } from '../../electron/core/db/instants';

export interface Model {
  id: number;
  line: number;
  warrantyMonths: number;
}

export interface People {
  clerks: number[];
  engineers: number[];
  models: Model[];
  /** Index = customer id - 1. */
  customerName: string[];
  customerPhone: string[];
  /** Index = device id - 1. */
  deviceModel: Int32Array;
  deviceCustomer: Int32Array;
  deviceSerial: string[];
  devicePurchase: string[];
}

export const START = Date.UTC(2021, 10, 24); // five years before the bench's "today" (2026-11-24)
export const DAYS = 1826;
const iso = (ms: number) => new Date(ms).toISOString();
const CHUNK = 50_000;

function chunked(db: Database.Database, n: number, row: (i: number) => void): void {
  for (let from = 0; from < n; from += CHUNK) db.transaction(() => { for (let i = from; i < Math.min(n, from + CHUNK); i++) row(i); })();
}

function insertStaff(db: Database.Database): { clerks: number[]; engineers: number[] } {
  const at = iso(START);
  const ins = db.prepare(`INSERT INTO users (username, display_name, role, password_hash, product_lines, created_at, updated_at, created_by, updated_by, version)
    VALUES (?, ?, ?, '', ?, ?, ?, 1, 1, 1)`);
  const staff: [string, string, string, string[]][] = [
    ['wangkf', '王客服', 'clerk', []], ['liukf', '刘客服', 'clerk', []], ['chenkf', '陈客服', 'clerk', []], ['zhoukf', '周客服', 'clerk', []],
    ['zhanggong', '张工', 'engineer', ['家电', '冰箱']], ['ligong', '李工', 'engineer', ['电子', '电脑']], ['sungong', '孙工', 'engineer', ['洗衣机']],
    ['hugong', '胡工', 'engineer', ['厨电']], ['magong', '马工', 'engineer', ['家电']], ['zhaozg', '赵主管', 'supervisor', []],
  ];
  const out = { clerks: [] as number[], engineers: [] as number[] };
  for (const [u, name, role, lines] of staff) {
    const id = Number(ins.run(u, name, role, JSON.stringify(lines), at, at).lastInsertRowid);
    if (role === 'clerk') out.clerks.push(id);
    if (role === 'engineer') out.engineers.push(id);
  }
  return out;
}

function insertModels(db: Database.Database): Model[] {
  const at = iso(START);
  const ins = db.prepare(`INSERT INTO product_models (code, name, product_line, warranty_months, active, created_at, updated_at, created_by, updated_by, version)
    VALUES (?, ?, ?, ?, 1, ?, ?, 1, 1, 1)`);
  const models: Model[] = [];
  PRODUCT_LINES.forEach((p, line) => {
    for (let k = 0; k < 10; k++) {
      const code = `${p.prefix}-${(k + 2) * 5 + (line % 3) * 100}${'ABCDEFGHJK'[k]}`;
      const id = Number(ins.run(code, `${p.kind} ${code}`, p.line, p.warranty, at, at).lastInsertRowid);
      models.push({ id, line, warrantyMonths: p.warranty });
    }
  });
  return models;
}

function personName(rng: Rng): string {
  const given = rng.next() < 0.7 ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return rng.pick(SURNAMES) + given;
}

export const mobile = (rng: Rng): string => `1${rng.pick(['3', '5', '7', '8', '9', '4', '6'])}${String(rng.int(1e9)).padStart(9, '0')}`;

function insertCustomers(db: Database.Database, rng: Rng, n: number, names: string[], phones: string[]): void {
  const ins = db.prepare(`INSERT INTO customers (kind, name, salutation, contact_person, phone, phone_norm, phone2, phone2_norm, address, email, key_account, notes, created_at, updated_at, created_by, updated_by, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, '', ?, ?, 1, 1, 1)`);
  const audit = db.prepare(`INSERT INTO audit_log (at, actor_id, entity, entity_id, action, changes) VALUES (?, 1, 'customers', ?, 'create', ?)`);
  chunked(db, n, (i) => {
    const company = rng.next() < 0.03;
    const person = personName(rng);
    const name = company ? `${rng.pick(CITIES)[0].slice(0, 2)}${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_KINDS)}` : person;
    const salutation = company ? '' : rng.pick(['mr', 'ms', '']);
    const phone = mobile(rng);
    const phone2 = rng.next() < 0.1 ? mobile(rng) : '';
    const [city, districts] = rng.pick(CITIES);
    const address = `${city}${rng.pick(districts)}${rng.pick(STREETS)} ${1 + rng.int(400)} 号`;
    const at = iso(START + rng.int(DAYS) * 86_400_000);
    const values = { kind: company ? 'company' : 'individual', name, salutation, contact_person: company ? person : '', phone, phone_norm: phone, phone2, phone2_norm: phone2, address, email: '', key_account: company ? 1 : 0, notes: '' };
    const id = Number(ins.run(values.kind, name, salutation, values.contact_person, phone, phone, phone2, phone2, address, values.key_account, at, at).lastInsertRowid);
    // As the app writes a creation: its values are the row itself (services/audit.ts).
    audit.run(instantParam(at), id, '{}');
    names[i] = name;
    phones[i] = phone;
  });
}

function insertDevices(db: Database.Database, rng: Rng, people: People, nCustomers: number): void {
  const n = people.deviceModel.length;
  const ins = db.prepare(`INSERT INTO devices (serial, model_id, customer_id, purchase_date, purchase_channel, install_date, warranty_end, created_at, updated_at, created_by, updated_by, version)
    VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, 1, 1, 1)`);
  const audit = db.prepare(`INSERT INTO audit_log (at, actor_id, entity, entity_id, action, changes) VALUES (?, 1, 'devices', ?, 'create', ?)`);
  const channels = ['官方旗舰店', '京东自营', '苏宁易购', '线下门店', '工程渠道'];
  chunked(db, n, (i) => {
    const model = rng.pick(people.models);
    const customer = 1 + rng.int(nCustomers);
    const bought = START - 400 * 86_400_000 + rng.int(DAYS + 300) * 86_400_000;
    const purchase = iso(bought).slice(0, 10);
    const serial = `${PRODUCT_LINES[model.line]!.prefix}${purchase.slice(2, 4)}${String(model.id).padStart(2, '0')}${String(i + 1).padStart(7, '0')}`;
    const channel = rng.pick(channels);
    const at = iso(bought + 86_400_000);
    const id = Number(ins.run(serial, model.id, customer, purchase, channel, at, at).lastInsertRowid);
    audit.run(instantParam(at), id, '{}');
    people.deviceModel[i] = model.id;
    people.deviceCustomer[i] = customer;
    people.deviceSerial[i] = serial;
    people.devicePurchase[i] = purchase;
  });
}

export function insertPeople(db: Database.Database, rng: Rng, tickets: number, log: (m: string) => void): People {
  const nCustomers = Math.max(10, Math.round(tickets * 0.3));
  const nDevices = Math.max(10, Math.round(tickets * 0.4));
  const people: People = {
    ...insertStaff(db),
    models: insertModels(db),
    customerName: new Array<string>(nCustomers),
    customerPhone: new Array<string>(nCustomers),
    deviceModel: new Int32Array(nDevices),
    deviceCustomer: new Int32Array(nDevices),
    deviceSerial: new Array<string>(nDevices),
    devicePurchase: new Array<string>(nDevices),
  };
  insertCustomers(db, rng, nCustomers, people.customerName, people.customerPhone);
  log(`${nCustomers} customers`);
  insertDevices(db, rng, people, nCustomers);
  log(`${nDevices} devices across ${people.models.length} models`);
  return people;
}
