/** The ticket list's filters, queues, sorts and paging (Chinese); under ui.tickets.list. */
export const ticketListZhCN = {
  queue: {
    all: '全部工单',
    awaitingApproval: '待审批',
    dueSoon: '一小时内到期',
    undispatched: '未派工',
  },
  from: '报修日期从',
  to: '至',
  engineer: '工程师',
  model: '型号',
  anyEngineer: '全部工程师',
  anyModel: '全部型号',
  pageSize: '每页',
  pageSizeOption: '{{n}} 条',
  overdue: '已逾期',
  sortBy: '按{{column}}排序',
  moreHits: '宽泛的查找只取最新的 {{n}} 条，请多输入几位或加筛选',
  clear: '清除筛选',
};
