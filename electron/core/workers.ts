/**
 * Worker threads of the core. Built, each is out/main/<name>.js (beside the bundle or its chunks; in the
 * installed app unpacked from the asar archive, see electron-builder.yml); from sources (tests, the
 * benchmark, `npm run serve`) it is the TypeScript file, loaded through tsx.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `name` is the built entry (electron.vite.config.ts), `source` the absolute path of its TypeScript file. */
export function startWorker(name: string, source: string, options: Pick<WorkerOptions, 'workerData' | 'resourceLimits'>): Worker {
  const built = [__dirname, path.dirname(__dirname)]
    .map((dir) => path.join(dir, `${name}.js`).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`))
    .find((file) => fs.existsSync(file));
  if (built) return new Worker(built, options);
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  // tsx's CommonJS hook is all the worker needs: not the parent's `--import tsx`, whose ESM loader would
  // start a thread of its own in every worker.
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, { ...options, eval: true, execArgv: [] });
}
