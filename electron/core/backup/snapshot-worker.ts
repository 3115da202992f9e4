/**
 * The backup worker thread: checks the database and writes its backups while the desk works on.
 *
 * It opens its own read-only connection and, when the core says the write-ahead log is fully checkpointed
 * (writes held for that moment), begins a read transaction. Such a reader reads the database file alone,
 * and SQLite lets no checkpoint write into the file while it lasts: the file's bytes stay exactly that
 * moment's database, though the desk keeps writing (into the WAL). Inside that one snapshot it runs
 * `PRAGMA quick_check` (table by table), counts what the preview shows, and reads the file in 64 KiB chunks into the store
 * (store.ts) and into any whole-file copies (a USB disk). A damaged database writes no backup: the core
 * shows the admin a banner instead.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CHUNK_BYTES, collectGarbage, hashOf, newManifest, putChunk, storeDir, writeManifest, type SnapshotFacts } from './store';
import { attachFiles, rotate } from './files';
import { newestTicketAt } from '../db/instants';

export interface SnapshotJob {
  dbFile: string;
  dataDir: string;
  takenAt: string;
  /** Manifests to write into the store's kinds (daily, monthly, quit, safety, manual). */
  manifests: string[];
  /** Whole `.sqlite` copies (a backup to a named folder). */
  copies: string[];
  rotations: { dir: string; keep: number }[];
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'held' }
  | { type: 'done'; result: SnapshotResult }
  | { type: 'failed'; message: string };

export interface SnapshotResult {
  facts: SnapshotFacts;
  sizeBytes: number;
  /** Bytes written into the store (new chunks, deflated) and into whole copies. */
  writtenBytes: number;
  chunks: number;
  newChunks: number;
}

const job = workerData as SnapshotJob;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const backupsDir = path.join(job.dataDir, 'backups');

function count(db: Database.Database, table: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  return exists ? (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
}

/**
 * `PRAGMA quick_check`, one table with its indexes at a time: the same rows and indexes as the whole file's check
 * and as long in all, but the thread comes back to JavaScript between tables, so a quit that ends the worker waits
 * for one table's check (1.7 s for the million-ticket desk's largest) rather than the whole file's (6 s).
 */
function quickCheck(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  const problems: string[] = [];
  for (const table of tables) {
    const found = (db.pragma(`quick_check("${table.replace(/"/g, '""')}")`, { simple: false }) as { quick_check: string }[]).map((p) => p.quick_check);
    if (found.join() !== 'ok') problems.push(...found);
    if (problems.length >= 5) break;
  }
  return problems.length > 0 ? problems.slice(0, 5).join('; ') : 'ok';
}

function factsOf(db: Database.Database): SnapshotFacts {
  const integrity = quickCheck(db);
  if (integrity !== 'ok') return { integrity, migrations: [], tickets: 0, customers: 0, returnedDevices: 0, newestTicketAt: null };
  const tickets = count(db, 'tickets');
  return {
    integrity,
    migrations: count(db, 'migrations') > 0 ? (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name) : [],
    tickets,
    customers: count(db, 'customers'),
    returnedDevices: count(db, 'returned_devices'),
    newestTicketAt: tickets > 0 ? newestTicketAt(db) : null,
  };
}

/** A whole-file copy written beside its chunks' reading, then read back and compared before it is renamed. */
class Copy {
  private readonly fd: number;
  private readonly hash = crypto.createHash('sha256');
  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(`${file}.partial`, 'w');
  }
  write(bytes: Buffer): void {
    fs.writeSync(this.fd, bytes);
    this.hash.update(bytes);
  }
  finish(): number {
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    const expected = this.hash.digest('hex');
    const again = crypto.createHash('sha256').update(fs.readFileSync(`${this.file}.partial`)).digest('hex');
    if (again !== expected) throw new Error(`the copy ${this.file} did not read back`);
    fs.renameSync(`${this.file}.partial`, this.file);
    return fs.statSync(this.file).size;
  }
}

/**
 * Test seam: while the file named by AFTERCARE_BACKUP_HOLD exists, the worker waits inside its snapshot (a
 * backup of a big desk, made slow on purpose: the tests show the desk answering and writing meanwhile).
 */
async function holdWhileAsked(): Promise<void> {
  const hold = process.env.AFTERCARE_BACKUP_HOLD;
  while (hold && fs.existsSync(hold)) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function run(): Promise<SnapshotResult> {
  const db = new Database(job.dbFile, { readonly: true, fileMustExist: true });
  post({ type: 'ready' });
  await new Promise((resolve) => parentPort!.once('message', resolve)); // the WAL is checkpointed, writes held
  db.exec('BEGIN');
  db.prepare('SELECT COUNT(*) FROM sqlite_master').get(); // the snapshot starts with the first read
  post({ type: 'held' });
  try {
    await holdWhileAsked();
    const facts = factsOf(db);
    const sizeBytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    if (facts.integrity !== 'ok') return { facts, sizeBytes, writtenBytes: 0, chunks: 0, newChunks: 0 };
    const store = storeDir(backupsDir);
    const copies = job.copies.map((file) => new Copy(file));
    const chunks: string[] = [];
    let writtenBytes = 0;
    let newChunks = 0;
    if (job.manifests.length > 0) {
      // A backup killed midway left chunks no manifest names: gone before new ones are written.
      const writing = path.join(store, '.writing');
      if (fs.existsSync(writing)) collectGarbage(backupsDir);
      fs.mkdirSync(store, { recursive: true });
      fs.writeFileSync(writing, job.takenAt);
    }
    if (job.manifests.length + copies.length > 0) {
      const fd = fs.openSync(job.dbFile, 'r');
      try {
        const buffer = Buffer.alloc(CHUNK_BYTES);
        for (let offset = 0; offset < sizeBytes; offset += CHUNK_BYTES) {
          const bytes = buffer.subarray(0, fs.readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, sizeBytes - offset), offset));
          if (job.manifests.length > 0) {
            const hash = hashOf(bytes);
            const written = putChunk(store, hash, bytes);
            if (written > 0) newChunks += 1;
            writtenBytes += written;
            chunks.push(hash);
          }
          for (const copy of copies) copy.write(bytes);
        }
      } finally {
        fs.closeSync(fd);
      }
    }
    for (const copy of copies) {
      writtenBytes += copy.finish();
      attachFiles(job.dataDir, copy.file);
    }
    db.exec('COMMIT'); // every byte is read: the desk's checkpoints may go on
    const manifest = newManifest(job.takenAt, sizeBytes, chunks, facts);
    for (const file of job.manifests) {
      writeManifest(file, manifest);
      writtenBytes += fs.statSync(file).size;
      attachFiles(job.dataDir, file);
    }
    for (const { dir, keep } of job.rotations) rotate(dir, keep);
    if (job.manifests.length > 0) {
      collectGarbage(backupsDir);
      fs.rmSync(path.join(store, '.writing'), { force: true });
    }
    return { facts, sizeBytes, writtenBytes, chunks: chunks.length, newChunks };
  } finally {
    db.close();
  }
}

run().then(
  (result) => post({ type: 'done', result }),
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
