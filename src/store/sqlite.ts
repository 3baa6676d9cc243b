import { statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createKyselyStore, type KyselyStoreOptions } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

/** The SQLite file used when neither `--db` nor `CALCWISE_DB` names one (relative to the cwd). */
export const DEFAULT_SQLITE_FILE = 'calcwise.db';

/**
 * Opens (creating if needed) a SQLite database file, or `:memory:`, with the connection settings
 * every calcwise store uses. WAL lets readers run beside the one writer; foreign keys are enforced.
 */
export function openSqliteDatabase(file: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file);
  try {
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL, not WAL's usual NORMAL: under NORMAL a commit is not fsynced, so a power cut can lose
    // diary entries the API already acknowledged with 201 (and the Idempotency-Key that would let
    // a retry find them). Diary writes are a few a minute; the extra fsync per commit is cheap.
    sqlite.pragma('synchronous = FULL');
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Opens the database (see openSqliteDatabase) and migrates it. */
export async function createSqliteStore(
  file: string,
  options: Omit<KyselyStoreOptions, 'onClose'> = {},
): Promise<Store> {
  const sqlite = openSqliteDatabase(file);
  try {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db, 'sqlite');
    return createKyselyStore(db, 'sqlite', {
      ...options,
      backup: async (destination) => {
        await sqlite.backup(destination);
        return statSync(destination).size;
      },
    });
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
