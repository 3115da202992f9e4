/**
 * Customers, devices, spare parts and product models from a spreadsheet: a preview with every row's problems, then the import, which
 * re-reads the file, checks it again, and writes all rows in one transaction or none (a file with any
 * problem is refused whole, so nothing is half-imported).
 */
import type { ParsedInputOf } from '../../../shared/api/contract';
import { customerFields, deviceFields, modelFields } from '../../../shared/api/master-data.schema';
import { partFields } from '../../../shared/api/parts.schema';
import { validate } from '../../../shared/api/validation';
import { fieldLabel, mapHeader, missingColumns, recordOf, type ImportKind, type ImportPreview, type ImportProblem } from '../../../shared/domain/imports';
import { normalizePhone } from '../../../shared/domain/phone';
import { translate } from '../../../shared/i18n/translate';
import { AppError } from '../errors';
import { actor, type CallContext } from '../context';
import { insertCustomer } from '../services/customers.service';
import { insertDevice } from '../services/devices.service';
import { insertModel } from '../services/models.service';
import { insertPart } from '../services/parts.service';
import { readSheet } from './read-sheet';

const SHOWN_PROBLEMS = 200;
const SAMPLE_ROWS = 20;

interface Checked {
  preview: ImportPreview;
  inputs: Record<string, unknown>[];
  problemCount: number;
}

async function check(ctx: CallContext, input: ParsedInputOf<'imports.preview'>): Promise<Checked> {
  const locale = ctx.client.locale;
  const say = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
  // The catalogue is the supervisor's (as parts.create): a clerk may import customers and devices only.
  if (input.kind === 'parts' && !['supervisor', 'admin'].includes(actor(ctx).role)) throw new AppError('FORBIDDEN', { key: 'import.partsForbidden' });
  if (input.kind === 'models' && !['supervisor', 'admin'].includes(actor(ctx).role)) throw new AppError('FORBIDDEN', { key: 'import.modelsForbidden' });
  const [header = [], ...body] = await readSheet(Buffer.from(input.dataBase64, 'base64'));
  const fields = mapHeader(input.kind, header);
  const missing = missingColumns(input.kind, fields);
  if (missing.length) throw new AppError('VALIDATION', { key: 'import.missingColumns', params: { columns: missing.map((f) => say(`import.field.${fieldLabel(input.kind, f)}`)).join('、') } });
  if (body.length === 0) throw new AppError('VALIDATION', { key: 'import.noRows' });

  const problems: ImportProblem[] = [];
  const inputs: Record<string, unknown>[] = [];
  const headerOf = (field: string) => header[fields.indexOf(field)] ?? '';
  const models = new Map((await ctx.db.query<{ id: number; code: string }>('SELECT id, code FROM product_models')).map((m) => [m.code.toUpperCase(), m.id]));
  const seen = new Map<string, number>();
  const sample: Record<string, unknown>[] = [];

  for (const [i, cells] of body.entries()) {
    const row = i + 2;
    const problem = (field: string, message: string) => problems.push({ row, column: field ? headerOf(field) : '', message });
    const record = recordOf(input.kind, fields, cells);
    let candidate: Record<string, unknown> = record;
    if (input.kind === 'devices') {
      const { model, customerPhone, ...rest } = record as { model: string; customerPhone?: string };
      const modelId = models.get(String(model).toUpperCase());
      if (!modelId) problem('model', say('error.import.unknownModel', { model: String(model) }));
      let customerId: number | null = null;
      if (customerPhone) {
        const [customer] = await ctx.db.query<{ id: number }>('SELECT id FROM customers WHERE phone_norm = ? ORDER BY id LIMIT 1', [normalizePhone(customerPhone)]);
        if (customer) customerId = customer.id;
        else problem('customerPhone', say('error.import.unknownCustomer', { phone: customerPhone }));
      }
      candidate = { ...rest, modelId, customerId };
    }
    const schema = { customers: customerFields, devices: deviceFields, parts: partFields, models: modelFields }[input.kind];
    const parsed = validate(schema, candidate);
    if (!parsed.ok) {
      // An unknown model is already said in words; the schema's "required" for it would only repeat it.
      const column = (path: string) => (path === 'priceFen' ? 'price' : path.replace(/\.\d+$/, ''));
      for (const [path, p] of Object.entries(parsed.problems)) if (path !== 'modelId') problem(column(path), say(p.key, p.params));
      continue;
    }
    const data = parsed.data as Record<string, unknown>;
    // Marking a key account is a supervisor's decision, in a file as on the customer page.
    if (input.kind === 'customers' && data.keyAccount === true && !KEY_ACCOUNT_ROLES.includes(actor(ctx).role)) problem('keyAccount', say('validation.keyAccountStaff'));
    // The same record twice in the file, or already registered, is a problem, not a silent duplicate.
    const { key, field, existing } = identity(input.kind, data);
    const first = seen.get(key);
    if (first !== undefined) problem(field, say('error.import.duplicateInFile', { row: first }));
    else seen.set(key, row);
    if ((await ctx.db.query(existing.sql, existing.params)).length) problem(field, say('error.import.exists'));
    inputs.push(data);
    // The preview shows the file's words (model code, owner's phone) beside what they were matched to.
    if (sample.length < SAMPLE_ROWS) sample.push(input.kind === 'devices' ? { ...data, model: record.model, customerPhone: record.customerPhone ?? '' } : data);
  }
  const rowsWithProblems = new Set(problems.map((p) => p.row)).size;
  return {
    preview: {
      kind: input.kind,
      rows: body.length,
      valid: body.length - rowsWithProblems,
      columns: header.map((h, i) => ({ header: h, field: fields[i] ?? null })),
      problems: problems.slice(0, SHOWN_PROBLEMS),
      sample,
    },
    inputs,
    problemCount: problems.length,
  };
}

/** What makes a row the same record as another: in the file (key) and in the database (existing). */
function identity(kind: ImportKind, data: Record<string, unknown>): { key: string; field: string; existing: { sql: string; params: unknown[] } } {
  if (kind === 'customers') {
    const phone = normalizePhone(String(data.phone));
    return { key: `${String(data.name)}|${phone}`, field: 'phone', existing: { sql: 'SELECT id FROM customers WHERE phone_norm = ? AND name = ? LIMIT 1', params: [phone, data.name] } };
  }
  if (kind === 'devices') return { key: String(data.serial), field: 'serial', existing: { sql: 'SELECT id FROM devices WHERE serial = ? LIMIT 1', params: [data.serial] } };
  if (kind === 'models') {
    const code = String(data.code);
    return { key: code.toUpperCase(), field: 'code', existing: { sql: 'SELECT id FROM product_models WHERE code = ? COLLATE NOCASE LIMIT 1', params: [code] } };
  }
  const partNo = String(data.partNo).toUpperCase();
  return { key: partNo, field: 'partNo', existing: { sql: 'SELECT id FROM parts WHERE part_no = ? LIMIT 1', params: [partNo] } };
}

const KEY_ACCOUNT_ROLES: string[] = ['supervisor', 'admin'];

export async function previewImport(ctx: CallContext, input: ParsedInputOf<'imports.preview'>): Promise<ImportPreview> {
  return (await check(ctx, input)).preview;
}

export async function runImport(ctx: CallContext, input: ParsedInputOf<'imports.run'>): Promise<{ imported: number }> {
  const { preview, inputs, problemCount } = await check(ctx, input);
  if (problemCount > 0) throw new AppError('VALIDATION', { key: 'import.hasProblems', params: { count: problemCount, rows: preview.rows - preview.valid } });
  const at = ctx.now().toISOString();
  const by = actor(ctx).id;
  await ctx.db.write(async (tx) => {
    for (const data of inputs) {
      if (input.kind === 'customers') await insertCustomer(tx, at, actor(ctx), data as ParsedInputOf<'customers.create'>);
      else if (input.kind === 'devices') await insertDevice(tx, at, by, data as ParsedInputOf<'devices.create'>);
      else if (input.kind === 'models') await insertModel(tx, at, by, data as ParsedInputOf<'models.create'>);
      else await insertPart(tx, at, by, data as ParsedInputOf<'parts.create'>);
    }
  });
  return { imported: inputs.length };
}
