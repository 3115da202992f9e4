/**
 * The demo desk's machinery: the demo's people sign in to a dispatcher of their own whose clock is moved to
 * each step's moment, so every step goes through the app's real rules (validation, roles, lifecycle, fees,
 * the register). Steps are gathered first, then played in time order, so numbers and timelines follow the
 * clock. Any refused step throws: the caller's transaction then rolls the whole demo back.
 */
import type { InputOf, MethodName, OutputOf } from '../../../../shared/api/contract';
import type { Locale, SessionUser } from '../../../../shared/domain/user';
import { Sessions } from '../../auth/sessions';
import type { Client, CoreDeps } from '../../context';
import { createDispatch, type Dispatch } from '../../dispatch';
import { AppError } from '../../errors';
import type { DemoTime } from './time';

/** Who does a step: the demo's clerk, its two engineers, its supervisor, and the admin. */
export type Actor = 'clerk' | 'zhang' | 'li' | 'super' | 'admin';

interface Step {
  at: number;
  seq: number;
  run: () => Promise<unknown>;
}

/** A customer as the clerk picks it at intake. */
export interface DemoCustomer {
  id: number;
  contact: string;
  phone: string;
}

export class DemoRun {
  readonly deps: CoreDeps;
  readonly users = new Map<Actor, number>();
  /** What the setup registered, by the demo's own keys (customer keys, model codes, part numbers, article keys). */
  readonly customers = new Map<string, DemoCustomer>();
  readonly models = new Map<string, number>();
  readonly parts = new Map<string, { id: number; name: string }>();
  readonly articles = new Map<string, number>();
  private clock: number;
  private readonly agenda: Step[] = [];
  private readonly clients = new Map<Actor, Client>();
  private readonly sessions: Sessions;
  private readonly dispatch: Dispatch;
  private lastError: unknown = null;

  constructor(
    deps: CoreDeps,
    readonly time: DemoTime,
    private readonly locale: Locale,
  ) {
    this.clock = time.now;
    // Sessions of their own (idle time read from the real clock): the demo's sign-ins never reach the real desk.
    this.sessions = new Sessions(deps.now);
    // Change notifications wait for the commit: open windows refresh once, when the whole desk is there.
    this.deps = { ...deps, now: () => new Date(this.clock), sessions: this.sessions, notify: () => undefined };
    this.dispatch = createDispatch(this.deps, (_method, error) => (this.lastError = error));
  }

  /** Sets the clock for the setup done before the stories (people, catalogue, standards). */
  setClock(at: number): void {
    this.clock = at;
  }

  /** The demo clock's local date. */
  get clockDate(): string {
    return this.time.dateOf(this.clock);
  }

  /** The demo clock's instant, in ms. */
  get clockAt(): number {
    return this.clock;
  }

  async signIn(who: Actor, user: SessionUser): Promise<void> {
    this.users.set(who, user.id);
    this.clients.set(who, { sessionId: await this.sessions.start(user), locale: this.locale });
  }

  /** First run through the API (auth.setup): the demo's own admin, signed in as `admin`. */
  async setUpAdmin(input: InputOf<'auth.setup'>): Promise<void> {
    const client: Client = { sessionId: null, locale: this.locale };
    this.clients.set('admin', client);
    // auth.setup signs the client it is called with in: the session lands in this client.
    const user = await this.callAs(client, 'auth.setup', input);
    this.users.set('admin', user.id);
  }

  userId(who: Actor): number {
    const id = this.users.get(who);
    if (id === undefined) throw new Error(`demo: ${who} is not signed in`);
    return id;
  }

  customer(key: string): DemoCustomer {
    return known(this.customers, key);
  }

  model(code: string): number {
    return known(this.models, code);
  }

  part(partNo: string): { id: number; name: string } {
    return known(this.parts, partNo);
  }

  article(key: string): number {
    return known(this.articles, key);
  }

  /** One API call as `who`, through the real dispatcher; a refusal stops the demo with the app's own words. */
  async call<M extends MethodName>(who: Actor, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const client = this.clients.get(who);
    if (!client) throw new Error(`demo: ${who} is not signed in`);
    return this.callAs(client, method, input);
  }

  private async callAs<M extends MethodName>(client: Client, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    this.lastError = null;
    const result = await this.dispatch(method, input, client);
    if (result.ok) return result.value as OutputOf<M>;
    if (result.error.code === 'INTERNAL' && this.lastError) throw this.lastError;
    throw new AppError(result.error.code, { key: 'demoStep', params: { method, message: result.error.message } });
  }

  /** A record's current version, for the next optimistic change. */
  async version(table: 'tickets' | 'returned_devices' | 'quotes' | 'bills' | 'knowledge_articles', id: number): Promise<number> {
    const row = await this.deps.db.get<{ version: number }>(`SELECT version FROM ${table} WHERE id = ?`, [id]);
    if (!row) throw new Error(`demo: ${table} ${id} is missing`);
    return row.version;
  }

  /** Plans a step; nothing on the demo desk may happen after now. */
  at(at: number, run: () => Promise<unknown>): void {
    if (!(at < this.time.now)) throw new Error(`demo: a step at ${new Date(at).toISOString()} is not before now`);
    this.agenda.push({ at, seq: this.agenda.length, run });
  }

  /** Plays the planned steps in time order (steps at the same moment in the order they were planned). */
  async play(): Promise<void> {
    const steps = this.agenda.splice(0).sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const step of steps) {
      this.clock = step.at;
      await step.run();
    }
    this.clock = this.time.now;
  }
}

function known<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo: nothing registered as ${key}`);
  return value;
}
