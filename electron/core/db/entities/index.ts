/**
 * The TypeORM model, as EntitySchema definitions (esbuild emits no decorator metadata). Listed
 * explicitly: globs break once bundled. A test checks the migrations build exactly this model.
 */
import { EntitySchema } from 'typeorm';
import { idColumn, instant, instantStamps, trackedColumns, v, fk } from './columns';
import { feeEntities } from './fees';
import { returnEntities } from './returns';
import { knowledgeEntities } from './knowledge';
import { partEntities } from './parts';
import { maintenanceEntities } from './maintenance';
import { labourEntities } from './labour';
import { sanbaoEntities } from './sanbao';
import { messagingEntities } from './messaging';
import { factoryEntities } from './factory';
import { lanEntities } from './lan';


export const UserEntity = new EntitySchema<Record<string, unknown>>({
  name: 'users',
  columns: {
    id: idColumn,
    username: v(32, { unique: true }),
    displayName: v(40, { name: 'display_name' }),
    role: v(16),
    passwordHash: v(200, { name: 'password_hash' }),
    active: { type: 'boolean', default: true },
    failedLogins: { name: 'failed_logins', type: 'integer', default: 0 },
    lockedUntil: v(24, { name: 'locked_until', nullable: true }),
    productLines: { name: 'product_lines', type: 'text', default: '[]' },
    ...trackedColumns,
  },
});

export const SettingsEntity = new EntitySchema<Record<string, unknown>>({
  name: 'settings',
  columns: { id: { type: 'integer', primary: true }, data: { type: 'text' }, ...trackedColumns },
});

export const CustomerEntity = new EntitySchema<Record<string, unknown>>({
  name: 'customers',
  columns: {
    id: idColumn,
    kind: v(12),
    name: v(80),
    salutation: v(4, { default: '' }),
    contactPerson: v(40, { name: 'contact_person', default: '' }),
    phone: v(30),
    phoneNorm: v(20, { name: 'phone_norm' }),
    phone2: v(30, { default: '' }),
    phone2Norm: v(20, { name: 'phone2_norm', default: '' }),
    address: v(200, { default: '' }),
    email: v(120, { default: '' }),
    keyAccount: { name: 'key_account', type: 'boolean', default: false },
    keyAccountNote: v(200, { name: 'key_account_note', default: '' }),
    notes: { type: 'text', default: '' },
    ...trackedColumns,
  },
  indices: [
    { name: 'ix_customers_phone_norm', columns: ['phoneNorm'] },
    { name: 'ix_customers_phone2_norm', columns: ['phone2Norm'] },
    { name: 'ix_customers_name', columns: ['name'] },
    { name: 'ix_customers_id_name', columns: ['id', 'name'] },
    // The phone's last four digits, an expression (migration 1764930000000-list-search).
    { name: 'ix_customers_phone_last4', columns: ['phoneNorm'], synchronize: false },
  ],
});

export const ProductModelEntity = new EntitySchema<Record<string, unknown>>({
  name: 'product_models',
  columns: {
    id: idColumn,
    code: v(40, { unique: true }),
    name: v(80),
    productLine: v(40, { name: 'product_line' }),
    warrantyMonths: { name: 'warranty_months', type: 'integer' },
    active: { type: 'boolean', default: true },
    ...trackedColumns,
  },
});

export const DeviceEntity = new EntitySchema<Record<string, unknown>>({
  name: 'devices',
  columns: {
    id: idColumn,
    serial: v(64, { unique: true }),
    modelId: { name: 'model_id', type: 'integer' },
    customerId: { name: 'customer_id', type: 'integer', nullable: true },
    purchaseDate: v(10, { name: 'purchase_date', nullable: true }),
    purchaseChannel: v(80, { name: 'purchase_channel', default: '' }),
    installDate: v(10, { name: 'install_date', nullable: true }),
    warrantyEnd: v(10, { name: 'warranty_end', nullable: true }),
    ...trackedColumns,
  },
  relations: { model: fk('product_models', 'model_id'), customer: fk('customers', 'customer_id', true) },
  indices: [
    { name: 'ix_devices_customer', columns: ['customerId'] },
    { name: 'ix_devices_model', columns: ['modelId'] },
  ],
});

export const TicketEntity = new EntitySchema<Record<string, unknown>>({
  name: 'tickets',
  columns: {
    id: idColumn,
    number: v(40, { unique: true }),
    status: v(20),
    channel: v(12),
    reportedAt: instant('reported_at'),
    receivedBy: { name: 'received_by', type: 'integer' },
    customerId: { name: 'customer_id', type: 'integer' },
    contactName: v(40, { name: 'contact_name' }),
    contactPhone: v(30, { name: 'contact_phone' }),
    contactPhoneNorm: v(20, { name: 'contact_phone_norm' }),
    modelId: { name: 'model_id', type: 'integer', nullable: true },
    deviceId: { name: 'device_id', type: 'integer', nullable: true },
    serial: v(64, { nullable: true }),
    urgency: v(12),
    problemType: v(12, { name: 'problem_type' }),
    safetyRisk: { name: 'safety_risk', type: 'boolean', default: false },
    warrantyStatus: v(8, { name: 'warranty_status' }),
    faultDescription: { name: 'fault_description', type: 'text' },
    faultWhen: v(200, { name: 'fault_when', default: '' }),
    faultFrequency: v(12, { name: 'fault_frequency', nullable: true }),
    alarmCodes: v(200, { name: 'alarm_codes', default: '' }),
    abnormalNoise: v(200, { name: 'abnormal_noise', default: '' }),
    environment: v(500, { default: '' }),
    customerTried: v(1000, { name: 'customer_tried', default: '' }),
    reportedBefore: { name: 'reported_before', type: 'boolean', default: false },
    responseDueAt: instant('response_due_at'),
    resolveDueAt: instant('resolve_due_at'),
    level: { type: 'integer', default: 1 },
    assignedTo: { name: 'assigned_to', type: 'integer', nullable: true },
    closedAt: instant('closed_at', { nullable: true }),
    // Lifecycle (migration 1764100000000): diagnosis and plan, approval, consent, dispatch, acceptance, follow-up, pause.
    remoteGuidance: { name: 'remote_guidance', type: 'text', default: '' },
    serviceMode: v(10, { name: 'service_mode', nullable: true }),
    eta: v(24, { nullable: true }),
    diagnosis: { type: 'text', default: '' },
    rootCause: { name: 'root_cause', type: 'text', default: '' },
    repairPlan: { name: 'repair_plan', type: 'text', default: '' },
    partsNeeded: { name: 'parts_needed', type: 'text', default: '' },
    touchesCoreParts: { name: 'touches_core_parts', type: 'boolean', default: false },
    estimateFen: { name: 'estimate_fen', type: 'integer', default: 0 },
    needsApproval: { name: 'needs_approval', type: 'boolean', default: false },
    approvedBy: { name: 'approved_by', type: 'integer', nullable: true },
    approvedAt: v(24, { name: 'approved_at', nullable: true }),
    consentAt: v(24, { name: 'consent_at', nullable: true }),
    consentChannel: v(12, { name: 'consent_channel', nullable: true }),
    consentSignatureId: { name: 'consent_signature_id', type: 'integer', nullable: true },
    dispatchedAt: v(24, { name: 'dispatched_at', nullable: true }),
    contactDueAt: v(24, { name: 'contact_due_at', nullable: true }),
    contactedAt: v(24, { name: 'contacted_at', nullable: true }),
    respondedAt: instant('responded_at', { nullable: true }),
    resolvedAt: instant('resolved_at', { nullable: true }),
    functionTest: v(10, { name: 'function_test', nullable: true }),
    satisfaction: v(16, { nullable: true }),
    acceptanceComments: { name: 'acceptance_comments', type: 'text', default: '' },
    acceptanceSignatureId: { name: 'acceptance_signature_id', type: 'integer', nullable: true },
    followUpDueAt: instant('follow_up_due_at', { nullable: true }),
    followedUpAt: instant('followed_up_at', { nullable: true }),
    followUpNotes: { name: 'follow_up_notes', type: 'text', default: '' },
    pausedSince: v(24, { name: 'paused_since', nullable: true }),
    pauseReason: v(12, { name: 'pause_reason', nullable: true }),
    visits: { type: 'integer', default: 0 },
    // Service record (migration 1764300000000).
    serviceSteps: { name: 'service_steps', type: 'text', default: '' },
    serviceProblems: { name: 'service_problems', type: 'text', default: '' },
    reopenCount: { name: 'reopen_count', type: 'integer', default: 0 },
    // Kept for statistics (migration 1764870000000-statistics-upkeep): repeat flag by trigger, times filled by reports.
    isRepeat: { name: 'is_repeat', type: 'boolean', default: false },
    clockVersion: { name: 'clock_version', type: 'integer', nullable: true },
    responseMinutes: { name: 'response_minutes', type: 'integer', nullable: true },
    responseWorkingMinutes: { name: 'response_working_minutes', type: 'integer', nullable: true },
    resolutionMinutes: { name: 'resolution_minutes', type: 'integer', nullable: true },
    resolutionWorkingMinutes: { name: 'resolution_working_minutes', type: 'integer', nullable: true },
    // Why a new ticket was registered beside a related one (migration 1764980000000-related-tickets).
    duplicateReason: v(500, { name: 'duplicate_reason', default: '' }),
    ...trackedColumns,
    ...instantStamps,
  },
  relations: {
    receiver: fk('users', 'received_by'),
    customer: fk('customers', 'customer_id'),
    model: fk('product_models', 'model_id', true),
    device: fk('devices', 'device_id', true),
    assignee: fk('users', 'assigned_to', true),
  },
  indices: [
    { name: 'ix_tickets_reported', columns: ['reportedAt', 'id'] },
    { name: 'ix_tickets_status_reported', columns: ['status', 'reportedAt'] },
    { name: 'ix_tickets_phone', columns: ['contactPhoneNorm'] },
    { name: 'ix_tickets_serial', columns: ['serial'] },
    { name: 'ix_tickets_customer', columns: ['customerId'] },
    { name: 'ix_tickets_assignee_status', columns: ['assignedTo', 'status'] },
    { name: 'ix_tickets_resolve_due', columns: ['resolveDueAt'] },
    // Search indexes (migration 1764200000000); its FTS5 table, gram and count tables and triggers live in the migration only.
    { name: 'ix_tickets_status_urgency_reported', columns: ['status', 'urgency', 'reportedAt', 'id'] },
    { name: 'ix_tickets_followed_up', columns: ['followedUpAt'] },
    // Covering indexes for the period reports (migration 1764700000000-report-covering).
    { name: 'ix_tickets_report_resolved', columns: ['resolvedAt', 'satisfaction'] },
    { name: 'ix_tickets_device_reported', columns: ['deviceId', 'reportedAt'] },
    { name: 'ix_tickets_status_follow_up_due', columns: ['status', 'followUpDueAt'] },
    // Statistics (migration 1764870000000-statistics-upkeep); its hour-count table and triggers live in the migration only.
    {
      name: 'ix_tickets_report_period',
      columns: ['reportedAt', 'status', 'isRepeat', 'deviceId', 'modelId', 'serial', 'clockVersion', 'respondedAt', 'responseDueAt', 'resolvedAt', 'resolveDueAt',
        'responseMinutes', 'responseWorkingMinutes', 'resolutionMinutes', 'resolutionWorkingMinutes'],
    },
    { name: 'ix_tickets_repeats', columns: ['isRepeat', 'reportedAt', 'deviceId', 'serial', 'modelId'] },
    { name: 'ix_tickets_closed_status_reported', columns: ['closedAt', 'status', 'reportedAt'] },
    // List and search (migration 1764930000000-list-search). The last four digits are an expression TypeORM
    // cannot declare: synchronize false keeps the schema builder from dropping it.
    { name: 'ix_tickets_phone_last4', columns: ['contactPhoneNorm'], synchronize: false },
    { name: 'ix_tickets_model_reported', columns: ['modelId', 'reportedAt'] },
    { name: 'ix_tickets_assignee_reported', columns: ['assignedTo', 'reportedAt'] },
  ],
});

export const TicketEventEntity = new EntitySchema<Record<string, unknown>>({
  name: 'ticket_events',
  columns: {
    id: idColumn,
    ticketId: { name: 'ticket_id', type: 'integer' },
    at: instant('at'),
    actorId: { name: 'actor_id', type: 'integer' },
    kind: v(30),
    fromStatus: v(20, { name: 'from_status', nullable: true }),
    toStatus: v(20, { name: 'to_status', nullable: true }),
    note: { type: 'text', nullable: true },
    data: { type: 'text', nullable: true },
    /** The change's audit entry, when the event is one (migration 1764960000000-compact-audit). */
    changes: { type: 'text', nullable: true },
    /** Which desk or phone made the change: paired name and address; null on the host PC itself (migration 1765030000000-lan). */
    client: v(120, { nullable: true }),
  },
  relations: { ticket: fk('tickets', 'ticket_id'), actor: fk('users', 'actor_id') },
  indices: [
    { name: 'ix_ticket_events_ticket', columns: ['ticketId', 'id'] },
    // Partial (only events that carry an audit entry): TypeORM cannot declare it.
    { name: 'ix_ticket_events_audit_at', columns: ['at'], synchronize: false },
  ],
});

/** Intervals when a ticket's clock stood still (waiting for the customer or for parts). */
export const TicketPauseEntity = new EntitySchema<Record<string, unknown>>({
  name: 'ticket_pauses',
  columns: {
    id: idColumn,
    ticketId: { name: 'ticket_id', type: 'integer' },
    fromAt: v(24, { name: 'from_at' }),
    toAt: v(24, { name: 'to_at', nullable: true }),
    reason: v(12),
  },
  relations: { ticket: fk('tickets', 'ticket_id') },
  indices: [{ name: 'ix_ticket_pauses_ticket', columns: ['ticketId'] }],
});

/** Files kept in the data directory (signatures, photos, documents), referenced from here. */
export const AttachmentEntity = new EntitySchema<Record<string, unknown>>({
  name: 'attachments',
  columns: {
    id: idColumn,
    ticketId: { name: 'ticket_id', type: 'integer', nullable: true },
    kind: v(12),
    fileName: v(200, { name: 'file_name' }),
    storedPath: v(300, { name: 'stored_path' }),
    mime: v(60),
    size: { type: 'integer' },
    sha256: v(64),
    createdAt: { name: 'created_at', type: 'varchar', length: 24 },
    createdBy: { name: 'created_by', type: 'integer', nullable: true },
  },
  relations: { ticket: fk('tickets', 'ticket_id', true) },
  indices: [{ name: 'ix_attachments_ticket', columns: ['ticketId'] }],
});

/** Parts used on a ticket (SPEC 实施: part, model, quantity, serial; old part recovered). */
export const TicketPartEntity = new EntitySchema<Record<string, unknown>>({
  name: 'ticket_parts',
  columns: {
    id: idColumn,
    ticketId: { name: 'ticket_id', type: 'integer' },
    partName: v(80, { name: 'part_name' }),
    partModel: v(60, { name: 'part_model', default: '' }),
    quantity: { type: 'integer' },
    unit: v(8, { default: 'pcs' }),
    serial: v(64, { default: '' }),
    oldPartRecovered: { name: 'old_part_recovered', type: 'boolean', default: false },
    createdAt: { name: 'created_at', type: 'varchar', length: 24 },
    createdBy: { name: 'created_by', type: 'integer', nullable: true },
    // Catalogue part issued from stock (migration 1764850000000); no foreign key: SQLite cannot add one to an existing table.
    partId: { name: 'part_id', type: 'integer', nullable: true },
  },
  relations: { ticket: fk('tickets', 'ticket_id') },
  indices: [{ name: 'ix_ticket_parts_ticket', columns: ['ticketId'] }],
});

/** The engineer schedule (工作安排表): who is booked where and when. */
export const BookingEntity = new EntitySchema<Record<string, unknown>>({
  name: 'bookings',
  columns: {
    id: idColumn,
    engineerId: { name: 'engineer_id', type: 'integer' },
    ticketId: { name: 'ticket_id', type: 'integer', nullable: true },
    startsAt: v(24, { name: 'starts_at' }),
    endsAt: v(24, { name: 'ends_at' }),
    place: v(200, { default: '' }),
    note: v(500, { default: '' }),
    cancelled: { type: 'boolean', default: false },
    ...trackedColumns,
  },
  relations: { engineer: fk('users', 'engineer_id'), ticket: fk('tickets', 'ticket_id', true) },
  indices: [{ name: 'ix_bookings_engineer_start', columns: ['engineerId', 'startsAt'] }, { name: 'ix_bookings_start', columns: ['startsAt'] }],
});

export const AuditEntity = new EntitySchema<Record<string, unknown>>({
  name: 'audit_log',
  columns: {
    id: idColumn,
    at: instant('at'),
    actorId: { name: 'actor_id', type: 'integer', nullable: true },
    entity: v(30),
    entityId: { name: 'entity_id', type: 'integer' },
    action: v(20),
    changes: { type: 'text' },
    /** Which desk or phone made the change: paired name and address; null on the host PC itself (migration 1765030000000-lan). */
    client: v(120, { nullable: true }),
  },
  indices: [
    { name: 'ix_audit_entity', columns: ['entity', 'entityId'] },
    { name: 'ix_audit_at', columns: ['at'] },
    { name: 'ix_audit_actor', columns: ['actorId', 'at'] },
  ],
});

export const NumberSequenceEntity = new EntitySchema<Record<string, unknown>>({
  name: 'number_sequences',
  columns: { scope: { type: 'varchar', length: 60, primary: true }, last: { type: 'integer' } },
});

export const entities = [
  UserEntity,
  SettingsEntity,
  CustomerEntity,
  ProductModelEntity,
  DeviceEntity,
  TicketEntity,
  TicketEventEntity,
  TicketPauseEntity,
  AttachmentEntity,
  TicketPartEntity,
  BookingEntity,
  AuditEntity,
  NumberSequenceEntity,
  ...feeEntities,
  ...returnEntities,
  ...knowledgeEntities,
  ...partEntities,
  ...maintenanceEntities,
  ...labourEntities,
  ...sanbaoEntities,
  ...messagingEntities,
  ...factoryEntities,
  ...lanEntities,
];
