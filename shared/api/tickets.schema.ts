/** Inputs of the ticket intake slice: register, list, open, correct. */
import { z } from 'zod';
import { CHANNELS, FAULT_FREQUENCIES, PROBLEM_TYPES, TICKET_STATUSES, URGENCIES } from '../domain/ticket';
import { customerFields, deviceFields } from './master-data.schema';
import { TICKET_QUEUES, TICKET_SORTS } from '../domain/ticket-search';
import { id, isoDateTime, optionalDate, phone, requiredText, searchText, serial, text, version } from './fields';

/** The fields a clerk may still correct after registration (the lifecycle issue adds the rest). */
export const intakeFields = z.strictObject({
  channel: z.enum(CHANNELS),
  reportedAt: isoDateTime,
  contactName: requiredText(40),
  contactPhone: phone,
  urgency: z.enum(URGENCIES),
  problemType: z.enum(PROBLEM_TYPES),
  safetyRisk: z.boolean().default(false),
  faultDescription: requiredText(10_000),
  faultWhen: text(200),
  faultFrequency: z.enum(FAULT_FREQUENCIES).nullable().default(null),
  alarmCodes: text(200),
  abnormalNoise: text(200),
  environment: text(500),
  customerTried: text(1000),
  reportedBefore: z.boolean().default(false),
});

/**
 * A ticket names an existing customer or brings a new one, and may name a device, bring a new one,
 * or only say the model and serial the customer read out.
 */
export const ticketCreateInput = intakeFields.extend({
  receivedById: id.optional(),
  customerId: id.optional(),
  newCustomer: customerFields.optional(),
  deviceId: id.optional(),
  newDevice: deviceFields.omit({ customerId: true }).optional(),
  modelId: id.nullable().default(null),
  serial: z.union([z.literal(''), serial]).default(''),
  /** Published knowledge articles whose self-check steps go on the new ticket's timeline (suggested at intake). */
  knowledgeArticleIds: z.array(id).max(5).default([]),
  /** Why a new ticket although the phone, serial or device has a related one (tickets.related); shown on its timeline. */
  duplicateReason: text(500),
}).refine((v) => (v.customerId === undefined) !== (v.newCustomer === undefined), {
  path: ['customerId'],
  error: 'validation.customerChoice',
}).refine((v) => !(v.deviceId !== undefined && v.newDevice !== undefined), {
  path: ['deviceId'],
  error: 'validation.deviceChoice',
});

export const ticketUpdateInput = intakeFields.extend({
  id,
  version,
  modelId: id.nullable().default(null),
  serial: z.union([z.literal(''), serial]).default(''),
});

export const ticketListInput = z.strictObject({
  q: searchText(64).default(''),
  status: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).default([]),
  urgency: z.array(z.enum(URGENCIES)).max(URGENCIES.length).default([]),
  problemType: z.array(z.enum(PROBLEM_TYPES)).max(PROBLEM_TYPES.length).default([]),
  /** Only tickets assigned to the caller (the engineer's "my tickets"). */
  mine: z.boolean().default(false),
  /** Unfinished tickets past their resolve deadline (the supervisor's overdue view). */
  overdue: z.boolean().default(false),
  /** Accepted tickets waiting for the follow-up call, soonest due first. */
  followUpDue: z.boolean().default(false),
  /** A supervisor's queue (待审批, 一小时内到期, 未派工); the desk clock decides what is due. */
  queue: z.enum(TICKET_QUEUES).nullable().default(null),
  /** Reported on or after this desk-local day. */
  from: optionalDate,
  /** Reported on or before this desk-local day. */
  to: optionalDate,
  engineerId: id.nullable().default(null),
  modelId: id.nullable().default(null),
  sort: z.enum(TICKET_SORTS).default('newest'),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

export const ticketGetInput = z.union([z.strictObject({ id }), z.strictObject({ number: z.string().trim().min(1).max(40) })]);

/** What the intake form has typed so far: the contact phone (any spelling), the serial, the picked device. */
export const ticketRelatedInput = z.strictObject({
  phone: text(30),
  serial: text(40),
  deviceId: id.nullable().default(null),
});

/** The customer called again about a ticket: a note on its timeline instead of a new ticket. */
export const calledAgainInput = z.strictObject({ id, note: requiredText(2000) });

/** The history of a customer and/or a device; on a ticket page, that ticket itself is left out. */
export const historyInput = z.strictObject({
  customerId: id.nullable().default(null),
  deviceId: id.nullable().default(null),
  exceptTicketId: id.nullable().default(null),
});
