/** Inputs of the returned-device register and of printed slips. */
import { z } from 'zod';
import { RETURN_MOVES, RETURN_STATES } from '../domain/returns';
import { DEFAULT_PRINT_SETTINGS, PAPERS, SLIP_DOCUMENTS, SLIP_LANGUAGES } from '../domain/printing';
import { isValidPattern } from '../domain/numbering';
import { id, isoDate, requiredText, searchText, serial, text, version } from './fields';
import { CONSENT_CHANNELS, SATISFACTION, attachInput, signature } from './lifecycle.schema';

const accessory = z.strictObject({ name: requiredText(60), quantity: z.number().int().min(1).max(999) });
const accessories = z.array(accessory).max(30).default([]);

/** A photo taken at check-in (same limits as a ticket attachment). */
export const photo = attachInput.pick({ fileName: true, mime: true, dataBase64: true }).extend({
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
});

export const checkInInput = z.strictObject({
  /** The ticket the device came from; create it first with tickets.create when there is none. */
  ticketId: id,
  modelId: id,
  /** Typed by the scanner (serial, then Enter). */
  serial,
  condition: z.array(z.strictObject({ item: requiredText(60), checked: z.boolean() })).max(40).default([]),
  conditionNotes: text(1000),
  accessories,
  faultStated: requiredText(2000),
  photos: z.array(photo).max(6).default([]),
  /** Who took the device in; absent means the signed-in user. */
  receivedBy: id.nullable().default(null),
  /** Absent: check-in day + the register's default repair days. */
  expectedDate: isoDate.nullable().default(null),
});

const target = { id, version };

/** 客户同意报价 on the device is the consent to the ticket's pending quote: how the customer agreed (a signature on site). */
const quoteConsent = z
  .strictObject({ channel: z.enum(CONSENT_CHANNELS), signature: signature.nullable().default(null), note: text(500) })
  .refine((v) => v.channel !== 'onsite' || v.signature !== null, { error: 'validation.signatureRequired', path: ['signature'] });

export const returnMoveInput = z.strictObject({
  ...target,
  move: z.enum(RETURN_MOVES),
  reason: text(1000),
  /** quoteApproved while the ticket's latest quote waits for consent: recorded on that quote too. */
  consent: quoteConsent.nullable().default(null),
});

export const informInput = z.strictObject({
  ...target,
  /** The (new) expected completion date the customer was told. */
  expectedDate: isoDate,
  channel: z.enum(['phone', 'sms', 'wechat', 'email', 'onsite']),
  note: text(500),
});

export const returnNoteInput = z.strictObject({ ...target, note: requiredText(2000) });

export const handBackInput = z
  .strictObject({
    ...target,
    pickedUpBy: requiredText(40),
    /** Someone the customer sent: their ID is noted. */
    delegate: z.boolean().default(false),
    idNote: text(80),
    accessoriesBack: accessories,
    /** Required when an accessory is not handed back. */
    note: text(500),
    signature,
    /** Required when handing back a repaired device accepts its ticket (the pickup signature is the acceptance's). */
    satisfaction: z.enum(SATISFACTION).nullable().default(null),
    /** The clerk saw that the ticket's bill still has an open balance and hands the device back anyway. */
    balanceConfirmed: z.boolean().default(false),
  })
  .refine((v) => !v.delegate || v.idNote !== '', { error: 'validation.idNoteRequired', path: ['idNote'] });

export const returnListInput = z.strictObject({
  states: z.array(z.enum(RETURN_STATES)).max(RETURN_STATES.length).default([]),
  /** Only records in the depot at least this many days. */
  minDays: z.number().int().min(0).max(3650).nullable().default(null),
  customerId: id.nullable().default(null),
  modelId: id.nullable().default(null),
  /** The records taken in for one ticket (the ticket detail lists them). */
  ticketId: id.nullable().default(null),
  overdueOnly: z.boolean().default(false),
  /** Open records only (not returned, not scrapped). */
  openOnly: z.boolean().default(false),
  /** Slip number or serial, as typed or scanned (prefix match). */
  query: searchText(64).default(''),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

/** By id, or by slip number (what a barcode scanner types). */
export const returnGetInput = z.union([z.strictObject({ id }), z.strictObject({ number: requiredText(40) })]);

export const checklistInput = z.strictObject({ modelId: id });

export const slipRenderInput = z.strictObject({
  document: z.enum(SLIP_DOCUMENTS),
  /** The ticket (acceptance slip), the returned-device record (receipt, pickup receipt), the quote (quote) or the payment (payment receipt). */
  id,
  /** Absent: the paper chosen for this document in settings. */
  paper: z.enum(PAPERS).nullable().default(null),
});

export const slipPrintedInput = z.strictObject({
  document: z.enum(SLIP_DOCUMENTS),
  id,
  paper: z.enum(PAPERS),
  /** Printed, or exported as PDF. */
  via: z.enum(['printer', 'pdf']).default('printer'),
});

const paperChoice = z.enum(PAPERS);
export const printSettingsInput = z.strictObject({
  paper: z.strictObject({
    ticketAcceptance: paperChoice, returnReceipt: paperChoice, pickupReceipt: paperChoice,
    quote: paperChoice.default(DEFAULT_PRINT_SETTINGS.paper.quote), paymentReceipt: paperChoice.default(DEFAULT_PRINT_SETTINGS.paper.paymentReceipt),
    sanbaoCertificate: paperChoice.default(DEFAULT_PRINT_SETTINGS.paper.sanbaoCertificate),
    loanSlip: paperChoice.default(DEFAULT_PRINT_SETTINGS.paper.loanSlip), factoryReturn: paperChoice.default(DEFAULT_PRINT_SETTINGS.paper.factoryReturn),
  }),
  terms: z.strictObject({
    ticketAcceptance: text(2000), returnReceipt: text(2000), pickupReceipt: text(2000),
    quote: text(2000).default(DEFAULT_PRINT_SETTINGS.terms.quote), paymentReceipt: text(2000).default(DEFAULT_PRINT_SETTINGS.terms.paymentReceipt),
    sanbaoCertificate: text(2000).default(DEFAULT_PRINT_SETTINGS.terms.sanbaoCertificate),
    loanSlip: text(2000).default(DEFAULT_PRINT_SETTINGS.terms.loanSlip), factoryReturn: text(2000).default(DEFAULT_PRINT_SETTINGS.terms.factoryReturn),
  }),
  language: z.enum(SLIP_LANGUAGES),
  responseNote: text(200),
});

export const returnsSettingsInput = z.strictObject({
  numberPattern: z.string().trim().min(5).max(40).refine(isValidPattern, { error: 'validation.pattern' }),
  checklists: z.record(requiredText(40), z.array(requiredText(60)).max(40)).refine((c) => Object.keys(c).length <= 50),
  defaultRepairDays: z.number().int().min(1).max(365),
});
