/** Inputs of the spare-parts catalogue and stock movements. */
import { z } from 'zod';
import { MANUAL_KINDS, PART_UNITS } from '../domain/parts';
import { id, requiredText, searchText, text, version } from './fields';

/** A part number as printed on the label and typed by a barcode scanner. */
export const partNo = z.string().trim().min(1).max(40).regex(/^[\w\-./]+$/, { error: 'validation.partNo' });
const partSerial = z.string().trim().max(64).regex(/^[\w\-./]*$/, { error: 'validation.serial' }).default('');

export const partFields = z.strictObject({
  partNo,
  name: requiredText(80),
  /** Model codes the part fits. */
  models: z.array(requiredText(40)).max(50).default([]),
  priceFen: z.number().int().min(0).max(100_000_000).default(0),
  /** What a quantity counts: pieces, sets and pairs are whole; kg, m and L take two decimals. */
  unit: z.enum(PART_UNITS).default('pcs'),
  consumable: z.boolean().default(false),
  serialTracked: z.boolean().default(false),
  minStock: z.number().int().min(0).max(1_000_000).default(0),
  location: text(60),
  active: z.boolean().default(true),
});

export const partUpdateInput = partFields.extend({ id, version });

export const partListInput = z.strictObject({
  /** Part number prefix (what a scanner types) or words of the name or a model code. */
  q: searchText(64).default(''),
  lowOnly: z.boolean().default(false),
  includeInactive: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(200),
});

export const partGetInput = z.union([z.strictObject({ id }), z.strictObject({ partNo })]);

export const stockMoveInput = z.strictObject({
  partId: id,
  kind: z.enum(MANUAL_KINDS),
  /** Positive; for a stock-take adjustment, the signed difference found. Decimals as the part's unit allows. */
  quantity: z.number().finite().min(-1_000_000).max(1_000_000),
  serial: partSerial,
  ticketId: id.nullable().default(null),
  reason: text(500),
  /** A supervisor lets stock go below zero (reason required). */
  override: z.boolean().default(false),
});

export const stockMovementsInput = z.strictObject({
  partId: id.optional(),
  ticketId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const lowStockInput = z.strictObject({});
