/** Words of the manufacturer's loop finished (issue 19's leftovers): a return's refund and the device's exchange links, in Chinese. */
export const loop2ZhCN = {
  pricePaid: '客户实付（发票金额，元）',
  pricePaidHint: '有发票时填写；退款不能超过此金额',
  refund: '退款金额（元）',
  refundMethod: '退款方式',
  refunded: '退款 {{amount}}（{{method}}，{{by}}）',
  paidOf: '，发票金额 {{paid}}',
  exchangedTo: '换货为',
  exchangedFrom: '换自',
  exchangeOn: '{{date}} · 工单 ',
};
