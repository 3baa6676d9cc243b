import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createKyselyStore, type KyselyStoreOptions } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

/** The SQLite file used when neither `--db` nor `CALCWISE_DB` names one (relative to the cwd). */
export const DEFAULT_SQLITE_FILE = 'calcwise.db';

/**
 * Opens (creating if needed) a SQLite database file, or `:memory:`, and migrates it.
 * WAL lets readers run beside the one writer; foreign keys are enforced.
 */
export async function createSqliteStore(
  file: string,
  options: Omit<KyselyStoreOptions, 'onClose'> = {},
): Promise<Store> {
  const sqlite = new SqliteDatabase(file);
  try {
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // WAL's recommended durability level: safe against application crashes, fast commits.
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db, 'sqlite');
    return createKyselyStore(db, 'sqlite', options);
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
