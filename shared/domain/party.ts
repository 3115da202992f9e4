/** Master data DTOs (SPEC "Master data"): customers, product models, devices. */
import type { WarrantyStatus } from './warranty';

export const CUSTOMER_KINDS = ['individual', 'company'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

export const SALUTATIONS = ['mr', 'ms', ''] as const;
export type Salutation = (typeof SALUTATIONS)[number];

export interface Customer {
  id: number;
  version: number;
  kind: CustomerKind;
  name: string;
  salutation: Salutation;
  contactPerson: string;
  phone: string;
  phone2: string;
  address: string;
  email: string;
  keyAccount: boolean;
  notes: string;
}

export interface CustomerHit {
  id: number;
  name: string;
  salutation: Salutation;
  phone: string;
  contactPerson: string;
  keyAccount: boolean;
}

export interface ProductModel {
  id: number;
  version: number;
  code: string;
  name: string;
  productLine: string;
  warrantyMonths: number;
  active: boolean;
}

export interface DeviceHit {
  id: number;
  serial: string;
  modelId: number;
  modelCode: string;
  modelName: string;
  customerId: number | null;
  customerName: string | null;
  warrantyStatus: WarrantyStatus;
  warrantyEnd: string | null;
}

export interface Device {
  id: number;
  version: number;
  serial: string;
  modelId: number;
  customerId: number | null;
  purchaseDate: string | null;
  purchaseChannel: string;
  installDate: string | null;
  warrantyEnd: string | null;
}
