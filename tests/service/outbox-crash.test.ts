/**
 * The sender killed with SIGKILL mid-batch, twice, and started again: every message ends up sent exactly once
 * or marked as needing a look (the one in flight at the kill), none is lost and none is sent twice. The mail
 * server is real (smtp-server); it holds its answer to the Nth message while the test kills the sender.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHarness, tempDir } from './harness';
import { mailSettings, startMailServer } from './mail-server';

const ROOT = path.resolve(__dirname, '../..');
const AT = '2026-11-24T10:00:00.000Z';
const MESSAGES = 30;

function runChild(dir: string): { child: ChildProcess; ended: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/service/outbox-child.ts', dir, AT], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { child, ended: new Promise((resolve) => child.once('exit', () => resolve(out))) };
}

describe('the sender killed mid-batch', () => {
  it('loses nothing and sends nothing twice; the message in flight needs a look', async () => {
    const mail = await startMailServer(null);
    const dir = tempDir();
    const h = await openHarness(dir, { outboxEveryMs: null });
    const { admin } = await h.signedIn();
    await h.ok(admin, 'messaging.settings.update', mailSettings(mail.port, 0, 'none', ''));
    await h.core.db.write(async (tx) => {
      for (let i = 0; i < MESSAGES; i++) {
        await tx.run(
          "INSERT INTO outbox (channel, event, recipient, subject, body, state, attempts, next_attempt_at, idem_key, created_at, updated_at) VALUES ('email', 'received', ?, ?, '正文', 'queued', 0, ?, ?, ?, ?)",
          [`c${i}@example.com`, `消息 ${i}`, AT, `crash-${i}`, AT, AT],
        );
      }
    });
    await h.close();

    const accepted: string[] = [];
    for (const killAt of [7, 19]) {
      const run = runChild(dir);
      let seen = 0;
      mail.onMessage = async () => {
        if (++seen < killAt - accepted.length) return;
        run.child.kill('SIGKILL');
        await run.ended;
        throw new Error('the sender died before the answer');
      };
      await run.ended;
      accepted.push(...mail.received.splice(0).map((m) => m.messageId ?? ''));
    }
    mail.onMessage = null;
    const last = runChild(dir);
    expect(await last.ended).toMatch(/done \d+/);
    accepted.push(...mail.received.map((m) => m.messageId ?? ''));
    await mail.close();

    const check = await openHarness(dir, { outboxEveryMs: null });
    const rows = await check.core.db.query<{ idem_key: string; state: string }>('SELECT idem_key, state FROM outbox ORDER BY id');
    await check.close();
    const key = (messageId: string) => /^<(crash-\d+)@/.exec(messageId)?.[1];
    const counts = new Map<string, number>();
    for (const id of accepted) counts.set(key(id)!, (counts.get(key(id)!) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const sent = rows.filter((r) => r.state === 'sent').map((r) => r.idem_key);
    const look = rows.filter((r) => r.state === 'needs_look').map((r) => r.idem_key);
    expect(sent.length + look.length).toBe(MESSAGES);
    expect(look).toHaveLength(2);
    expect(sent.every((k) => counts.get(k) === 1)).toBe(true);
    expect(look.every((k) => !counts.has(k))).toBe(true);
    expect(accepted).toHaveLength(MESSAGES - 2);
  }, 120_000);
});
