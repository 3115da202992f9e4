/** The returned-device register and slip print counts (migration 1764500000000). */
import { EntitySchema } from 'typeorm';
import { idColumn, trackedColumns, v, int, fk } from './columns';

/** 返修登记表: one row per device taken back to the depot; `number` is the slip number (RMA…). */
export const ReturnedDeviceEntity = new EntitySchema<Record<string, unknown>>({
  name: 'returned_devices',
  columns: {
    id: idColumn,
    number: v(40, { unique: true }),
    state: v(16),
    ticketId: int('ticket_id'),
    customerId: int('customer_id'),
    modelId: int('model_id'),
    deviceId: int('device_id', { nullable: true }),
    serial: v(64),
    condition: { type: 'text', default: '[]' },
    conditionNotes: { name: 'condition_notes', type: 'text', default: '' },
    accessories: { type: 'text', default: '[]' },
    faultStated: { name: 'fault_stated', type: 'text' },
    photoIds: { name: 'photo_ids', type: 'text', default: '[]' },
    receivedBy: int('received_by'),
    receivedAt: v(24, { name: 'received_at' }),
    expectedDate: v(10, { name: 'expected_date', nullable: true }),
    pickedUpAt: v(24, { name: 'picked_up_at', nullable: true }),
    pickedUpBy: v(40, { name: 'picked_up_by', nullable: true }),
    pickupDelegate: { name: 'pickup_delegate', type: 'boolean', default: false },
    pickupIdNote: v(80, { name: 'pickup_id_note', default: '' }),
    accessoriesBack: { name: 'accessories_back', type: 'text', default: '[]' },
    returnNote: v(500, { name: 'return_note', default: '' }),
    pickupSignatureId: int('pickup_signature_id', { nullable: true }),
    closedAt: v(24, { name: 'closed_at', nullable: true }),
    ...trackedColumns,
  },
  relations: {
    ticket: fk('tickets', 'ticket_id'),
    customer: fk('customers', 'customer_id'),
    model: fk('product_models', 'model_id'),
    device: fk('devices', 'device_id', true),
    receiver: fk('users', 'received_by'),
    pickupSignature: fk('attachments', 'pickup_signature_id', true),
  },
  indices: [
    { name: 'ix_returned_devices_received', columns: ['receivedAt', 'id'] },
    { name: 'ix_returned_devices_state_received', columns: ['state', 'receivedAt'] },
    { name: 'ix_returned_devices_customer', columns: ['customerId', 'receivedAt'] },
    { name: 'ix_returned_devices_model', columns: ['modelId', 'receivedAt'] },
    { name: 'ix_returned_devices_serial', columns: ['serial'] },
    { name: 'ix_returned_devices_ticket', columns: ['ticketId'] },
    { name: 'ix_returned_devices_expected', columns: ['expectedDate'] },
    // Depot statistics (migration 1764870000000-statistics-upkeep).
    { name: 'ix_returned_devices_closed', columns: ['closedAt', 'state', 'receivedAt', 'expectedDate'] },
  ],
});

export const ReturnedDeviceEventEntity = new EntitySchema<Record<string, unknown>>({
  name: 'returned_device_events',
  columns: {
    id: idColumn,
    returnedDeviceId: int('returned_device_id'),
    at: v(24),
    actorId: int('actor_id'),
    kind: v(30),
    fromStatus: v(16, { name: 'from_status', nullable: true }),
    toStatus: v(16, { name: 'to_status', nullable: true }),
    note: { type: 'text', nullable: true },
    data: { type: 'text', nullable: true },
  },
  relations: { returnedDevice: fk('returned_devices', 'returned_device_id'), actor: fk('users', 'actor_id') },
  indices: [{ name: 'ix_returned_device_events_record', columns: ['returnedDeviceId', 'id'] }],
});

/** Every print or PDF export of a slip: the first is the original, the rest are marked as reprints. */
export const SlipPrintEntity = new EntitySchema<Record<string, unknown>>({
  name: 'slip_prints',
  columns: {
    id: idColumn,
    document: v(20),
    entityId: int('entity_id'),
    paper: v(8),
    via: v(8),
    at: v(24),
    actorId: int('actor_id'),
  },
  relations: { actor: fk('users', 'actor_id') },
  indices: [{ name: 'ix_slip_prints_document', columns: ['document', 'entityId'] }],
});

export const returnEntities = [ReturnedDeviceEntity, ReturnedDeviceEventEntity, SlipPrintEntity];
