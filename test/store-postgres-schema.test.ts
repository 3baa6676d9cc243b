/**
 * PostgreSQL migrations find their own bookkeeping tables, not another schema's: a database that
 * holds another Kysely application (its kysely_migration tables in another schema) must not make
 * calcwise skip creating its own when its schema comes from the connection's search_path.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../src/store/index.js';
import { pgProblem, pgUrl } from './support/test-stores.js';

const problem = await pgProblem();
if (problem && !process.env.CI)
  console.warn(`PostgreSQL at ${pgUrl} unreachable (${problem}); this test runs only in CI.`);

const suffix = randomBytes(6).toString('hex');
const other = `calcwise_other_app_${suffix}`;
const ours = `calcwise_search_path_${suffix}`;

if (!problem || process.env.CI)
  describe('PostgreSQL migrations beside another application', () => {
    afterAll(async () => {
      if (problem) return;
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      for (const schema of [other, ours])
        await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    });

    it('migrates a fresh search_path schema although another schema has kysely_migration tables', async () => {
      expect(problem, `PostgreSQL at ${pgUrl} must be reachable in CI`).toBeUndefined();
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`create schema ${other}`);
      await client.query(
        `create table ${other}.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)`,
      );
      await client.query(
        `create table ${other}.kysely_migration_lock (id varchar(255) primary key, is_locked integer not null default 0)`,
      );
      await client.query(`create schema ${ours}`);
      await client.end();

      const url = new URL(pgUrl);
      url.searchParams.set('options', `-c search_path=${ours}`);
      const store = await createPostgresStore(url.toString());
      try {
        await store.putProfile('local', { age: 60, sex: 'female' });
        expect((await store.getProfile('local'))?.profile).toEqual({ age: 60, sex: 'female' });
      } finally {
        await store.close();
      }
      const check = new pg.Client({ connectionString: pgUrl });
      await check.connect();
      const tables = await check.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = $1 order by 1`,
        [ours],
      );
      await check.end();
      const names = tables.rows.map((r) => r.table_name);
      expect(names).toContain('kysely_migration');
      expect(names).toContain('kysely_migration_lock');
      expect(names).toContain('supplement_days');
    });
  });
