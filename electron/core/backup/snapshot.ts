/**
 * Runs the backup worker (snapshot-worker.ts) for the core, one job at a time: the worker opens its
 * connection, the core holds writes back for the moment it checkpoints the WAL and the worker starts its
 * read snapshot (milliseconds; reads never wait), then the worker checks and copies in its own thread.
 */
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import { nativeHandle } from '../db/data-source';
import type { Db } from '../db/db';
import { startWorker } from '../workers';
import type { SnapshotJob, SnapshotResult, WorkerMessage } from './snapshot-worker';

export type { SnapshotJob, SnapshotResult };

/** Moves every page of the WAL into the database file; the worker's snapshot then reads the file alone. */
function checkpointFully(ds: DataSource): void {
  const [state] = nativeHandle(ds).pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (state && (state.busy !== 0 || state.log !== state.checkpointed)) throw new Error('the database is busy: the backup waits for the next run');
}

/** A backup cut off by the quit: not a failure (its partial files are swept at the next start). */
/** How long a quit waits for a running backup's worker to end (see `Snapshots.stop`). */
export const STOP_WAIT_MS = 500;

export class BackupAbandoned extends Error {
  constructor() {
    super('the backup was abandoned by the quit; its partial files are swept at the next start');
  }
}

/** A release that runs once, and says whether it holds anything. */
function once(release: (() => void) | null): (() => void) & { held: boolean } {
  let done = release === null;
  const fn = Object.assign(
    () => {
      if (done) return;
      done = true;
      release?.();
    },
    { held: release !== null },
  );
  return fn;
}

export class Snapshots {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly running = new Set<Worker>();
  private stopping = false;

  constructor(private readonly db: Db) {}

  /**
   * A snapshot taken while the desk works: writes wait only while the WAL is checkpointed. `paused` (writes
   * already held by the caller, from before its first write: the start) keeps them held until the snapshot began.
   */
  take(job: SnapshotJob, paused?: Promise<() => void>): Promise<SnapshotResult> {
    const run = this.tail.then(async () => {
      const release = once(paused ? await paused : null);
      try {
        return await this.run(job, async (begin) => {
          const resume = release.held ? release : once(await this.db.pauseWrites());
          try {
            checkpointFully(this.db.ds);
            await begin();
          } finally {
            resume();
          }
        });
      } finally {
        release();
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** A snapshot of a data source the caller holds alone (inside `Db.exclusive`: the restore's safety copy). */
  takeExclusive(ds: DataSource, job: SnapshotJob): Promise<SnapshotResult> {
    return this.run(job, async (begin) => {
      checkpointFully(ds);
      await begin();
    });
  }

  /**
   * The quit: a running backup is abandoned (its `.partial` and `.tmp` files are swept at the next start), a queued
   * one never starts. A worker inside one long SQLite call (the check of every page of a 2.4 GB file takes
   * seconds) ends only when the call returns: the quit waits at most `STOP_WAIT_MS` for it. The worker only reads
   * the database, so the core closes meanwhile and the process's end takes the thread with it.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    const ended = Promise.all([...this.running].map((worker) => worker.terminate()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ended, new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
  }

  private run(job: SnapshotJob, hold: (begin: () => Promise<void>) => Promise<void>): Promise<SnapshotResult> {
    if (this.stopping) return Promise.reject(new BackupAbandoned()); // one still queued at the quit never starts
    const worker = startWorker('backup-worker', path.join(__dirname, 'snapshot-worker.ts'), { workerData: job });
    this.running.add(worker);
    return new Promise<SnapshotResult>((resolve, reject) => {
      let held: (() => void) | null = null;
      const fail = (error: Error) => {
        held?.();
        reject(error);
        void worker.terminate();
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          hold(
            () =>
              new Promise<void>((resolveHeld) => {
                held = resolveHeld;
                worker.postMessage('begin');
              }),
          ).catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
        } else if (message.type === 'held') held?.();
        else if (message.type === 'done') resolve(message.result);
        else fail(new Error(message.message));
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        this.running.delete(worker);
        // After done or failed this changes nothing.
        fail(this.stopping ? new BackupAbandoned() : new Error(`the backup stopped (${code})`));
      });
    });
  }
}
