/** Inputs of the 三包 decision and the exchange or return (issue 19), and of the terms per product line in 设置. */
import { z } from 'zod';
import { REFUND_METHODS, SANBAO_LIMITS, SANBAO_RIGHTS } from '../domain/sanbao';
import { id, requiredText, serial, text } from './fields';

const fen = z.number().int().min(0).max(100_000_000);
const days = z.number().int().min(0).max(SANBAO_LIMITS.maxDays);
const months = z.number().int().min(0).max(SANBAO_LIMITS.maxMonths);

export const sanbaoTermsInput = z
  .array(
    z.strictObject({
      productLine: requiredText(40),
      returnDays: days,
      exchangeDays: days,
      wholeUnitMonths: months,
      mainPartMonths: months,
      repairsForExchange: z.number().int().min(1).max(SANBAO_LIMITS.maxRepairs),
    }),
  )
  .max(SANBAO_LIMITS.maxLines)
  .refine((lines) => new Set(lines.map((l) => l.productLine)).size === lines.length, { error: 'validation.sanbaoLines' });

export const assessInput = z.strictObject({ ticketId: id });

export const decideInput = z.strictObject({
  ticketId: id,
  right: z.enum(SANBAO_RIGHTS),
  /** Needed (and only a supervisor may give it) when the right is not one the rules offer. */
  reason: text(500),
});

export const exchangeInput = z.discriminatedUnion('kind', [
  z.strictObject({ ticketId: id, kind: z.literal('exchange'), newSerial: serial }),
  z.strictObject({
    ticketId: id,
    kind: z.literal('return'),
    /** The price on the customer's invoice, when it has one; the refund may not exceed it. */
    paidFen: fen.nullable().default(null),
    /** The money given back, in fen (checked by refundProblem). */
    refundFen: fen,
    refundMethod: z.enum(REFUND_METHODS),
  }),
]);
