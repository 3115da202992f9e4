/** Types of the admin's data-safety screens: backups, what a backup holds, and the audit trail. */

export type BackupKind = 'daily' | 'monthly' | 'quit' | 'manual' | 'safety';

export interface BackupInfo {
  kind: BackupKind;
  file: string;
  /** The database it restores to. */
  sizeBytes: number;
  /** What it alone takes on disk (backups share the parts that did not change): removing it frees this. */
  storedBytes: number;
  createdAt: string;
  /** The attachments folder beside the file, when the backup has one. */
  attachmentsDir: string | null;
}

/** The backups kept, with what they take on disk together and the live database's size beside it. */
export interface BackupList {
  backups: BackupInfo[];
  totalBytes: number;
  databaseBytes: number;
  /** Where the backups' shared parts live (copy it with the backup files to take them elsewhere). */
  storeDir: string;
}

/**
 * The check of the whole database that runs in the background after each start: `damaged` puts a banner
 * in front of the admin; `failed` means the check could not run (it runs again at the next start).
 */
export interface DatabaseHealth {
  state: 'unchecked' | 'checking' | 'ok' | 'damaged' | 'failed';
  /** The first problems SQLite reported, or why the check could not run. */
  detail: string;
  checkedAt: string | null;
}

/** How a backup's schema compares with this version of the app. */
export type SchemaFit = 'same' | 'older' | 'newer' | 'unknown';

/** What a backup contains, read before the admin confirms a restore. */
export interface BackupPreview {
  file: string;
  sizeBytes: number;
  takenAt: string;
  /** `ok`, or the first problems `PRAGMA integrity_check` (or opening the file) reported. */
  integrity: string;
  /** The newest migration's timestamp in the backup, and in this app. */
  schemaVersion: number | null;
  appSchemaVersion: number;
  schema: SchemaFit;
  tickets: number;
  customers: number;
  returnedDevices: number;
  newestTicketAt: string | null;
  attachments: number;
  /** Sound and not from a newer version: a restore would be accepted. */
  restorable: boolean;
}

export interface RestoreResult {
  restored: BackupPreview;
  /** The copy of the database as it was just before the restore (attachments beside it). */
  safetyCopy: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  entity: string;
  entityId: number;
  action: string;
  /** Changed fields: { field: [before, after] }. */
  changes: Record<string, [unknown, unknown]>;
  /** Names of the records its reference fields point at, by referenceName ("user:4" → "张工"). */
  names: Record<string, string>;
  /** Which desk or phone made the change over the LAN (paired name and address); null on the host PC. */
  client: string | null;
}
