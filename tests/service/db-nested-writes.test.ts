/**
 * A write started inside another write joins its transaction (the demo desk drives whole service calls inside
 * one write): it never waits for itself, its own failure undoes only its part, the outer failure undoes all,
 * writes from elsewhere still queue behind, and work that outlives the write does not join a finished one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/db';
import { tempDir } from './harness';

let db: Db;
let dir: string;

async function open(): Promise<Db> {
  dir = tempDir();
  db = await openDatabase({ file: path.join(dir, 'aftercare.sqlite'), backupDir: path.join(dir, 'backups') });
  await db.write((tx) => tx.run('CREATE TABLE scratch (x TEXT NOT NULL)'));
  return db;
}

const rows = async () => (await db.query<{ x: string }>('SELECT x FROM scratch ORDER BY rowid')).map((r) => r.x);
const put = (x: string) => db.write((tx) => tx.run('INSERT INTO scratch (x) VALUES (?)', [x]));

afterEach(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('writes inside writes', () => {
  it('join the outer transaction instead of waiting for it, and commit with it', async () => {
    await open();
    const done = await db.write(async () => {
      await put('a');
      await db.write(async () => put('b'));
      expect(await rows()).toEqual(['a', 'b']);
      return 'done';
    });
    expect(done).toBe('done');
    expect(await rows()).toEqual(['a', 'b']);
  });

  it('a failed inner write undoes only its part; a failed outer write undoes everything', async () => {
    await open();
    await db.write(async () => {
      await put('kept');
      await expect(db.write(async () => {
        await put('undone');
        throw new Error('inner');
      })).rejects.toThrow('inner');
      await put('after');
    });
    expect(await rows()).toEqual(['kept', 'after']);
    await expect(db.write(async () => {
      await put('x');
      await put('y');
      throw new Error('outer');
    })).rejects.toThrow('outer');
    expect(await rows()).toEqual(['kept', 'after']);
  });

  it('a write from elsewhere waits until the outer write commits', async () => {
    await open();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const outer = db.write(async () => {
      await put('outer-1');
      await gate;
      await put('outer-2');
    });
    await new Promise((r) => setTimeout(r, 10));
    const elsewhere = put('elsewhere'); // not in the outer write's async context
    await new Promise((r) => setTimeout(r, 10));
    release();
    await Promise.all([outer, elsewhere]);
    expect(await rows()).toEqual(['outer-1', 'outer-2', 'elsewhere']);
  });

  it('a timer started inside a write writes after it, in a transaction of its own', async () => {
    await open();
    let late!: Promise<number>;
    await db.write(async () => {
      await put('inside');
      late = new Promise((resolve, reject) => setTimeout(() => put('late').then(resolve, reject), 20));
    });
    await late;
    expect(await rows()).toEqual(['inside', 'late']);
  });
});
