/** UI words of the ticket page's frame in English: the same keys as Chinese (the type makes a missing key a compile error). */
import type { DetailStrings } from './detail.zh-CN';

export const detailEn: DetailStrings = {
  title: 'Ticket {{number}}',
  back: 'Back to the list',
  received: 'Received by',
  customer: 'Customer',
  device: 'Device',
  deadlines: 'Deadlines',
  responseDue: 'Response due',
  resolveDue: 'Resolution due',
  timeline: 'Timeline',
  warranty: 'Warranty',
  editTitle: 'Correct the intake',
  conflictReload: 'Reload the latest version',
  level: 'Support level',
  safetyRisk: 'Safety risk',
  notFound: 'Ticket not found',
};
