/** The ticket list's filters, queues, sorts and paging (English); under ui.tickets.list. */
export const ticketListEn = {
  queue: {
    all: 'All tickets',
    awaitingApproval: 'Waiting for approval',
    dueSoon: 'Due within the hour',
    undispatched: 'Not yet dispatched',
  },
  from: 'Reported from',
  to: 'to',
  engineer: 'Engineer',
  model: 'Model',
  anyEngineer: 'Any engineer',
  anyModel: 'Any model',
  pageSize: 'Per page',
  pageSizeOption: '{{n}} rows',
  overdue: 'Overdue',
  sortBy: 'Sort by {{column}}',
  moreHits: 'A broad search takes only the newest {{n}}; type more or add a filter',
  clear: 'Clear filters',
};
