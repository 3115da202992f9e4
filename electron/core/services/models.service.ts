/** Product models: the catalogue intake picks from, with each model's default warranty months. */
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { ProductModel } from '../../../shared/domain/party';
import { conflict, duplicate, notFound } from '../errors';
import { actor, type CallContext } from '../context';
import type { Tx } from '../db/db';
import { audit, created } from './audit';
import { bool } from './sql';

interface Row {
  id: number;
  version: number;
  code: string;
  name: string;
  product_line: string;
  warranty_months: number;
  active: number;
}

const toModel = (r: Row): ProductModel => ({
  id: r.id,
  version: r.version,
  code: r.code,
  name: r.name,
  productLine: r.product_line,
  warrantyMonths: r.warranty_months,
  active: bool(r.active),
});

type Fields = ParsedInputOf<'models.create'>;

const columns = (f: Fields) => ({ code: f.code, name: f.name, product_line: f.productLine, warranty_months: f.warrantyMonths, active: f.active ? 1 : 0 });

export async function listModels(ctx: CallContext): Promise<ProductModel[]> {
  return (await ctx.db.query<Row>('SELECT * FROM product_models ORDER BY active DESC, product_line, code')).map(toModel);
}

export async function getModel(ctx: CallContext, id: number): Promise<ProductModel> {
  const row = await ctx.db.get<Row>('SELECT * FROM product_models WHERE id = ?', [id]);
  if (!row) throw notFound();
  return toModel(row);
}

export async function insertModel(tx: Tx, at: string, by: number, input: Fields): Promise<number> {
  const taken = await tx.query('SELECT id FROM product_models WHERE code = ?', [input.code]);
  if (taken.length > 0) throw duplicate('modelCode', 'code');
  const values = columns(input);
  const id = await tx.insert('product_models', { ...values, ...created(at, by) });
  await audit(tx, at, by, 'product_models', id, 'create', null, values);
  return id;
}

export async function createModel(ctx: CallContext, input: Fields): Promise<ProductModel> {
  const at = ctx.now().toISOString();
  const id = await ctx.db.write((tx) => insertModel(tx, at, actor(ctx).id, input));
  return getModel(ctx, id);
}

export async function updateModel(ctx: CallContext, input: ParsedInputOf<'models.update'>): Promise<ProductModel> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const { id, version, ...fields } = input;
  await ctx.db.write(async (tx) => {
    const [before] = await tx.query<Record<string, unknown>>('SELECT * FROM product_models WHERE id = ?', [id]);
    if (!before) throw notFound();
    const clash = await tx.query('SELECT id FROM product_models WHERE code = ? AND id <> ?', [fields.code, id]);
    if (clash.length > 0) throw duplicate('modelCode', 'code');
    const values = columns(fields);
    const changed = await tx.run(
      'UPDATE product_models SET code = ?, name = ?, product_line = ?, warranty_months = ?, active = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?',
      [...Object.values(values), at, by, id, version],
    );
    if (changed !== 1) throw conflict();
    await audit(tx, at, by, 'product_models', id, 'update', before, values);
  });
  return getModel(ctx, id);
}
