/**
 * Another program holding the database's write lock (BEGIN IMMEDIATE in a second process) must neither
 * freeze the core nor end in INTERNAL: reads go on, writes wait without blocking the event loop and,
 * past the deadline, answer in words; once the lock is released writes go through again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { intake, openHarness, tempDir, type Harness } from './harness';
import { DATABASE_FILE } from '../../electron/core';

const ROOT = path.resolve(__dirname, '../..');

/** A second process that takes the write lock, says "locked", and holds it until told to let go. */
async function holdWriteLock(file: string): Promise<{ release: () => Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
  const child: ChildProcess = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.on('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
  child.removeAllListeners('exit');
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.write('go\n');
      }),
  };
}

let h: Harness;
let dir: string;
afterEach(async () => {
  await h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a write lock held by another process', () => {
  it('reads go on while a write waits, and the write answers "busy" in words, never INTERNAL', async () => {
    dir = tempDir();
    h = await openHarness(dir);
    const { clerk } = await h.signedIn();
    const lock = await holdWriteLock(path.join(dir, DATABASE_FILE));
    try {
      let settled = false;
      const write = h.call(clerk, 'tickets.create', intake()).finally(() => (settled = true));
      // A timer set after the write began, and a read after it, both come while the write still waits: a
      // wait inside SQLite (busy_timeout) would hold the event loop until the write had given up.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const list = await h.call(clerk, 'tickets.list', {});
      expect([list.ok, settled]).toEqual([true, false]);
      expect(await write).toEqual({ ok: false, error: { code: 'BUSY', message: '数据库正忙，请稍后再试。' } });
    } finally {
      await lock.release();
    }
    expect((await h.call(clerk, 'tickets.create', intake())).ok).toBe(true);
  }, 30_000);

  it('a write waiting for the lock goes through once it is released', async () => {
    dir = tempDir();
    h = await openHarness(dir);
    const { clerk } = await h.signedIn();
    const lock = await holdWriteLock(path.join(dir, DATABASE_FILE));
    const write = h.call(clerk, 'tickets.create', intake());
    await new Promise((resolve) => setTimeout(resolve, 500)); // the write has begun waiting for the lock
    await lock.release();
    const r = await write;
    expect(r.ok && r.value.number).toBe('TS202611240001');
  }, 30_000);
});
