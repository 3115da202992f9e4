/**
 * What a clerk types into the ticket search box, read as the kinds of lookup it can be (issue 21): a ticket
 * number or serial as scanned, a whole phone, a phone's first digits or last four, a serial's first
 * characters, a model code, or words (customer name, fault). Pure, so the rule is tested on its own; the core
 * turns each kind into one index lookup. Also the list's sort orders and the supervisor's queues.
 */
import { normalizePhone } from './phone';

export interface TicketSearch {
  /** Upper-cased text for the exact ticket number and exact serial (what a scanner types). */
  exact: string;
  /** All the digits of a whole phone (5+ digits), for customers' phones. */
  phone: string | null;
  /** The first digits of a contact phone (3+ digits). */
  phonePrefix: string | null;
  /** The last four digits of a phone (exactly four digits typed). */
  phoneLast4: string | null;
  /** The first characters of a serial (4+ characters, upper-cased). */
  serialPrefix: string | null;
  /** The start of a product model code (2+ characters with a letter, upper-cased), e.g. KFR-35. */
  modelPrefix: string | null;
  /** Look for customer names and words of the fault (not when the text only looks like a phone). */
  words: boolean;
}

const PHONE_LIKE = /^[\d\s\-+()]+$/;
/** Serials and model codes: letters, digits and the separators printed on name plates, no spaces. */
const CODE_LIKE = /^[A-Za-z0-9\-_/.]+$/;
const HAS_LETTER = /[A-Za-z]/;

/** A broad lookup (a phone's first digits, a model code…) finds at most this many tickets, the newest; typing more or a filter narrows it. */
export const SEARCH_HITS = 1000;

export function parseTicketSearch(raw: string): TicketSearch {
  const q = raw.trim();
  const exact = q.toUpperCase();
  const phoneLike = PHONE_LIKE.test(q);
  const digits = phoneLike ? normalizePhone(q) : '';
  const code = CODE_LIKE.test(q);
  return {
    exact,
    phone: digits.length >= 5 ? digits : null,
    phonePrefix: digits.length >= 3 ? digits : null,
    phoneLast4: digits.length === 4 ? digits : null,
    serialPrefix: code && q.length >= 4 ? exact : null,
    modelPrefix: code && q.length >= 2 && HAS_LETTER.test(q) ? exact : null,
    words: !phoneLike,
  };
}

/** The list's orders; each walks an index of its own (reported_at, resolve_due_at, number). */
export const TICKET_SORTS = ['newest', 'oldest', 'deadline', 'deadlineLast', 'number', 'numberDesc'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/**
 * The supervisor's queues: 待审批 (plans waiting for approval), 一小时内到期 (unfinished, resolve deadline
 * within the next hour by the desk clock), 未派工 (open and not yet dispatched to an engineer).
 */
export const TICKET_QUEUES = ['awaitingApproval', 'dueSoon', 'undispatched'] as const;
export type TicketQueue = (typeof TICKET_QUEUES)[number];

/** Statuses before 派工: nobody has been sent yet. */
export const UNDISPATCHED_STATUSES = ['registered', 'diagnosing', 'planning', 'awaiting_approval'] as const;

/** How far ahead 一小时内到期 looks. */
export const DUE_SOON_MINUTES = 60;

/** Statuses whose resolve clock still runs: work is still to be done. */
export const OPEN_TICKET_STATUSES = ['registered', 'diagnosing', 'planning', 'awaiting_approval', 'dispatched', 'in_service'] as const;

/** Unfinished and past its resolve deadline at `now` (the desk clock, ms): the list highlights the row. */
export function isOverdue(row: { status: string; resolveDueAt: string }, now: number): boolean {
  return (OPEN_TICKET_STATUSES as readonly string[]).includes(row.status) && Date.parse(row.resolveDueAt) < now;
}
