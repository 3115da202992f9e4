/**
 * An .xlsx is a zip, and a 2 MB zip can inflate to gigabytes: the parser's buffers live outside the
 * worker's heap limit, so that limit does not bound them. Before SheetJS sees a file, its central
 * directory is read (the sizes it declares, and how well each entry claims to compress), then every
 * deflated entry is inflated once here, counted and dropped, so one that inflates past what it declared
 * is caught without keeping its output. SheetJS then inflates at most what was checked.
 * The walk reads the fields SheetJS reads (its parse_zip): the entry count on this disk, the directory's
 * offset, each entry's local header and the data after it.
 */
import zlib from 'node:zlib';

export interface ZipLimits {
  /** What all entries together may inflate to. */
  maxUnpackedBytes: number;
  /** Inflated size over compressed size, for an entry above `ratioFromBytes` (small entries may compress well). */
  maxRatio: number;
  ratioFromBytes: number;
  /** An .xlsx holds a few dozen entries. */
  maxEntries: number;
}

/** Why a zip is refused: a structure SheetJS would misread, or more output than the limits allow. */
export type ZipProblem = 'unreadable' | 'tooBig';

export class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip refused: ${problem}`);
  }
}

interface Entry {
  /** Where the entry's local header starts. */
  offset: number;
  compressed: number;
  uncompressed: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The end-of-central-directory record: the last signature in the file, as SheetJS finds it. */
function endOfDirectory(bytes: Buffer): number {
  for (let i = bytes.length - 22; i >= 0; i--) if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  throw new ZipRefused('unreadable');
}

/** The central directory's entries with their declared sizes; refuses on the sizes before anything inflates. */
export function declaredEntries(bytes: Buffer, limits: ZipLimits): Entry[] {
  const end = endOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 8);
  let at = bytes.readUInt32LE(end + 16);
  if (count > limits.maxEntries) throw new ZipRefused('unreadable');
  const entries: Entry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipRefused('unreadable');
    const entry = { compressed: bytes.readUInt32LE(at + 20), uncompressed: bytes.readUInt32LE(at + 24), offset: bytes.readUInt32LE(at + 42) };
    // 0xFFFFFFFF means "see the ZIP64 extra field": no .xlsx of a few MB needs it; SheetJS does not read it.
    if (entry.uncompressed === 0xffffffff || entry.compressed === 0xffffffff || entry.offset === 0xffffffff) throw new ZipRefused('unreadable');
    total += entry.uncompressed;
    if (total > limits.maxUnpackedBytes) throw new ZipRefused('tooBig');
    if (entry.uncompressed > limits.ratioFromBytes && entry.uncompressed > Math.max(entry.compressed, 1) * limits.maxRatio) throw new ZipRefused('tooBig');
    entries.push(entry);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Inflates from `data` to the end of its deflate stream, counting; 'over' as soon as it passes `limit`. */
function inflatedSize(data: Buffer, limit: number): Promise<number | 'over' | 'bad'> {
  return new Promise((resolve) => {
    const inflate = zlib.createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve('over');
        inflate.destroy();
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', () => resolve('bad'));
    inflate.end(data);
  });
}

/**
 * Checks a zip's declared sizes, then that each deflated entry inflates to no more than it declared
 * (SheetJS trusts neither field to stop it: it inflates a stream to its end). Throws ZipRefused.
 */
export async function checkZip(bytes: Buffer, limits: ZipLimits): Promise<void> {
  for (const entry of declaredEntries(bytes, limits)) {
    const at = entry.offset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipRefused('unreadable');
    // SheetJS takes the method and the data's start from the local header, not from the directory.
    if (bytes.readUInt16LE(at + 8) !== 8) continue; // stored (0) is bounded by the file; others SheetJS refuses
    // Its inflater allocates the local header's size before it starts (then checks it against the directory's).
    if (bytes.readUInt32LE(at + 22) > entry.uncompressed) throw new ZipRefused('tooBig');
    const data = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    if (data > bytes.length) throw new ZipRefused('unreadable');
    const size = await inflatedSize(bytes.subarray(data), entry.uncompressed);
    if (size === 'over') throw new ZipRefused('tooBig');
    if (size === 'bad') throw new ZipRefused('unreadable');
  }
}
