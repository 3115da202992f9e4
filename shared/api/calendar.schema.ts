/** Inputs of the official holiday arrangement's methods (calendar.*). */
import { z } from 'zod';

export const acceptOfficialInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** The digest of the days the admin was shown (OfficialYear.incoming.digest). */
  digest: z.string().regex(/^[0-9a-f]{8}$/),
});
