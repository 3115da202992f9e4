import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRotatingLog } from '../../../electron/policy/log-rotation';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftercare-log-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const now = () => new Date('2026-11-24T08:00:00.000Z');

describe('rotating log', () => {
  it('writes timestamped lines with the error stack', () => {
    const log = createRotatingLog({ dir: path.join(dir, 'logs'), now });
    log.write('info', '启动');
    log.write('error', 'failed', new Error('boom'));
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toMatch(/^2026-11-24T08:00:00.000Z INFO 启动\n/);
    expect(text).toContain('ERROR failed\nError: boom');
  });

  it('rotates at the size limit and keeps only the configured number of files', () => {
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 5, now });
    for (let i = 0; i < 100; i++) log.write('info', `line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['aftercare.log', 'aftercare.log.1', 'aftercare.log.2', 'aftercare.log.3', 'aftercare.log.4']);
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(200);
    // Newest lines in the current file, older ones in .1; the very first lines are gone.
    const numbers = (f: string) => [...fs.readFileSync(f, 'utf8').matchAll(/line (\d+)/g)].map((m) => Number(m[1]));
    const current = numbers(log.file);
    const previous = numbers(`${log.file}.1`);
    expect(current).toContain(99);
    expect(Math.max(...previous)).toBeLessThan(Math.min(...current));
    const kept = files.flatMap((f) => numbers(path.join(dir, f)));
    expect(kept).not.toContain(0);
  });

  it('continues an existing file and rotates it when it is already full', () => {
    fs.writeFileSync(path.join(dir, 'aftercare.log'), 'y'.repeat(300));
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 2, now });
    log.write('warn', 'after restart');
    expect(fs.readFileSync(`${log.file}.1`, 'utf8')).toBe('y'.repeat(300));
    expect(fs.readFileSync(log.file, 'utf8')).toContain('WARN after restart');
  });
});
