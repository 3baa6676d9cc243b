import type { Kysely, Selectable } from 'kysely';
import { err, ok } from '../core/result.js';
import type { Database, UsersTable } from './schema.js';
import { isUniqueViolation } from './sql-errors.js';
import type { AccountStore, StoredUser } from './store.js';

function toUser(row: Selectable<UsersTable>): StoredUser {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    failedLogins: Number(row.failed_logins),
    lockedUntil: row.locked_until ?? null,
  };
}

/** Accounts and sessions in the same database as the data, through the same query layer. */
export function createKyselyAccounts(db: Kysely<Database>, now: () => string): AccountStore {
  return {
    async createUser(user) {
      try {
        const row = await db
          .insertInto('users')
          .values({
            id: user.id,
            username: user.username,
            password_hash: user.passwordHash,
            created_at: now(),
            failed_logins: 0,
            locked_until: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return ok(toUser(row));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return err({
          code: 'CONFLICT',
          message: `the username "${user.username}" is taken`,
          field: 'username',
        });
      }
    },

    async findUser(username) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row ? toUser(row) : undefined;
    },

    async listUsers() {
      const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
      return rows.map((row) => {
        const { passwordHash: _hash, ...user } = toUser(row);
        return user;
      });
    },

    async countFailedLogin(userId) {
      const row = await db
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', userId)
        .returning('failed_logins')
        .executeTakeFirst();
      return Number(row?.failed_logins ?? 0);
    },

    async setLock(userId, lockedUntil, resetFailures) {
      await db
        .updateTable('users')
        .set({ locked_until: lockedUntil, ...(resetFailures && { failed_logins: 0 }) })
        .where('id', '=', userId)
        .execute();
    },

    setPasswordHash(userId, passwordHash) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null })
          .where('id', '=', userId)
          .executeTakeFirst();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        return Number(result.numUpdatedRows) > 0;
      });
    },

    async createSession(session) {
      await db
        .insertInto('sessions')
        .values({
          token_hash: session.tokenHash,
          user_id: session.userId,
          csrf_token: session.csrfToken,
          created_at: now(),
          expires_at: session.expiresAt,
        })
        .execute();
    },

    async findSession(tokenHash, at) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.user_id as owner',
          'users.username as username',
          'sessions.csrf_token as csrfToken',
          'sessions.created_at as createdAt',
          'sessions.expires_at as expiresAt',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .where('sessions.expires_at', '>', at)
        .executeTakeFirst();
      return row;
    },

    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteExpiredSessions(at) {
      const result = await db
        .deleteFrom('sessions')
        .where('expires_at', '<=', at)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
