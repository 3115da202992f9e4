/** Spare parts: the catalogue and every stock movement (migration 1764850000000). */
import { EntitySchema } from 'typeorm';
import { idColumn, trackedColumns, v, int, fk } from './columns';

/** The parts catalogue; `on_hand` is kept equal to the sum of the part's movements, in the same transaction. */
export const PartEntity = new EntitySchema<Record<string, unknown>>({
  name: 'parts',
  columns: {
    id: idColumn,
    partNo: v(40, { name: 'part_no', unique: true }),
    name: v(80),
    models: { type: 'text', default: '[]' },
    priceFen: int('price_fen', { default: 0 }),
    unit: v(8, { default: 'pcs' }),
    consumable: { type: 'boolean', default: false },
    serialTracked: { name: 'serial_tracked', type: 'boolean', default: false },
    minStock: int('min_stock', { default: 0 }),
    location: v(60, { default: '' }),
    active: { type: 'boolean', default: true },
    onHand: int('on_hand', { default: 0 }),
    ...trackedColumns,
  },
  indices: [{ name: 'ix_parts_name', columns: ['name'] }],
});

/** One movement of stock: who, when, why, how many (signed delta), which serial, for which ticket. */
export const StockMovementEntity = new EntitySchema<Record<string, unknown>>({
  name: 'stock_movements',
  columns: {
    id: idColumn,
    partId: int('part_id'),
    kind: v(10),
    quantity: { type: 'integer' },
    delta: { type: 'integer' },
    onHandAfter: int('on_hand_after'),
    serial: v(64, { default: '' }),
    ticketId: int('ticket_id', { nullable: true }),
    ticketPartId: int('ticket_part_id', { nullable: true }),
    reason: v(500, { default: '' }),
    override: { type: 'boolean', default: false },
    at: v(24),
    actorId: int('actor_id'),
  },
  relations: {
    part: fk('parts', 'part_id'),
    ticket: fk('tickets', 'ticket_id', true),
    ticketPart: fk('ticket_parts', 'ticket_part_id', true),
    actor: fk('users', 'actor_id'),
  },
  indices: [
    { name: 'ix_stock_movements_part', columns: ['partId', 'id'] },
    { name: 'ix_stock_movements_serial', columns: ['partId', 'serial'] },
    { name: 'ix_stock_movements_ticket', columns: ['ticketId'] },
    { name: 'ix_stock_movements_at', columns: ['at'] },
  ],
});

export const partEntities = [PartEntity, StockMovementEntity];
