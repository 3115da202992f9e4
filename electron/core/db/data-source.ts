/** The TypeORM data source over one SQLite file: pragmas, the explicit model and migration lists. */
import { DataSource } from 'typeorm';
import type Database from 'better-sqlite3';
import { entities } from './entities';
import { migrations } from './migrations';

export function createDataSource(file: string): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: file,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    enableWAL: true,
    timeout: 5000,
    statementCacheSize: 200,
    prepareDatabase: (db: Database.Database) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    },
  });
}

/** The better-sqlite3 handle under TypeORM, for the online backup API and integrity checks. */
export function nativeHandle(ds: DataSource): Database.Database {
  return (ds.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
}
