/**
 * The pre-core dispatcher (issue 18): answers the contract while the desktop app's first start asks 本机 /
 * 连接到主机, before any core exists; at later starts it only says what the desk is (a relayed desk is `host`). It answers `desk.*` itself (the state, and the two choices); every other
 * method is refused in words until a choice opened what answers it, then goes there: the local core after 本机,
 * the host relay after 连接到主机 (or, where no relay is wanted, browser mode, still refused: the desk is paired).
 * Results are values and errors in the caller's language, as the core's dispatcher answers (dispatch.ts).
 * Plain Node (no `electron` import): the IPC transport and browser mode's HTTP server both sit on it.
 * A pairing made in this same start can be undone (`desk.undoPairing`, when the fingerprint shown does not match the
 * host's): connection.json goes, the relay is dropped and the desk asks again.
 */
import { EventEmitter } from 'node:events';
import { contract, isMethodName } from '../../shared/api/contract';
import type { ApiError, ErrorCode, Result } from '../../shared/api/result';
import { validate } from '../../shared/api/validation';
import type { DeskChoiceState, DeskMode } from '../../shared/domain/desk-choice';
import type { Locale } from '../../shared/domain/user';
import { translate } from '../../shared/i18n/translate';
import type { Client } from '../core/context';
import type { Dispatch } from '../core/dispatch';
import { chooseHost, forgetDeskChoice, saveDeskChoice } from './desk-choice';
import type { HostConnection } from './host-connection';

/** What answers once the choice is made: the local core or the host relay. */
export interface Answerer {
  dispatch: Dispatch;
  events: EventEmitter<{ change: [string] }>;
  sessionAlive?(sessionId: string | null): boolean;
}

export interface DeskGateOptions {
  dataDir: string;
  /** This computer's name (`os.hostname()`), the desk's name by default. */
  computerName: string;
  /** 本机: opens the core on the data folder. */
  openLocal(): Promise<Answerer>;
  /** 连接到主机: what answers from the host (desk mode's relay); absent, the paired desk answers nothing here. */
  openHost?(connection: HostConnection): Answerer;
  /** The pairing is undone: drops what openHost opened (closes the relay). */
  dropHost?(): Promise<void>;
  log(message: string, error?: unknown): void;
  /** A later start: the kept choice and what answers for it (the gate then only says what this desk is). */
  chosen?: { mode: 'local' | 'host'; answerer: Answerer };
}

export interface DeskGate extends Required<Answerer> {
  /** Once chosen, what answers (null before, and after 连接到主机 without a relay). */
  readonly answerer: Answerer | null;
}

const fail = (locale: Locale, code: ErrorCode, key: string, params: Record<string, string> = {}): { ok: false; error: ApiError } => ({ ok: false, error: { code, message: translate(locale, key, params) } });

export function createDeskGate({ dataDir, computerName, openLocal, openHost, dropHost, log, chosen }: DeskGateOptions): DeskGate {
  const events = new EventEmitter<{ change: [string] }>();
  let mode: DeskMode = 'ask';
  let answerer: Answerer | null = null;
  let choosing = false;
  /** 连接到主机 succeeded in this start (not a pairing kept from an earlier one): it may still be undone. */
  let pairedHere = false;

  const state = (): DeskChoiceState => ({ mode, computerName, ready: answerer !== null });
  const passOn = (kind: string) => events.emit('change', kind);
  const answerWith = (next: Answerer) => {
    answerer = next;
    next.events.on('change', passOn);
  };
  if (chosen) {
    mode = chosen.mode;
    answerWith(chosen.answerer);
  }

  /** Runs one choice at a time, and only the first. */
  const choose = async (locale: Locale, make: () => Promise<Result<DeskChoiceState & { fingerprint?: string }>>): Promise<Result<unknown>> => {
    if (mode !== 'ask') return fail(locale, 'FORBIDDEN', 'error.desk.alreadyChosen', { mode: translate(locale, `error.desk.mode.${mode}`) });
    if (choosing) return fail(locale, 'BUSY', 'error.desk.choosing');
    choosing = true;
    try {
      return await make();
    } catch (error) {
      log('the desk choice failed', error);
      return fail(locale, 'INTERNAL', 'error.INTERNAL');
    } finally {
      choosing = false;
    }
  };

  const dispatch: Dispatch = async (method, input, client: Client) => {
    const locale = client.locale;
    if (!isMethodName(method)) return answerer ? answerer.dispatch(method, input, client) : fail(locale, 'UNKNOWN_METHOD', 'error.UNKNOWN_METHOD');
    if (!method.startsWith('desk.')) return answerer ? answerer.dispatch(method, input, client) : fail(locale, 'FORBIDDEN', 'error.desk.notChosen');
    const parsed = validate(contract[method].input, input ?? {});
    if (!parsed.ok) {
      const fields = Object.fromEntries(Object.entries(parsed.problems).map(([path, p]) => [path, translate(locale, p.key, p.params)]));
      return { ok: false, error: { code: 'VALIDATION', message: translate(locale, 'error.VALIDATION'), fields } };
    }
    if (method === 'desk.choice') return { ok: true, value: state() };
    if (method === 'desk.undoPairing') return undoPairing(locale);
    if (method === 'desk.chooseLocal') {
      return choose(locale, async () => {
        saveDeskChoice(dataDir, { mode: 'local' });
        answerWith(await openLocal());
        mode = 'local';
        return { ok: true, value: state() };
      });
    }
    const { address, code, deskName } = parsed.data as { address: string; code: string; deskName: string };
    return choose(locale, async () => {
      const paired = await chooseHost(dataDir, address, code, deskName, locale);
      if (!paired.ok) return paired;
      mode = 'host';
      pairedHere = true;
      if (openHost) answerWith(openHost(paired.connection));
      return { ok: true, value: { ...state(), fingerprint: paired.connection.fingerprint } };
    });
  };

  /** Back to asking: connection.json removed, the relay dropped, nothing answering. */
  async function undoPairing(locale: Locale): Promise<Result<unknown>> {
    if (!pairedHere) return fail(locale, 'FORBIDDEN', 'error.desk.nothingToUndo');
    if (choosing) return fail(locale, 'BUSY', 'error.desk.choosing');
    try {
      forgetDeskChoice(dataDir);
    } catch (error) {
      log('the pairing could not be undone', error);
      return fail(locale, 'INTERNAL', 'error.INTERNAL');
    }
    pairedHere = false;
    mode = 'ask';
    answerer?.events.off('change', passOn);
    answerer = null;
    choosing = true;
    try {
      await dropHost?.();
    } catch (error) {
      log('the host relay did not close', error);
    } finally {
      choosing = false;
    }
    return { ok: true, value: state() };
  }

  return {
    dispatch,
    events,
    sessionAlive: (sessionId) => answerer?.sessionAlive?.(sessionId) ?? false,
    get answerer() {
      return answerer;
    },
  };
}
