/**
 * The manufacturer's loop on the demo desk (issue 19): a pool of loaners (备用机), lent to depot repairs' customers
 * (one already back, one still out), and the old parts and units going back to their suppliers on 返厂单 in every
 * state — credited, repaired and sent back (the capacitors back into stock), sent and waiting, still collecting —
 * with some defective stock left over. Loans are steps of their tickets' stories (workshop.ts); the 返厂单 are
 * planned on the desk's own dates and take what defective stock holds then.
 */
import { addDays } from '../../../../shared/domain/maintenance';
import type { LoanerCondition } from '../../../../shared/domain/factory';
import type { Actor, DemoRun } from './runner';
import type { Step } from './ticket';
import { DAY, HOUR } from './time';

const LOANERS = [
  { serial: 'LN-P50-01', model: 'P50', note: '备用机 1 号' },
  { serial: 'LN-P50-02', model: 'P50', note: '备用机 2 号' },
  { serial: 'LN-T20-01', model: 'T20', note: '平板备用机' },
];

/** The pool, bought when the desk opened. */
export async function addLoaners(run: DemoRun): Promise<void> {
  for (const l of LOANERS) await run.call('super', 'loaners.create', { serial: l.serial, modelId: run.model(l.model), condition: 'good', note: l.note });
}

/** Lends the loaner `serial` to the ticket's customer against a deposit, due back `dueInDays` later. */
export const lend =
  (who: Actor, serial: string, depositFen: number, dueInDays: number): Step =>
  async (t) => {
    const [unit] = await t.run.deps.db.query<{ id: number }>('SELECT id FROM loaners WHERE serial = ?', [serial]);
    return t.run.call(who, 'loaners.lend', { loanerId: unit!.id, ticketId: t.id, depositFen, dueOn: addDays(t.run.clockDate, dueInDays) });
  };

/** The loaner comes back in `condition`; the deposit is refunded in full. */
export const giveBack =
  (who: Actor, serial: string, condition: LoanerCondition = 'good'): Step =>
  async (t) => {
    const [loan] = await t.run.deps.db.query<{ id: number; deposit_fen: number }>(
      'SELECT l.id, l.deposit_fen FROM loans l JOIN loaners o ON o.id = l.loaner_id WHERE o.serial = ? AND l.returned_at IS NULL',
      [serial],
    );
    return t.run.call(who, 'loaners.giveBack', { loanId: loan!.id, condition, refundFen: loan!.deposit_fen, keptReason: '' });
  };

type Line = { defectiveId: number; quantity: number };

/** What defective stock holds now of one catalogue part (old parts recovered by the service records). */
async function recovered(run: DemoRun, partNo: string): Promise<Line[]> {
  const rows = await run.deps.db.query<{ id: number; on_hand: number }>('SELECT id, on_hand FROM defective_items WHERE part_id = ? AND on_hand > 0 ORDER BY id', [run.part(partNo).id]);
  return rows.map((r) => ({ defectiveId: r.id, quantity: r.on_hand }));
}

/** A unit or part booked into defective stock by hand, from a closed ticket of that model when there is one. */
async function booked(run: DemoRun, model: string, name: string, serial: string, kind: 'part' | 'unit'): Promise<Line> {
  const [t] = await run.deps.db.query<{ id: number }>("SELECT id FROM tickets WHERE model_id = ? AND status = 'closed' ORDER BY id DESC LIMIT 1", [run.model(model)]);
  const item = await run.call('clerk', 'defective.receive', { kind, ticketId: t?.id ?? null, name, serial, quantity: 1, faultCode: '' });
  return { defectiveId: item.id, quantity: 1 };
}

/** Opens a 返厂单 `daysAgo` and moves it on, each move a while after the one before. */
function factoryReturn(run: DemoRun, daysAgo: number, supplier: string, lines: () => Promise<Line[]>, moves: ('send' | 'receive' | 'credit' | 'repairBack')[], creditFen = 0): void {
  let id = 0;
  let at = run.time.day(daysAgo, '15:00');
  run.at(at, async () => {
    id = (await run.call('clerk', 'factoryReturns.create', { supplier, lines: await lines(), note: '' })).id;
  });
  for (const move of moves) {
    at += move === 'send' ? HOUR : 3 * DAY;
    run.at(at, async () => {
      const order = await run.call('clerk', 'factoryReturns.get', { id });
      const credits = order.lines.map((l) => ({ lineId: l.id, creditFen: creditFen * l.quantity }));
      await run.call('clerk', 'factoryReturns.move', move === 'credit' ? { id, version: order.version, move, credits } : { id, version: order.version, move });
    });
  }
}

export function addFactoryReturns(run: DemoRun): void {
  const capacitors = async () => {
    const lines = await recovered(run, 'CAP-35UF');
    return lines.length > 0 ? lines : [await booked(run, 'KFR-35', '启动电容 CBB65 35μF', '', 'part')];
  };
  // The capacitor maker credits the old capacitors, then repairs the next batch and sends it back into stock.
  factoryReturn(run, 60, '佛山市顺德电容器厂', capacitors, ['send', 'receive', 'credit'], 3_000);
  factoryReturn(run, 30, '佛山市顺德电容器厂', capacitors, ['send', 'receive', 'repairBack']);
  // Two phones taken back, sent to the factory and not answered yet; a watch board waiting for the next parcel.
  factoryReturn(run, 9, '东莞整机厂', async () => [await booked(run, 'P50', 'P50 整机', 'P50-2402-5521', 'unit'), await booked(run, 'P50', 'P50 主板', 'P50-2403-0917', 'part')], ['send', 'receive']);
  factoryReturn(run, 2, '深圳华显科技', async () => [await booked(run, 'P50', 'P50 屏幕总成', 'LCD-RET-0031', 'part')], []);
  // Left in defective stock, for the next 返厂单.
  run.at(run.time.day(1, '11:00'), () => booked(run, 'T20', 'T20 电池', 'BAT-RET-0007', 'part'));
}
