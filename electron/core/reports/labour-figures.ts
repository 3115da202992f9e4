/**
 * Labour hours of a period (工时, issue 22): the visits worked on its days per engineer and per product line,
 * and the average logged time per repair (tickets resolved in the period that have logged time). The visits
 * are read through the labour log's day index (covering for the engineers); repairs from the resolved tickets'
 * index, each probing its visits by ticket: nothing scans the tickets.
 */
import type { LabourFigures, LabourRow } from '../../../shared/domain/labour';
import type { Db } from '../db/db';
import { instantParam } from '../db/instants';

type Line = [string | number | null, number, number, number];

const rowsOf = (lines: Line[], name: (key: string) => string): LabourRow[] =>
  lines
    .map(([key, minutes, visits, tickets]) => ({ key: name(key === null ? '' : String(key)), minutes, visits, tickets }))
    .sort((a, b) => b.minutes - a.minutes || a.key.localeCompare(b.key));

/** `from`/`to` are the period's local dates; `start`/`end` its instants (for the resolution times). */
export async function labourFigures(db: Pick<Db, 'arrays'>, period: { from: string; to: string; start: string; end: string }, engineerName: (id: string) => string): Promise<LabourFigures> {
  const byEngineer = await db.arrays<Line>(
    `SELECT l.engineer_id, SUM(l.minutes), COUNT(*), COUNT(DISTINCT l.ticket_id) FROM ticket_labour l
     WHERE l.worked_on >= ? AND l.worked_on <= ? GROUP BY l.engineer_id`,
    [period.from, period.to],
  );
  const byLine = await db.arrays<Line>(
    `SELECT m.product_line, SUM(l.minutes), COUNT(*), COUNT(DISTINCT l.ticket_id) FROM ticket_labour l
     JOIN tickets t ON t.id = l.ticket_id LEFT JOIN product_models m ON m.id = t.model_id
     WHERE l.worked_on >= ? AND l.worked_on <= ? GROUP BY m.product_line`,
    [period.from, period.to],
  );
  const [repairs] = await db.arrays<[number, number]>(
    // Per resolved ticket, its visits' sum through the ticket index (a join grouped by t.id scanned every ticket).
    `SELECT COUNT(m), COALESCE(SUM(m), 0) FROM (SELECT (SELECT SUM(l.minutes) FROM ticket_labour l WHERE l.ticket_id = t.id) AS m
     FROM tickets t WHERE t.resolved_at >= ? AND t.resolved_at < ?)`,
    [instantParam(period.start), instantParam(period.end)],
  );
  const [tickets = 0, minutes = 0] = repairs ?? [];
  const engineers = rowsOf(byEngineer, engineerName);
  return {
    minutes: engineers.reduce((n, r) => n + r.minutes, 0),
    visits: engineers.reduce((n, r) => n + r.visits, 0),
    byEngineer: engineers,
    byProductLine: rowsOf(byLine, (k) => k),
    repairs: { tickets, minutes, avgMinutes: tickets === 0 ? null : minutes / tickets },
  };
}
