/**
 * Messages to the team against a local HTTP server standing in for the 企业微信 group robot (it checks the webhook's
 * key and the documented JSON, `{"msgtype":"text","text":{"content":…}}`, and answers `{"errcode":0}` or a scripted
 * error) and a real SMTP server for the supervisor's e-mail: a new urgent ticket, an escalation, a part falling below
 * its line and each overdue ticket reach the robot once; the overdue check e-mails one list per check, never the
 * same ticket twice for the same due time; the robot's 20-a-minute limit and its 45009 wait for the back-off.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../../electron/core/context';
import type { Role } from '../../shared/domain/roles';
import { intake, openHarness, type Harness } from './harness';
import { mailSettings, PASSWORD, startMailServer, type MailServer } from './mail-server';

const KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

interface Robot {
  url: string;
  texts: string[];
  answers: unknown[];
  close(): Promise<void>;
}

async function startRobot(): Promise<Robot> {
  const robot: Robot = { url: '', texts: [], answers: [], close: () => new Promise((resolve) => server.close(() => resolve())) };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '', 'http://x');
      const answer = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || url.pathname !== '/cgi-bin/webhook/send') return answer({ errcode: 404, errmsg: 'not found' });
      if (url.searchParams.get('key') !== KEY) return answer({ errcode: 93000, errmsg: 'invalid webhook url' });
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { msgtype?: string; text?: { content?: unknown } };
      if (!String(req.headers['content-type']).startsWith('application/json') || body.msgtype !== 'text' || typeof body.text?.content !== 'string') return answer({ errcode: 40008, errmsg: 'invalid message type' });
      const scripted = robot.answers.shift();
      if (scripted) return answer(scripted);
      robot.texts.push(body.text.content);
      answer({ errcode: 0, errmsg: 'ok' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  robot.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=${KEY}`;
  return robot;
}

let h: Harness;
let c: Record<Role, Client>;
let robot: Robot;
let mail: MailServer;

beforeEach(async () => {
  robot = await startRobot();
  mail = await startMailServer({ user: 'desk@example.com', password: PASSWORD });
  h = await openHarness(undefined, { trustedCa: [mail.ca], outboxEveryMs: null, overdueEveryMs: null, maintenanceEveryMs: null });
  c = await h.signedIn();
  await h.ok(c.admin, 'settings.update', { ...(await h.ok(c.admin, 'settings.get', {})), company: { name: '华信售后', address: '深圳市南山区科技园1号', hotline: '400-800-1234', logo: '' } });
  // Customers get no e-mail here (no addresses): the mails are the supervisor's.
  await h.ok(c.admin, 'messaging.settings.update', { ...mailSettings(mail.port, 0), wecomWebhook: robot.url, overdueEmail: 'supervisor@example.com' });
});
afterEach(async () => {
  await h.close();
  await robot.close();
  await mail.close();
});

const outbox = (h: Harness) => h.core.db.query<{ channel: string; event: string; state: string; attempts: number; last_error: string }>('SELECT channel, event, state, attempts, last_error FROM outbox ORDER BY id');

describe('the 企业微信 group robot', () => {
  it('the test button posts to the robot; a wrong key is refused on the webhook field, in words', async () => {
    await h.ok(c.admin, 'messaging.wecom.test', { webhook: '' });
    expect(robot.texts).toEqual(['【华信售后】售后服务中心：企业微信机器人连接测试成功。']);
    const wrong = await h.call(c.admin, 'messaging.wecom.test', { webhook: robot.url.replace(KEY, 'nope') });
    expect(wrong.ok === false && wrong.error.fields?.wecomWebhook).toBe('企业微信机器人的 Webhook 地址无效或机器人已被移除。');
    expect((await h.ok(c.admin, 'messaging.settings.get', {})).wecomSet).toBe(true);
    expect(JSON.stringify(await h.ok(c.admin, 'messaging.settings.get', {}))).not.toContain(KEY);
  });

  it('a new urgent ticket and an escalation reach the robot once; an ordinary ticket does not', async () => {
    const urgent = await h.ok(c.clerk, 'tickets.create', intake({ urgency: 'urgent' }));
    await h.ok(c.clerk, 'tickets.create', intake({ urgency: 'normal' }));
    const t = await h.ok(c.supervisor, 'tickets.get', { id: urgent.id });
    await h.ok(c.supervisor, 'tickets.escalate', { id: urgent.id, version: t.version, reason: '客户投诉' });
    await h.core.sendOutbox();
    expect(robot.texts).toEqual([
      `【紧急工单】${urgent.number}　客户：陈先生　型号：\n故障：制冷效果差，出风温度高于设定温度5℃\n请尽快派工处理。`,
      `【工单升级】${urgent.number} 已升级到 L2　客户：陈先生\n原因：客户投诉`,
    ]);
    expect((await outbox(h)).map((r) => [r.channel, r.event, r.state])).toEqual([['wecom', 'urgent', 'sent'], ['wecom', 'escalated', 'sent']]);
    expect(await h.core.sendOutbox()).toBe(0);
  });

  it('a part falling below its low-stock line is announced once, by the movement that crossed it', async () => {
    const p = await h.ok(c.supervisor, 'parts.create', { partNo: 'CAP-35', name: '启动电容 35μF', priceFen: 2_500, minStock: 5 });
    await h.ok(c.supervisor, 'stock.move', { partId: p.id, kind: 'receive', quantity: 6 });
    await h.ok(c.supervisor, 'stock.move', { partId: p.id, kind: 'scrap', quantity: 1, reason: '受潮' }); // 5: at the line, not below
    await h.ok(c.supervisor, 'stock.move', { partId: p.id, kind: 'scrap', quantity: 1, reason: '受潮' }); // 4: below
    await h.ok(c.supervisor, 'stock.move', { partId: p.id, kind: 'scrap', quantity: 1, reason: '受潮' }); // 3: still below
    await h.core.sendOutbox();
    expect(robot.texts).toEqual(['【备件低库存】CAP-35 启动电容 35μF：现存 4，低于安全库存 5，请及时补货。']);
  });

  it('errcode 45009 (over the limit) waits for the back-off; the desk itself sends at most 20 a minute', async () => {
    robot.answers.push({ errcode: 45009, errmsg: 'api freq out of limit' });
    for (let i = 0; i < 22; i++) await h.ok(c.clerk, 'tickets.create', intake({ urgency: 'urgent' }));
    await h.core.sendOutbox();
    // 20 tries within the minute: the first refused by the robot (45009), 19 delivered; the other 3 wait.
    expect(robot.texts).toHaveLength(19);
    const rows = await outbox(h);
    expect(rows.filter((r) => r.state === 'queued').map((r) => r.last_error.split('|')[0])).toEqual(['throttled', 'throttled', 'throttled']);
    h.clock.now = new Date(h.clock.now.getTime() + 61_000);
    await h.core.sendOutbox();
    expect(robot.texts).toHaveLength(22);
    expect((await outbox(h)).every((r) => r.state === 'sent')).toBe(true);
  });
});

describe('the overdue alert', () => {
  it('each newly overdue ticket to the robot, and one e-mail per check to the supervisor; never twice for the same due time', async () => {
    const a = await h.ok(c.clerk, 'tickets.create', intake());
    const b = await h.ok(c.clerk, 'tickets.create', intake({ urgency: 'normal' }));
    const due = async (id: number) => (await h.core.db.get<{ d: string }>('SELECT resolve_due_at AS d FROM tickets WHERE id = ?', [id]))!.d;
    const [dueA, dueB] = [await due(a.id), await due(b.id)];
    expect(dueA < dueB).toBe(true);
    expect(await h.core.checkOverdue()).toBe(0);
    h.clock.now = new Date(Date.parse(dueB) + 60_000); // both past due
    expect(await h.core.checkOverdue()).toBe(2);
    expect(await h.core.checkOverdue()).toBe(0);
    await h.core.sendOutbox();
    expect(robot.texts.map((t) => t.split('　')[0])).toEqual([`【工单超时】${a.number}`, `【工单超时】${b.number}`]);
    expect(mail.received).toHaveLength(1);
    const digest = mail.received[0]!;
    expect(digest.subject).toBe('【华信售后】超时工单提醒：2 张');
    expect((digest.to as { text: string }).text).toBe('supervisor@example.com');
    expect(digest.text).toContain('以下工单已超过解决期限：');
    expect(digest.text).toContain(`${a.number}　陈先生　负责人：未指派　应于 `);
    expect(digest.text).toContain(b.number);
    // A later ticket past its deadline: the next check lists it alone (the clerk signs in again after the days passed).
    const clerk = h.client();
    await h.ok(clerk, 'auth.login', { username: 'clerk', password: 'clerk-pass-1' });
    const c3 = await h.ok(clerk, 'tickets.create', intake({ urgency: 'urgent' }));
    h.clock.now = new Date(Date.parse(await due(c3.id)) + 60_000);
    expect(await h.core.checkOverdue()).toBe(1);
    await h.core.sendOutbox();
    expect(mail.received).toHaveLength(2);
    expect(mail.received[1]!.subject).toBe('【华信售后】超时工单提醒：1 张');
    expect(mail.received[1]!.text).toContain(c3.number);
    expect(mail.received[1]!.text).not.toContain(a.number);
    expect(robot.texts.filter((t) => t.startsWith('【工单超时】'))).toHaveLength(3);
  });
});
