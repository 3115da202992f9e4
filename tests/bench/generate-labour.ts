/**
 * Labour time (工时, issue 22) of the resolved tickets: one to three visits by the assigned engineer, the last
 * ending when the ticket was resolved and the earlier ones a day apart before it; most with start and finish,
 * some as minutes only; 20 minutes to 4 hours each. So the bench's statistics and workbook read a month of it.
 */
import type Database from 'better-sqlite3';
import { Rng } from './prng';
import { DAY, MINUTE, localDate, type TicketFacts } from './generate-facts';

export class LabourWriter {
  private readonly insert: Database.Statement;
  /** Its own sequence: the other generators' data stays what it was before labour was added. */
  private readonly rng = new Rng(22);
  visits = 0;

  constructor(db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO ticket_labour (ticket_id, engineer_id, worked_on, started_at, finished_at, minutes, note, created_at, updated_at, created_by, updated_by, version)
      VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, 1)`);
  }

  write(t: TicketFacts): void {
    const rng = this.rng;
    if (t.resolvedAt === null || t.engineer === null) return;
    const count = t.mode === 'onsite' ? 1 + rng.weighted([[0, 6], [1, 3], [2, 1]] as const) : 1;
    for (let i = count - 1; i >= 0; i--) {
      const finished = t.resolvedAt - i * DAY;
      const minutes = t.mode === 'remote' ? 10 + rng.int(40) : 20 + rng.int(221);
      const started = finished - minutes * MINUTE;
      if (started < t.reportedAt) continue;
      const times = rng.next() < 0.75;
      // Times as the labour log keeps them: milliseconds (db/instants.ts).
      this.insert.run(t.id, t.engineer, localDate(started), times ? started : null, times ? finished : null, minutes, finished, finished, t.engineer, t.engineer);
      this.visits++;
    }
  }
}
