/** Desk-wide settings: the company profile printed on slips, numbering and clock policy. */
import { DEFAULT_TICKET_PATTERN } from './numbering';
import { SEED_002_POLICY, type SlaPolicy } from './sla';
import { DEFAULT_TIME_ZONE } from './time';

export interface CompanyProfile {
  name: string;
  address: string;
  hotline: string;
  /** A data: URL (PNG/JPEG/SVG), small enough to embed in printed slips. */
  logo: string;
}

export interface Settings {
  company: CompanyProfile;
  ticketNumberPattern: string;
  timeZone: string;
  sla: SlaPolicy;
}

export const DEFAULT_SETTINGS: Settings = {
  company: { name: '', address: '', hotline: '', logo: '' },
  ticketNumberPattern: DEFAULT_TICKET_PATTERN,
  timeZone: DEFAULT_TIME_ZONE,
  sla: SEED_002_POLICY,
};
