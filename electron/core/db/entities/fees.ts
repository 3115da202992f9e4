/** Fees (migration 1764400000000): fee standard versions, quotes (报价单), bills, payments. */
import { EntitySchema } from 'typeorm';
import { idColumn, trackedColumns, v, int, fk } from './columns';

/** A version never changes once published: rows are only inserted. */
export const FeeStandardEntity = new EntitySchema<Record<string, unknown>>({
  name: 'fee_standards',
  columns: {
    id: idColumn,
    effectiveFrom: v(10, { name: 'effective_from' }),
    note: v(200, { default: '' }),
    rules: { type: 'text' },
    createdAt: v(24, { name: 'created_at' }),
    createdBy: int('created_by', { nullable: true }),
  },
  indices: [{ name: 'ix_fee_standards_effective', columns: ['effectiveFrom', 'id'] }],
});

const calculated = {
  standardId: int('standard_id'),
  warrantyStatus: v(8, { name: 'warranty_status' }),
  repeatRepair: { name: 'repeat_repair', type: 'boolean' as const, default: false },
  previousRepairDate: v(10, { name: 'previous_repair_date', nullable: true }),
  input: { type: 'text' as const },
  calc: { type: 'text' as const },
  totalFen: int('total_fen'),
  note: v(500, { default: '' }),
};

export const QuoteEntity = new EntitySchema<Record<string, unknown>>({
  name: 'quotes',
  columns: {
    id: idColumn,
    ticketId: int('ticket_id'),
    revision: { type: 'integer' },
    status: v(12),
    serviceDate: v(10, { name: 'service_date' }),
    ...calculated,
    consentAt: v(24, { name: 'consent_at', nullable: true }),
    consentChannel: v(12, { name: 'consent_channel', nullable: true }),
    consentSignatureId: int('consent_signature_id', { nullable: true }),
    consentNote: v(500, { name: 'consent_note', default: '' }),
    ...trackedColumns,
  },
  relations: { ticket: fk('tickets', 'ticket_id'), standard: fk('fee_standards', 'standard_id') },
  indices: [{ name: 'ix_quotes_ticket', columns: ['ticketId', 'revision'] }],
});

export const BillEntity = new EntitySchema<Record<string, unknown>>({
  name: 'bills',
  columns: {
    id: idColumn,
    ticketId: int('ticket_id', { unique: true }),
    customerId: int('customer_id'),
    quoteId: int('quote_id', { nullable: true }),
    billedOn: v(10, { name: 'billed_on' }),
    ...calculated,
    quoteTotalFen: int('quote_total_fen', { nullable: true }),
    discountNeedsApproval: { name: 'discount_needs_approval', type: 'boolean', default: false },
    discountApprovedAt: v(24, { name: 'discount_approved_at', nullable: true }),
    discountApprovedBy: int('discount_approved_by', { nullable: true }),
    paidFen: int('paid_fen', { default: 0 }),
    balanceFen: int('balance_fen'),
    ackAt: v(24, { name: 'ack_at', nullable: true }),
    ackSignatureId: int('ack_signature_id', { nullable: true }),
    ackPromisedDate: v(10, { name: 'ack_promised_date', nullable: true }),
    ackNote: v(500, { name: 'ack_note', default: '' }),
    // Consent recorded on the bill itself (migration 1764900000000), when no accepted quote carries it.
    consentAt: v(24, { name: 'consent_at', nullable: true }),
    consentChannel: v(12, { name: 'consent_channel', nullable: true }),
    consentSignatureId: int('consent_signature_id', { nullable: true }),
    consentNote: v(500, { name: 'consent_note', default: '' }),
    ...trackedColumns,
  },
  relations: {
    ticket: fk('tickets', 'ticket_id'),
    customer: fk('customers', 'customer_id'),
    quote: fk('quotes', 'quote_id', true),
    standard: fk('fee_standards', 'standard_id'),
  },
  indices: [
    { name: 'ix_bills_customer', columns: ['customerId'] },
    // Fee statistics (migration 1764870000000-statistics-upkeep).
    { name: 'ix_bills_billed', columns: ['billedOn', 'totalFen'] },
    { name: 'ix_bills_balance_billed', columns: ['balanceFen', 'billedOn'] },
  ],
});

/** Append-only: a payment is never edited (a mistake is corrected by the supervisor outside this issue). */
export const PaymentEntity = new EntitySchema<Record<string, unknown>>({
  name: 'payments',
  columns: {
    id: idColumn,
    billId: int('bill_id'),
    method: v(16),
    amountFen: int('amount_fen'),
    paidAt: v(24, { name: 'paid_at' }),
    receiptNo: v(40, { name: 'receipt_no', default: '' }),
    takenBy: int('taken_by'),
    createdAt: v(24, { name: 'created_at' }),
  },
  relations: { bill: fk('bills', 'bill_id'), taker: fk('users', 'taken_by') },
  indices: [
    { name: 'ix_payments_bill', columns: ['billId'] },
    { name: 'ix_payments_paid', columns: ['paidAt', 'method', 'amountFen', 'billId'] },
  ],
});

export const feeEntities = [FeeStandardEntity, QuoteEntity, BillEntity, PaymentEntity];
