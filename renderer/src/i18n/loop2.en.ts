/** Words of the manufacturer's loop finished (issue 19's leftovers): a return's refund and the device's exchange links, in English. */
import type { loop2ZhCN } from './loop2.zh-CN';

export const loop2En: typeof loop2ZhCN = {
  pricePaid: 'Price paid (invoice, yuan)',
  pricePaidHint: 'When the customer has an invoice; the refund cannot exceed it',
  refund: 'Refund (yuan)',
  refundMethod: 'Refund method',
  refunded: 'Refunded {{amount}} ({{method}}, {{by}})',
  paidOf: '; invoice {{paid}}',
  exchangedTo: 'Exchanged for',
  exchangedFrom: 'Exchanged from',
  exchangeOn: '{{date}} · ticket ',
};
