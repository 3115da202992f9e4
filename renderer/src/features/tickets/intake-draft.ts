/** The intake form's state while the clerk types, and how it becomes the contract's input. */
import type { InputOf } from '../../../../shared/api/contract';
import type { CustomerHit, DeviceHit, Salutation } from '../../../../shared/domain/party';
import type { Channel, FaultFrequency, ProblemType, Urgency } from '../../../../shared/domain/ticket';
import { wallToIso } from '../../components/format-time';
import type { AttachedArticle } from '../knowledge/KnowledgeSuggestions';

export interface FaultDraft {
  faultDescription: string;
  faultWhen: string;
  faultFrequency: FaultFrequency | null;
  alarmCodes: string;
  abnormalNoise: string;
  environment: string;
  customerTried: string;
  reportedBefore: boolean;
  urgency: Urgency;
  problemType: ProblemType;
  safetyRisk: boolean;
}

export interface NewCustomerDraft {
  name: string;
  salutation: Salutation;
  phone: string;
  address: string;
}

export interface IntakeDraft extends FaultDraft {
  channel: Channel;
  reportedAt: string;
  receivedById: number | null;
  customer: CustomerHit | null;
  newCustomer: NewCustomerDraft | null;
  contactName: string;
  contactPhone: string;
  device: DeviceHit | null;
  serial: string;
  modelId: number | null;
  registerDevice: boolean;
  purchaseDate: string;
  /** Knowledge articles picked from the suggestions: their self-check steps go on the ticket when it is saved. */
  knowledgeArticles: AttachedArticle[];
  /** Why a new ticket although related ones exist (asked only then). */
  duplicateReason: string;
}

export const EMPTY_FAULT: FaultDraft = {
  faultDescription: '',
  faultWhen: '',
  faultFrequency: null,
  alarmCodes: '',
  abnormalNoise: '',
  environment: '',
  customerTried: '',
  reportedBefore: false,
  urgency: 'normal',
  problemType: 'hardware',
  safetyRisk: false,
};

export function emptyDraft(reportedAt: string, receivedById: number): IntakeDraft {
  return {
    ...EMPTY_FAULT,
    channel: 'phone',
    reportedAt,
    receivedById,
    customer: null,
    newCustomer: null,
    contactName: '',
    contactPhone: '',
    device: null,
    serial: '',
    modelId: null,
    registerDevice: false,
    purchaseDate: '',
    knowledgeArticles: [],
    duplicateReason: '',
  };
}

/** Only the fault fields (the draft carries more than the strict schema accepts); a safety risk is urgent. */
export function faultInput(d: FaultDraft): FaultDraft {
  const out = {} as Record<keyof FaultDraft, unknown>;
  for (const key of Object.keys(EMPTY_FAULT) as (keyof FaultDraft)[]) out[key] = d[key];
  return { ...(out as FaultDraft), urgency: d.safetyRisk ? 'urgent' : d.urgency };
}

function deviceInput(d: IntakeDraft): Pick<InputOf<'tickets.create'>, 'deviceId' | 'newDevice' | 'modelId' | 'serial'> {
  if (d.device) return { deviceId: d.device.id, modelId: d.device.modelId, serial: d.device.serial };
  const serial = d.serial.trim();
  if (d.registerDevice && serial) {
    // modelId may be missing: the schema then reports newDevice.modelId on the model field.
    const newDevice = { serial, modelId: d.modelId ?? 0, purchaseDate: d.purchaseDate || null };
    return { newDevice, modelId: d.modelId, serial };
  }
  return { modelId: d.modelId, serial };
}

/** What the related-ticket lookup is asked about: the phone typed, the serial, the picked device. */
export function relatedInput(d: IntakeDraft): InputOf<'tickets.related'> {
  return { phone: d.contactPhone.trim() || d.newCustomer?.phone.trim() || d.customer?.phone || '', serial: d.device ? d.device.serial : d.serial.trim(), deviceId: d.device?.id ?? null };
}

export function createInput(d: IntakeDraft, timeZone: string): InputOf<'tickets.create'> {
  const nc = d.newCustomer;
  return {
    ...faultInput(d),
    channel: d.channel,
    reportedAt: d.reportedAt ? wallToIso(d.reportedAt, timeZone) : '',
    ...(d.receivedById !== null ? { receivedById: d.receivedById } : {}),
    ...(d.customer ? { customerId: d.customer.id } : {}),
    ...(nc ? { newCustomer: { kind: 'individual' as const, name: nc.name, salutation: nc.salutation, phone: nc.phone, address: nc.address } } : {}),
    contactName: d.contactName.trim() || (nc ? nc.name : ''),
    contactPhone: d.contactPhone.trim() || (nc ? nc.phone : ''),
    ...deviceInput(d),
    knowledgeArticleIds: d.knowledgeArticles.map((a) => a.id),
    duplicateReason: d.duplicateReason.trim(),
  };
}
