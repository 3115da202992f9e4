/**
 * An uploaded file to rows of text, safely: the file type is told from its bytes (not its name), CSV is
 * decoded as UTF-8 or, failing that, GB18030 (what Excel on a Chinese Windows saves), and the parsing runs
 * in a worker with a deadline and a heap limit (see sheet-worker.ts).
 */
import path from 'node:path';
import { AppError } from '../errors';
import { startWorker } from '../workers';

export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 20_000, maxMillis: 15_000, maxHeapMb: 512 };

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

export async function readSheet(bytes: Buffer): Promise<string[][]> {
  if (bytes.length === 0) throw refuse('empty');
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw refuse('tooBig', { maxMb: IMPORT_LIMITS.maxBytes / 1024 / 1024 });
  const kind = kindOf(bytes);
  if (!kind) throw refuse('notSpreadsheet');
  const data = kind === 'csv' ? { text: decodeText(bytes), maxRows: IMPORT_LIMITS.maxRows } : { bytes: new Uint8Array(bytes), maxRows: IMPORT_LIMITS.maxRows };
  const result = await new Promise<{ rows: string[][]; truncated: boolean }>((resolve, reject) => {
    const worker = workerFor(data);
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(refuse('tooSlow', { seconds: IMPORT_LIMITS.maxMillis / 1000 }));
    }, IMPORT_LIMITS.maxMillis);
    worker.once('message', (m: { rows: string[][]; truncated: boolean }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', () => {
      clearTimeout(timer);
      reject(refuse('unreadable'));
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(refuse('unreadable'));
    });
  });
  if (result.truncated) throw refuse('tooManyRows', { max: IMPORT_LIMITS.maxRows });
  return result.rows;
}
