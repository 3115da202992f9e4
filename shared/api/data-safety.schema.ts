/** Inputs of restore and of the audit viewer (admin). */
import { z } from 'zod';
import { cleanString, optionalDate, searchText } from './fields';

/** A backup file on this PC: a path from `backups.list`, or one the admin types (a USB disk). */
export const backupFileInput = z.strictObject({
  file: cleanString().trim().min(1, { error: 'validation.required' }).max(1000),
});

export const AUDIT_ACTIONS = ['create', 'update', 'login', 'lockout', 'password', 'restore'] as const;

export const auditListInput = z
  .strictObject({
    actorId: z.number().int().min(1).nullable().default(null),
    /** The record type: the table name ("tickets", "customers", ...). */
    entity: cleanString().trim().max(30).nullable().default(null),
    entityId: z.number().int().min(1).nullable().default(null),
    action: z.enum(AUDIT_ACTIONS).nullable().default(null),
    /** Desk-local dates, both included. */
    from: optionalDate,
    to: optionalDate,
    /** Text inside the changed values (a status such as "cancelled", a name, a phone number). */
    q: searchText(100).nullable().default(null),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { error: 'validation.dateOrder', path: ['to'] });
