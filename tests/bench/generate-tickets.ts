/**
 * Five years of tickets with numbers, deadlines, timelines and their audit entries as the app writes them (a
 * creation row of `{}`, each lifecycle move's changes on its timeline event), plus the FTS candidates.
 */
import type Database from 'better-sqlite3';
import { CREATION_CHANGES, eventChanges } from '../../electron/core/services/audit';
import type { Move } from '../../shared/domain/lifecycle';
import { DEFAULT_TICKET_PATTERN, formatNumber, numberScope } from '../../shared/domain/numbering';
import type { ProblemType, TicketStatus, Urgency } from '../../shared/domain/ticket';
import { warrantyStatusAt } from '../../shared/domain/warranty';
import type { Rng } from './prng';
import { words } from './common';
import { DAYS, mobile, START, type People } from './generate-people';
import { FAULT_CONTEXT, FAULT_EXTRA, PRODUCT_LINES } from './vocab';
import { serviceModeWeights, type ServiceMode } from '../../electron/core/services/demo/desk-rules';
import { instantParam, storedValues } from '../../electron/core/db/instants';

const HOUR = 3_600_000;
/** Seed 002's elapsed-time targets in minutes [respond, resolve]; complaints are held to 2 h / 24 h at most. */
const SLA: Record<Urgency, [number, number]> = { urgent: [120, 240], important: [240, 1440], normal: [480, 4320] };
function dueDates(at: number, urgency: Urgency, problemType: ProblemType) {
  const [respond, resolve] = SLA[urgency];
  const cap = problemType === 'complaint';
  return {
    responseDueAt: iso(at + Math.min(respond, cap ? 120 : respond) * 60_000),
    resolveDueAt: iso(at + Math.min(resolve, cap ? 1440 : resolve) * 60_000),
  };
}
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** A month that gets a fixed number of tickets (the bench's 100k-ticket month for the monthly reports). */
export interface Peak {
  month: string;
  tickets: number;
}

/**
 * Tickets per day: weekends quieter, summer busier (air conditioners), the desk grows over the years.
 * With a peak month, its days share `peak.tickets` by the same weights and the other days share the rest.
 */
function dailyCounts(total: number, peak: Peak | null): number[] {
  const weights: number[] = [];
  const inPeak: boolean[] = [];
  for (let d = 0; d < DAYS; d++) {
    const date = new Date(START + d * DAY);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 0.75 : 1;
    const month = date.getUTCMonth();
    const season = month === 6 || month === 7 ? 1.4 : month === 5 || month === 8 ? 1.15 : 1;
    weights.push(weekend * season * (0.75 + 0.5 * (d / DAYS)));
    inPeak.push(peak !== null && date.toISOString().slice(0, 7) === peak.month);
  }
  const peakDays = inPeak.filter(Boolean).length;
  if (peak && peakDays === 0) throw new Error(`peak month ${peak.month} is outside the generated five years`);
  const peakTotal = peak ? Math.min(total, peak.tickets) : 0;
  const spread = (share: (d: number) => boolean, n: number): number[] => {
    const sum = weights.reduce((a, w, d) => a + (share(d) ? w : 0), 0);
    let carried = 0;
    let given = 0;
    return weights.map((w, d) => {
      if (!share(d)) return 0;
      carried += (w / sum) * n;
      const k = Math.round(carried) - given;
      given += k;
      return k;
    });
  };
  const rest = spread((d) => !inPeak[d], total - peakTotal);
  const top = peakDays ? spread((d) => inPeak[d]!, peakTotal) : rest.map(() => 0);
  return rest.map((n, d) => n + top[d]!);
}

const PATH: TicketStatus[] = ['registered', 'diagnosing', 'planning', 'dispatched', 'in_service', 'accepted', 'follow_up', 'closed'];

function statusFor(rng: Rng, ageDays: number): TicketStatus {
  if (ageDays > 60) return rng.weighted([['closed', 92], ['cancelled', 5], ['follow_up', 1.5], ['accepted', 1.5]]);
  if (ageDays > 14) return rng.weighted([['closed', 70], ['cancelled', 5], ['follow_up', 8], ['accepted', 7], ['in_service', 5], ['dispatched', 5]]);
  return rng.weighted([['registered', 15], ['diagnosing', 15], ['planning', 10], ['awaiting_approval', 10], ['dispatched', 15], ['in_service', 15], ['accepted', 8], ['follow_up', 5], ['closed', 5], ['cancelled', 2]]);
}

/** The statuses a ticket went through, 1–6 of them, ending at its current status. */
function pathTo(rng: Rng, status: TicketStatus): TicketStatus[] {
  if (status === 'cancelled') return rng.next() < 0.5 ? ['registered', 'cancelled'] : ['registered', 'diagnosing', 'cancelled'];
  if (status === 'awaiting_approval') return ['registered', 'diagnosing', 'planning', 'awaiting_approval'];
  const steps = PATH.slice(0, PATH.indexOf(status) + 1);
  while (steps.length > 6 || (steps.length > 3 && rng.next() < 0.3)) steps.splice(1 + rng.int(steps.length - 2), 1);
  return steps;
}

/** How the service was planned (tickets past diagnosis), by the rule the demo desk uses too. */
function serviceMode(rng: Rng, line: number, problemType: ProblemType): ServiceMode {
  return rng.weighted(serviceModeWeights(PRODUCT_LINES[line]!.line, problemType));
}

/** What the engineer wrote in the service record of a resolved ticket. */
const SERVICE_STEPS: Record<ServiceMode, string[]> = {
  remote: ['电话指导客户重新设置，故障排除', '远程指导客户清洁并重启，恢复正常', '指导客户升级系统版本，功能正常'],
  onsite: ['上门检测，更换故障部件，试机正常', '上门检查线路与部件，维修后试运行正常', '上门清洁保养并调试，运行正常', '现场检测，紧固松动部件，试机正常'],
  depot: ['返修站检测，更换故障部件，老化测试通过', '返修站维修完成，功能测试正常', '返修站检测后清洁保养，测试正常'],
};

type Satisfaction = 'very_satisfied' | 'satisfied' | 'neutral' | 'dissatisfied';
const DONE: ReadonlySet<TicketStatus> = new Set(['accepted', 'follow_up', 'closed']);

/**
 * The lifecycle columns the statistics read: a response shortly after the report (most within the
 * deadline), a resolution for accepted / follow-up / closed tickets (most within the deadline), the
 * customer's rating at acceptance (mostly 满意 / 非常满意), 1–2 visits, rare reopens, and a follow-up due
 * three days after resolution — done for closed tickets, pending for follow-up ones, sometimes overdue for accepted.
 */
function lifecycle(rng: Rng, status: TicketStatus, stepCount: number, at: number, urgency: Urgency, problemType: ProblemType) {
  const [respond, resolve] = SLA[urgency];
  const respondBy = Math.min(respond, problemType === 'complaint' ? 120 : respond);
  const resolveBy = Math.min(resolve, problemType === 'complaint' ? 1440 : resolve);
  const responded = status !== 'registered' && (status !== 'cancelled' || rng.next() < 0.5);
  const respondedAt = responded ? at + Math.round((5 + rng.next() * respondBy * (rng.next() < 0.92 ? 0.9 : 2)) * 60_000) : null;
  const done = DONE.has(status);
  const resolvedAt = done ? Math.max(respondedAt ?? at, at + Math.round(resolveBy * (0.15 + rng.next() * (rng.next() < 0.85 ? 0.8 : 2.5)) * 60_000)) : null;
  const followDue = resolvedAt === null ? null : resolvedAt + 3 * DAY;
  const followedUp = status === 'closed' && resolvedAt !== null ? resolvedAt + Math.round((0.2 + rng.next() * (rng.next() < 0.9 ? 2.6 : 5)) * DAY) : null;
  const engineerVisited = stepCount > 2 && status !== 'cancelled';
  return {
    responded_at: respondedAt === null ? null : iso(respondedAt),
    resolved_at: resolvedAt === null ? null : iso(resolvedAt),
    satisfaction: done ? rng.weighted<Satisfaction>([['very_satisfied', 55], ['satisfied', 38], ['neutral', 5], ['dissatisfied', 2]]) : null,
    visits: engineerVisited ? (rng.next() < 0.88 ? 1 : 2) : 0,
    reopen_count: done && rng.next() < 0.04 ? 1 : 0,
    follow_up_due_at: followDue === null ? null : iso(followDue),
    followed_up_at: followedUp === null ? null : iso(followedUp),
  };
}

interface Description {
  text: string;
  words: string[];
}

/** Fault text composed from phrase lists; Intl.Segmenter runs once per phrase, not once per ticket. */
function describer(rng: Rng): (line: number) => Description {
  const cache = new Map<string, string[]>();
  const seg = (s: string) => {
    let w = cache.get(s);
    if (!w) cache.set(s, (w = words(s)));
    return w;
  };
  return (line) => {
    const faults = PRODUCT_LINES[line]!.faults;
    const parts = [rng.next() < 0.5 ? rng.pick(FAULT_CONTEXT) + rng.pick(faults) : rng.pick(faults)];
    if (rng.next() < 0.5) parts.push(rng.pick(faults));
    const extra = rng.pick(FAULT_EXTRA);
    if (extra) parts.push(extra);
    return { text: parts.join('，'), words: parts.flatMap(seg) };
  };
}

export function insertTickets(db: Database.Database, rng: Rng, total: number, people: People, log: (m: string) => void, peak: Peak | null = null): void {
  const cols = ['number', 'status', 'channel', 'reported_at', 'received_by', 'customer_id', 'contact_name', 'contact_phone', 'contact_phone_norm', 'model_id', 'device_id', 'serial', 'urgency', 'problem_type', 'safety_risk', 'warranty_status', 'fault_description', 'fault_when', 'fault_frequency', 'level', 'assigned_to', 'closed_at', 'response_due_at', 'resolve_due_at', 'responded_at', 'resolved_at', 'satisfaction', 'visits', 'reopen_count', 'follow_up_due_at', 'followed_up_at', 'service_mode', 'service_steps', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version'];
  const ins = db.prepare(`INSERT INTO tickets (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  const event = db.prepare('INSERT INTO ticket_events (ticket_id, at, actor_id, kind, from_status, to_status, note, data, changes) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)');
  const fresh = columnDefaults(db, 'tickets');
  const seq = db.prepare('INSERT INTO number_sequences (scope, last) VALUES (?, ?)');
  const trigram = db.prepare('INSERT INTO cand.desc_trigram (rowid, fault_description) VALUES (?, ?)');
  const wordsFts = db.prepare('INSERT INTO cand.desc_words (rowid, words) VALUES (?, ?)');
  const describe = describer(rng);
  const counts = dailyCounts(total, peak);
  const nDevices = people.deviceModel.length;
  const warrantyMonths = new Map(people.models.map((m) => [m.id, m.warrantyMonths]));
  let id = 0;
  let day = 0;
  const tick = Date.now();
  while (day < DAYS) {
    db.transaction(() => {
      for (let batchEnd = Math.min(DAYS, day + 60); day < batchEnd; day++) {
        const n = counts[day]!;
        const localDay = iso(START + day * DAY).slice(0, 10);
        const scope = numberScope(DEFAULT_TICKET_PATTERN, localDay);
        // Local (Asia/Shanghai, UTC+8) 08:00–21:00, in order so numbers follow the clock.
        const times = Array.from({ length: n }, () => START + day * DAY + rng.int(13 * HOUR)).sort((a, b) => a - b);
        for (let k = 0; k < n; k++) insertOne(scope, k + 1, times[k]!, DAYS - day, localDay);
        if (n > 0) seq.run(scope, n);
      }
    })();
    log(`tickets: ${id}/${total} (${Math.round(id / ((Date.now() - tick) / 1000))}/s)`);
  }

  function insertOne(scope: string, seqNo: number, reported: number, ageDays: number, localDay: string): void {
    id++;
    const withDevice = rng.next() < 0.85;
    const d = rng.int(nDevices);
    const customer = withDevice ? people.deviceCustomer[d]! : 1 + rng.int(people.customerName.length);
    const modelId = withDevice ? people.deviceModel[d]! : rng.next() < 0.5 ? rng.pick(people.models).id : null;
    const line = people.models.find((m) => m.id === modelId)?.line ?? rng.int(PRODUCT_LINES.length);
    const urgency = rng.weighted<Urgency>([['urgent', 12], ['important', 33], ['normal', 55]]);
    const problemType = rng.weighted<ProblemType>([['hardware', 55], ['software', 10], ['usage', 15], ['maintenance', 10], ['complaint', 6], ['other', 4]]);
    const status = statusFor(rng, ageDays);
    const steps = pathTo(rng, status);
    const at = iso(reported - 8 * HOUR);
    const due = dueDates(reported - 8 * HOUR, urgency, problemType);
    const clerk = rng.pick(people.clerks);
    const engineer = steps.length > 2 ? rng.pick(people.engineers) : null;
    const times = steps.map((_, i) => iso(reported - 8 * HOUR + i * (1 + rng.int(30)) * HOUR));
    const last = times[times.length - 1]!;
    const phone = rng.next() < 0.9 ? people.customerPhone[customer - 1]! : mobile(rng);
    const purchase = withDevice ? people.devicePurchase[d]! : null;
    // As the desk decides it: the device's purchase date plus its model's warranty months, at the report date.
    const warranty = purchase === null ? 'unknown' : warrantyStatusAt({ warrantyEnd: null, startDate: purchase, warrantyMonths: warrantyMonths.get(modelId!)! }, localDay);
    const desc = describe(line);
    const life = lifecycle(rng, status, steps.length, reported - 8 * HOUR, urgency, problemType);
    const closedAt = status === 'closed' ? life.followed_up_at ?? life.resolved_at ?? last : null;
    const mode = status === 'registered' || status === 'diagnosing' || status === 'cancelled' ? null : serviceMode(rng, line, problemType);
    const row = {
      number: formatNumber(scope, seqNo), status, channel: rng.weighted([['phone', 55], ['online', 25], ['walk_in', 10], ['email', 7], ['other', 3]]),
      reported_at: at, received_by: clerk, customer_id: customer, contact_name: people.customerName[customer - 1]!, contact_phone: phone,
      contact_phone_norm: phone, model_id: modelId, device_id: withDevice ? d + 1 : null, serial: withDevice ? people.deviceSerial[d]! : null,
      urgency, problem_type: problemType, safety_risk: 0, warranty_status: warranty, fault_description: desc.text, fault_when: '',
      fault_frequency: rng.pick(['always', 'often', 'sometimes', 'once', null]), level: 1, assigned_to: engineer,
      closed_at: closedAt, response_due_at: due.responseDueAt, resolve_due_at: due.resolveDueAt, ...life,
      service_mode: mode, service_steps: mode && DONE.has(status) ? rng.pick(SERVICE_STEPS[mode]) : '',
      created_at: at, updated_at: closedAt ?? last, created_by: clerk, updated_by: engineer ?? clerk, version: steps.length,
    };
    const stored = storedValues('tickets', row);
    ins.run(...cols.map((c) => stored[c]));
    // What the moves have written so far: the "before" of the next move's audit entry, as lifecycle.service reads it.
    const written: TicketRow = {};
    steps.forEach((s, i) => {
      // The creation's audit entry is its event (services/audit.ts CREATION_CHANGES).
      if (i === 0) return event.run(id, instantParam(times[0]!), clerk, 'created', null, 'registered', null, CREATION_CHANGES);
      const [move, values] = moveTo(s, { ...row, responded_at: life.responded_at ?? times[i]! }, times[i]!);
      const before = Object.fromEntries(Object.keys(values).map((k) => [k, k in written ? written[k] : fresh[k]]));
      // The audit entry the app writes for the move (lifecycle.service applyChange), with the same function.
      event.run(id, instantParam(times[i]!), engineer ?? clerk, move, steps[i - 1], s, rng.next() < 0.3 ? '已与客户电话确认' : null, eventChanges(steps[i - 1]!, before, { ...values, status: s }));
      Object.assign(written, values);
    });
    trigram.run(id, desc.text);
    wordsFts.run(id, desc.words.join(' '));
  }
}

type TicketRow = Record<string, unknown>;

/** Each column's value in a row that was never written to: its declared default, or null. */
function columnDefaults(db: Database.Database, table: string): TicketRow {
  const cols = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; dflt_value: string | null }[];
  return Object.fromEntries(
    cols.map((c) => {
      const d = c.dflt_value?.replace(/^\((.*)\)$/, '$1') ?? null;
      return [c.name, d === null || d === 'NULL' ? null : d.startsWith("'") ? d.slice(1, -1).replace(/''/g, "'") : Number(d)];
    }),
  );
}

/**
 * The move that brings a ticket to `to`, and what it writes besides the status (lifecycle.service valuesFor),
 * from the generated ticket's own columns; the bench's tickets carry no plan or acceptance texts and no signatures.
 */
function moveTo(to: TicketStatus, t: TicketRow, at: string): [Move, Record<string, unknown>] {
  const plan = (needs: boolean): Record<string, unknown> => ({
    remote_guidance: '', service_mode: t.service_mode ?? 'onsite', eta: null, diagnosis: '', root_cause: '', repair_plan: '', parts_needed: '',
    touches_core_parts: 0, estimate_fen: 0, needs_approval: needs ? 1 : 0, approved_at: null, approved_by: null, consent_at: null,
    consent_channel: null, consent_signature_id: null, responded_at: t.responded_at,
  });
  switch (to) {
    case 'diagnosing':
      return ['startDiagnosis', { remote_guidance: '', responded_at: t.responded_at }];
    case 'planning':
      return ['submitPlan', plan(false)];
    case 'awaiting_approval':
      return ['submitPlan', plan(true)];
    case 'dispatched':
      return ['dispatch', { assigned_to: t.assigned_to, dispatched_at: at, contact_due_at: new Date(Date.parse(at) + HOUR).toISOString(), contacted_at: null }];
    case 'in_service':
      return ['startService', { visits: 1 }];
    case 'accepted':
      return ['accept', { function_test: 'normal', satisfaction: t.satisfaction, acceptance_comments: '', acceptance_signature_id: null, resolved_at: t.resolved_at ?? at, follow_up_due_at: t.follow_up_due_at }];
    case 'follow_up':
      return ['followUpSolved', { followed_up_at: t.followed_up_at ?? at, follow_up_notes: '' }];
    case 'closed':
      return ['archive', { closed_at: t.closed_at ?? at }];
    default:
      return ['cancel', {}];
  }
}
