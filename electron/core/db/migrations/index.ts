/** Every migration, oldest first. A landed migration is never edited: add a new one. */
import { Initial1764000000000 } from './1764000000000-initial';
import { Lifecycle1764100000000 } from './1764100000000-lifecycle';
import { SearchIndexes1764200000000 } from './1764200000000-search-indexes';
import { ServiceRecord1764300000000 } from './1764300000000-service-record';
import { Fees1764400000000 } from './1764400000000-fees';
import { ReturnedDevices1764500000000 } from './1764500000000-returned-devices';
import { ReportIndexes1764600000000 } from './1764600000000-report-indexes';
import { ReportCovering1764700000000 } from './1764700000000-report-covering';
import { Knowledge1764840000000 } from './1764840000000-knowledge';
import { Parts1764850000000 } from './1764850000000-parts';
import { Maintenance1764860000000 } from './1764860000000-maintenance';
import { StatisticsUpkeep1764870000000 } from './1764870000000-statistics-upkeep';
import { FaultWords1764880000000 } from './1764880000000-fault-words';
import { CustomerNames1764890000000 } from './1764890000000-customer-names';
import { BillConsent1764900000000 } from './1764900000000-bill-consent';
import { ListSearch1764930000000 } from './1764930000000-list-search';
import { PartUnits1764910000000 } from './1764910000000-part-units';
import { PartPrices1764945000000 } from './1764945000000-part-prices';
import { CompactAudit1764960000000 } from './1764960000000-compact-audit';
import { OfficialHolidays1764970000000 } from './1764970000000-official-holidays';
import { RelatedTickets1764980000000 } from './1764980000000-related-tickets';
import { Labour1764990000000 } from './1764990000000-labour';
import { Outbox1765000000000 } from './1765000000000-outbox';
import { Sanbao1765010000000 } from './1765010000000-sanbao';
import { Factory1765020000000 } from './1765020000000-factory';
import { Lan1765030000000 } from './1765030000000-lan';
import { Messaging21765040000000 } from './1765040000000-messaging2';
import { Sessions1765050000000 } from './1765050000000-sessions';
import { SanbaoRefund1765060000000 } from './1765060000000-sanbao-refund';
import { TrailInstants1765070000000 } from './1765070000000-trail-instants';
import { TicketInstants1765080000000 } from './1765080000000-ticket-instants';

export const migrations = [
  Initial1764000000000,
  Lifecycle1764100000000,
  SearchIndexes1764200000000,
  ServiceRecord1764300000000,
  Fees1764400000000,
  ReturnedDevices1764500000000,
  ReportIndexes1764600000000,
  ReportCovering1764700000000,
  Knowledge1764840000000,
  Parts1764850000000,
  Maintenance1764860000000,
  StatisticsUpkeep1764870000000,
  FaultWords1764880000000,
  CustomerNames1764890000000,
  BillConsent1764900000000,
  PartUnits1764910000000,
  ListSearch1764930000000,
  PartPrices1764945000000,
  CompactAudit1764960000000,
  OfficialHolidays1764970000000,
  RelatedTickets1764980000000,
  Labour1764990000000,
  Outbox1765000000000,
  Sanbao1765010000000,
  Factory1765020000000,
  Lan1765030000000,
  Messaging21765040000000,
  Sessions1765050000000,
  SanbaoRefund1765060000000,
  TrailInstants1765070000000,
  TicketInstants1765080000000,
];
