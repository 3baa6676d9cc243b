import { isAbsolute, resolve } from 'node:path';
import { openStore, type StoreLocation } from '../app/compose.js';
import type { Store } from '../app/deps.js';
import type { CliIo } from './io.js';

/**
 * The store a CLI command works on: the same one `calcwise serve` uses by default. --db FILE
 * (SQLite), else DATABASE_URL (PostgreSQL), else CALCWISE_DB or ./calcwise.db, relative to the
 * working directory.
 */
export async function openCliStore(
  io: CliIo,
  db: string | undefined,
): Promise<{ store: Store; location: StoreLocation }> {
  const inCwd = (file: string) =>
    file === ':memory:' || isAbsolute(file) ? file : resolve(io.cwd, file);
  const file = db ?? (io.env.DATABASE_URL ? undefined : io.env.CALCWISE_DB || 'calcwise.db');
  return openStore(file === undefined ? undefined : inCwd(file), io.env);
}

/** Runs `work` with the store open and closes it afterwards, whatever happens. */
export async function withCliStore<T>(
  io: CliIo,
  db: string | undefined,
  work: (store: Store, location: StoreLocation) => Promise<T>,
): Promise<T> {
  const { store, location } = await openCliStore(io, db);
  try {
    return await work(store, location);
  } finally {
    await store.close();
  }
}
