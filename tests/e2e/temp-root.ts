/**
 * Playwright's global setup: one temporary root for the run (TMPDIR, inherited by the workers and the
 * hosts they start), removed by the returned teardown, so a run leaves no `aftercare-*` folder behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function globalSetup(): () => void {
  const outer = os.tmpdir();
  const root = fs.mkdtempSync(path.join(outer, 'aftercare-e2e-run-'));
  process.env.TMPDIR = root;
  return () => {
    process.env.TMPDIR = outer;
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
