import type { Command } from 'commander';
import { bundledFoods, openStore, workerPool } from '../../app/compose.js';
import {
  PgPlanQueue,
  pgPlanQueueSettings,
  QueueSettingsError,
} from '../../app/plan-queue-pgboss.js';
import { CliFailure, type CliIo } from '../io.js';

interface WorkerOptions {
  concurrency?: string;
  grace?: string;
}

function wholeNumber(text: string, field: string, min: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `--${field} must be a whole number, at least ${min}, got "${text}"`,
      field,
    });
  }
  return Number(text);
}

/**
 * `calcwise worker`: solves plans from the pg-boss queue in PostgreSQL (DATABASE_URL) that
 * `calcwise serve` processes enqueue, with the same HiGHS worker-thread pool, and saves them to
 * their owners' plans. SIGTERM/SIGINT: no new jobs; running solves get --grace seconds, then
 * go back to the queue for another worker.
 */
export function registerWorkerCommand(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('solve queued plans from PostgreSQL (DATABASE_URL) for `calcwise serve` processes')
    .option('--concurrency <n>', 'plans solved at once (default: the cores less one)')
    .option(
      '--grace <sec>',
      'on SIGTERM/SIGINT, seconds running solves may finish before they are handed back (default 20)',
    )
    .addHelpText(
      'after',
      '\nEnvironment (the same for every serve and worker on one database):\n' +
        "  DATABASE_URL                    PostgreSQL, the servers' database (required)\n" +
        '  CALCWISE_QUEUE_SCHEMA           pg-boss schema (default pgboss)\n' +
        "  CALCWISE_QUEUE_HEARTBEAT_SEC    a solving worker's heartbeat (default 5)\n" +
        '  CALCWISE_QUEUE_EXPIRE_SEC       no heartbeat this long: the job is retried (default 30)\n' +
        '  CALCWISE_QUEUE_MAINTENANCE_SEC  how often expired jobs are looked for (default 5)\n' +
        '  CALCWISE_PLAN_TIMEOUT_SEC       a plan running longer is cancelled (default 120)\n',
    )
    .action(async (options: WorkerOptions) => {
      const url = io.env.DATABASE_URL;
      if (!url) {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message: "calcwise worker needs PostgreSQL: set DATABASE_URL (the servers' database)",
          field: 'DATABASE_URL',
        });
      }
      const concurrency =
        options.concurrency !== undefined
          ? wholeNumber(options.concurrency, 'concurrency', 1)
          : undefined;
      const graceMs =
        (options.grace !== undefined ? wholeNumber(options.grace, 'grace', 0) : 20) * 1000;
      let settings;
      try {
        settings = pgPlanQueueSettings(io.env);
      } catch (error) {
        if (error instanceof QueueSettingsError) {
          throw new CliFailure({
            code: 'INVALID_INPUT',
            message: error.message,
            field: error.field,
          });
        }
        throw error;
      }
      const { store } = await openStore(undefined, io.env);
      const pool = workerPool(concurrency);
      let queue: PgPlanQueue | undefined;
      try {
        queue = await PgPlanQueue.open(url, settings);
        let stop!: () => void;
        const stopped = new Promise<void>((resolve) => (stop = resolve));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const worker = await queue.work({
          solver: pool,
          store,
          foods: bundledFoods(),
          concurrency: pool.size,
          // One JSON line per job event on stdout, like the server's access log.
          onJob: ({ id, outcome }) =>
            io.stdout(`${JSON.stringify({ time: new Date().toISOString(), job: id, outcome })}\n`),
        });
        io.stderr(
          `calcwise worker: solving plans from ${settings.schema} (${pool.size} at once). Ctrl-C stops it.\n`,
        );
        try {
          await stopped;
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        }
        io.stderr(`calcwise worker: stopping (${worker.active} running)\n`);
        await worker.stop(graceMs);
      } finally {
        await queue?.close();
        await pool.close();
        await store.close();
      }
      io.stderr('calcwise worker stopped.\n');
    });
}
