/**
 * A demo ticket's story: registered through tickets.create at its report time, then steps, each a while after
 * the one before (`then`), played later in time order with the other tickets' steps. The step factories here
 * are the lifecycle's; fees.ts and depot.ts add the money and the register's.
 */
import type { InputOf } from '../../../../shared/api/contract';
import type { Channel, ProblemType, Urgency } from '../../../../shared/domain/ticket';
import { wallClock } from '../../../../shared/domain/calendar';
import type { Actor, DemoRun } from './runner';
import { MIN } from './time';

export type Step = (t: DemoTicket) => Promise<unknown>;
type MoveFields = InputOf<'tickets.move'> extends infer U ? (U extends unknown ? Omit<U, 'id' | 'version'> : never) : never;

/** What the clerk types at intake; the device is found by its serial, or registered with it. */
export interface Intake {
  customer: string;
  model: string;
  serial: string;
  /** The purchase date on the customer's invoice; null: unknown (warranty then unknown too). */
  purchased: string | null;
  fault: string;
  urgency?: Urgency;
  type?: ProblemType;
  channel?: Channel;
  safety?: boolean;
  reportedBefore?: boolean;
  /** Knowledge articles whose self-check steps the clerk attached at intake. */
  articles?: string[];
  by?: Actor;
}

/** A small PNG (a few strokes on white) standing in for every drawn signature of the demo. */
export const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAGElEQVR4nGP8z8DAwMDAxMDAwMDAwAAAJ+kCBhjZiVwAAAAASUVORK5CYII=';

export class DemoTicket {
  id = 0;
  number = '';
  /** Filled by the fee and register steps. */
  quoteId = 0;
  billId = 0;
  returnId = 0;
  private cursor: number;

  /** `register` replaces the intake for a ticket the app makes itself (the maintenance generator's). */
  constructor(
    readonly run: DemoRun,
    at: number,
    readonly intake: Intake,
    register?: (t: DemoTicket) => Promise<void>,
  ) {
    this.cursor = at;
    run.at(at, () => (register ? register(this) : this.register(at)));
  }

  /** The moment of the last planned step. */
  get time(): number {
    return this.cursor;
  }

  /** Plans `step` `after` ms after the previous step. */
  then(after: number, step: Step): this {
    this.cursor += after;
    this.run.at(this.cursor, () => step(this));
    return this;
  }

  /** Plans `step` at a moment of its own (not before the previous step). */
  thenAt(at: number, step: Step): this {
    return this.then(Math.max(0, at - this.cursor), step);
  }

  async version(): Promise<number> {
    return this.run.version('tickets', this.id);
  }

  private async register(at: number): Promise<void> {
    const i = this.intake;
    const { run } = this;
    const customer = run.customer(i.customer);
    const [device] = await run.deps.db.query<{ id: number }>('SELECT id FROM devices WHERE serial = ?', [i.serial.toUpperCase()]);
    // The same unit with a ticket still being worked on: the clerk says why a new one (tickets.create asks for it).
    const [open] = device ? await run.deps.db.query<{ number: string }>("SELECT number FROM tickets WHERE device_id = ? AND status NOT IN ('accepted', 'follow_up', 'closed', 'cancelled')", [device.id]) : [];
    const created = await run.call(i.by ?? 'clerk', 'tickets.create', {
      channel: i.channel ?? 'phone',
      reportedAt: new Date(at).toISOString(),
      customerId: customer.id,
      contactName: customer.contact,
      contactPhone: customer.phone,
      ...(device
        ? { deviceId: device.id }
        : { newDevice: { serial: i.serial, modelId: run.model(i.model), purchaseDate: i.purchased, purchaseChannel: i.purchased ? '官方旗舰店' : '', installDate: null, warrantyEnd: null } }),
      urgency: i.safety ? 'urgent' : (i.urgency ?? 'normal'),
      problemType: i.type ?? 'hardware',
      safetyRisk: i.safety ?? false,
      faultDescription: i.fault,
      reportedBefore: i.reportedBefore ?? false,
      knowledgeArticleIds: (i.articles ?? []).map((key) => run.article(key)),
      duplicateReason: open ? `原工单 ${open.number} 尚未完结，客户报修的是另一故障` : '',
    });
    this.id = created.id;
    this.number = created.number;
  }
}

/** A lifecycle move with what it records (plan, engineer, signature, follow-up answers). */
export const move =
  (who: Actor, fields: MoveFields): Step =>
  async (t) =>
    t.run.call(who, 'tickets.move', { id: t.id, version: await t.version(), ...fields } as InputOf<'tickets.move'>);

/** The customer's consent to an approved plan; on site they sign. */
export const consent =
  (who: Actor, channel: 'onsite' | 'phone', note = ''): Step =>
  async (t) =>
    t.run.call(who, 'tickets.consent', { id: t.id, version: await t.version(), channel, signature: channel === 'onsite' ? SIGNATURE : null, note });

export const contact =
  (who: Actor, note: string): Step =>
  async (t) =>
    t.run.call(who, 'tickets.contact', { id: t.id, version: await t.version(), note });

export const pause =
  (who: Actor, reason: 'parts' | 'customer', note: string): Step =>
  async (t) =>
    t.run.call(who, 'tickets.pause', { id: t.id, version: await t.version(), reason, note });

export const resume =
  (who: Actor): Step =>
  async (t) =>
    t.run.call(who, 'tickets.resume', { id: t.id, version: await t.version() });

export const escalate =
  (who: Actor, reason: string): Step =>
  async (t) =>
    t.run.call(who, 'tickets.escalate', { id: t.id, version: await t.version(), reason });

/** A part used: from the catalogue by number (issued from stock), with its serial when the part is tracked. */
export interface UsedPart {
  partNo: string;
  quantity: number;
  serial?: string;
  recovered?: boolean;
}

/** The engineer's service record; catalogue parts leave stock with it. */
export const service =
  (who: Actor, steps: string, parts: UsedPart[] = [], problems = ''): Step =>
  async (t) =>
    t.run.call(who, 'tickets.recordService', {
      id: t.id,
      version: await t.version(),
      steps,
      problems,
      parts: parts.map((p) => {
        const part = t.run.part(p.partNo);
        return { partName: part.name, partModel: p.partNo, quantity: p.quantity, serial: p.serial ?? '', oldPartRecovered: p.recovered ?? false, partId: part.id };
      }),
    });

/**
 * The engineer's time on the ticket (工时), logged as the work ends: the last `duration` ms, by the desk's clock,
 * in whole minutes; a few minutes' work (today's steps just after midnight) is not worth a log.
 */
export const labour =
  (who: Actor, duration: number, note = ''): Step =>
  async (t) => {
    const minutes = Math.floor(duration / MIN);
    if (minutes < 5) return;
    const end = t.run.clockAt;
    const begin = end - minutes * MIN;
    const day = t.run.time.dateOf(end);
    const local = wallClock(t.run.time.timeZone);
    const hhmm = (at: number) => local(new Date(at).toISOString())!.toISOString().slice(11, 16);
    // Work that began the day before is logged as a number of minutes on the day it ended.
    const times = t.run.time.dateOf(begin) === day;
    await t.run.call(who, 'tickets.logLabour', {
      ticketId: t.id, engineerId: null, workedOn: day, start: times ? hhmm(begin) : null, finish: times ? hhmm(end) : null, minutes: times ? null : minutes, note,
    });
  };

export const accept = (who: Actor, satisfaction: 'very_satisfied' | 'satisfied' | 'neutral' | 'dissatisfied', comments = ''): Step =>
  move(who, { move: 'accept', satisfaction, comments, signature: SIGNATURE });

export const followUp = (who: Actor, satisfaction: 'very_satisfied' | 'satisfied' | 'neutral' | 'dissatisfied', notes = ''): Step =>
  move(who, { move: 'followUpSolved', attitudeOk: satisfaction !== 'dissatisfied', satisfaction, notes });
