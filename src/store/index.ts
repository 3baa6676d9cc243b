export type {
  DateRange,
  NewDiaryEntry,
  NewPlan,
  Store,
  StoredDiaryEntry,
  StoredPlan,
  StoredProfile,
} from './store.js';
export { isEntryId, LOCAL_OWNER, MAX_ENTRY_ID } from './schema.js';
export { createSqliteStore, DEFAULT_SQLITE_FILE, openSqliteDatabase } from './sqlite.js';
export { createPostgresStore, type PostgresStoreOptions } from './postgres.js';
export { openStore, resolveStoreLocation, type StoreLocation } from './open-store.js';
