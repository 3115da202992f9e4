/** Inputs for customers, product models and devices. */
import { z } from 'zod';
import { CUSTOMER_KINDS, SALUTATIONS } from '../domain/party';
import { email, id, optionalDate, optionalPhone, phone, requiredText, searchText, serial, text, version } from './fields';

export const customerFields = z.strictObject({
  kind: z.enum(CUSTOMER_KINDS).default('individual'),
  name: requiredText(80),
  salutation: z.enum(SALUTATIONS).default(''),
  contactPerson: text(40),
  phone,
  phone2: optionalPhone,
  address: text(200),
  email,
  keyAccount: z.boolean().default(false),
  /** What the key-account flag is about (a supervisor sets both). */
  keyAccountNote: text(200),
  notes: text(1000),
});

export const customerUpdateInput = customerFields.extend({ id, version });

export const searchInput = z.strictObject({
  q: searchText(64).min(1),
  limit: z.number().int().min(1).max(50).default(10),
});

export const modelFields = z.strictObject({
  code: requiredText(40),
  name: requiredText(80),
  productLine: requiredText(40),
  warrantyMonths: z.number().int().min(0).max(240),
  active: z.boolean().default(true),
});

export const modelUpdateInput = modelFields.extend({ id, version });

export const deviceFields = z.strictObject({
  serial,
  modelId: id,
  customerId: id.nullable().default(null),
  purchaseDate: optionalDate,
  purchaseChannel: text(80),
  installDate: optionalDate,
  warrantyEnd: optionalDate,
});

export const deviceUpdateInput = deviceFields.extend({ id, version });

/** A supervisor's correction of a device's warranty dates: always with the reason, which the audit trail keeps. */
export const warrantyCorrectionInput = z.strictObject({
  id,
  version,
  purchaseDate: optionalDate,
  installDate: optionalDate,
  warrantyEnd: optionalDate,
  reason: requiredText(200),
});

export const byId = z.strictObject({ id });
export const empty = z.strictObject({});
