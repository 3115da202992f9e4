/**
 * The one handle services use. Reads run directly; writes run one at a time in a transaction, because
 * TypeORM's better-sqlite3 driver shares one connection and concurrent transactions would nest.
 * SQL uses `?` placeholders: the single place to translate them for another dialect is here.
 */
import type { DataSource, EntityManager } from 'typeorm';

export type Row = Record<string, unknown>;

export interface Tx {
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs an INSERT and returns the new row's id. */
  insert(table: string, values: Record<string, unknown>): Promise<number>;
  /** Runs an UPDATE/DELETE and returns how many rows it changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
}

function toDb(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function txOf(manager: EntityManager): Tx {
  return {
    query: (sql, params = []) => manager.query(sql, params.map(toDb)),
    async insert(table, values) {
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

export class Db {
  private tail: Promise<unknown> = Promise.resolve();
  private current: DataSource;
  /** Set while `exclusive` runs: new reads and writes wait for it. */
  private gate: Promise<unknown> | null = null;
  private readers = 0;
  private idle: (() => void) | null = null;

  constructor(ds: DataSource) {
    this.current = ds;
  }

  /** The data source in use (a restore replaces it). */
  get ds(): DataSource {
    return this.current;
  }

  private async waitGate(): Promise<void> {
    while (this.gate) await this.gate.catch(() => undefined);
  }

  /** A read outside any transaction; waits while a restore swaps the file. */
  async read<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
    await this.waitGate();
    this.readers += 1;
    try {
      return await work(this.current);
    } finally {
      this.readers -= 1;
      if (this.readers === 0) this.idle?.();
    }
  }

  query<T = Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.read((ds) => ds.query(sql, params.map(toDb)));
  }

  async get<T = Row>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const rows = await this.query<T>(sql, params);
    return rows[0];
  }

  /** Serialised transaction: all or nothing, never interleaved with another write of this process. */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      await this.waitGate();
      return this.current.transaction((manager) => work(txOf(manager)));
    });
    this.tail = run.catch(() => undefined);
    return run;
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
        this.current = ds;
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
