import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type SqlDialectName = 'sqlite' | 'postgres';

/**
 * Migrations are code, not files read at run time, so the built package carries them. Append a
 * new entry for each change; never edit one that has shipped. Names sort in application order.
 */
export function buildMigrations(dialect: SqlDialectName): Record<string, Migration> {
  return {
    '0001-initial': {
      // Kysely<any> is how migrations are typed: they run against the schema as it was then.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>): Promise<void> {
        await db.schema
          .createTable('owners')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('profiles')
          .addColumn('owner', 'text', (c) =>
            c.primaryKey().references('owners.id').onDelete('cascade'),
          )
          .addColumn('profile', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('diary_entries')
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('owner', 'text', (c) =>
            c.notNull().references('owners.id').onDelete('cascade'),
          )
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('food_id', 'text', (c) => c.notNull())
          .addColumn('amount', 'double precision', (c) => c.notNull())
          .addColumn('unit', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('diary_entries_owner_date')
          .on('diary_entries')
          .columns(['owner', 'date'])
          .execute();

        await db.schema
          .createTable('custom_foods')
          .addColumn('owner', 'text', (c) =>
            c.notNull().references('owners.id').onDelete('cascade'),
          )
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('group', 'text', (c) => c.notNull())
          .addColumn('nutrients', 'text', (c) => c.notNull())
          .addColumn('portions', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('custom_foods_pk', ['owner', 'id'])
          .execute();

        await db.schema
          .createTable('plans')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('owner', 'text', (c) =>
            c.notNull().references('owners.id').onDelete('cascade'),
          )
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('request', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('plans_owner_created')
          .on('plans')
          .columns(['owner', 'created_at'])
          .execute();
      },
    },
    '0002-import-provenance': {
      // Rows written by an import (Cronometer, MyFitnessPal, FDC) carry the import's id, so
      // re-running an import replaces its own rows in one transaction instead of doubling them.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>): Promise<void> {
        await db.schema.alterTable('diary_entries').addColumn('import_id', 'text').execute();
        await db.schema.alterTable('custom_foods').addColumn('import_id', 'text').execute();
        await db.schema
          .createIndex('diary_entries_owner_import')
          .on('diary_entries')
          .columns(['owner', 'import_id'])
          .execute();
      },
    },
    '0003-idempotency-keys': {
      // POST /api/diary/entries with an Idempotency-Key: the key and what the first request
      // stored, written in the same transaction as the entry, so a retry after a lost answer
      // finds the entry instead of adding it again.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>): Promise<void> {
        await db.schema
          .createTable('idempotency_keys')
          .addColumn('owner', 'text', (c) =>
            c.notNull().references('owners.id').onDelete('cascade'),
          )
          .addColumn('operation', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('idempotency_keys_pk', ['owner', 'operation', 'key'])
          .execute();
      },
    },
    '0004-labs': {
      // Lab results (INR, eGFR, electrolytes, 25(OH)D, PTH, CAC, blood pressure) feed the clinical
      // policy; the value is stored converted, and what was entered is kept beside it.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>): Promise<void> {
        await db.schema
          .createTable('labs')
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('owner', 'text', (c) =>
            c.notNull().references('owners.id').onDelete('cascade'),
          )
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('test', 'text', (c) => c.notNull())
          .addColumn('value', 'double precision', (c) => c.notNull())
          .addColumn('unit', 'text', (c) => c.notNull())
          .addColumn('low', 'double precision')
          .addColumn('high', 'double precision')
          .addColumn('original_value', 'double precision', (c) => c.notNull())
          .addColumn('original_unit', 'text', (c) => c.notNull())
          .addColumn('original_low', 'double precision')
          .addColumn('original_high', 'double precision')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('labs_owner_test_date')
          .on('labs')
          .columns(['owner', 'test', 'date'])
          .execute();
      },
    },
    '0005-diary-meal': {
      // The meal slot of a diary entry (breakfast, lunch, dinner, snack); null is unassigned,
      // which is what every entry logged before this change stays. Applying a plan records
      // which plan and date wrote an entry, so applying the same plan day again adds nothing.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>): Promise<void> {
        await db.schema.alterTable('diary_entries').addColumn('meal', 'text').execute();
        await db.schema.alterTable('diary_entries').addColumn('plan_id', 'text').execute();
        await db.schema.alterTable('diary_entries').addColumn('plan_day', 'integer').execute();
        await db.schema
          .createIndex('diary_entries_owner_plan')
          .on('diary_entries')
          .columns(['owner', 'plan_id'])
          .execute();
      },
    },
    '0006-accounts': {
      // Accounts (`serve --accounts`): users with argon2id hashes and server-side sessions. A
      // user's id is the owner id of its rows; users do not reference owners, so erasing one's
      // data leaves the account, and deleting a user ends its sessions.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>): Promise<void> {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('locked_until', 'text')
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) =>
            c.notNull().references('users.id').onDelete('cascade'),
          )
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      },
    },
    '0007-shares': {
      // Read-only shares of the clinician report: a bearer link whose token is kept only as its
      // SHA-256, and the log of each opening, which stays after the share is revoked.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>): Promise<void> {
        await db.schema
          .createTable('shares')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('owner', 'text', (c) =>
            c.notNull().references('owners.id').onDelete('cascade'),
          )
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('date_from', 'text', (c) => c.notNull())
          .addColumn('date_to', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createIndex('shares_owner_created')
          .on('shares')
          .columns(['owner', 'created_at'])
          .execute();
        await db.schema
          .createTable('share_accesses')
          .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('owner', 'text', (c) =>
            c.notNull().references('owners.id').onDelete('cascade'),
          )
          .addColumn('share_id', 'text', (c) =>
            c.notNull().references('shares.id').onDelete('cascade'),
          )
          .addColumn('accessed_at', 'text', (c) => c.notNull())
          .addColumn('resource', 'text', (c) => c.notNull())
          .addColumn('client', 'text')
          .addColumn('user_agent', 'text')
          .execute();
        await db.schema
          .createIndex('share_accesses_share')
          .on('share_accesses')
          .columns(['share_id', 'accessed_at'])
          .execute();
      },
    },
    '0009-recipes': {
      // A person's recipes: ingredients in household amounts (JSON), servings and the cooked
      // weight when weighed. Values are not stored: they roll up from the ingredients on read,
      // so they follow the ingredients' data (src/core/recipes.ts).
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>): Promise<void> {
        await db.schema
          .createTable('recipes')
          .addColumn('owner', 'text', (c) =>
            c.notNull().references('owners.id').onDelete('cascade'),
          )
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('servings', 'double precision', (c) => c.notNull())
          .addColumn('cooked_grams', 'double precision')
          .addColumn('ingredients', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('recipes_pk', ['owner', 'id'])
          .execute();
      },
    },
    '0010-supplement-days': {
      // Supplements as taken on a date, replacing the profile's regimen for that date.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      async up(db: Kysely<any>): Promise<void> {
        await db.schema
          .createTable('supplement_days')
          .addColumn('owner', 'text', (c) =>
            c.notNull().references('owners.id').onDelete('cascade'),
          )
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('supplements', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('supplement_days_pk', ['owner', 'date'])
          .execute();
      },
    },
  };
}

/** Brings the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  dialect: SqlDialectName,
  /** PostgreSQL schema for Kysely's bookkeeping tables, beside the app's tables. */
  schema?: string,
): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: () => Promise.resolve(buildMigrations(dialect)),
  };
  const { error, results } = await new Migrator({
    db,
    provider,
    ...(schema !== undefined && { migrationTableSchema: schema }),
  }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
