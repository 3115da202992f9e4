/**
 * Worker thread (built as out/main/tickets-sheet-worker.js): writes the rows of the workbook's 工单明细
 * sheet into the frame it is given and posts the deflated sheet (see tickets-sheet.ts). It reads from a
 * read-only connection of its own, in one read transaction, and loads no SheetJS.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '../../../shared/domain/user';
import { wallClock } from '../../../shared/domain/calendar';
import { translate } from '../../../shared/i18n/translate';
import { deflated, framed, type CellValue, type Column, type PagedRows, type SheetFrame } from './xlsx-rows';
import { instantParam } from '../db/instants';

export interface TicketsSheetJob {
  /** The database file, opened read-only. */
  file: string;
  locale: Locale;
  /** The period as UTC instants, [start, end). */
  start: string;
  end: string;
  /** The desk's zone: times are written as its wall-clock time (Excel has no time zones). */
  timeZone: string;
  /** The tickets counted for the frame: no more rows than that are written, so its range and filter hold. */
  count: number;
  columns: Column[];
  frame: SheetFrame;
}

/** Tickets per page: a busy month is read, written and deflated a page at a time. */
const TICKET_PAGE = 1000;

/** number, reported, channel, urgency, type, status, customer, phone, model id, serial, engineer id, fault, responded, resolved, satisfaction, id; times as stored (milliseconds, db/instants.ts). */
type TicketLine = [string, number, string, string, string, string, string, string, number | null, string | null, number | null, string, number | null, number | null, string | null, number];

/** The period's tickets in (reported_at, id) order, a page at a time, each page after the last row of the one before. */
function ticketRows(db: Database.Database, job: TicketsSheetJob): PagedRows {
  const { start, end, timeZone, locale, count } = job;
  const page = db
    .prepare(
      `SELECT t.number, t.reported_at, t.channel, t.urgency, t.problem_type, t.status, c.name AS customer, t.contact_phone, t.model_id, t.serial,
         t.assigned_to, substr(t.fault_description, 1, 200) AS fault, t.responded_at, t.resolved_at, t.satisfaction, t.id
       FROM tickets t JOIN customers c INDEXED BY ix_customers_id_name ON c.id = t.customer_id
       WHERE t.reported_at >= ? AND t.reported_at < ? AND (t.reported_at > ? OR t.id > ?) ORDER BY t.reported_at, t.id LIMIT ?`,
    )
    .raw();
  // Models and engineers are few: looked up here rather than joined on 100,000 rows.
  const models = new Map(db.prepare('SELECT id, code FROM product_models').raw().all() as [number, string][]);
  const engineers = new Map(db.prepare('SELECT id, display_name FROM users').raw().all() as [number, string][]);
  const local = wallClock(timeZone);
  // A handful of words repeated on 100,000 rows: each translated once.
  const words = (group: string) => {
    const seen = new Map<string, string>();
    return (key: string | null) => (key === null ? null : (seen.get(key) ?? seen.set(key, translate(locale, `${group}.${key}`)).get(key)!));
  };
  const channel = words('channel');
  const urgency = words('urgency');
  const problemType = words('problemType');
  const status = words('status');
  const satisfaction = words('report.satisfaction');
  const cells = (r: TicketLine): CellValue[] => [
    r[0], local(r[1]), channel(r[2]), urgency(r[3]), problemType(r[4]), status(r[5]), r[6], r[7],
    r[8] === null ? null : (models.get(r[8]) ?? null), r[9], r[10] === null ? null : (engineers.get(r[10]) ?? null),
    r[11], local(r[12]), local(r[13]), satisfaction(r[14]),
  ];
  return {
    count,
    async *pages() {
      let after: [number, number] = [instantParam(start), 0];
      for (let left = count; left > 0; ) {
        const lines = page.all(after[0], instantParam(end), ...after, Math.min(TICKET_PAGE, left)) as TicketLine[];
        if (lines.length === 0) return;
        const last = lines[lines.length - 1]!;
        after = [last[1], last[15]];
        left -= lines.length;
        yield lines.map(cells);
      }
    },
  };
}

async function main(): Promise<void> {
  const job = workerData as TicketsSheetJob;
  const db = new Database(job.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -8000'); // 8 MB: the rows are read in order; the customers' names index fits
    db.exec('BEGIN'); // one snapshot for every page
    const entry = await deflated(framed(job.frame, ticketRows(db, job), job.columns));
    db.exec('COMMIT');
    parentPort!.postMessage(entry, [entry.packed.buffer as ArrayBuffer]);
  } finally {
    db.close();
  }
}

void main();
