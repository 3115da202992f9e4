/** Inputs of host mode (issue 18): pairing a desk or phone with the host, and the host's own settings. */
import { z } from 'zod';
import { id, requiredText, version } from './fields';

export const pairInput = z.strictObject({
  /** The code the host's page shows (digits; spaces and dashes as typed are ignored). */
  code: z.string().trim().min(1).max(20),
  /** How the trail and the admin name this desk or phone (前台2号, 张工的手机). */
  deskName: requiredText(40),
});

export const hostUpdateInput = z.strictObject({
  lanEnabled: z.boolean(),
  /** A session ends after this many minutes without a call (5 minutes to 7 days). */
  idleMinutes: z.number().int().min(5).max(7 * 24 * 60),
  version,
});

export const revokeDeskInput = z.strictObject({ id });

export const presenceSetInput = z.strictObject({ ticketId: id, editing: z.boolean() });
export const presenceGetInput = z.strictObject({ ticketId: id });
