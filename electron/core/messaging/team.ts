/**
 * Messages to the team: the 企业微信 group robot hears of a new urgent ticket, an escalation and a part falling below
 * its low-stock line in the transaction of that event, and of each ticket that became overdue from a periodic
 * check on the desk clock; the supervisor's address gets one e-mail per check listing the newly overdue tickets.
 * `overdue_alerts` remembers each ticket and due time announced: a later check never announces it again (a
 * deadline moved by a pause is a new due time, announced once more when it passes).
 */
import type { TeamEvent } from '../../../shared/domain/messaging';
import { zhCN } from '../../../shared/i18n/zh-CN';
import { OPEN_TICKET_STATUSES } from '../../../shared/domain/ticket-search';
import type { CallContext, CoreDeps } from '../context';
import type { Tx } from '../db/db';

export const ROBOT = 'robot';
/** How far back a check looks for deadlines that passed (a desk closed over a long weekend still hears of them). */
const LOOKBACK_MS = 7 * 24 * 60 * 60_000;
/** At most this many tickets per check (the oldest first); the next check takes the rest. */
const PER_CHECK = 200;

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));

type Deps = Pick<CoreDeps, 'outbox' | 'now'>;

/** Queues one message on the channel if it is set up; the key makes the same cause queue it once. */
async function queue(tx: Tx, deps: Deps, channel: 'wecom' | 'email', recipient: string, event: TeamEvent, key: string, subject: string, body: string, ticketId: number | null): Promise<number> {
  if (!(await deps.outbox.readyChannels()).includes(channel)) return 0;
  const at = deps.now().toISOString();
  const n = await tx.run(
    `INSERT INTO outbox (channel, event, recipient, subject, body, state, attempts, next_attempt_at, ticket_id, idem_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?) ON CONFLICT (idem_key) DO NOTHING`,
    [channel, event, recipient, subject, body, at, ticketId, `${key}.${event}.${channel}`, at, at],
  );
  if (n > 0) deps.outbox.kick();
  return n;
}

interface TicketLine {
  id: number;
  number: string;
  customer: string;
  model: string | null;
  fault: string;
  engineer: string | null;
  due: string | null;
}

const TICKET = `SELECT t.id, t.number, c.name AS customer, m.name AS model, t.fault_description AS fault, u.display_name AS engineer, t.resolve_due_at AS due
  FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN product_models m ON m.id = t.model_id LEFT JOIN users u ON u.id = t.assigned_to`;

async function ticketLine(tx: Pick<Tx, 'query'>, id: number): Promise<TicketLine | undefined> {
  return (await tx.query<TicketLine>(`${TICKET} WHERE t.id = ?`, [id]))[0];
}

/** A new ticket registered as urgent. */
export async function queueUrgent(tx: Tx, ctx: CallContext, ticketId: number): Promise<void> {
  const t = await ticketLine(tx, ticketId);
  if (!t) return;
  const body = fill(zhCN.teamMessage.urgent, { ticket: t.number, customer: t.customer, model: t.model ?? '', fault: t.fault.slice(0, 200) });
  await queue(tx, ctx, 'wecom', ROBOT, 'urgent', `ticket-${ticketId}-created`, '', body, ticketId);
}

/** A ticket escalated to `level` (the key: the ticket and its level, reached once). */
export async function queueEscalated(tx: Tx, ctx: CallContext, ticketId: number, level: number, reason: string): Promise<void> {
  const t = await ticketLine(tx, ticketId);
  if (!t) return;
  const body = fill(zhCN.teamMessage.escalated, { ticket: t.number, customer: t.customer, level, reason });
  await queue(tx, ctx, 'wecom', ROBOT, 'escalated', `ticket-${ticketId}-L${level}`, '', body, ticketId);
}

/** A stock movement that took a part from at or above its minimum to below it (the key: that movement). */
export async function queueLowStock(tx: Tx, ctx: Deps, movementId: number, part: { part_no: string; name: string; min_stock: number }, onHand: number): Promise<void> {
  const body = fill(zhCN.teamMessage.lowStock, { partNo: part.part_no, name: part.name, onHand, minStock: part.min_stock });
  await queue(tx, ctx, 'wecom', ROBOT, 'lowStock', `movement-${movementId}`, '', body, null);
}

function deskMinute(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/**
 * The periodic check: open tickets whose resolution deadline passed (within the look-back) and were not announced
 * for that deadline are announced, each to the robot and all together in one e-mail to the supervisor's address.
 * Answers how many tickets were newly overdue.
 */
export async function checkOverdue(deps: Pick<CoreDeps, 'db' | 'now' | 'outbox' | 'settings' | 'messaging'>): Promise<number> {
  const now = deps.now();
  const at = now.toISOString();
  const { timeZone, company } = await deps.settings.get();
  const { overdueEmail } = await deps.messaging.get();
  return deps.db.write(async (tx) => {
    const statuses = OPEN_TICKET_STATUSES.map(() => '?').join(', ');
    // The range on ix_tickets_resolve_due is the look-back's week: cheap however many tickets the desk holds.
    const due = await tx.query<TicketLine>(
      `${TICKET} WHERE t.resolve_due_at >= ? AND t.resolve_due_at < ? AND t.status IN (${statuses})
         AND NOT EXISTS (SELECT 1 FROM overdue_alerts a WHERE a.ticket_id = t.id AND CAST(round(unixepoch(a.due_at, 'subsec') * 1000) AS INTEGER) = t.resolve_due_at)
       ORDER BY t.resolve_due_at, t.id LIMIT ${PER_CHECK}`,
      // The ticket's deadline is kept as milliseconds (db/instants.ts), the alert's as the ISO-8601 it was announced with.
      [now.getTime() - LOOKBACK_MS, now.getTime(), ...OPEN_TICKET_STATUSES],
    );
    if (due.length === 0) return 0;
    const lines: string[] = [];
    for (const t of due) {
      await tx.run('INSERT INTO overdue_alerts (ticket_id, due_at, at) VALUES (?, ?, ?)', [t.id, t.due, at]);
      const values = { ticket: t.number, customer: t.customer, engineer: t.engineer ?? zhCN.teamMessage.nobody, due: deskMinute(t.due!, timeZone) };
      await queue(tx, deps, 'wecom', ROBOT, 'overdue', `ticket-${t.id}-due-${t.due}`, '', fill(zhCN.teamMessage.overdue, values), t.id);
      lines.push(fill(zhCN.teamMessage.digestLine, values));
    }
    if (overdueEmail) {
      const subject = fill(zhCN.teamMessage.digestSubject, { company: company.name, count: due.length });
      const body = [zhCN.teamMessage.digestIntro, '', ...lines, '', company.name].join('\n');
      await queue(tx, deps, 'email', overdueEmail, 'overdueDigest', `overdue-${at}`, subject, body, null);
    }
    return due.length;
  });
}
