/**
 * The stores an API test runs against: SQLite in memory, and PostgreSQL at CALCWISE_TEST_PG
 * (default postgres://postgres@127.0.0.1:5432/test), each PostgreSQL store in a fresh schema that
 * `dropTestSchemas` removes. As in test/store.test.ts, an unreachable PostgreSQL fails in CI and
 * elsewhere is said on stderr, never skipped in silence.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore, createSqliteStore, type Store } from '../../src/store/index.js';

export const pgUrl = process.env.CALCWISE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL at pgUrl cannot be used, or undefined when it can. */
export async function pgProblem(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const schemas: string[] = [];

export type OpenStore = () => Promise<Store>;

/** `[name, open]` for SQLite and, when reachable (always in CI), PostgreSQL. */
export async function testStores(prefix: string): Promise<[string, OpenStore][]> {
  const stores: [string, OpenStore][] = [['SQLite', () => createSqliteStore(':memory:')]];
  const problem = await pgProblem();
  if (problem && !process.env.CI) {
    console.warn(`PostgreSQL at ${pgUrl} unreachable (${problem}); its half runs only in CI.`);
    return stores;
  }
  stores.push([
    'PostgreSQL',
    () => {
      const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      return createPostgresStore(pgUrl, { schema, maxConnections: 4 });
    },
  ]);
  return stores;
}

/** Drops the PostgreSQL schemas the stores were opened in (call in afterAll). */
export async function dropTestSchemas(): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  for (const schema of schemas.splice(0)) {
    await client.query(`drop schema if exists ${schema} cascade`);
  }
  await client.end();
}
