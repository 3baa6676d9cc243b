import { createPostgresStore } from './postgres.js';
import { createSqliteStore, DEFAULT_SQLITE_FILE } from './sqlite.js';
import type { Store } from './store.js';

export interface StoreLocation {
  kind: 'sqlite' | 'postgres';
  /** The SQLite file, or the PostgreSQL URL with any password hidden. */
  description: string;
}

/**
 * Chooses the store the way `calcwise serve` documents it: PostgreSQL when DATABASE_URL is set
 * (and no --db file is given), else SQLite at --db, CALCWISE_DB or ./calcwise.db.
 */
export function resolveStoreLocation(
  dbFile: string | undefined,
  env: Record<string, string | undefined>,
): { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string } {
  if (dbFile) return { kind: 'sqlite', file: dbFile };
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'sqlite', file: env.CALCWISE_DB || DEFAULT_SQLITE_FILE };
}

export async function openStore(
  dbFile: string | undefined,
  env: Record<string, string | undefined>,
): Promise<{ store: Store; location: StoreLocation }> {
  const where = resolveStoreLocation(dbFile, env);
  if (where.kind === 'postgres') {
    return {
      store: await createPostgresStore(where.url),
      location: { kind: 'postgres', description: hidePassword(where.url) },
    };
  }
  return {
    store: await createSqliteStore(where.file),
    location: { kind: 'sqlite', description: where.file },
  };
}

function hidePassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparsable DATABASE_URL)';
  }
}
