/** Reusable field schemas: the limits a clerk meets in forms are the ones the core enforces. */
import { z } from 'zod';
import { hasXmlForbidden, searchableText } from '../domain/text-characters';

/**
 * A string without the characters no text of the desk may hold (see shared/domain/text-characters):
 * the base of every stored text field, so a name with U+FFFE is refused on its field, not written into sheets.
 */
export const cleanString = () => z.string().refine((v) => !hasXmlForbidden(v), { error: 'validation.badCharacters' });
/** Trimmed optional text with a length limit; absent means empty. */
export const text = (max: number) => cleanString().trim().max(max).default('');
/** Trimmed text that must not be empty. */
export const requiredText = (max: number) => cleanString().trim().min(1).max(max);
/** What a search box sends: control characters stripped (not refused: the rest is still worth searching for), trimmed. */
export const searchText = (max: number) => z.string().overwrite(searchableText).trim().max(max);
/** A record's id: 0 or less is no record chosen, worded as a missing choice rather than a bound. */
export const id = z.number().int().positive({ error: 'validation.required' });
export const version = z.number().int().nonnegative();
/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.iso.date();
export const optionalDate = isoDate.nullable().default(null);
/** An instant, ISO-8601 with offset. */
export const isoDateTime = z.iso.datetime({ offset: true });
/** Phone: digits with the usual separators; 5 to 20 digits. */
export const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[\d\s\-()]*$/, { error: 'validation.phone' })
  .refine((v) => {
    const n = v.replace(/\D/g, '').length;
    return n >= 5 && n <= 20;
  }, { error: 'validation.phone' });
export const optionalPhone = z.union([z.literal(''), phone]).default('');
export const email = z.union([z.literal(''), z.email().max(120)]).default('');
export const serial = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w\-./]+$/, { error: 'validation.serial' });
