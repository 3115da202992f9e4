/** Client-side validation with the contract's schema, worded with the shared validation keys. */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { validate } from '../../../shared/api/validation';

export type FieldErrors = Record<string, string>;

export function checkInput<S extends z.ZodType>(schema: S, input: unknown, t: TFunction): FieldErrors | null {
  const result = validate(schema, input);
  if (result.ok) return null;
  const out: FieldErrors = {};
  for (const [path, p] of Object.entries(result.problems)) out[path] = t(p.key, p.params);
  return out;
}
