/**
 * Host mode under load (issue 18): the built host (`out/main/host.js --lan`) as a child process on the bench
 * database, and 10 simulated desks and 5 phones calling it over HTTPS on loopback for a fixed time, each paired
 * and signed in, with a think time between actions. Desks search, open, list, register (related + create), move
 * what they registered into diagnosis and render slips; phones read their list and open tickets. Every call
 * is timed per method; any answer that is not `ok` counts as an error.
 *   npm run bench -- --only lan --data-dir .data/bench [--lan-seconds 60] [--desks 10] [--phones 5]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import Database from 'better-sqlite3';
import { HOST } from './first-screen';
import { arg, BENCH_ADMIN } from './common';
import { Rng } from './prng';

export interface LanLoadResult {
  /** Per method: every call's time in ms, and the errors. */
  samples: Map<string, number[]>;
  errors: Map<string, number>;
  seconds: number;
  clients: { desks: number; phones: number };
}

const SECONDS = Number(arg('lan-seconds', '60'));
const DESKS = Number(arg('desks', '10'));
const PHONES = Number(arg('phones', '5'));

async function startHost(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [HOST, '--port', '0', '--lan', '--lan-port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /HTTPS, port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
  return { child, port };
}

/** One desk or phone: its own keep-alive connection, desk cookie and session. */
class Device {
  private cookies = new Map<string, string>();
  constructor(
    private readonly port: number,
    private readonly agent: https.Agent,
    private readonly result: LanLoadResult,
  ) {}

  async call<T>(method: string, input: unknown, key?: string): Promise<T | null> {
    const started = process.hrtime.bigint();
    const headers: Record<string, string> = { 'content-type': 'application/json', host: `127.0.0.1:${this.port}`, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (key) headers['idempotency-key'] = key;
    const body = JSON.stringify(input);
    const answer = await new Promise<{ ok: boolean; value?: T } | null>((resolve) => {
      const req = https.request({ host: '127.0.0.1', port: this.port, path: `/api/${method}`, method: 'POST', agent: this.agent, headers }, (res) => {
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          const [k, v] = pair!.split('=');
          this.cookies.set(k!, v!);
        }
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text) as { ok: boolean; value?: T });
          } catch {
            resolve(null);
          }
        });
      });
      req.on('error', () => resolve(null));
      req.end(body);
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const list = this.result.samples.get(method) ?? [];
    list.push(ms);
    this.result.samples.set(method, list);
    if (!answer?.ok) {
      this.result.errors.set(method, (this.result.errors.get(method) ?? 0) + 1);
      return null;
    }
    return answer.value ?? null;
  }
}

interface Pool {
  phones: string[];
  ids: number[];
  customers: { customer_id: number; device_id: number; name: string; phone: string }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A desk's working loop: the mix of a service desk (reads most, a write every few actions). */
async function deskLoop(d: Device, pool: Pool, rng: Rng, until: number, tick: () => string, n: number): Promise<void> {
  let mine: number[] = [];
  let i = 0;
  while (Date.now() < until) {
    const roll = rng.int(100);
    if (roll < 30) await d.call('tickets.list', { q: pool.phones[rng.int(pool.phones.length)] });
    else if (roll < 55) await d.call('tickets.get', { id: pool.ids[rng.int(pool.ids.length)] });
    else if (roll < 65) await d.call('tickets.list', { page: 1, pageSize: 50 });
    else if (roll < 80) {
      const p = pool.customers[rng.int(pool.customers.length)]!;
      // As at the counter: the lookup finds the customer's earlier tickets, and the clerk gives the reason it asks for.
      const related = await d.call<unknown[]>('tickets.related', { phone: p.phone, serial: '', deviceId: p.device_id });
      const made = await d.call<{ id: number }>('tickets.create', {
        channel: 'phone', reportedAt: tick(), customerId: p.customer_id, deviceId: p.device_id, contactName: p.name, contactPhone: p.phone,
        urgency: 'important', problemType: 'hardware', faultDescription: '制冷效果差，出风温度高于设定温度5℃',
        ...(related && related.length > 0 ? { duplicateReason: '客户来电：上次的故障又出现' } : {}),
      }, `bench-${n}-${i++}-${Date.now()}`);
      if (made) mine.push(made.id);
    } else if (roll < 90 && mine.length > 0) {
      const id = mine.shift()!;
      const t = await d.call<{ version: number }>('tickets.get', { id });
      if (t) await d.call('tickets.move', { id, version: t.version, move: 'startDiagnosis', remoteGuidance: '' }, `bench-move-${n}-${i++}-${Date.now()}`);
    } else await d.call('slips.render', { document: 'ticketAcceptance', id: pool.ids[rng.int(pool.ids.length)], paper: '80mm' });
    await sleep(200 + rng.int(600));
  }
  mine = [];
}

/** A phone: the engineer's list and a ticket now and then, with longer pauses. */
async function phoneLoop(d: Device, pool: Pool, rng: Rng, until: number): Promise<void> {
  while (Date.now() < until) {
    if (rng.int(2) === 0) await d.call('tickets.list', { page: 1, pageSize: 20 });
    else await d.call('tickets.get', { id: pool.ids[rng.int(pool.ids.length)] });
    await sleep(500 + rng.int(1500));
  }
}

export async function lanLoad(dataDir: string): Promise<LanLoadResult> {
  const result: LanLoadResult = { samples: new Map(), errors: new Map(), seconds: SECONDS, clients: { desks: DESKS, phones: PHONES } };
  const { child, port } = await startHost(dataDir);
  try {
    const file = new Database(path.join(dataDir, 'aftercare.sqlite'), { readonly: true });
    const code = (file.prepare('SELECT pairing_code FROM host_settings WHERE id = 1').get() as { pairing_code: string }).pairing_code;
    const max = (file.prepare('SELECT MAX(id) AS m FROM tickets').get() as { m: number }).m;
    const rng = new Rng(18);
    const ids = Array.from({ length: 500 }, () => 1 + rng.int(max));
    const customers = file
      .prepare('SELECT t.customer_id, t.device_id, c.name, c.phone FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id IN (' + ids.slice(0, 200).join(',') + ') AND t.device_id IS NOT NULL')
      .all() as Pool['customers'];
    const phones = customers.map((c) => c.phone);
    file.close();
    const pool: Pool = { phones, ids, customers };
    const ca = fs.readFileSync(path.join(dataDir, 'host-tls', 'cert.pem'), 'utf8');
    const agent = () => new https.Agent({ keepAlive: true, maxSockets: 1, ca, checkServerIdentity: (_h, cert) => tls.checkServerIdentity('127.0.0.1', cert) });
    const devices = Array.from({ length: DESKS + PHONES }, () => new Device(port, agent(), result));
    for (const [i, d] of devices.entries()) {
      await d.call('host.pair', { code, deskName: i < DESKS ? `压测前台${i + 1}` : `压测手机${i - DESKS + 1}` });
      await d.call('auth.login', { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password });
    }
    result.samples.clear();
    result.errors.clear();
    const until = Date.now() + SECONDS * 1000;
    // The host's desk clock is the system's: reports are a few seconds apart, never in the future.
    let at = Date.now() - 3_600_000;
    const tick = () => new Date((at += 100)).toISOString();
    await Promise.all(devices.map((d, i) => (i < DESKS ? deskLoop(d, pool, new Rng(100 + i), until, tick, i) : phoneLoop(d, pool, new Rng(200 + i), until))));
    return result;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}
