import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createKyselyStore, type KyselyStoreOptions } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

export interface PostgresStoreOptions extends Omit<KyselyStoreOptions, 'onClose'> {
  /**
   * Schema holding calcwise's tables (created if absent); default: the connection's search_path
   * (normally `public`). Tests use a fresh random schema per run.
   */
  schema?: string;
  /** Pool size; default 10. */
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Connects to PostgreSQL (`DATABASE_URL`), migrates, and returns the store. */
export async function createPostgresStore(
  connectionString: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const { schema, maxConnections = 10, ...storeOptions } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name "${schema}"`);
  }
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    // Every connection of the pool sees the same schema first.
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema !== undefined) {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    }
    // Kysely's migrator looks for its bookkeeping tables in every schema of the database unless
    // it is told which: another application's (or another calcwise's) tables elsewhere would
    // pass for ours. Name the schema the search_path resolves to.
    const own =
      schema ??
      (await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]
        ?.schema ??
      undefined;
    await migrateWithRetry(db, own);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, 'postgres', storeOptions);
}

/** invalid_schema_name: a schema that was there a moment ago is gone. */
const SCHEMA_GONE = '3F000';

/**
 * The migrator lists the tables of every schema it may read (has_schema_privilege per schema);
 * a schema another session drops during that listing fails it with 3F000, though ours is intact.
 * Migrations run in one transaction under a lock, so running them again is safe.
 */
async function migrateWithRetry(db: Kysely<Database>, schema: string | undefined): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await migrateToLatest(db, 'postgres', schema);
      return;
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      if (code !== SCHEMA_GONE || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}
