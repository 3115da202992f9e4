/**
 * Parses an uploaded spreadsheet in a worker thread (built as out/main/import-worker.js). The npm `xlsx`
 * package (0.18.5) has published advisories for crafted files (prototype pollution, ReDoS), so it never
 * parses in the process that holds the database: a file that hangs or bloats the parser costs this thread,
 * which the caller kills after a deadline, under a heap limit. Formulas, styles and macros are not read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as XLSX from 'xlsx';

interface Job {
  /** Text for CSV (decoded by the caller), bytes for .xlsx / .xls. */
  text?: string;
  bytes?: Uint8Array;
  maxRows: number;
}

const job = workerData as Job;
// Date cells are formatted as ISO dates (dateNF), whatever format the sheet gave them.
const options: XLSX.ParsingOptions = { dense: true, sheetRows: job.maxRows + 2, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false, dateNF: 'yyyy-mm-dd' };
const book = job.text !== undefined ? XLSX.read(job.text, { ...options, type: 'string', raw: true }) : XLSX.read(job.bytes!, { ...options, type: 'array' });
const first = book.SheetNames[0];
const sheet = first === undefined ? undefined : book.Sheets[first];
// Every cell as the text a user sees (dates as formatted), so the import validates one kind of value.
const rows = sheet ? XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false }) : [];
parentPort!.postMessage({ rows: rows.map((r) => r.map((v) => String(v ?? ''))), truncated: rows.length > job.maxRows + 1 });
