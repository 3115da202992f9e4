/** Desk-wide settings: the company profile printed on slips, numbering, calendar and clock policy. */
import { DEFAULT_CALENDAR, type WorkingCalendar } from './calendar';
import { DEFAULT_TICKET_PATTERN } from './numbering';
import { DEFAULT_PRINT_SETTINGS, type PrintSettings } from './printing';
import { DEFAULT_RETURNS_SETTINGS, type ReturnsSettings } from './returns';
import { SEED_002_POLICY, type ClockBasis, type SlaPolicy } from './sla';
import { DEFAULT_TIME_ZONE } from './time';
import { DEFAULT_SANBAO_TERMS, type SanbaoTerms } from './sanbao';

export interface CompanyProfile {
  name: string;
  address: string;
  hotline: string;
  /** A data: URL (PNG/JPEG/SVG), small enough to embed in printed slips. */
  logo: string;
}

export type CalendarSettings = Omit<WorkingCalendar, 'timeZone'>;

export interface Settings {
  company: CompanyProfile;
  ticketNumberPattern: string;
  timeZone: string;
  sla: SlaPolicy;
  calendar: CalendarSettings;
  /** Plans estimated above this (fen) need the supervisor's approval. */
  approvalThresholdFen: number;
  /** When the follow-up call is due after acceptance (seed 001: 24 h; seed 003: 3 working days). */
  followUp: { minutes: number; basis: ClockBasis };
  /** The engineer must contact the customer within this many minutes of dispatch (seed 001: 1 h). */
  contactWithinMinutes: number;
  /** Returned-device register: slip numbering, condition checklists per product line, default repair days. */
  returns: ReturnsSettings;
  /** Printed slips: paper per document, terms the admin writes, print language. */
  printing: PrintSettings;
  /** How many leading characters of a serial number name its production batch (batch quality reports). */
  serialBatchPrefix: number;
  /** 三包 terms per product line ('*' for every line without its own). */
  sanbao: SanbaoTerms[];
}

const { timeZone: _zone, ...calendar } = DEFAULT_CALENDAR;

export const DEFAULT_SETTINGS: Settings = {
  company: { name: '', address: '', hotline: '', logo: '' },
  ticketNumberPattern: DEFAULT_TICKET_PATTERN,
  timeZone: DEFAULT_TIME_ZONE,
  sla: SEED_002_POLICY,
  calendar,
  approvalThresholdFen: 200_000,
  followUp: { minutes: 24 * 60, basis: 'elapsed' },
  contactWithinMinutes: 60,
  returns: DEFAULT_RETURNS_SETTINGS,
  printing: DEFAULT_PRINT_SETTINGS,
  serialBatchPrefix: 6,
  sanbao: DEFAULT_SANBAO_TERMS,
};

export function calendarOf(settings: Settings): WorkingCalendar {
  return { ...settings.calendar, timeZone: settings.timeZone };
}
