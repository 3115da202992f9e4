/** Preventive maintenance plans and the visits (generated tickets) of each (migration 1764860000000). */
import { EntitySchema } from 'typeorm';
import { idColumn, trackedColumns, v, int, fk } from './columns';

/** A plan for a customer (a project of theirs, or one device): interval or fixed dates, lead days, checklist template (JSON). */
export const MaintenancePlanEntity = new EntitySchema<Record<string, unknown>>({
  name: 'maintenance_plans',
  columns: {
    id: idColumn,
    name: v(80),
    customerId: int('customer_id'),
    project: v(80, { default: '' }),
    deviceId: int('device_id', { nullable: true }),
    unit: v(8),
    every: { type: 'integer', default: 1 },
    startDate: v(10, { name: 'start_date' }),
    fixedDates: { name: 'fixed_dates', type: 'text', default: '[]' },
    nextDue: v(10, { name: 'next_due', nullable: true }),
    leadDays: int('lead_days', { default: 0 }),
    engineerId: int('engineer_id', { nullable: true }),
    checklist: { type: 'text', default: '[]' },
    active: { type: 'boolean', default: true },
    notes: { type: 'text', default: '' },
    ...trackedColumns,
  },
  relations: {
    customer: fk('customers', 'customer_id'),
    device: fk('devices', 'device_id', true),
    engineer: fk('users', 'engineer_id', true),
  },
  indices: [
    { name: 'ix_maintenance_plans_due', columns: ['active', 'nextDue'] },
    { name: 'ix_maintenance_plans_customer', columns: ['customerId'] },
  ],
});

/** One due date of a plan and the ticket generated for it; unique per (plan, due date): never generated twice. */
export const MaintenanceVisitEntity = new EntitySchema<Record<string, unknown>>({
  name: 'maintenance_visits',
  columns: {
    id: idColumn,
    planId: int('plan_id'),
    dueDate: v(10, { name: 'due_date' }),
    ticketId: int('ticket_id'),
    checklist: { type: 'text', default: '[]' },
    results: { type: 'text', default: '[]' },
    resultsAt: v(24, { name: 'results_at', nullable: true }),
    resultsBy: int('results_by', { nullable: true }),
    generatedAt: v(24, { name: 'generated_at' }),
    version: { type: 'integer', default: 1 },
  },
  relations: {
    plan: fk('maintenance_plans', 'plan_id'),
    ticket: fk('tickets', 'ticket_id'),
    resultsAuthor: fk('users', 'results_by', true),
  },
  indices: [
    { name: 'ux_maintenance_visits_plan_due', columns: ['planId', 'dueDate'], unique: true },
    { name: 'ux_maintenance_visits_ticket', columns: ['ticketId'], unique: true },
  ],
});

export const maintenanceEntities = [MaintenancePlanEntity, MaintenanceVisitEntity];
