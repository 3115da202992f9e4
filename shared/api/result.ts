/** What every API call returns: errors cross the boundary as values, never as thrown exceptions. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'SETUP_DONE',
  'UNKNOWN_METHOD',
  'STORAGE_FULL',
  /** Another program holds the database's lock: nothing was saved, try again. */
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Already in the caller's language. */
  message: string;
  /** Per-field messages keyed by the input path ("customer.phone"). */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
