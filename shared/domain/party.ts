/** Master data DTOs (SPEC "Master data"): customers, product models, devices. */
import type { TicketStatus } from './ticket';
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
  keyAccountNote: string;
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

/** A ticket in a customer's or a device's history. */
export interface HistoryTicket {
  id: number;
  number: string;
  status: TicketStatus;
  reportedAt: string;
  modelCode: string | null;
  serial: string | null;
  warrantyStatus: WarrantyStatus;
  faultSummary: string;
}

/** A device as listed under its owner, with its warranty at the desk's today. */
export interface DeviceSummary {
  id: number;
  serial: string;
  modelCode: string;
  modelName: string;
  purchaseDate: string | null;
  warrantyStatus: WarrantyStatus;
  warrantyEnd: string | null;
}

/** The customer page: contact data, the devices they own, their tickets newest first. */
export interface CustomerProfile {
  customer: Customer;
  devices: DeviceSummary[];
  tickets: HistoryTicket[];
  /** Every ticket of the customer; `tickets` holds the newest of them. */
  ticketTotal: number;
}

/** The device page: the device, its model and owner, the warranty at the desk's today and its ticket history. */
export interface DeviceProfile {
  device: Device;
  model: ProductModel;
  owner: CustomerHit | null;
  warrantyStatus: WarrantyStatus;
  /** The end in effect: the one set on the device, or purchase/install date plus the model's months. */
  warrantyEnd: string | null;
  tickets: HistoryTicket[];
  ticketTotal: number;
  /** Exchanged under 三包 for another unit (换货为), or given in exchange for one (换自). */
  exchangedTo: ExchangeLink | null;
  exchangedFrom: ExchangeLink | null;
}

/** The other unit of a 三包 exchange, with the day and the ticket it was made on. */
export interface ExchangeLink {
  deviceId: number;
  serial: string;
  at: string;
  ticket: { id: number; number: string };
}
