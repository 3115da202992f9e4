/** What the service generators share: the clock, the staff, and a generated ticket as they read it back. */
import type { ProblemType, TicketStatus } from '../../shared/domain/ticket';
import type { WarrantyStatus } from '../../shared/domain/warranty';
import type { Rng } from './prng';
import { DAYS, START } from './generate-people';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The bench's "today" (2026-11-24 00:00 UTC): nothing is billed, paid, issued or handed back after it. */
export const END = START + DAYS * DAY;
export const iso = (ms: number): string => new Date(ms).toISOString();
/** The desk's local date (Asia/Shanghai, UTC+8 all year) of an instant. */
export const localDate = (ms: number): string => iso(ms + 8 * HOUR).slice(0, 10);
/** A time between `min` and `max` after `from` (ms). */
export const after = (rng: Rng, from: number, min: number, max: number): number => from + min + Math.round(rng.next() * (max - min));

export type ServiceMode = 'remote' | 'onsite' | 'depot';

/** A generated ticket as the service pass reads it back (times in ms). */
export interface TicketFacts {
  id: number;
  status: TicketStatus;
  reportedAt: number;
  resolvedAt: number | null;
  warranty: WarrantyStatus;
  customerId: number;
  modelId: number | null;
  /** Index into PRODUCT_LINES of the ticket's model, or null without a model. */
  line: number | null;
  deviceId: number | null;
  serial: string | null;
  engineer: number | null;
  clerk: number;
  mode: ServiceMode | null;
  problemType: ProblemType;
  contactName: string;
  faultDescription: string;
}

/** The staff the service rows are signed by. */
export interface Staff {
  clerks: number[];
  engineers: number[];
  supervisor: number;
}

export interface CatalogueModel {
  id: number;
  code: string;
  line: number;
}

