/**
 * Issue 20, messages to customers: the admin sets up the e-mail server in 消息设置 and previews a template on a
 * real ticket (with the SMS length); a new ticket's "received" e-mail reaches a real SMTP server started by the
 * test; the SMS provider (阿里云) is entered and the 企业微信 robot's 测试 button posts to a local robot; a refused address lands under 失败 with the reason in words; the supervisor cancels it in the outbox; the
 * ticket shows what was sent; the clerk records a customer's opt-out.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { test, expect, api, deskNow, shot } from './fixtures';
import { CLERK, SUPERVISOR, signIn } from './people';
import { chooseOption } from './pages/select';

/** A plain SMTP server on the LAN: it takes every message except to addresses starting with "bad". */
async function mailServer(): Promise<{ port: number; received: ParsedMail[]; close: () => Promise<void> }> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address.startsWith('bad') ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, _session, callback) {
      void simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A 企业微信 group robot on the LAN: it keeps each text posted to its webhook and answers errcode 0. */
async function robotServer(): Promise<{ url: string; texts: string[]; close: () => Promise<void> }> {
  const texts: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      texts.push((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: { content: string } }).text.content);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=e2e-robot-key`;
  return { url, texts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('the admin sets up e-mail, a ticket sends its message, a refused one is cancelled in the outbox, the ticket shows what was sent', async ({ page, desk, browser }) => {
  test.setTimeout(120_000);
  const url = desk.url;
  const mail = await mailServer();
  await api(page.request, url, 'users.create', CLERK);
  await api(page.request, url, 'users.create', SUPERVISOR);
  await api(page.request, url, 'settings.update', { ...(await api<object>(page.request, url, 'settings.get')), company: { name: '华信售后', address: '深圳市南山区科技园1号', hotline: '400-800-1234', logo: '' } });
  const reportedAt = new Date((await deskNow(page.request, url)).getTime() - 3_600_000).toISOString();
  const intake = (name: string, email: string) => ({
    channel: 'phone', reportedAt, contactName: name, contactPhone: '13800135678', urgency: 'important', problemType: 'hardware', faultDescription: '制冷效果差',
    newCustomer: { name, salutation: 'mr', phone: '13800135678', email },
  });
  const first = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', intake('陈先生', 'chen@example.com'));

  // 消息设置: the server, then a preview of the received SMS on the real ticket, with its length.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${url}/#/settings/messages`);
  await page.getByTestId('smtp-host').fill('127.0.0.1');
  await page.getByTestId('smtp-port').fill(String(mail.port));
  await chooseOption(page, 'smtp-security', '不加密（仅限内网）');
  await page.getByTestId('smtp-from').fill('service@example.com');
  await page.getByTestId('preview-ticket').fill(first.number);
  const received = page.getByTestId('template-received');
  await received.getByTestId('preview-sms').click();
  await expect(received.getByTestId('preview-body')).toHaveText(`陈先生您好，您的报修已受理，工单号${first.number}。如有疑问请致电400-800-1234。`);
  await expect(received.getByTestId('preview-length')).toHaveText(/^\d+ 字 · 1 条短信$/);
  // SMS through Alibaba Cloud (no template code yet: no SMS is queued), and the team's robot tested before saving.
  await chooseOption(page, 'sms-provider', '阿里云短信');
  await page.getByTestId('sms-key-id').fill('LTAI5tExampleKeyId');
  await page.getByTestId('sms-secret').fill('example-secret');
  await page.getByTestId('sms-sign').fill('华信售后');
  const robot = await robotServer();
  await page.getByTestId('wecom-webhook').fill(robot.url);
  await page.getByTestId('wecom-test').click();
  await expect(page.getByText('测试消息已发到企业微信群。')).toBeVisible();
  expect(robot.texts).toEqual(['【华信售后】售后服务中心：企业微信机器人连接测试成功。']);
  await shot(page, 'messaging-settings');
  await page.getByTestId('messaging-save').click();
  await expect(page.getByText('消息设置已保存。')).toBeVisible();
  await expect(page.getByTestId('sms-secret')).toHaveAttribute('placeholder', '已保存（不显示）；留空则保持不变');
  await expect(page.getByTestId('wecom-webhook')).toHaveAttribute('placeholder', '已保存（不显示）；留空则保持不变');
  await robot.close();

  // A ticket registered now sends its e-mail at once; one to a refused address fails with the reason in words.
  const second = await api<{ id: number; number: string }>(page.request, url, 'tickets.create', intake('李先生', 'li@example.com'));
  await api(page.request, url, 'tickets.create', intake('王先生', 'bad@example.com'));
  await expect.poll(() => mail.received.map((m) => m.subject)).toEqual([`【华信售后】报修已受理：${second.number}`]);
  expect(mail.received[0]!.text).toContain(`李先生您好，您的报修已受理，工单号${second.number}。`);

  const supervisor = await signIn(browser, url, SUPERVISOR);
  await supervisor.setViewportSize({ width: 1366, height: 768 });
  await supervisor.getByRole('link', { name: '消息发件箱' }).click();
  await supervisor.getByTestId('outbox-view').getByText('失败 / 待查看').click();
  const failed = supervisor.getByTestId('outbox-row');
  await expect(failed).toHaveCount(1);
  await expect(failed.getByTestId('outbox-reason')).toContainText('服务器拒收该消息（地址无效或内容被拒）。');
  await expect(failed).toContainText('bad@example.com');
  await shot(supervisor, 'outbox-failed');
  await failed.getByTestId('outbox-cancel').click();
  await expect(supervisor.getByTestId('outbox-row')).toHaveCount(0);
  await supervisor.getByTestId('outbox-view').getByText('今日已发送').click();
  await expect(supervisor.getByTestId('outbox-row')).toHaveCount(1);
  await expect(supervisor.getByTestId('outbox-row')).toContainText('li@example.com');
  await shot(supervisor, 'outbox-sent-today');

  // The ticket shows what was sent; the clerk records that the customer wants no more e-mail.
  await supervisor.getByRole('link', { name: second.number }).click();
  const message = supervisor.getByTestId('ticket-message');
  await expect(message).toHaveAttribute('data-state', 'sent');
  await expect(message).toContainText('受理通知');
  await expect(message).toContainText('li@example.com');
  await shot(supervisor, 'ticket-messages');

  const clerk = await signIn(browser, url, CLERK);
  await clerk.setViewportSize({ width: 1366, height: 768 });
  const detail = await api<{ customer: { id: number } }>(page.request, url, 'tickets.get', { id: second.id });
  await clerk.goto(`${url}/#/customers/${detail.customer.id}`);
  await expect(clerk.getByTestId('consent-email-note')).toHaveText('未退订');
  await clerk.getByTestId('consent-email').click({ force: true });
  await expect(clerk.getByTestId('consent-email-note')).toHaveText(/^已退订 · .+ · 客服小王$/);
  await shot(clerk, 'customer-consent');
  await mail.close();
});
