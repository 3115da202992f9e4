/**
 * An uploaded file to rows of text, safely: the file type is told from its bytes (not its name), CSV is
 * decoded as UTF-8 or, failing that, GB18030 (what Excel on a Chinese Windows saves), and the parsing runs
 * in a worker with a deadline and a heap limit (see sheet-worker.ts). An .xlsx is checked for what it
 * inflates to first (zip-guard.ts), and one file is read at a time: each may take hundreds of MB.
 */
import path from 'node:path';
import { AppError } from '../errors';
import { startWorker } from '../workers';
import { checkZip, ZipRefused } from './zip-guard';

/**
 * 20,000 rows of a dozen columns are a few MB of sheet XML: 64 MB unpacked is room to spare, and what
 * SheetJS can hold under the worker's heap limit. Real sheets compress 5–20 times; 100 is a bomb's mark.
 */
export const IMPORT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 20_000,
  maxMillis: 15_000,
  maxHeapMb: 512,
  zip: { maxUnpackedBytes: 64 * 1024 * 1024, maxRatio: 100, ratioFromBytes: 1024 * 1024, maxEntries: 1000 },
};

type Kind = 'xlsx' | 'xls' | 'csv';

function kindOf(bytes: Buffer): Kind | null {
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'xls';
  // Text: no NUL bytes in the first 64 KB (binary files have them).
  return bytes.subarray(0, 65_536).includes(0) ? null : 'csv';
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function workerFor(data: unknown) {
  return startWorker('import-worker', path.join(__dirname, 'sheet-worker.ts'), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.maxHeapMb } });
}

const refuse = (key: string, params: Record<string, string | number> = {}) => new AppError('VALIDATION', { key: `import.${key}`, params });

/** Set while a file is read: a second one is refused in words rather than doubling the memory taken. */
let reading = false;

export async function readSheet(bytes: Buffer): Promise<string[][]> {
  if (bytes.length === 0) throw refuse('empty');
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw refuse('tooBig', { maxMb: IMPORT_LIMITS.maxBytes / 1024 / 1024 });
  const kind = kindOf(bytes);
  if (!kind) throw refuse('notSpreadsheet');
  if (reading) throw refuse('busy');
  reading = true;
  try {
    if (kind === 'xlsx') await checkUnpacked(bytes);
    return await parse(bytes, kind);
  } finally {
    reading = false;
  }
}

async function checkUnpacked(bytes: Buffer): Promise<void> {
  try {
    await checkZip(bytes, IMPORT_LIMITS.zip);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    throw error.problem === 'tooBig' ? refuse('unpackedTooBig', { maxMb: IMPORT_LIMITS.zip.maxUnpackedBytes / 1024 / 1024 }) : refuse('unreadable');
  }
}

async function parse(bytes: Buffer, kind: Kind): Promise<string[][]> {
  const data = kind === 'csv' ? { text: decodeText(bytes), maxRows: IMPORT_LIMITS.maxRows } : { bytes: new Uint8Array(bytes), maxRows: IMPORT_LIMITS.maxRows };
  const result = await new Promise<{ rows: string[][]; truncated: boolean }>((resolve, reject) => {
    const worker = workerFor(data);
    // The first outcome counts (terminating makes the thread exit with 1 after its answer); it is given once
    // the thread is gone, so the next file is read only after this one's memory is freed.
    let decided = false;
    const settle = (done: () => void) => {
      if (decided) return;
      decided = true;
      clearTimeout(timer);
      void worker.terminate().finally(done);
    };
    const timer = setTimeout(() => settle(() => reject(refuse('tooSlow', { seconds: IMPORT_LIMITS.maxMillis / 1000 }))), IMPORT_LIMITS.maxMillis);
    worker.once('message', (m: { rows: string[][]; truncated: boolean }) => settle(() => resolve(m)));
    worker.once('error', () => settle(() => reject(refuse('unreadable'))));
    worker.once('exit', (code) => {
      if (code !== 0) settle(() => reject(refuse('unreadable')));
    });
  });
  if (result.truncated) throw refuse('tooManyRows', { max: IMPORT_LIMITS.maxRows });
  return result.rows;
}
