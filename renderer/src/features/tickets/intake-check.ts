/**
 * The intake's check before saving: the contract's own schema, with a missing value asked for in words
 * on its field ("请选择产品型号", not "不能小于 0" for the model id 0 a draft sends when none was chosen).
 */
import type { InputOf } from '../../../../shared/api/contract';
import { ticketCreateInput } from '../../../../shared/api/tickets.schema';
import { validate, type FieldProblem } from '../../../../shared/api/validation';

const ASK: Record<string, string> = {
  reportedAt: 'validation.needReportedAt',
  contactName: 'validation.needContactName',
  contactPhone: 'validation.needContactPhone',
  'newCustomer.name': 'validation.needCustomerName',
  'newCustomer.phone': 'validation.needCustomerPhone',
  'newDevice.modelId': 'validation.chooseModel',
  faultDescription: 'validation.needFault',
};

function valueAt(input: object, path: string): unknown {
  let v: unknown = input;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

const missing = (v: unknown) => v === undefined || v === null || v === 0 || (typeof v === 'string' && v.trim() === '');

/** Problems per field path, or null when the input may be sent. */
export function intakeProblems(input: InputOf<'tickets.create'>): Record<string, FieldProblem> | null {
  const result = validate(ticketCreateInput, input);
  const problems: Record<string, FieldProblem> = result.ok ? {} : { ...result.problems };
  // zod checks "existing or new customer" only once the rest parses; say it right away.
  if (input.customerId === undefined && input.newCustomer === undefined) problems.customerId = { key: 'validation.customerChoice', params: {} };
  for (const path of Object.keys(problems)) {
    const ask = ASK[path];
    if (ask && missing(valueAt(input, path))) problems[path] = { key: ask, params: {} };
  }
  return Object.keys(problems).length ? problems : null;
}
