/** Vocabulary of a service ticket (SPEC "Service ticket"): the enumerations and the DTOs that cross the API. */
import type { WarrantyStatus } from './warranty';
import type { MaintenanceVisit } from './maintenance';
import type { PartUnit } from './parts';
import type { TicketLabour } from './labour';

export const CHANNELS = ['phone', 'online', 'email', 'walk_in', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const URGENCIES = ['urgent', 'important', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const PROBLEM_TYPES = ['hardware', 'software', 'usage', 'maintenance', 'complaint', 'other'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

/** The lifecycle states; the moves between them are the lifecycle issue's, intake only creates `registered`. */
export const TICKET_STATUSES = [
  'registered',
  'diagnosing',
  'planning',
  'awaiting_approval',
  'dispatched',
  'in_service',
  'accepted',
  'follow_up',
  'closed',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const FAULT_FREQUENCIES = ['always', 'often', 'sometimes', 'once'] as const;
export type FaultFrequency = (typeof FAULT_FREQUENCIES)[number];

export { mentionsSafetyRisk } from './safety';

/** One row of the ticket list: only what the list shows. */
export interface TicketRow {
  id: number;
  number: string;
  status: TicketStatus;
  urgency: Urgency;
  problemType: ProblemType;
  channel: Channel;
  reportedAt: string;
  customerName: string;
  contactPhone: string;
  modelCode: string | null;
  serial: string | null;
  faultSummary: string;
  responseDueAt: string;
  resolveDueAt: string;
  /** Where a visit goes: the customer's address as typed at intake. */
  address: string;
  /** When the follow-up call is due (accepted tickets), moved by a 改约. */
  followUpDueAt: string | null;
  /** The engineer it is assigned to, if any. */
  engineerName: string | null;
  /** The device had another ticket in the 90 days before (tickets.is_repeat, as the statistics count it). */
  isRepeat: boolean;
}

export interface TicketEvent {
  id: number;
  at: string;
  actorName: string;
  kind: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  note: string | null;
}

export interface PartUsed {
  id: number;
  partName: string;
  partModel: string;
  /** In its unit's decimals (0.8 kg). */
  quantity: number;
  unit: PartUnit;
  serial: string;
  oldPartRecovered: boolean;
  /** The catalogue part issued from stock, if any. */
  partId: number | null;
}

export interface AttachmentInfo {
  id: number;
  kind: 'signature' | 'photo' | 'file';
  fileName: string;
  mime: string;
  size: number;
  createdAt: string;
}

/** One follow-up call: not answered, rescheduled (to `nextAt`), or reached (solved / not solved). */
export interface FollowUpAttempt {
  at: string;
  actorName: string;
  kind: 'followUpNoAnswer' | 'followUpRescheduled' | 'followUpSolved' | 'followUpUnsolved';
  nextAt: string | null;
  note: string;
}

/** One booking on the engineer schedule. */
export interface Booking {
  id: number;
  version: number;
  engineer: { id: number; name: string };
  ticket: { id: number; number: string; customerName: string } | null;
  startsAt: string;
  endsAt: string;
  place: string;
  note: string;
}

/** Where the ticket stands in its lifecycle (SPEC stages 2–7). */
export interface TicketProgress {
  level: number;
  assignedTo: { id: number; name: string } | null;
  remoteGuidance: string;
  serviceMode: 'remote' | 'onsite' | 'depot' | null;
  eta: string | null;
  diagnosis: string;
  rootCause: string;
  repairPlan: string;
  partsNeeded: string;
  touchesCoreParts: boolean;
  estimateFen: number;
  needsApproval: boolean;
  approvedAt: string | null;
  consentAt: string | null;
  consentChannel: string | null;
  dispatchedAt: string | null;
  contactDueAt: string | null;
  contactedAt: string | null;
  respondedAt: string | null;
  resolvedAt: string | null;
  functionTest: 'normal' | 'abnormal' | null;
  satisfaction: string | null;
  acceptanceComments: string;
  followUpDueAt: string | null;
  followedUpAt: string | null;
  /** The follow-up calls made so far, oldest first. */
  followUpAttempts: FollowUpAttempt[];
  closedAt: string | null;
  pausedSince: string | null;
  pauseReason: 'customer' | 'parts' | null;
  visits: number;
  /** Where the engineer goes: the customer's address as typed at intake. */
  visitAddress: string;
  reopenCount: number;
  serviceSteps: string;
  serviceProblems: string;
  parts: PartUsed[];
  /** Signatures, photos and files, oldest first. */
  attachments: AttachmentInfo[];
  /** The moves the caller may make now. */
  moves: string[];
}

export interface TicketDetail {
  id: number;
  number: string;
  version: number;
  status: TicketStatus;
  channel: Channel;
  reportedAt: string;
  receivedBy: { id: number; name: string };
  customer: { id: number; name: string; phone: string; keyAccount: boolean };
  contactName: string;
  contactPhone: string;
  model: { id: number; code: string; name: string } | null;
  device: { id: number; serial: string } | null;
  serial: string | null;
  urgency: Urgency;
  problemType: ProblemType;
  safetyRisk: boolean;
  warrantyStatus: WarrantyStatus;
  faultDescription: string;
  faultWhen: string;
  faultFrequency: FaultFrequency | null;
  alarmCodes: string;
  abnormalNoise: string;
  environment: string;
  customerTried: string;
  reportedBefore: boolean;
  /** The device had another ticket in the 90 days before (tickets.is_repeat, as the statistics count it). */
  isRepeat: boolean;
  /** Why it was registered beside a related ticket; empty when there was none. */
  duplicateReason: string;
  responseDueAt: string;
  resolveDueAt: string;
  createdAt: string;
  updatedAt: string;
  events: TicketEvent[];
  progress: TicketProgress;
  /** For a ticket generated by a maintenance plan: the plan's checklist and what was filled. */
  maintenance: MaintenanceVisit | null;
  /** The engineers' logged visits (工时) and their total. */
  labour: TicketLabour;
}
