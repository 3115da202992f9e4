/** A slip worker thread: renders the pages the core's slip pool sends it, one message per slip. */
import { parentPort } from 'node:worker_threads';
import { slipPage, type SlipPageJob } from './slip-page';

export interface SlipRequest {
  id: number;
  job: SlipPageJob;
}

export type SlipReply = { id: number; html: string } | { id: number; error: string };

parentPort!.on('message', ({ id, job }: SlipRequest) => {
  slipPage(job).then(
    (html) => parentPort!.postMessage({ id, html } satisfies SlipReply),
    (e: unknown) => parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies SlipReply),
  );
});
