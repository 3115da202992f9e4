/**
 * No double tickets and the customer's history at a glance (issue 22): which earlier tickets count as
 * related at intake, and the DTOs of the lookup and of the history panel.
 */
import type { TicketStatus } from './ticket';
import type { ReturnState } from './returns';

/** A closed ticket still counts as related this many days after it was closed. */
export const RELATED_CLOSED_DAYS = 30;

/** At most this many related tickets are listed (newest first). */
export const RELATED_LIMIT = 10;

/** What an earlier ticket shares with the one being typed. */
export const RELATED_MATCHES = ['phone', 'serial', 'device'] as const;
export type RelatedMatch = (typeof RELATED_MATCHES)[number];

/** An open ticket, or one closed in the last RELATED_CLOSED_DAYS days, with the same phone, serial or device. */
export interface RelatedTicket {
  id: number;
  number: string;
  status: TicketStatus;
  reportedAt: string;
  closedAt: string | null;
  customerName: string;
  serial: string | null;
  faultSummary: string;
  matches: RelatedMatch[];
}

/** One earlier ticket of the customer or of the device. */
export interface HistoryTicket {
  id: number;
  number: string;
  status: TicketStatus;
  reportedAt: string;
  faultSummary: string;
  isRepeat: boolean;
}

/** A device of the customer (or the device itself) still in the depot (返修登记, not handed back). */
export interface DepotDevice {
  id: number;
  number: string;
  serial: string;
  state: ReturnState;
}

/** What the desk should see before making a promise: earlier tickets, money owed, devices in the depot, VIP. */
export interface CustomerHistory {
  customer: { id: number; name: string; keyAccount: boolean; keyAccountNote: string } | null;
  tickets: HistoryTicket[];
  /** All earlier tickets of the customer and the device (the list shows the newest few). */
  ticketTotal: number;
  /** Open balance over the customer's bills, in fen, and how many bills are still open. */
  balanceFen: number;
  openBills: number;
  depot: DepotDevice[];
}

/** Shown as tickets of the history panel. */
export const HISTORY_TICKETS = 6;

/** The earliest closing time that still counts as recent, for a lookup at `now`. */
export function relatedSince(now: Date): string {
  return new Date(now.getTime() - RELATED_CLOSED_DAYS * 86_400_000).toISOString();
}
