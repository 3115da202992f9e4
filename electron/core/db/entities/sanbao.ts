/** 三包 exchanges and returns (换货 / 退货, issue 19): the unit taken back, the new unit, the rule that gave the right. */
import { EntitySchema } from 'typeorm';
import { fk, idColumn, trackedColumns, v } from './columns';

export const SanbaoCaseEntity = new EntitySchema<Record<string, unknown>>({
  name: 'sanbao_cases',
  columns: {
    id: idColumn,
    ticketId: { name: 'ticket_id', type: 'integer', unique: true },
    kind: v(10),
    oldDeviceId: { name: 'old_device_id', type: 'integer', unique: true },
    /** The new unit of an exchange; null for a return. */
    newDeviceId: { name: 'new_device_id', type: 'integer', nullable: true },
    rule: v(20),
    ruleParams: { name: 'rule_params', type: 'text' },
    overrideReason: v(500, { name: 'override_reason', default: '' }),
    /** A return's refund: the invoice's price when known, the money given back and how (REFUND_METHODS). */
    pricePaidFen: { name: 'price_paid_fen', type: 'integer', nullable: true },
    refundedFen: { name: 'refunded_fen', type: 'integer', nullable: true },
    refundMethod: v(10, { name: 'refund_method', nullable: true }),
    ...trackedColumns,
  },
  indices: [{ name: 'ix_sanbao_cases_new_device', columns: ['newDeviceId'] }],
  relations: { ticket: fk('tickets', 'ticket_id'), oldDevice: fk('devices', 'old_device_id'), newDevice: fk('devices', 'new_device_id', true) },
});

export const sanbaoEntities = [SanbaoCaseEntity];
