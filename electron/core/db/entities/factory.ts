/** Loaners and their loans, defective stock (旧件 / 不良品库) and returns to the factory (返厂单, issue 19). */
import { EntitySchema } from 'typeorm';
import { fk, idColumn, int, trackedColumns, v } from './columns';

export const LoanerEntity = new EntitySchema<Record<string, unknown>>({
  name: 'loaners',
  columns: {
    id: idColumn,
    serial: v(64, { unique: true }),
    modelId: int('model_id', { nullable: true }),
    condition: v(12),
    state: v(12),
    note: v(200, { default: '' }),
    ...trackedColumns,
  },
  relations: { model: fk('product_models', 'model_id', true) },
  indices: [{ name: 'ix_loaners_state', columns: ['state', 'serial'] }],
});

export const LoanEntity = new EntitySchema<Record<string, unknown>>({
  name: 'loans',
  columns: {
    id: idColumn,
    number: v(40, { unique: true }),
    loanerId: int('loaner_id'),
    ticketId: int('ticket_id'),
    depositFen: int('deposit_fen'),
    lentAt: v(24, { name: 'lent_at' }),
    dueOn: v(10, { name: 'due_on' }),
    returnedAt: v(24, { name: 'returned_at', nullable: true }),
    returnCondition: v(12, { name: 'return_condition', nullable: true }),
    refundFen: int('refund_fen', { nullable: true }),
    keptReason: v(200, { name: 'kept_reason', default: '' }),
    ...trackedColumns,
  },
  relations: { loaner: fk('loaners', 'loaner_id'), ticket: fk('tickets', 'ticket_id') },
  indices: [
    { name: 'ix_loans_ticket', columns: ['ticketId', 'returnedAt'] },
    { name: 'ix_loans_out', columns: ['returnedAt', 'dueOn'] },
  ],
});

export const DefectiveItemEntity = new EntitySchema<Record<string, unknown>>({
  name: 'defective_items',
  columns: {
    id: idColumn,
    kind: v(8),
    origin: v(12),
    partId: int('part_id', { nullable: true }),
    ticketPartId: int('ticket_part_id', { nullable: true }),
    name: v(80),
    serial: v(64, { default: '' }),
    ticketId: int('ticket_id', { nullable: true }),
    modelId: int('model_id', { nullable: true }),
    batch: v(64, { default: '' }),
    faultCode: v(200, { name: 'fault_code', default: '' }),
    quantity: { type: 'integer' },
    onHand: int('on_hand'),
    ...trackedColumns,
  },
  relations: {
    part: fk('parts', 'part_id', true),
    ticket: fk('tickets', 'ticket_id', true),
    model: fk('product_models', 'model_id', true),
  },
  indices: [
    { name: 'ix_defective_on_hand', columns: ['onHand', 'id'] },
    { name: 'ix_defective_ticket', columns: ['ticketId'] },
    { name: 'ix_defective_created', columns: ['createdAt', 'origin'] },
  ],
});

export const FactoryReturnEntity = new EntitySchema<Record<string, unknown>>({
  name: 'factory_returns',
  columns: {
    id: idColumn,
    number: v(40, { unique: true }),
    supplier: v(80),
    state: v(12),
    note: v(500, { default: '' }),
    rejectReason: v(500, { name: 'reject_reason', default: '' }),
    sentAt: v(24, { name: 'sent_at', nullable: true }),
    receivedAt: v(24, { name: 'received_at', nullable: true }),
    closedAt: v(24, { name: 'closed_at', nullable: true }),
    ...trackedColumns,
  },
  indices: [{ name: 'ix_factory_returns_state', columns: ['state', 'supplier'] }],
});

export const FactoryReturnLineEntity = new EntitySchema<Record<string, unknown>>({
  name: 'factory_return_lines',
  columns: {
    id: idColumn,
    returnId: int('return_id'),
    defectiveId: int('defective_id'),
    quantity: { type: 'integer' },
    creditFen: int('credit_fen', { nullable: true }),
  },
  relations: { factoryReturn: fk('factory_returns', 'return_id'), defective: fk('defective_items', 'defective_id') },
  indices: [
    { name: 'ix_factory_return_lines_return', columns: ['returnId'] },
    { name: 'ix_factory_return_lines_defective', columns: ['defectiveId'] },
  ],
});

export const factoryEntities = [LoanerEntity, LoanEntity, DefectiveItemEntity, FactoryReturnEntity, FactoryReturnLineEntity];
