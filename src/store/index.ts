export type {
  DateRange,
  NewDiaryEntry,
  NewPlan,
  Store,
  StoredDiaryEntry,
  StoredPlan,
  StoredProfile,
} from './store.js';
export { LOCAL_OWNER } from './schema.js';
export { createSqliteStore, DEFAULT_SQLITE_FILE } from './sqlite.js';
export { createPostgresStore, type PostgresStoreOptions } from './postgres.js';
export { openStore, resolveStoreLocation, type StoreLocation } from './open-store.js';
