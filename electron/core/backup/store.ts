/**
 * The backup store: kept backups of the desk's database share their unchanged parts.
 *
 * A backup (`aftercare-<stamp>.backup`, in its kind's folder) is a small manifest naming, in order, the
 * 64 KiB pieces ("chunks") of the database file as it was at one moment, each by the SHA-256 of its bytes.
 * The chunks live once in `backups/store/chunks/<2 hex>/<hash>`, deflated. A day's work changes a few
 * thousand pages of a multi-gigabyte database, so the next backup writes only the chunks that hold them;
 * every backup still names all of its chunks, so each one restores on its own (no chain of increments),
 * and removing a backup removes only the chunks no other backup names (`collectGarbage`).
 *
 * Nothing is ever half-visible: a chunk is written as `<hash>.tmp`, flushed to disk and renamed; a manifest
 * is written as `….backup.partial` only after all its chunks were written and read back, then flushed and
 * renamed. What a killed backup leaves (`*.tmp`, `*.partial`, chunks no manifest names) is swept up.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const CHUNK_BYTES = 64 * 1024;
export const MANIFEST_EXT = '.backup';
const FORMAT = 'aftercare-backup-1';

/** What a backup held when it was taken: the preview reads these instead of rebuilding the file. */
export interface SnapshotFacts {
  integrity: string;
  migrations: string[];
  tickets: number;
  customers: number;
  returnedDevices: number;
  newestTicketAt: string | null;
}

export interface Manifest {
  format: typeof FORMAT;
  takenAt: string;
  /** Bytes of the database file it restores to. */
  sizeBytes: number;
  chunkBytes: number;
  chunks: string[];
  facts: SnapshotFacts;
}

export const storeDir = (backupsDir: string) => path.join(backupsDir, 'store');
const chunkFile = (store: string, hash: string) => path.join(store, 'chunks', hash.slice(0, 2), hash);

export const isManifest = (file: string) => file.endsWith(MANIFEST_EXT);

export function hashOf(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 40);
}

function writeDurably(file: string, data: Buffer | string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Stores one chunk unless the store has it; returns the bytes written (0 when it was there). */
export function putChunk(store: string, hash: string, bytes: Buffer): number {
  const file = chunkFile(store, hash);
  if (fs.existsSync(file)) return 0;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const packed = zlib.deflateRawSync(bytes, { level: 1 });
  writeDurably(`${file}.tmp`, packed);
  // Read back before it counts: a chunk that does not give its bytes again never enters the store.
  if (hashOf(zlib.inflateRawSync(fs.readFileSync(`${file}.tmp`))) !== hash) {
    fs.rmSync(`${file}.tmp`, { force: true });
    throw new Error(`backup chunk ${hash} did not read back`);
  }
  fs.renameSync(`${file}.tmp`, file);
  return packed.length;
}

export function getChunk(store: string, hash: string): Buffer {
  const bytes = zlib.inflateRawSync(fs.readFileSync(chunkFile(store, hash)));
  if (hashOf(bytes) !== hash) throw new Error(`backup chunk ${hash} is damaged`);
  return bytes;
}

export function newManifest(takenAt: string, sizeBytes: number, chunks: string[], facts: SnapshotFacts): Manifest {
  return { format: FORMAT, takenAt, sizeBytes, chunkBytes: CHUNK_BYTES, chunks, facts };
}

/** Written under `.partial`, flushed, then renamed: the list never sees a manifest that is not whole. */
export function writeManifest(file: string, manifest: Manifest): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeDurably(`${file}.partial`, JSON.stringify(manifest));
  fs.renameSync(`${file}.partial`, file);
}

export function readManifest(file: string): Manifest {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== FORMAT || !Array.isArray(manifest.chunks)) throw new Error('not an Aftercare backup');
  return manifest;
}

/** The chunks a manifest names that the store does not hold (a store copied incompletely, a disk error). */
export function missingChunks(store: string, manifest: Manifest): number {
  return new Set(manifest.chunks.filter((hash) => !fs.existsSync(chunkFile(store, hash)))).size;
}

/** Writes the database file a manifest describes to `target`, every chunk checked against its hash. */
export function materialize(store: string, manifest: Manifest, target: string): void {
  const fd = fs.openSync(target, 'w');
  try {
    let offset = 0;
    for (const hash of manifest.chunks) {
      const bytes = getChunk(store, hash);
      fs.writeSync(fd, bytes, 0, bytes.length, offset);
      offset += bytes.length;
    }
    if (offset !== manifest.sizeBytes) throw new Error(`backup holds ${offset} bytes, expected ${manifest.sizeBytes}`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Every manifest under `backupsDir` (one level of kinds). */
export function manifestsUnder(backupsDir: string): string[] {
  if (!fs.existsSync(backupsDir)) return [];
  const out: string[] = [];
  for (const kind of fs.readdirSync(backupsDir, { withFileTypes: true })) {
    if (!kind.isDirectory() || kind.name === 'store') continue;
    const dir = path.join(backupsDir, kind.name);
    for (const name of fs.readdirSync(dir)) if (isManifest(name)) out.push(path.join(dir, name));
  }
  return out;
}

function* chunkFiles(store: string): Generator<{ name: string; file: string }> {
  const root = path.join(store, 'chunks');
  if (!fs.existsSync(root)) return;
  for (const shard of fs.readdirSync(root)) {
    for (const name of fs.readdirSync(path.join(root, shard))) yield { name, file: path.join(root, shard, name) };
  }
}

/**
 * Removes the chunks no kept manifest names, and half-written `.tmp` chunks. Runs only while no backup
 * is being written (backups run one at a time, and at start before the first).
 */
export function collectGarbage(backupsDir: string): { removed: number; freedBytes: number } {
  const store = storeDir(backupsDir);
  const named = new Set<string>();
  for (const file of manifestsUnder(backupsDir)) {
    try {
      for (const hash of readManifest(file).chunks) named.add(hash);
    } catch {
      return { removed: 0, freedBytes: 0 }; // a manifest we cannot read: keep everything
    }
  }
  let removed = 0;
  let freedBytes = 0;
  for (const { name, file } of chunkFiles(store)) {
    if (named.has(name)) continue;
    freedBytes += fs.statSync(file).size;
    fs.rmSync(file, { force: true });
    removed += 1;
  }
  return { removed, freedBytes };
}

/** For the list: bytes of the whole store, and per manifest the bytes of chunks only it names (what removing it frees). */
export function storeUsage(backupsDir: string, manifests: string[]): { storeBytes: number; own: Map<string, number> } {
  const store = storeDir(backupsDir);
  const users = new Map<string, { count: number; last: string }>();
  for (const file of manifests) {
    try {
      for (const hash of new Set(readManifest(file).chunks)) {
        const seen = users.get(hash);
        users.set(hash, { count: (seen?.count ?? 0) + 1, last: file });
      }
    } catch {
      // unreadable: counted as its file's own size only
    }
  }
  const own = new Map<string, number>(manifests.map((m) => [m, fs.statSync(m).size]));
  let storeBytes = 0;
  for (const { name, file } of chunkFiles(store)) {
    const size = fs.statSync(file).size;
    storeBytes += size;
    const user = users.get(name);
    if (user?.count === 1) own.set(user.last, (own.get(user.last) ?? 0) + size);
  }
  return { storeBytes, own };
}
