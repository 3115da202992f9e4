/** Inputs of sign-in, first-run setup, user administration and settings. */
import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { isValidPattern } from '../domain/numbering';
import { requiredText, text, id, isoDate, version } from './fields';
import { printSettingsInput, returnsSettingsInput } from './returns.schema';
import { sanbaoTermsInput } from './sanbao.schema';

export const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.\-]+$/, { error: 'validation.username' });
export const newPassword = z.string().min(8).max(128);

export const setupInput = z.strictObject({
  username,
  displayName: requiredText(40),
  password: newPassword,
});

export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const changePasswordInput = z.strictObject({
  current: z.string().min(1).max(128),
  next: newPassword,
});

const productLines = z.array(requiredText(40)).max(20).default([]);

export const userCreateInput = z.strictObject({
  username,
  displayName: requiredText(40),
  role: z.enum(ROLES),
  password: newPassword,
  productLines,
});

export const userUpdateInput = z.strictObject({
  id,
  version,
  displayName: requiredText(40),
  role: z.enum(ROLES),
  active: z.boolean(),
  productLines,
});

export const resetPasswordInput = z.strictObject({ id, password: newPassword });

const clockBasis = z.enum(['elapsed', 'working']);

const slaTarget = z.strictObject({
  respondMinutes: z.number().int().min(1).max(60 * 24 * 60),
  resolveMinutes: z.number().int().min(1).max(60 * 24 * 365),
  /** Absent keeps the stored basis. */
  basis: clockBasis.optional(),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.time' });

const calendar = z
  .strictObject({
    opens: hhmm,
    closes: hhmm,
    weekdays: z.array(z.number().int().min(1).max(7)).max(7),
    holidays: z.array(isoDate).max(400),
    makeupDays: z.array(isoDate).max(100),
    halfDays: z.array(isoDate).max(100).optional(),
    /** The lunch break; null or absent: the desk works through. */
    lunch: z.strictObject({ from: hhmm, to: hhmm }).nullable().optional(),
  })
  .refine((c) => c.opens < c.closes, { error: 'validation.hours', path: ['closes'] })
  .refine((c) => !c.lunch || (c.opens < c.lunch.from && c.lunch.from < c.lunch.to && c.lunch.to < c.closes), { error: 'validation.lunch', path: ['lunch', 'to'] });

export const settingsUpdateInput = z.strictObject({
  version,
  company: z.strictObject({
    name: text(80),
    address: text(200),
    hotline: text(40),
    logo: z
      .string()
      .max(400_000)
      .regex(/^(data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+)?$/, { error: 'validation.logo' })
      .default(''),
  }),
  ticketNumberPattern: z.string().trim().min(5).max(40).refine(isValidPattern, { error: 'validation.pattern' }),
  timeZone: z.string().refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'validation.timeZone' },
  ),
  sla: z.strictObject({
    urgent: slaTarget,
    important: slaTarget,
    normal: slaTarget,
    complaint: slaTarget,
  }),
  // The fields below are optional: a client that does not know them keeps what is stored.
  calendar: calendar.optional(),
  approvalThresholdFen: z.number().int().min(0).max(100_000_000).optional(),
  followUp: z.strictObject({ minutes: z.number().int().min(1).max(60 * 24 * 30), basis: clockBasis }).optional(),
  contactWithinMinutes: z.number().int().min(1).max(60 * 24).optional(),
  returns: returnsSettingsInput.optional(),
  printing: printSettingsInput.optional(),
  serialBatchPrefix: z.number().int().min(1).max(32).optional(),
  sanbao: sanbaoTermsInput.optional(),
});

export const backupCreateInput = z.strictObject({
  /** A folder on this PC (e.g. a USB disk); empty for the data folder's manual backups. */
  targetDir: z.string().trim().max(260).nullable().default(null),
});
