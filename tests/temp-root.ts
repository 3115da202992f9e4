/**
 * Every test file gets its own temporary root: TMPDIR points into a fresh `aftercare-test-*` folder
 * while it runs, so every data folder a test or its child processes make (os.tmpdir() reads TMPDIR)
 * lands there, and the whole root is removed when the file is done, passed or failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const outer = os.tmpdir();
const root = fs.mkdtempSync(path.join(outer, 'aftercare-test-'));
process.env.TMPDIR = root;

afterAll(() => {
  process.env.TMPDIR = outer;
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
