#!/usr/bin/env node
/**
 * `npm run lint:electron`: Doyensec's Electronegativity over electron/, failing on any finding that
 * has not been reviewed below. Electronegativity itself always exits 0, so this wrapper decides.
 * Offline it waits ~10 s for Electron's release list before it gives up and scans anyway.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

/** Findings a person has looked at: `<check>|<file relative to electron/>` → why it is fine. */
const REVIEWED = new Map([
  ['PRELOAD_JS_CHECK|main/window.ts', 'the preload exposes three functions (invoke/onEvent/print) over one channel each; print names a document, record and paper, main renders it (electron/main/print-ipc.ts); see electron/preload/index.ts'],
  ['OPEN_EXTERNAL_JS_CHECK|main/guards.ts', 'openExternal only after isAllowedExternalUrl (https, exact host list, no credentials; tests/unit/policy/external-links.test.ts)'],
  ['CSP_GLOBAL_CHECK|main/guards.ts', 'the header value is the CONTENT_SECURITY_POLICY constant, which the checker cannot evaluate; tests/unit/policy/csp.test.ts checks it'],
]);

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'report.sarif');
const bin = path.join(root, 'node_modules/.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
const run = spawnSync(bin, ['-i', path.join(root, 'electron'), '-o', out, '-r', '-v', 'false', '-e', electronVersion], {
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
if (run.status !== 0 || !fs.existsSync(out)) {
  console.error(run.stdout, run.stderr);
  console.error('lint:electron: Electronegativity did not produce a report');
  process.exit(2);
}
// SARIF, not CSV: the tool's CSV writer sometimes overwrites its first row with the header.
const report = JSON.parse(fs.readFileSync(out, 'utf8'));
const findings = report.runs.flatMap((r) => r.results ?? []);
let failed = 0;
for (const finding of findings) {
  const where = finding.locations?.[0]?.physicalLocation;
  const file = where?.artifactLocation?.uri ?? '?';
  const line = where?.region?.startLine ?? 0;
  const reason = REVIEWED.get(`${finding.ruleId}|${file}`);
  if (reason) console.log(`reviewed  ${finding.ruleId} ${file}:${line} — ${reason}`);
  else {
    failed++;
    console.error(`FINDING   ${finding.ruleId} (${finding.level}) ${file}:${line} ${finding.message?.text ?? ''}`);
  }
}
console.log(`lint:electron: ${findings.length} finding(s), ${failed} unreviewed (Electron ${electronVersion})`);
process.exit(failed > 0 ? 1 : 0);
