/**
 * Host mode (issue 18): one host serves two desks over HTTPS on the LAN. Each desk pairs with the host's code
 * (a wrong one refused in words), a clerk registers a ticket on one desk and the supervisor's open list on the
 * other shows it without a reload; the audit trail names the desk; a revoked desk is refused in words. Then the
 * host is killed while the clerk is typing: the desk reconnects still signed in (sessions are kept in the
 * host's database), and the save it resends makes exactly one ticket with what was typed. On the way, the desktop
 * app's first start (本机 / 连接到主机, served by browser mode with --ask-desk-choice) pairs with the host by keyboard,
 * and undoes the pairing (指纹不一致，取消配对) back to the two choices.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect, shot, DESK_NOW } from './fixtures';
import { IntakePage } from './pages/intake-page';
import { LoginPage } from './pages/login-page';

test.use({ viewport: { width: 1366, height: 768 } });

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** `npm run serve -- --lan --demo` on fixed ports (a restart comes back where the desks left it). */
async function startLanHost(dataDir: string, port: number, lanPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['out/main/host.js', '--port', String(port), '--lan', '--lan-port', String(lanPort), '--data-dir', dataDir, '--now', DESK_NOW, '--demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/HTTPS, port \d+/.test(output) && /browser mode\) on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)));
  });
  return child;
}

async function pairAndSignIn(browser: Browser, lanUrl: string, code: string, deskName: string, username: string): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(lanUrl);
  await page.getByTestId('pair-code').fill(code);
  await page.getByTestId('pair-name').fill(deskName);
  await page.getByTestId('pair-submit').click();
  await new LoginPage(page).login(username, 'demo1234');
  await expect(page.getByTestId('current-user')).toBeVisible();
  return page;
}

/** 本机 / 连接到主机 on a second, empty data folder served with --ask-desk-choice (issue 18). */
async function firstStart(browser: Browser, code: string, lanPort: number, fingerprint: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-e2e-choice-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['out/main/host.js', '--ask-desk-choice', '--port', String(port), '--data-dir', dataDir, '--now', DESK_NOW], { stdio: ['ignore', 'pipe', 'pipe'] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()) && /browser mode\) on/.test(output) && resolve());
      child.on('exit', (exitCode) => reject(new Error(`host exited (${exitCode}):\n${output}`)));
    });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.getByText('这台电脑怎样使用？')).toBeVisible();
    await expect(page.getByTestId('choice-local')).toBeFocused();
    await shot(page, 'desk-choice');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('choice-host')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('choice-address')).toBeFocused();
    await expect(page.getByTestId('choice-name')).toHaveValue(hostname());
    await page.keyboard.type(`127.0.0.1:${lanPort}`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('1234 0000');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('前台5号');
    await page.keyboard.press('Enter');
    await expect(page.getByText('配对码不对')).toBeVisible();
    await expect(page.getByTestId('choice-address')).toHaveValue(`127.0.0.1:${lanPort}`);
    await expect(page.getByTestId('choice-name')).toHaveValue('前台5号');
    await shot(page, 'desk-choice-wrong-code');
    await page.getByTestId('choice-code').fill(code);
    await page.getByTestId('choice-code').press('Enter');
    await page.keyboard.press('Enter');
    // The same four lines as the host's page, to compare line by line.
    await expect(page.getByTestId('paired-fingerprint')).toHaveText(fingerprint.replace(/\s/g, ''));
    expect(await page.getByTestId('paired-fingerprint').innerText()).toBe(fingerprint);
    expect(fingerprint.split('\n')).toHaveLength(4);
    await expect(page.getByTestId('desk-choice-restart')).toBeVisible();
    expect(existsSync(join(dataDir, 'connection.json'))).toBe(true);
    await shot(page, 'desk-choice-paired');
    // Had the fingerprints differed: 指纹不一致，取消配对, confirmed once in the card, and the choices come back.
    await page.getByTestId('desk-choice-undo').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('undo-yes')).toBeFocused();
    await shot(page, 'desk-choice-undo-confirm');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('desk-choice-undone')).toContainText('已取消配对');
    await expect(page.getByTestId('choice-local')).toBeFocused();
    expect(existsSync(join(dataDir, 'connection.json'))).toBe(false);
    await shot(page, 'desk-choice-undone');
    await page.reload();
    await expect(page.getByText('这台电脑怎样使用？')).toBeVisible();
  } finally {
    await context.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const TICKET = { customerName: '联调', phone: '13912340001', serial: 'LAN-E2E-0001', modelLabel: 'KFR-35 · 智能空调 KFR-35GW', fault: '两台电脑同时工作：前台登记，主管的列表立即出现。' };

test('two desks on one HTTPS host: pairing, a save seen on the other desk, the desk on the trail, revocation, a host restart', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-e2e-lan-'));
  const [port, lanPort] = [await freePort(), await freePort()];
  let host = await startLanHost(dataDir, port, lanPort);
  const lanUrl = `https://127.0.0.1:${lanPort}/`;
  try {
    // The admin on the host PC (plain HTTP on 127.0.0.1) reads the pairing code on the host's page.
    await page.goto(`http://127.0.0.1:${port}/`);
    await new LoginPage(page).login('demoadmin', 'demo1234');
    await page.goto(`http://127.0.0.1:${port}/#/settings`);
    await expect(page.getByTestId('host-urls')).toContainText(`:${lanPort}/`);
    await expect(page.getByTestId('host-fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const code = (await page.getByTestId('host-code').innerText()).trim();
    await page.getByTestId('host-section').scrollIntoViewIfNeeded();
    await shot(page, 'lan-host-page');

    // A wrong code is refused in words; the right one pairs.
    const wrong = await (await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 768 } })).newPage();
    await wrong.goto(lanUrl);
    await wrong.getByTestId('pair-code').fill('1234 0000');
    await wrong.getByTestId('pair-name').fill('前台3号');
    await wrong.getByTestId('pair-submit').click();
    await expect(wrong.getByText('配对码不对')).toBeVisible();
    await shot(wrong, 'lan-pairing-wrong-code');

    // The desktop app's first start, as browser mode shows it on an empty folder (--ask-desk-choice): 连接到主机 by
    // keyboard alone, a wrong code refused on its field with what was typed kept, then the host's fingerprint.
    const fingerprint = await page.getByTestId('host-fingerprint').innerText();
    await firstStart(browser, code, lanPort, fingerprint);

    const clerk = await pairAndSignIn(browser, lanUrl, code, '前台1号', 'wangkf');
    const supervisor = await pairAndSignIn(browser, lanUrl, code, '主管室', 'zhaozg');
    await supervisor.goto(`${lanUrl}#/tickets`);
    await expect(supervisor.getByTestId('ticket-row').first()).toBeVisible();

    // The clerk registers a ticket; the supervisor's open list shows it without a reload.
    const intake = new IntakePage(clerk);
    await intake.goto(lanUrl.replace(/\/$/, ''));
    const number = await intake.create(TICKET);
    await expect(supervisor.getByTestId('ticket-row').filter({ hasText: number })).toBeVisible({ timeout: 10_000 });
    await shot(supervisor, 'lan-other-desk-list');

    // The supervisor opens it while the clerk edits it: "正在由 王客服 编辑".
    await supervisor.getByTestId('ticket-row').filter({ hasText: number }).click();
    await expect(supervisor.getByTestId('ticket-facts')).toBeVisible();
    await clerk.goto(supervisor.url());
    await clerk.getByTestId('edit-ticket').click();
    await expect(clerk.getByTestId('save-ticket')).toBeVisible();
    const ticketId = Number(/tickets\/(\d+)/.exec(supervisor.url())?.[1]);
    await expect.poll(async () => ((await (await supervisor.request.post(`${lanUrl}api/presence.get`, { data: { ticketId } })).json()) as { value: string[] }).value).toEqual(['王客服']);
    await expect(supervisor.getByTestId('editing-by')).toContainText('正在由 王客服 编辑');
    await shot(supervisor, 'lan-presence');

    // 操作记录 names the desk the ticket came from.
    await page.goto(`http://127.0.0.1:${port}/#/admin/audit`);
    await expect(page.getByTestId('audit-client').first()).toContainText('前台1号 (127.0.0.1)');
    await shot(page, 'lan-audit-desk');

    // The host is killed while the clerk types; it comes back on the same ports.
    await clerk.goto(`${lanUrl}#/tickets`);
    await intake.goto(lanUrl.replace(/\/$/, ''));
    await intake.newCustomer({ ...TICKET, customerName: '重启', phone: '13912340002' });
    await intake.newDevice({ ...TICKET, serial: 'LAN-E2E-0002' });
    await intake.fault('主机重启时正在登记：输入的内容不能丢。');
    host.kill('SIGKILL');
    await new Promise((resolve) => host.once('close', resolve));
    await intake.submit.click();
    await expect(clerk.getByTestId('reconnecting')).toBeVisible();
    host = await startLanHost(dataDir, port, lanPort);
    // Sessions are kept in the host's database: the desk carries on signed in, and the save it resends with
    // the same key makes one ticket with what was typed.
    await expect(intake.createdNumber).toBeVisible({ timeout: 30_000 });
    await expect(clerk.getByTestId('sign-in-again')).toHaveCount(0);
    await expect(clerk.getByTestId('reconnecting')).toBeHidden();
    await shot(clerk, 'lan-after-host-restart');
    const found = await clerk.request.post(`${lanUrl}api/tickets.list`, { data: { q: '13912340002' } });
    const rows = ((await found.json()) as { value: { total: number; rows: { faultSummary: string }[] } }).value;
    expect(rows.total).toBe(1);
    expect(rows.rows[0]!.faultSummary).toContain('主机重启时正在登记');

    // The admin revokes the clerk's desk (still signed in on the host PC too): its next call is refused in words.
    await page.goto(`http://127.0.0.1:${port}/#/settings`);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('host-desk').filter({ hasText: '前台1号' }).getByRole('button', { name: '撤销' }).click();
    await expect(page.getByTestId('host-desk').filter({ hasText: '前台1号' })).toContainText('已撤销');
    await shot(page, 'lan-desks-revoked');
    await clerk.reload();
    await expect(clerk.getByText('管理员已撤销这台电脑或手机的配对')).toBeVisible();
    await shot(clerk, 'lan-revoked-desk');
  } finally {
    host.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
});
