/**
 * Turns zod issues into per-field message keys, so the core and the renderer's forms word the same
 * problem the same way in either language (keys live in shared/i18n under `validation.*`).
 */
import type { z } from 'zod';

export interface FieldProblem {
  key: string;
  params: Record<string, string | number>;
}

function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  // Schemas name their own message as an i18n key: `{ error: 'validation.phone' }`.
  if (issue.message.startsWith('validation.')) return { key: issue.message, params: {} };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? { key: 'validation.required', params: {} } : { key: 'validation.tooShort', params: { min: Number(issue.minimum) } };
      }
      if (issue.origin === 'array') return { key: 'validation.required', params: {} };
      return issue.inclusive === false
        ? { key: 'validation.aboveMin', params: { min: Number(issue.minimum) } }
        : { key: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'validation.tooLong', params: { max: Number(issue.maximum) } };
      return { key: 'validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? { key: 'validation.required', params: {} }
        : { key: 'validation.wrongType', params: {} };
    case 'invalid_format':
      return { key: `validation.format.${issue.format}`, params: {} };
    case 'invalid_value':
    case 'invalid_union':
      return issue.input === undefined ? { key: 'validation.required', params: {} } : { key: 'validation.invalidChoice', params: {} };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField', params: {} };
    default:
      return { key: 'validation.invalid', params: {} };
  }
}

/** First problem per field path ("customer.phone"; "" for the input as a whole). */
export function fieldProblems(issues: readonly z.core.$ZodIssue[]): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in out)) out[path] = problemOf(issue);
  }
  return out;
}

/** Parses with the input reported in issues (to tell "missing" from "wrong"), as forms and the core both do. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; problems: Record<string, FieldProblem> } {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problems: fieldProblems(parsed.error.issues) };
}
