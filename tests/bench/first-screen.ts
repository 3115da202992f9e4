/**
 * Browser mode's first screen: the built host started as a child process on a fresh data folder, timed
 * from spawn until the page and every script, preload and stylesheet it names are served; and the size
 * of that initial JavaScript, gzipped. Needs `npm run build` first (the benchmark says so otherwise).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export const HOST = path.resolve('out/main/host.js');

async function once(): Promise<{ ms: number; jsGzipKB: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftercare-first-screen-'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [HOST, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /on (http:\/\/[^/\s]+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
    });
    const html = await (await fetch(`${url}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    const bodies = await Promise.all(assets.map(async (a) => ({ a, body: Buffer.from(await (await fetch(`${url}/${a}`)).arrayBuffer()) })));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const js = bodies.filter((b) => b.a.endsWith('.js')).reduce((n, b) => n + zlib.gzipSync(b.body).length, 0);
    return { ms, jsGzipKB: Math.round(js / 1024) };
  } finally {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function firstScreen(runs: number): Promise<{ samples: number[]; jsGzipKB: number }> {
  const samples: number[] = [];
  let jsGzipKB = 0;
  for (let i = 0; i < runs; i++) {
    const r = await once();
    samples.push(r.ms);
    jsGzipKB = r.jsGzipKB;
  }
  return { samples, jsGzipKB };
}
