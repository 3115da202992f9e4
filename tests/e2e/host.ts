/**
 * Starts the browser-mode host on a free port with a fresh data directory (or a given one, kept when it
 * stops: a desk started again) and its desk clock set (`--now`), and stops it again, removing the fresh
 * data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

export async function startHost(now: string, existingDir?: string): Promise<RunningHost> {
  const dataDir = existingDir ?? mkdtempSync(join(tmpdir(), 'aftercare-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['out/main/host.js', '--port', '0', '--data-dir', dataDir, '--now', now], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}):\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (!existingDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, dataDir, stop };
}
