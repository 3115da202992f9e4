/** The labour log (工时登记): each visit's time of an engineer on a ticket. */
import { EntitySchema } from 'typeorm';
import { fk, idColumn, instant, instantStamps, trackedColumns, v } from './columns';

export const TicketLabourEntity = new EntitySchema<Record<string, unknown>>({
  name: 'ticket_labour',
  columns: {
    id: idColumn,
    ticketId: { name: 'ticket_id', type: 'integer' },
    engineerId: { name: 'engineer_id', type: 'integer' },
    workedOn: v(10, { name: 'worked_on' }),
    startedAt: instant('started_at', { nullable: true }),
    finishedAt: instant('finished_at', { nullable: true }),
    minutes: { type: 'integer' },
    note: v(200, { default: '' }),
    ...trackedColumns,
    ...instantStamps,
  },
  relations: { ticket: fk('tickets', 'ticket_id'), engineer: fk('users', 'engineer_id') },
  indices: [
    { name: 'ix_ticket_labour_ticket', columns: ['ticketId', 'minutes'] },
    { name: 'ix_ticket_labour_day', columns: ['workedOn', 'engineerId', 'ticketId', 'minutes'] },
  ],
});

export const labourEntities = [TicketLabourEntity];
