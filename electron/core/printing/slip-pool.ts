/**
 * The slip workers: a small pool of worker threads that turn a slip's layout data into its page
 * (slip-page.ts), so a slip being rendered never holds up the other desks' calls on the core's thread.
 * Started on the first slip; a job goes to the worker with the fewest waiting. A worker that dies fails
 * its jobs and is replaced on the next slip. Idle workers do not keep the process alive,
 * so the pool needs no closing.
 */
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers';
import type { SlipPageJob } from './slip-page';
import type { SlipReply, SlipRequest } from './slip-worker';

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (html: string) => void; reject: (e: Error) => void }>;
}

/** One worker per spare core, at most two: a slip takes some 10–20 ms, and the core's thread needs a core too. */
const SIZE = Math.max(1, Math.min(2, os.availableParallelism() - 1));

const slots: (Slot | null)[] = Array.from({ length: SIZE }, () => null);
let nextId = 1;

function start(index: number): Slot {
  const worker = startWorker('slip-worker', path.join(__dirname, 'slip-worker.ts'), {});
  const slot: Slot = { worker, pending: new Map() };
  worker.unref();
  worker.on('message', (reply: SlipReply) => {
    const waiting = slot.pending.get(reply.id);
    if (!waiting) return;
    slot.pending.delete(reply.id);
    if (slot.pending.size === 0) worker.unref();
    if ('html' in reply) waiting.resolve(reply.html);
    else waiting.reject(new Error(reply.error));
  });
  const fail = (e: Error) => {
    if (slots[index] === slot) slots[index] = null;
    for (const waiting of slot.pending.values()) waiting.reject(e);
    slot.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`slip worker exited (${code})`)));
  slots[index] = slot;
  return slot;
}

/** The slip's page, rendered in a worker. */
export function renderSlipPage(job: SlipPageJob): Promise<string> {
  let index = 0;
  for (let i = 0; i < SIZE; i++) if ((slots[i]?.pending.size ?? 0) < (slots[index]?.pending.size ?? 0)) index = i;
  const slot = slots[index] ?? start(index);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    slot.pending.set(id, { resolve, reject });
    slot.worker.ref();
    slot.worker.postMessage({ id, job } satisfies SlipRequest);
  });
}
