/** Small SQL helpers shared by services. */

/** Escapes LIKE wildcards so user text matches literally (use with ESCAPE '\'). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Upper bound for an index range scan matching every string that starts with `prefix`. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\uffff`;
}

export const bool = (value: unknown): boolean => value === 1 || value === true;
