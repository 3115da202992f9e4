/**
 * The one handle services use. Reads run directly; writes run one at a time in a transaction, because
 * TypeORM's better-sqlite3 driver shares one connection and concurrent transactions would nest.
 * A write started inside another write (in its async context) joins it as a savepoint, so a caller can
 * run several service calls as one all-or-nothing unit (the demo desk) without waiting on itself.
 * SQL uses `?` placeholders: the single place to translate them for another dialect is here.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import type { Statement } from 'better-sqlite3';
import { nativeHandle } from './data-source';
import { retryWhileBusy, SQLITE_BUSY_WAIT_MS } from './busy';
import { AUDIT_TABLES, callScope, currentClientLabel } from '../call-scope';
import { instantColumnsOf, storedValues, textInstants } from './instants';

export type Row = Record<string, unknown>;

export interface Tx {
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs an INSERT and returns the new row's id. */
  insert(table: string, values: Record<string, unknown>): Promise<number>;
  /** Runs an UPDATE/DELETE and returns how many rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Runs one UPDATE/INSERT/DELETE for each list of parameters (prepared once), and returns the rows changed. */
  runMany(sql: string, rows: unknown[][]): Promise<number>;
}

function toDb(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** `prepare`: the reads' statement cache, which also knows each statement's instant columns (instants.ts). */
function txOf(manager: EntityManager, prepare: (sql: string) => Statement): Tx {
  return {
    async runMany(sql, rows) {
      const statement = nativeHandle(manager.connection).prepare(sql);
      let changed = 0;
      for (const row of rows) changed += statement.run(...row.map(toDb)).changes;
      return changed;
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const rows = (await manager.query(sql, params.map(toDb))) as unknown;
      return Array.isArray(rows) ? textInstants(rows as T[], instantColumnsOf(prepare(sql))) : (rows as T[]);
    },
    async insert(table, given) {
      // A row of the audit trail says which desk made the change (call-scope.ts).
      const label = AUDIT_TABLES.has(table) ? currentClientLabel() : null;
      const values = storedValues(table, label ? { ...given, client: label } : given);
      const cols = Object.keys(values);
      const sql = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) RETURNING id`;
      const rows: { id: number }[] = await manager.query(sql, Object.values(values).map(toDb));
      return rows[0]!.id;
    },
    async run(sql, params = []) {
      const result = await manager.queryRunner!.query(sql, params.map(toDb), true);
      return result.affected ?? 0;
    },
  };
}

/** The transaction a write's async context runs in; `open` turns false once it committed or rolled back. */
interface WriteScope {
  tx: Tx;
  open: boolean;
  savepoints: number;
}

export class Db {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly scope = new AsyncLocalStorage<WriteScope>();
  private current: DataSource;
  /** Set while `exclusive` runs: new reads and writes wait for it. */
  private gate: Promise<unknown> | null = null;
  private readers = 0;
  private idle: (() => void) | null = null;
  private statements = new Map<string, Statement>();
  private statementsOf: DataSource | null = null;

  constructor(ds: DataSource) {
    this.current = quickBusy(ds);
  }

  /** The data source in use (a restore replaces it). */
  get ds(): DataSource {
    return this.current;
  }

  private async waitGate(): Promise<void> {
    while (this.gate) await this.gate.catch(() => undefined);
  }

  /** A read outside any transaction; waits while a restore swaps the file, and (on timers) while another program locks it. */
  async read<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
    await this.waitGate();
    this.readers += 1;
    try {
      return await retryWhileBusy(() => work(this.current));
    } finally {
      this.readers -= 1;
      if (this.readers === 0) this.idle?.();
    }
  }

  /**
   * A read's statement, prepared once per data source and shape (rows as objects or as arrays). Reads go
   * to better-sqlite3 directly: TypeORM's query path costs more than a searched index lookup (the
   * benchmark's ratios against raw SQLite).
   */
  private prepared(ds: DataSource, sql: string, raw: boolean): Statement {
    if (this.statementsOf !== ds) {
      this.statements.clear();
      this.statementsOf = ds;
    }
    const key = `${raw ? 'a' : 'o'}${sql}`;
    let statement = this.statements.get(key);
    if (!statement) {
      if (this.statements.size >= 500) this.statements.delete(this.statements.keys().next().value!);
      statement = nativeHandle(ds).prepare(sql);
      if (statement.reader) statement.raw(raw);
      this.statements.set(key, statement);
    }
    return statement;
  }

  query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.read(async (ds) => {
      const statement = this.prepared(ds, sql, false);
      const values = params.map(toDb);
      if (statement.reader) return textInstants(statement.all(...values) as T[], instantColumnsOf(statement));
      statement.run(...values);
      return [];
    });
  }

  /** Rows as arrays (no object per row), values as stored (times in milliseconds, db/instants.ts): for reports that read a month of tickets (100,000 rows). */
  arrays<T extends unknown[] = unknown[]>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.read(async (ds) => this.prepared(ds, sql, true).all(...params.map(toDb)) as T[]);
  }

  async get<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const rows = await this.query<T>(sql, params);
    return rows[0];
  }

  /**
   * Serialised transaction: all or nothing, never interleaved with another write of this process.
   * Called inside a running write, it joins that transaction as a savepoint instead of queueing behind it
   * (which would wait for itself for ever): its own failure undoes only its part, the outer write decides.
   * Work that outlives its write (a timer it started) finds the scope closed and queues as usual.
   */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const outer = this.scope.getStore();
    if (outer?.open) return this.savepoint(outer, work);
    const run = this.tail.then(async () => {
      await this.waitGate();
      return this.transaction(work);
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * One transaction on the single connection, begun, committed and rolled back here rather than by
   * TypeORM's `transaction()`: when SQLite fails a statement with SQLITE_FULL (a full disk) or an I/O
   * error it may roll the transaction back by itself; TypeORM's ROLLBACK then fails, its runner stays
   * "in a transaction", and the next write only opens a savepoint: the connection never commits again
   * and every later confirmed write is lost when it closes (tests/service/disk-full.test.ts found it).
   * Here the connection's own state decides: after any failure it is left outside a transaction.
   */
  private async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const runner = this.current.createQueryRunner(); // better-sqlite3: the one shared runner
    const handle = nativeHandle(this.current);
    if (handle.inTransaction) throw new Error('the connection is inside a transaction it did not begin');
    // Another program may hold the write lock: wait for it on timers, never inside SQLite (db/busy.ts).
    await retryWhileBusy(() => handle.exec('BEGIN IMMEDIATE'));
    const ds = this.current;
    const scope: WriteScope = { tx: txOf(runner.manager, (sql) => this.prepared(ds, sql, false)), open: true, savepoints: 0 };
    const call = callScope.getStore();
    try {
      // A call's first committed write claims its idempotency key in the same transaction (dispatch.ts).
      if (call && !call.wrote) await call.onFirstWrite?.(scope.tx);
      const result = await this.scope.run(scope, () => work(scope.tx));
      scope.open = false;
      await runner.query('COMMIT');
      if (call) call.wrote = true;
      return result;
    } catch (error) {
      scope.open = false;
      if (handle.inTransaction) {
        try {
          handle.exec('ROLLBACK');
        } catch {
          // Already rolled back between the check and here: nothing left open either way.
        }
      }
      throw error;
    }
  }

  /** A write inside a write: one savepoint of the outer transaction (sequential nesting, as service calls are). */
  private async savepoint<T>(scope: WriteScope, work: (tx: Tx) => Promise<T>): Promise<T> {
    const handle = nativeHandle(this.current);
    const name = `nested_${++scope.savepoints}`;
    handle.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work(scope.tx);
      handle.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      // After SQLITE_FULL or an I/O error SQLite may have rolled the whole transaction back: nothing to undo then.
      if (handle.inTransaction) {
        try {
          handle.exec(`ROLLBACK TO ${name}`);
          handle.exec(`RELEASE ${name}`);
        } catch {
          // The savepoint went with a rollback SQLite made itself; the outer write sees the error and ends.
        }
      }
      throw error;
    }
  }

  /**
   * Holds back writes (reads go on) from when every queued write has finished until `release` is called:
   * the moment a backup checkpoints the WAL and starts its snapshot (backup/snapshot.ts).
   */
  async pauseWrites(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => this.waitGate());
    this.tail = ready.then(() => held);
    await ready;
    return release;
  }

  /**
   * Runs `work` alone: after every queued write, with no read in flight, and holding back every read
   * and write that arrives meanwhile. `work` may close the data source and return another one (a
   * restore swaps the database file); every later call uses what it returns.
   */
  exclusive<T>(work: (ds: DataSource) => Promise<{ ds: DataSource; value: T }>): Promise<T> {
    const run = this.tail.then(async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      this.gate = gate;
      try {
        if (this.readers > 0) await new Promise<void>((resolve) => (this.idle = resolve));
        this.idle = null;
        const { ds, value } = await work(this.current);
        this.current = quickBusy(ds);
        return value;
      } finally {
        this.gate = null;
        release();
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.tail;
    if (this.current.isInitialized) await this.current.destroy();
  }
}

/**
 * Opening and migrating may wait for another program's lock inside SQLite (nothing is served yet); once the
 * desk serves requests, SQLite waits only a moment and the retries wait on timers (db/busy.ts).
 */
function quickBusy(ds: DataSource): DataSource {
  nativeHandle(ds).pragma(`busy_timeout = ${SQLITE_BUSY_WAIT_MS}`);
  return ds;
}
