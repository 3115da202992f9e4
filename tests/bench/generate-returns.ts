/**
 * Returned devices (返修登记表): most depot repairs and a few on-site ones that had to go to the workshop.
 * Each record moves along the app's own rules (shared/domain/returns): checked in, inspected, quoted when out
 * of warranty, repaired (sometimes waiting for parts) or declared unrepairable, then handed back against a
 * signature or scrapped. A resolved ticket's device was repaired when the ticket was resolved; an open ticket's
 * device is still in the workshop, some past their expected date. Slip numbers follow the app's pattern
 * (RMA + local date + 4-digit daily sequence) in check-in order, with their number_sequences rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { formatNumber, numberScope } from '../../shared/domain/numbering';
import { checklistFor, DEFAULT_RETURN_PATTERN, DEFAULT_RETURNS_SETTINGS, type Accessory, type ConditionItem, type ReturnState } from '../../shared/domain/returns';
import type { Rng } from './prng';
import { after, DAY, END, HOUR, iso, localDate, MINUTE, type Staff, type TicketFacts } from './generate-facts';
import { PRODUCT_LINES } from './vocab';

/** A returned_device_events row. */
interface DraftEvent {
  at: number;
  actor: number;
  kind: string;
  from: ReturnState | null;
  to: ReturnState | null;
  note: string | null;
  data: unknown;
}

export interface ReturnDraft {
  t: TicketFacts;
  state: ReturnState;
  receivedAt: number;
  expectedDate: string;
  condition: ConditionItem[];
  conditionNotes: string;
  accessories: Accessory[];
  serial: string;
  events: DraftEvent[];
  pickup: null | { at: number; by: string; delegate: boolean; idNote: string; accessoriesBack: Accessory[]; note: string; clerk: number };
  closedAt: number | null;
}

/** What comes in with the device, per product line (PRODUCT_LINES order). */
const ACCESSORIES: string[][] = [['遥控器'], ['说明书'], ['进水管'], ['充电器', '数据线', '手机壳'], ['电源适配器', '保护套', '手写笔'], ['遥控器']];
const UNREPAIRABLE = ['主板严重烧毁，无维修价值', '配件已停产，无法维修', '进水腐蚀严重，维修成本高于新机'];
const DELEGATES = ['家人代取', '同事代取', '物业代取'];

/** About 5 % of tickets: four in five depot repairs, and one on-site repair in a hundred that had to go to the workshop. */
export function returnFor(rng: Rng, t: TicketFacts, staff: Staff): ReturnDraft | null {
  if (t.modelId === null || t.line === null || t.status === 'cancelled') return null;
  const chance = t.mode === 'depot' ? 0.8 : t.mode === 'onsite' ? 0.01 : 0;
  if (rng.next() >= chance) return null;
  const resolved = t.resolvedAt;
  // Brought to the desk or collected within two days of the report; before the repair was finished.
  let receivedAt = after(rng, t.reportedAt, 30 * MINUTE, 2 * DAY);
  if (resolved !== null) receivedAt = Math.min(receivedAt, t.reportedAt + Math.round((resolved - t.reportedAt) * 0.3));
  if (receivedAt > END) return null;
  const workshop = t.engineer ?? rng.pick(staff.engineers);
  const clerk = t.clerk;
  const events: DraftEvent[] = [{ at: receivedAt, actor: clerk, kind: 'checkedIn', from: null, to: 'received', note: null, data: null }];
  let state = 'received' as ReturnState;
  let clock = receivedAt;
  const move = (kind: string, to: ReturnState, at: number, actor = workshop, note: string | null = null) => {
    events.push({ at, actor, kind, from: state, to, note, data: null });
    state = to;
    clock = at;
  };
  const unrepairable = rng.next() < 0.06;
  const steps: [string, ReturnState, number][] = [['startInspection', 'inspecting', workshop]];
  if (t.warranty !== 'in' && rng.next() < 0.7) steps.push(['requestQuote', 'waiting_quote', workshop], ['quoteApproved', 'repairing', clerk]);
  else steps.push(['startRepair', 'repairing', workshop]);
  if (rng.next() < 0.12) steps.push(['waitForParts', 'waiting_parts', workshop], ['partsArrived', 'repairing', clerk]);
  if (resolved !== null) {
    // The repair's steps share the time from check-in to the ticket's resolution, which ends them.
    const span = Math.max(steps.length + 1, resolved - receivedAt);
    const marks = steps.map(() => rng.next()).sort((a, b) => a - b);
    steps.forEach(([kind, to, actor], i) => move(kind, to, receivedAt + Math.round(marks[i]! * span * 0.9), actor));
    if (unrepairable) move('declareUnrepairable', 'unrepairable', resolved, workshop, rng.pick(UNREPAIRABLE));
    else move('finishRepair', 'repaired', resolved);
  } else {
    // Still in the workshop: each step takes its time, and the record stops where the bench's today finds it.
    const takes: Record<string, [number, number]> = { inspecting: [HOUR, 20 * HOUR], waiting_quote: [HOUR, 3 * DAY], repairing: [DAY, 4 * DAY], waiting_parts: [2 * DAY, 8 * DAY] };
    for (const [kind, to, actor] of steps) {
      const [min, max] = takes[state] ?? [30 * MINUTE, 12 * HOUR];
      const at = after(rng, clock, min, max);
      if (at > END) break;
      move(kind, to, at, actor);
    }
  }
  let pickup: ReturnDraft['pickup'] = null;
  let closedAt: number | null = null;
  const accessories = pickAccessories(rng, t.line);
  if (state === 'unrepairable' && rng.next() < 0.6) {
    const at = after(rng, clock, DAY, 7 * DAY);
    if (at <= END) {
      move('scrap', 'scrapped', at, clerk, '客户电话确认同意报废');
      closedAt = at;
    }
  } else if (state === 'repaired' || state === 'unrepairable') {
    const wait = rng.weighted([[[30 * MINUTE, 2 * DAY], 70], [[2 * DAY, 7 * DAY], 25], [[7 * DAY, 20 * DAY], 5]] as const);
    const at = after(rng, clock, wait[0], wait[1]);
    if (at <= END) {
      const delegate = rng.next() < 0.1;
      const missing = accessories.length > 0 && rng.next() < 0.05 ? accessories.slice(0, 1) : [];
      const back = accessories.filter((a) => !missing.includes(a));
      const note = missing.length ? `客户确认${missing[0]!.name}未随机交回` : '';
      const by = delegate ? rng.pick(DELEGATES) : t.contactName;
      events.push({ at, actor: clerk, kind: 'handedBack', from: state, to: 'returned', note: note || null, data: { pickedUpBy: by, delegate, missing } });
      state = 'returned';
      closedAt = at;
      pickup = { at, by, delegate, idNote: delegate ? `身份证尾号 ${String(rng.int(10_000)).padStart(4, '0')}` : '', accessoriesBack: back, note, clerk };
    }
  }
  const checked = checklistFor(DEFAULT_RETURNS_SETTINGS, PRODUCT_LINES[t.line]!.line).map((item) => ({ item, checked: rng.next() < (item === '外观划痕' ? 0.3 : 0.04) }));
  const localReceived = localDate(receivedAt);
  return {
    t, state, receivedAt, events, pickup, closedAt, accessories,
    expectedDate: localDate(Date.parse(`${localReceived}T00:00:00Z`) + (rng.next() < 0.85 ? DEFAULT_RETURNS_SETTINGS.defaultRepairDays : 3 + rng.int(12)) * DAY),
    condition: checked,
    conditionNotes: checked.some((c) => c.checked) && rng.next() < 0.4 ? '外观问题已与客户当面确认' : '',
    serial: (t.serial ?? `${PRODUCT_LINES[t.line]!.prefix}${localReceived.slice(2, 4)}${String(t.id).padStart(9, '0')}`).toUpperCase(),
  };
}

function pickAccessories(rng: Rng, line: number): Accessory[] {
  return ACCESSORIES[line]!.filter(() => rng.next() < 0.5).map((name) => ({ name, quantity: 1 }));
}

/** A tiny PNG standing in for each pickup signature (content-addressed like the app's attachments). */
const SIGNATURE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export function insertReturns(db: Database.Database, drafts: ReturnDraft[], dataDir: string): void {
  const ins = db.prepare(`INSERT INTO returned_devices (number, state, ticket_id, customer_id, model_id, device_id, serial, condition, condition_notes, accessories, fault_stated, photo_ids,
      received_by, received_at, expected_date, picked_up_at, picked_up_by, pickup_delegate, pickup_id_note, accessories_back, return_note, pickup_signature_id, closed_at,
      created_at, updated_at, created_by, updated_by, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const event = db.prepare('INSERT INTO returned_device_events (returned_device_id, at, actor_id, kind, from_status, to_status, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const attach = db.prepare(`INSERT INTO attachments (ticket_id, kind, file_name, stored_path, mime, size, sha256, created_at, created_by)
    VALUES (?, 'signature', 'pickup-signature.png', ?, 'image/png', ?, ?, ?, ?)`);
  const seq = db.prepare('INSERT INTO number_sequences (scope, last) VALUES (?, ?)');
  const sha256 = createHash('sha256').update(SIGNATURE).digest('hex');
  const months = new Set<string>();
  drafts.sort((a, b) => a.receivedAt - b.receivedAt || a.t.id - b.t.id);
  const perDay = new Map<string, number>();
  const CHUNK = 20_000;
  for (let from = 0; from < drafts.length; from += CHUNK) {
    db.transaction(() => {
      for (const r of drafts.slice(from, from + CHUNK)) {
        const scope = numberScope(DEFAULT_RETURN_PATTERN, localDate(r.receivedAt));
        const n = (perDay.get(scope) ?? 0) + 1;
        perDay.set(scope, n);
        let signatureId: number | null = null;
        if (r.pickup) {
          const at = iso(r.pickup.at);
          const stored = path.posix.join('attachments', at.slice(0, 4), at.slice(5, 7), `${sha256}.png`);
          months.add(stored);
          signatureId = Number(attach.run(r.t.id, stored, SIGNATURE.length, sha256, at, r.pickup.clerk).lastInsertRowid);
        }
        const last = r.events[r.events.length - 1]!;
        const p = r.pickup;
        const id = Number(
          ins.run(
            formatNumber(scope, n), r.state, r.t.id, r.t.customerId, r.t.modelId, r.t.deviceId, r.serial, JSON.stringify(r.condition), r.conditionNotes, JSON.stringify(r.accessories),
            r.t.faultDescription, r.events[0]!.actor, iso(r.receivedAt), r.expectedDate, p ? iso(p.at) : null, p ? p.by : null, p?.delegate ? 1 : 0, p ? p.idNote : '',
            JSON.stringify(p ? p.accessoriesBack : []), p ? p.note : '', signatureId, r.closedAt === null ? null : iso(r.closedAt),
            iso(r.receivedAt), iso(last.at), r.events[0]!.actor, last.actor, r.events.length,
          ).lastInsertRowid,
        );
        for (const e of r.events) event.run(id, iso(e.at), e.actor, e.kind, e.from, e.to, e.note, e.data === null ? null : JSON.stringify(e.data));
      }
    })();
  }
  db.transaction(() => {
    for (const [scope, n] of perDay) seq.run(scope, n);
  })();
  for (const stored of months) {
    fs.mkdirSync(path.dirname(path.join(dataDir, stored)), { recursive: true });
    fs.writeFileSync(path.join(dataDir, stored), SIGNATURE);
  }
}
