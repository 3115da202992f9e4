/** Columns every user-edited table carries: who created and last changed it, when, and its version. */
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
