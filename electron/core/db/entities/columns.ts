/** Column helpers of the model: the columns every user-edited table carries (who created and last changed it, when, its version) and the small builders every entity file uses. */
import type { EntitySchemaColumnOptions } from 'typeorm';

export const idColumn: EntitySchemaColumnOptions = { type: 'integer', primary: true, generated: 'increment' };

export const trackedColumns: Record<string, EntitySchemaColumnOptions> = {
  createdAt: { name: 'created_at', type: 'varchar', length: 24 },
  updatedAt: { name: 'updated_at', type: 'varchar', length: 24 },
  createdBy: { name: 'created_by', type: 'integer', nullable: true },
  updatedBy: { name: 'updated_by', type: 'integer', nullable: true },
  version: { type: 'integer', default: 1 },
};

export interface Tracked {
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
  updatedBy: number | null;
  version: number;
}

/** A varchar column of a given length. */
export const v = (length: number, extra: object = {}) => ({ type: 'varchar' as const, length, ...extra });

/** An integer column stored under a snake_case name. */
export const int = (name: string, extra: object = {}) => ({ name, type: 'integer' as const, ...extra });

/** A time kept as milliseconds since 1970 UTC and read as ISO-8601 (db/instants.ts). */
export const instant = int;

/** The created and updated stamps of a table whose times are kept as milliseconds (migration 1765080000000-ticket-instants). */
export const instantStamps: Record<string, EntitySchemaColumnOptions> = {
  createdAt: instant('created_at'),
  updatedAt: instant('updated_at'),
};

/** A foreign key that refuses to delete a referenced row: nothing is deleted without a trace. */
export const fk = (table: string, name: string, nullable = false) => ({
  type: 'many-to-one' as const,
  target: table,
  joinColumn: { name },
  nullable,
  onDelete: 'RESTRICT' as const,
  createForeignKeyConstraints: true,
});
