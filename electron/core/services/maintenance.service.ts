/**
 * Preventive maintenance plans (定期巡检) and their generator: tickets of type 维护保养 created lead days
 * before each due date, catching up on dates missed while the app was closed, never twice for the same
 * plan and due date (a unique index on (plan, due date) guards even two generators at once).
 */
import { indexFault } from '../search/fault-words';
import type { ParsedInputOf } from '../../../shared/api/contract';
import {
  checklistProblems, checklistSummary, dueForGeneration, firstDueOnOrAfter, nextDueAfter, addDays,
  type ChecklistItem, type ChecklistResult, type MaintenancePlan, type MaintenancePlanDetail, type MaintenanceVisit, type Schedule,
} from '../../../shared/domain/maintenance';
import { localDate } from '../../../shared/domain/time';
import { translate } from '../../../shared/i18n/translate';
import { AppError, conflict, notFound } from '../errors';
import { actor, type CallContext, type CoreDeps } from '../context';
import type { Tx } from '../db/db';
import { audit, created, CREATION_CHANGES } from './audit';
import { bool } from './sql';
import { intakeColumns, nextNumber } from './tickets.service';

interface PlanRow {
  id: number; version: number; name: string; customer_id: number; customer_name: string; project: string; device_id: number | null; device_serial: string | null;
  unit: Schedule['unit']; every: number; start_date: string; fixed_dates: string; next_due: string | null; lead_days: number;
  engineer_id: number | null; engineer_name: string | null; checklist: string; active: number; notes: string; created_by: number | null; updated_by: number | null;
}

const PLAN_SELECT = `SELECT p.*, c.name AS customer_name, d.serial AS device_serial, u.display_name AS engineer_name
  FROM maintenance_plans p JOIN customers c ON c.id = p.customer_id LEFT JOIN devices d ON d.id = p.device_id LEFT JOIN users u ON u.id = p.engineer_id`;

const scheduleOf = (r: Pick<PlanRow, 'unit' | 'every' | 'start_date' | 'fixed_dates'>): Schedule => ({
  unit: r.unit, every: r.every, startDate: r.start_date, fixedDates: JSON.parse(r.fixed_dates) as string[],
});

const toPlan = (r: PlanRow): MaintenancePlan => ({
  id: r.id,
  version: r.version,
  name: r.name,
  customer: { id: r.customer_id, name: r.customer_name },
  project: r.project,
  device: r.device_id ? { id: r.device_id, serial: r.device_serial ?? '' } : null,
  unit: r.unit,
  every: r.every,
  startDate: r.start_date,
  fixedDates: JSON.parse(r.fixed_dates) as string[],
  nextDue: r.next_due,
  leadDays: r.lead_days,
  engineer: r.engineer_id ? { id: r.engineer_id, name: r.engineer_name ?? '' } : null,
  checklist: JSON.parse(r.checklist) as ChecklistItem[],
  active: bool(r.active),
  notes: r.notes,
});

async function today(deps: Pick<CoreDeps, 'now' | 'settings'>): Promise<string> {
  return localDate(deps.now(), (await deps.settings.get()).timeZone);
}

export async function listPlans(ctx: CallContext, input: ParsedInputOf<'maintenance.plans.list'>): Promise<MaintenancePlan[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.customerId !== undefined) { where.push('p.customer_id = ?'); params.push(input.customerId); }
  if (!input.includeInactive) where.push('p.active = 1');
  const rows = await ctx.db.query<PlanRow>(`${PLAN_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.active DESC, p.next_due IS NULL, p.next_due, p.id`, params);
  return rows.map(toPlan);
}

interface VisitRow {
  id: number; version: number; plan_id: number; plan_name: string; due_date: string; ticket_id: number; ticket_number: string; ticket_status: string;
  checklist: string; results: string; results_at: string | null;
}

const VISIT_SELECT = `SELECT v.id, v.version, v.plan_id, p.name AS plan_name, v.due_date, v.ticket_id, t.number AS ticket_number, t.status AS ticket_status,
  v.checklist, v.results, v.results_at FROM maintenance_visits v JOIN maintenance_plans p ON p.id = v.plan_id JOIN tickets t ON t.id = v.ticket_id`;

const toVisit = (r: VisitRow): MaintenanceVisit => {
  const checklist = JSON.parse(r.checklist) as ChecklistItem[];
  const results = JSON.parse(r.results) as ChecklistResult[];
  return {
    id: r.id, version: r.version, planId: r.plan_id, planName: r.plan_name, dueDate: r.due_date,
    ticket: { id: r.ticket_id, number: r.ticket_number, status: r.ticket_status },
    checklist, results, resultsAt: r.results_at, summary: checklistSummary(checklist, results),
  };
};

export async function visitOfTicket(db: CoreDeps['db'], ticketId: number): Promise<MaintenanceVisit | null> {
  const row = await db.get<VisitRow>(`${VISIT_SELECT} WHERE v.ticket_id = ?`, [ticketId]);
  return row ? toVisit(row) : null;
}

export async function getPlan(ctx: CallContext, input: { id: number }): Promise<MaintenancePlanDetail> {
  const row = await ctx.db.get<PlanRow>(`${PLAN_SELECT} WHERE p.id = ?`, [input.id]);
  if (!row) throw notFound();
  const visits = await ctx.db.query<VisitRow>(`${VISIT_SELECT} WHERE v.plan_id = ? ORDER BY v.due_date DESC`, [input.id]);
  return { ...toPlan(row), visits: visits.map(toVisit) };
}

type Fields = ParsedInputOf<'maintenance.plans.create'>;

async function checkRefs(tx: Tx, f: Fields): Promise<void> {
  if ((await tx.query('SELECT id FROM customers WHERE id = ?', [f.customerId])).length === 0) throw new AppError('NOT_FOUND', { key: 'customerMissing', fields: { customerId: { key: 'error.customerMissing', params: {} } } });
  if (f.deviceId !== null && (await tx.query('SELECT id FROM devices WHERE id = ?', [f.deviceId])).length === 0) throw new AppError('NOT_FOUND', { key: 'deviceMissing', fields: { deviceId: { key: 'error.deviceMissing', params: {} } } });
  if (f.engineerId !== null && (await tx.query("SELECT id FROM users WHERE id = ? AND role = 'engineer' AND active = 1", [f.engineerId])).length === 0) {
    throw new AppError('NOT_FOUND', { key: 'move.engineerMissing', fields: { engineerId: { key: 'error.move.engineerMissing', params: {} } } });
  }
}

const columns = (f: Fields) => ({
  name: f.name, customer_id: f.customerId, project: f.project, device_id: f.deviceId, unit: f.unit, every: f.every, start_date: f.startDate,
  fixed_dates: JSON.stringify([...new Set(f.fixedDates)].sort()), lead_days: f.leadDays, engineer_id: f.engineerId, checklist: JSON.stringify(f.checklist),
  active: f.active ? 1 : 0, notes: f.notes,
});

/** The first due date a plan still has to generate: never before today (a new schedule does not reach back), never a date already generated. */
async function nextDueFrom(tx: Tx, planId: number | null, values: ReturnType<typeof columns>, day: string): Promise<string | null> {
  let from = values.start_date > day ? values.start_date : day;
  if (planId !== null) {
    const [last] = await tx.query<{ d: string | null }>('SELECT MAX(due_date) AS d FROM maintenance_visits WHERE plan_id = ?', [planId]);
    if (last?.d && addDays(last.d, 1) > from) from = addDays(last.d, 1);
  }
  return firstDueOnOrAfter(scheduleOf(values), from);
}

export async function createPlan(ctx: CallContext, input: Fields): Promise<MaintenancePlan> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const day = await today(ctx);
  const id = await ctx.db.write(async (tx) => {
    await checkRefs(tx, input);
    const values = columns(input);
    const id = await tx.insert('maintenance_plans', { ...values, next_due: await nextDueFrom(tx, null, values, day), ...created(at, by) });
    await audit(tx, at, by, 'maintenance_plans', id, 'create', null, values);
    return id;
  });
  ctx.notify('maintenance');
  return getPlan(ctx, { id });
}

export async function updatePlan(ctx: CallContext, input: ParsedInputOf<'maintenance.plans.update'>): Promise<MaintenancePlan> {
  const by = actor(ctx).id;
  const at = ctx.now().toISOString();
  const day = await today(ctx);
  const { id, version, ...fields } = input;
  await ctx.db.write(async (tx) => {
    const [before] = await tx.query<PlanRow>('SELECT * FROM maintenance_plans WHERE id = ?', [id]);
    if (!before) throw notFound();
    await checkRefs(tx, fields);
    const values = columns(fields);
    const scheduleChanged = ['unit', 'every', 'start_date', 'fixed_dates'].some((k) => String(values[k as keyof typeof values]) !== String(before[k as keyof PlanRow]));
    const nextDue = scheduleChanged ? await nextDueFrom(tx, id, values, day) : before.next_due;
    const all = { ...values, next_due: nextDue };
    const sets = Object.keys(all).map((c) => `${c} = ?`).join(', ');
    const changed = await tx.run(`UPDATE maintenance_plans SET ${sets}, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?`, [...Object.values(all), at, by, id, version]);
    if (changed !== 1) throw conflict();
    await audit(tx, at, by, 'maintenance_plans', id, 'update', before, all);
  });
  ctx.notify('maintenance');
  return getPlan(ctx, { id });
}

/** Creates the ticket and visit for one due date inside the caller's transaction; false when it already exists. */
async function generateOne(deps: CoreDeps, tx: Tx, plan: PlanRow, due: string, at: string, day: string): Promise<boolean> {
  if ((await tx.query('SELECT id FROM maintenance_visits WHERE plan_id = ? AND due_date = ?', [plan.id, due])).length > 0) return false;
  const [customer] = await tx.query<{ name: string; contact_person: string; phone: string }>('SELECT name, contact_person, phone FROM customers WHERE id = ?', [plan.customer_id]);
  const [actorRow] = await tx.query<{ id: number }>(
    "SELECT id FROM users WHERE id = ? UNION ALL SELECT id FROM (SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1)",
    [plan.created_by ?? plan.updated_by ?? 0],
  );
  if (!customer || !actorRow) return false;
  const by = actorRow.id;
  const settings = await deps.settings.get();
  const fault = translate('zh-CN', 'maintenance.fault', { plan: plan.name, due, project: plan.project ? `（${plan.project}）` : '' });
  const values = await intakeColumns(deps, tx, {
    channel: 'other', reportedAt: at, contactName: (customer.contact_person || customer.name).slice(0, 40), contactPhone: customer.phone,
    modelId: null, serial: plan.device_serial ?? '', urgency: 'normal', problemType: 'maintenance', safetyRisk: false, faultDescription: fault,
    faultWhen: '', faultFrequency: null, alarmCodes: '', abnormalNoise: '', environment: '', customerTried: '', reportedBefore: false,
  }, plan.device_id);
  const number = await nextNumber(tx, settings.ticketNumberPattern, day);
  const row = { number, status: 'registered', received_by: by, customer_id: plan.customer_id, assigned_to: plan.engineer_id, ...values };
  const ticketId = await tx.insert('tickets', { ...row, ...created(at, by) });
  await indexFault(tx, ticketId, row.fault_description);
  await tx.insert('ticket_events', { ticket_id: ticketId, at, actor_id: by, kind: 'created', from_status: null, to_status: 'registered', note: null, data: null, changes: CREATION_CHANGES });
  await tx.insert('ticket_events', { ticket_id: ticketId, at, actor_id: by, kind: 'maintenanceGenerated', from_status: null, to_status: null, note: `${plan.name} · ${due}`, data: JSON.stringify({ planId: plan.id, dueDate: due }) });
  // The unique index (plan, due date) refuses a second visit even from another generator: the whole transaction then rolls back.
  await tx.insert('maintenance_visits', { plan_id: plan.id, due_date: due, ticket_id: ticketId, checklist: plan.checklist, results: '[]', generated_at: at, version: 1 });
  return true;
}

/** Generates every ticket due by today for every active plan; one transaction per plan. */
export async function generateDue(deps: CoreDeps): Promise<{ created: number }> {
  const day = await today(deps);
  const plans = await deps.db.query<{ id: number }>('SELECT id FROM maintenance_plans WHERE active = 1 AND next_due IS NOT NULL AND next_due <= ? ORDER BY id', [addDays(day, 90)]);
  let count = 0;
  for (const { id } of plans) {
    count += await deps.db.write(async (tx) => {
      const [plan] = await tx.query<PlanRow>('SELECT p.*, d.serial AS device_serial FROM maintenance_plans p LEFT JOIN devices d ON d.id = p.device_id WHERE p.id = ? AND p.active = 1', [id]);
      if (!plan) return 0;
      const at = deps.now().toISOString();
      const schedule = scheduleOf(plan);
      const dues = dueForGeneration(schedule, plan.next_due, plan.lead_days, day);
      if (dues.length === 0) return 0;
      let made = 0;
      for (const due of dues) if (await generateOne(deps, tx, plan, due, at, day)) made++;
      await tx.run('UPDATE maintenance_plans SET next_due = ? WHERE id = ?', [nextDueAfter(schedule, dues.at(-1)!), plan.id]);
      return made;
    });
  }
  if (count > 0) {
    deps.notify('tickets');
    deps.notify('maintenance');
  }
  return { created: count };
}

export async function saveChecklist(ctx: CallContext, input: ParsedInputOf<'maintenance.checklist.save'>): Promise<MaintenanceVisit> {
  const me = actor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.write(async (tx) => {
    const [visit] = await tx.query<{ id: number; version: number; checklist: string; status: string; assigned_to: number | null }>(
      'SELECT v.id, v.version, v.checklist, t.status, t.assigned_to FROM maintenance_visits v JOIN tickets t ON t.id = v.ticket_id WHERE v.ticket_id = ?',
      [input.ticketId],
    );
    if (!visit) throw new AppError('NOT_FOUND', { key: 'maintenance.notMaintenance' });
    if (visit.version !== input.version) throw conflict();
    if (visit.status === 'closed' || visit.status === 'cancelled') throw new AppError('CONFLICT', { key: 'move.archived' });
    if (me.role === 'engineer' && visit.assigned_to !== me.id) throw new AppError('FORBIDDEN', { key: 'move.notAssignee' });
    const template = JSON.parse(visit.checklist) as ChecklistItem[];
    const problems = checklistProblems(template, input.results);
    if (problems.length > 0) throw new AppError('VALIDATION', { fields: { results: { key: 'validation.checklist', params: {} } } });
    const changed = await tx.run('UPDATE maintenance_visits SET results = ?, results_at = ?, results_by = ?, version = version + 1 WHERE id = ? AND version = ?', [
      JSON.stringify(input.results), at, me.id, visit.id, input.version,
    ]);
    if (changed !== 1) throw conflict();
    const summary = checklistSummary(template, input.results);
    await tx.insert('ticket_events', { ticket_id: input.ticketId, at, actor_id: me.id, kind: 'checklist', from_status: null, to_status: null, note: `${summary.answered}/${summary.total}`, data: JSON.stringify(summary) });
  });
  ctx.notify('tickets');
  return (await visitOfTicket(ctx.db, input.ticketId))!;
}
