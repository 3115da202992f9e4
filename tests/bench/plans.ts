import Database from 'better-sqlite3';
import { listQueries } from '../../electron/core/services/tickets.query';
import { ticketListInput } from '../../shared/api/tickets.schema';
const db = new Database(process.argv[2]!, { readonly: true });
db.exec(`ATTACH '${process.argv[2]!.replace('aftercare.sqlite','fts-candidates.sqlite')}' AS cand`);
const show = (label: string, sql: string, params: unknown[]) => {
  console.log(`\n## ${label}\n${(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {detail:string}[]).map(r => '  ' + r.detail).join('\n')}`);
};
for (const [label, input] of [
  ['list unfiltered page 1000', { page: 1000 }],
  ['list status+urgency page 1000', { status: ['closed'], urgency: ['normal'], page: 1000 }],
  ['list 8 open statuses + urgency', { status: ['registered','diagnosing','planning','awaiting_approval','dispatched','in_service','accepted','follow_up'], urgency: ['urgent'] }],
  ['search number', { q: 'TS202611230013' }],
  ['search phone', { q: '13812345678' }],
  ['search name 3 chars', { q: '王建国' }],
  ['search name 2 chars', { q: '建国' }],
] as const) {
  const q = listQueries(ticketListInput.parse(input), { userId: 0, now: new Date().toISOString(), timeZone: 'Asia/Shanghai' });
  show(`${label}: page`, q.page.sql, q.page.params);
  show(`${label}: count`, q.count.sql, q.count.params);
}
show('customers.search 2 chars', `SELECT id FROM customers WHERE id IN (SELECT id FROM (SELECT id FROM customers WHERE name >= ? AND name < ? LIMIT ?) UNION SELECT id FROM (SELECT customer_id AS id FROM customer_grams WHERE gram = ? LIMIT ?)) LIMIT ?`, ['建国','建国\uffff',10,'建国',10,10]);
show('devices.search', `SELECT d.*, m.code FROM devices d JOIN product_models m ON m.id = d.model_id LEFT JOIN customers c ON c.id = d.customer_id WHERE d.serial >= ? AND d.serial < ? ORDER BY d.serial LIMIT ?`, ['KFR','KFR\uffff',10]);
show('detail events', `SELECT e.id FROM ticket_events e JOIN users u ON u.id = e.actor_id WHERE e.ticket_id = ? ORDER BY e.id`, [5]);
show('fault trigram', `SELECT rowid FROM cand.desc_trigram WHERE desc_trigram MATCH ? ORDER BY rowid DESC LIMIT 50`, ['"无法开机"']);
