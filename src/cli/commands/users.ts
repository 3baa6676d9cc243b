import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { createAccount, resetPassword } from '../../app/accounts.js';
import { argon2idHasher } from '../../app/passwords.js';
import { formatTable } from '../format-table.js';
import { CliFailure, printJson, type CliIo } from '../io.js';
import { withCliStore } from '../open-cli-store.js';
import { readText, STDIN_FILE } from '../read-input.js';

const DB_HELP =
  'store (default: as `calcwise serve`: $DATABASE_URL, $CALCWISE_DB or ./calcwise.db)';

/** The password: the first line of standard input (never an argument, which `ps` shows). */
function passwordFromStdin(io: CliIo): string {
  const text = readText(io, STDIN_FILE);
  const password = text.split(/\r?\n/, 1)[0] ?? '';
  if (password === '') {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message:
        'give the password on standard input, e.g. printf "%s\\n" "$PASSWORD" | calcwise users add NAME',
      field: 'password',
    });
  }
  return password;
}

/** `calcwise users add|list|reset-password` and `calcwise backup`: administering a server's store. */
export function registerUsersCommands(program: Command, io: CliIo): void {
  const users = program
    .command('users')
    .description(
      'accounts of `calcwise serve --accounts` (passwords are read from standard input)',
    );

  users
    .command('add')
    .description('create an account; the password is the first line of standard input')
    .argument('<username>', '3 to 64 characters: letters, digits, ".", "_", "-"')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (username: string, options: { db?: string; json?: boolean }) => {
      const password = passwordFromStdin(io);
      const user = await withCliStore(io, options.db, async (store) => {
        const created = await createAccount(
          { accounts: store.accounts, clock: () => new Date(), hasher: argon2idHasher },
          { username, password },
        );
        if (!created.ok) throw new CliFailure(created.error);
        return created.value;
      });
      if (options.json) return printJson(io, { id: user.id, username: user.username });
      io.stdout(`created user ${user.username}\n`);
    });

  users
    .command('reset-password')
    .description(
      'set a new password (first line of standard input); ends the user’s sessions and lifts a lockout',
    )
    .argument('<username>')
    .option('--db <file>', DB_HELP)
    .action(async (username: string, options: { db?: string }) => {
      const password = passwordFromStdin(io);
      const done = await withCliStore(io, options.db, async (store) => {
        const reset = await resetPassword(
          { accounts: store.accounts, clock: () => new Date(), hasher: argon2idHasher },
          { username, password },
        );
        if (!reset.ok) throw new CliFailure(reset.error);
        return reset.value;
      });
      io.stdout(`password of ${done.username} reset; their sessions are ended\n`);
    });

  users
    .command('list')
    .description('the accounts, by username')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options: { db?: string; json?: boolean }) => {
      const list = await withCliStore(io, options.db, (store) => store.accounts.listUsers());
      if (options.json) return printJson(io, list);
      if (list.length === 0) return io.stdout('no accounts\n');
      io.stdout(
        formatTable(
          ['username', 'created', 'failed logins', 'locked until'],
          list.map((user) => [
            user.username,
            user.createdAt.slice(0, 10),
            String(user.failedLogins),
            user.lockedUntil ?? '',
          ]),
        ),
      );
    });

  program
    .command('backup')
    .description('copy the SQLite store to a new file while it is in use (PostgreSQL: use pg_dump)')
    .argument('<file>', 'the copy to write (must not exist)')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (file: string, options: { db?: string; json?: boolean }) => {
      const destination = isAbsolute(file) ? file : resolve(io.cwd, file);
      if (existsSync(destination)) {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message: 'the backup file exists already; name a new file',
          file,
        });
      }
      const result = await withCliStore(io, options.db, async (store, location) => {
        const copy = await store.backup(destination);
        if (!copy.ok) throw new CliFailure(copy.error);
        return { from: location.description, to: destination, bytes: copy.value.bytes };
      });
      if (options.json) return printJson(io, result);
      io.stdout(`backed up ${result.from} to ${result.to} (${result.bytes} bytes)\n`);
    });
}
