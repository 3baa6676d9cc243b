import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { isLoopbackAddress, parseAllowedHost } from '../../server/exposure.js';
import { QueueSettingsError } from '../../app/plan-queue-pgboss.js';
import { ExposureRefused, startServer } from '../../server/start.js';
import { CliFailure, type CliIo } from '../io.js';

interface ServeOptions {
  port?: string;
  host?: string;
  db?: string;
  allowedHost: string[];
  trustProxy?: boolean;
  insecureNoAuth?: boolean;
  accounts?: boolean;
  closedRegistration?: boolean;
  queue?: string;
  worker: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseAllowedHosts(values: string[]): string[] {
  return values.map((value) => {
    const entry = parseAllowedHost(value);
    if (!entry) {
      throw new CliFailure({
        code: 'INVALID_INPUT',
        message: `--allowed-host "${value}" is not a host name or IP, optionally with :port`,
        field: 'allowed-host',
      });
    }
    return entry;
  });
}

function parsePort(text: string, field: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `port must be an integer from 0 to 65535, got "${text}"`,
      field,
    });
  }
  return port;
}

/**
 * `calcwise serve`: the API and the built UI on one port, until SIGINT/SIGTERM. Storage: --db FILE
 * (SQLite), else DATABASE_URL (PostgreSQL), else CALCWISE_DB or ./calcwise.db.
 */
export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the API and the web UI (loopback by default; data in ./calcwise.db)')
    .option('--port <n>', 'port (default: $PORT or 3000; 0 picks a free one)')
    .option(
      '--host <host>',
      'interface to listen on (default 127.0.0.1; beyond loopback needs --insecure-no-auth)',
    )
    .option('--db <file>', 'SQLite database file (default: $CALCWISE_DB or ./calcwise.db)')
    .option(
      '--allowed-host <host[:port]>',
      'also answer requests for this Host (repeatable; default: localhost, 127.0.0.1, [::1] and the bind address, with the port)',
      collect,
      [],
    )
    .option('--trust-proxy', 'believe X-Forwarded-Host, -Proto and -For from a reverse proxy')
    .option(
      '--accounts',
      'accounts: registration, logins, each person sees only their own data (also CALCWISE_ACCOUNTS=1)',
    )
    .option(
      '--closed-registration',
      'with --accounts: no sign-up page; accounts come from `calcwise users add` (also CALCWISE_REGISTRATION=closed)',
    )
    .option(
      '--insecure-no-auth',
      'listen beyond loopback without accounts: anyone who reaches it can read and change everything',
    )
    .option(
      '--queue <pg|local>',
      'where plans are solved: pg (a queue in PostgreSQL, shared by every serve and `calcwise worker`) or local (in this process); default: $CALCWISE_QUEUE, else pg with DATABASE_URL',
    )
    .option(
      '--no-worker',
      'with the pg queue, solve no plans in this process: `calcwise worker` processes do (also CALCWISE_WORKERS=0)',
    )
    .action(async (options: ServeOptions) => {
      if (options.queue !== undefined && options.queue !== 'pg' && options.queue !== 'local') {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message: `--queue must be pg or local, got "${options.queue}"`,
          field: 'queue',
        });
      }
      const allowedHosts = parseAllowedHosts(options.allowedHost);
      const port = options.port
        ? parsePort(options.port, 'port')
        : io.env.PORT
          ? parsePort(io.env.PORT, 'PORT')
          : 3000;
      const inCwd = (file: string) =>
        file === ':memory:' || isAbsolute(file) ? file : resolve(io.cwd, file);
      const dbFile =
        options.db ??
        (io.env.DATABASE_URL ? undefined : inCwd(io.env.CALCWISE_DB || 'calcwise.db'));
      const accounts = options.accounts || io.env.CALCWISE_ACCOUNTS === '1';
      const closed =
        options.closedRegistration || io.env.CALCWISE_REGISTRATION?.toLowerCase() === 'closed';
      if (closed && !accounts) {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message: '--closed-registration needs --accounts',
          field: 'closed-registration',
        });
      }
      let server;
      try {
        server = await startServer({
          port,
          host: options.host ?? '127.0.0.1',
          allowedHosts,
          trustProxy: options.trustProxy ?? false,
          insecureNoAuth: options.insecureNoAuth ?? false,
          ...(accounts && { accounts: { registration: closed ? 'closed' : 'open' } }),
          ...(dbFile !== undefined && { dbFile: inCwd(dbFile) }),
          env: io.env,
          queue: {
            ...(options.queue !== undefined && { kind: options.queue }),
            ...(!options.worker && { workers: 0 }),
          },
          // Access log: one JSON line per request, through the command's stdout.
          log: (record) => io.stdout(`${JSON.stringify(record)}\n`),
        });
      } catch (error) {
        if (error instanceof ExposureRefused) {
          throw new CliFailure({ code: 'INVALID_INPUT', message: error.message, field: 'host' });
        }
        if (error instanceof QueueSettingsError) {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message: error.message,
            field: error.field,
          });
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES') {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message: `cannot listen on port ${port}: ${code === 'EADDRINUSE' ? 'it is in use' : 'permission denied'}`,
            field: 'port',
          });
        }
        throw error;
      }
      io.stderr(
        `calcwise serving ${server.url} (store: ${server.store.kind} ${server.store.description}` +
          `${server.servesUi ? '' : '; no built UI in dist/web, API only'}). Ctrl-C stops it.\n`,
      );
      const { planQueue } = server;
      io.stderr(
        planQueue.kind === 'pg'
          ? `plans: pg queue, ${planQueue.workers} solved here at once` +
              `${planQueue.workers === 0 ? ' (none: `calcwise worker` processes solve them)' : ''}\n`
          : `plans: solved in this process, ${planQueue.workers} at once\n`,
      );
      io.stderr(`answering Host: ${server.allowedHosts.join(', ')}\n`);
      if (accounts) {
        io.stderr(
          `accounts on: each person logs in and sees only their own data (registration ${closed ? 'closed' : 'open'}).\n`,
        );
      } else if (!isLoopbackAddress(server.host)) {
        io.stderr(
          `warning: --insecure-no-auth: listening on ${server.host} without accounts, so anyone ` +
            'who can reach this address can read and change the diary, profile and medications.\n',
        );
      }
      const stop = () => void server.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await server.closed;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      // closed fires when the socket stops; wait for the store to be closed too.
      await server.close();
      io.stderr('calcwise server stopped.\n');
    });
}
