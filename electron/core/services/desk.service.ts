/**
 * The first-start choice (issue 18) as a running core answers it: a desk whose core is open keeps its data on this
 * PC (本机), and the choice is made (nor is there a pairing to undo). Before a core exists the desktop app's pre-core dispatcher answers these
 * methods (electron/main/desk-gate.ts).
 */
import os from 'node:os';
import type { DeskChoiceState } from '../../../shared/domain/desk-choice';
import { translate } from '../../../shared/i18n/translate';
import type { CallContext } from '../context';
import { AppError } from '../errors';

export async function choice(): Promise<DeskChoiceState> {
  return { mode: 'local', computerName: os.hostname(), ready: true };
}

/** Once chosen, never again: said in words. */
export async function alreadyChosen(ctx: CallContext): Promise<never> {
  throw new AppError('FORBIDDEN', { key: 'desk.alreadyChosen', params: { mode: translate(ctx.client.locale, 'error.desk.mode.local') } });
}

/** A core keeps the data here: no pairing was made in this start. */
export async function nothingToUndo(): Promise<never> {
  throw new AppError('FORBIDDEN', { key: 'desk.nothingToUndo' });
}
