/**
 * The returned-device register on demo tickets: check-in with condition and accessories, the register's moves,
 * telling the customer a new date, and the hand-back against a signature. Step factories for DemoTicket.then.
 */
import type { ReturnMove } from '../../../../shared/domain/returns';
import { SIGNATURE, type Step } from './ticket';
import type { Actor } from './runner';

export interface CheckIn {
  condition: { item: string; checked: boolean }[];
  conditionNotes?: string;
  accessories: { name: string; quantity: number }[];
  /** The date promised at check-in; absent: the register's default repair days. */
  expectedDate?: string;
}

export const checkIn =
  (who: Actor, c: CheckIn): Step =>
  async (t) => {
    const input = {
      ticketId: t.id, modelId: t.run.model(t.intake.model), serial: t.intake.serial, condition: c.condition, conditionNotes: c.conditionNotes ?? '',
      accessories: c.accessories, faultStated: t.intake.fault, expectedDate: c.expectedDate ?? null,
    };
    t.returnId = (await t.run.call(who, 'returns.checkIn', input)).id;
  };

export const returnMove =
  (who: Actor, move: ReturnMove, reason = ''): Step =>
  async (t) =>
    t.run.call(who, 'returns.move', { id: t.returnId, version: await t.run.version('returned_devices', t.returnId), move, reason });

export const inform =
  (who: Actor, expectedDate: string, note: string): Step =>
  async (t) =>
    t.run.call(who, 'returns.inform', { id: t.returnId, version: await t.run.version('returned_devices', t.returnId), expectedDate, channel: 'phone', note });

/** The customer collects the device with everything handed over, and signs the pickup receipt. */
export const handBack =
  (who: Actor, pickedUpBy: string): Step =>
  async (t) => {
    const [rec] = await t.run.deps.db.query<{ accessories: string }>('SELECT accessories FROM returned_devices WHERE id = ?', [t.returnId]);
    return t.run.call(who, 'returns.handBack', {
      id: t.returnId, version: await t.run.version('returned_devices', t.returnId), pickedUpBy, accessoriesBack: JSON.parse(rec!.accessories) as { name: string; quantity: number }[], signature: SIGNATURE,
    });
  };
