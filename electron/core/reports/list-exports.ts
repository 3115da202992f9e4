/**
 * Any list exports what the desk sees (issue 6): the ticket list, the returned-device register and the
 * receivables, with the current filter, every matching row, as .xlsx or as CSV (UTF-8 with BOM). Words
 * are in the caller's language; dates are the desk's wall-clock time; text never becomes a formula.
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { AGEING_BUCKETS } from '../../../shared/domain/fee-records';
import type { Locale } from '../../../shared/domain/user';
import { translate } from '../../../shared/i18n/translate';
import { wallClock } from '../../../shared/domain/calendar';
import { AppError } from '../errors';
import type { CallContext } from '../context';
import { listTickets } from '../services/tickets.query';
import { listReturns } from '../services/returns.query';
import { listReceivables } from '../services/fees/receivables.service';
import { writeCsv, writeWorkbook, type CellValue, type Column } from './xlsx-writer';

/** More rows than this is refused with the count, rather than cut off without a word. */
export const MAX_EXPORT_ROWS = 100_000;

type File = { fileName: string; dataBase64: string };
type Format = 'xlsx' | 'csv';

interface Table {
  name: string;
  columns: Column[];
  rows: CellValue[][];
}

async function deskClock(ctx: CallContext): Promise<(iso: string | null) => Date | null> {
  return wallClock((await ctx.settings.get()).timeZone);
}

function tooMany(total: number): AppError {
  return new AppError('VALIDATION', { key: 'export.tooMany', params: { total, max: MAX_EXPORT_ROWS } });
}

async function file(ctx: CallContext, table: Table, format: Format): Promise<File> {
  const now = (await deskClock(ctx))(ctx.now().toISOString())!.toISOString().slice(0, 16);
  const t = (key: string) => translate(ctx.client.locale, `export.${key}`);
  const title = `${table.name} · ${t('exportedAt')} ${now.replace('T', ' ')}`;
  const content =
    format === 'csv'
      ? writeCsv(table.columns.map((c) => c.header), table.rows)
      : await writeWorkbook([{ name: table.name, title, columns: table.columns, rows: table.rows, empty: t('empty') }]);
  return { fileName: `${table.name}-${now.replace(/[-:]/g, '').replace('T', '-')}.${format}`, dataBase64: content.toString('base64') };
}

const word = (locale: Locale, group: string, key: string | null) => (key ? translate(locale, `${group}.${key}`) : null);
const col = (locale: Locale, key: string, width: number, format?: string): Column => ({ header: translate(locale, `export.col.${key}`), width, ...(format ? { format } : {}) });
const DATE_TIME = 'yyyy-mm-dd hh:mm';

export async function exportTickets(ctx: CallContext, input: ParsedInputOf<'tickets.export'>): Promise<File> {
  const { format, ...filter } = input;
  const page = await listTickets(ctx, { ...filter, page: 1, pageSize: MAX_EXPORT_ROWS + 1 });
  if (page.total > MAX_EXPORT_ROWS) throw tooMany(page.total);
  const locale = ctx.client.locale;
  const local = await deskClock(ctx);
  return file(
    ctx,
    {
      name: translate(locale, 'export.name.tickets'),
      columns: [
        col(locale, 'number', 16), col(locale, 'reportedAt', 17, DATE_TIME), col(locale, 'status', 10), col(locale, 'urgency', 8),
        col(locale, 'problemType', 10), col(locale, 'channel', 9), col(locale, 'customer', 18), col(locale, 'phone', 14),
        col(locale, 'model', 12), col(locale, 'serial', 18), col(locale, 'fault', 40), col(locale, 'responseDue', 17, DATE_TIME),
        col(locale, 'resolveDue', 17, DATE_TIME),
      ],
      rows: page.rows.map((r) => [
        r.number, local(r.reportedAt), word(locale, 'status', r.status), word(locale, 'urgency', r.urgency), word(locale, 'problemType', r.problemType),
        word(locale, 'channel', r.channel), r.customerName, r.contactPhone, r.modelCode, r.serial, r.faultSummary, local(r.responseDueAt), local(r.resolveDueAt),
      ]),
    },
    format,
  );
}

export async function exportReturns(ctx: CallContext, input: ParsedInputOf<'returns.export'>): Promise<File> {
  const { format, ...filter } = input;
  const page = await listReturns(ctx, { ...filter, page: 1, pageSize: MAX_EXPORT_ROWS + 1 });
  if (page.total > MAX_EXPORT_ROWS) throw tooMany(page.total);
  const locale = ctx.client.locale;
  const local = await deskClock(ctx);
  const yesNo = (b: boolean) => translate(locale, b ? 'export.yes' : 'export.no');
  return file(
    ctx,
    {
      name: translate(locale, 'export.name.returns'),
      columns: [
        col(locale, 'slipNumber', 18), col(locale, 'state', 14), col(locale, 'number', 16), col(locale, 'customer', 18), col(locale, 'model', 14),
        col(locale, 'serial', 18), col(locale, 'receivedAt', 17, DATE_TIME), col(locale, 'expectedDate', 12), col(locale, 'daysInDepot', 10, '0'),
        col(locale, 'overdue', 8),
      ],
      rows: page.rows.map((r) => [
        r.number, word(locale, 'returnState', r.state), r.ticketNumber, r.customerName, r.modelName, r.serial, local(r.receivedAt), r.expectedDate, r.daysInDepot, yesNo(r.overdue),
      ]),
    },
    format,
  );
}

export async function exportReceivables(ctx: CallContext, input: ParsedInputOf<'receivables.export'>): Promise<File> {
  const { format, ...filter } = input;
  const rows = await listReceivables(ctx, filter);
  const locale = ctx.client.locale;
  const MONEY = '#,##0.00';
  const yuan = (fen: number) => fen / 100;
  return file(
    ctx,
    {
      name: translate(locale, 'export.name.receivables'),
      columns: [
        col(locale, 'customer', 24), col(locale, 'bills', 8, '0'),
        ...AGEING_BUCKETS.map((b) => col(locale, `age_${b}`, 14, MONEY)),
        col(locale, 'owed', 14, MONEY),
      ],
      rows: rows.map((r) => [r.customerName, r.bills, ...AGEING_BUCKETS.map((b) => yuan(r.buckets[b])), yuan(r.totalFen)]),
    },
    format,
  );
}
