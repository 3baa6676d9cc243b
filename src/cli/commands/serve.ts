import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { startServer } from '../../server/start.js';
import { CliFailure, type CliIo } from '../io.js';

interface ServeOptions {
  port?: string;
  host?: string;
  db?: string;
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
    .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
    .option('--db <file>', 'SQLite database file (default: $CALCWISE_DB or ./calcwise.db)')
    .action(async (options: ServeOptions) => {
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
      let server;
      try {
        server = await startServer({
          port,
          host: options.host ?? '127.0.0.1',
          ...(dbFile !== undefined && { dbFile: inCwd(dbFile) }),
          env: io.env,
          // Access log: one JSON line per request, through the command's stdout.
          log: (record) => io.stdout(`${JSON.stringify(record)}\n`),
        });
      } catch (error) {
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
      if (!['127.0.0.1', '::1', 'localhost'].includes(server.host)) {
        io.stderr(
          `warning: listening on ${server.host}: calcwise has no accounts yet, so anyone who can ` +
            'reach this address can read and change the diary and profile.\n',
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
