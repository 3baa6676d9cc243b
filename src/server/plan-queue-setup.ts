import type { AppDeps, Store } from '../app/deps.js';
import {
  PgPlanQueue,
  pgPlanQueueSettings,
  QueueSettingsError,
  type PlanWorker,
} from '../app/plan-queue-pgboss.js';
import { workerPool, type SolverPool } from '../app/solvers.js';

export type PlanQueueKind = 'pg' | 'local';

export interface PlanQueueChoice {
  storeKind: 'sqlite' | 'postgres';
  env: Record<string, string | undefined>;
  /** `serve --queue`; else CALCWISE_QUEUE; else pg when the store is PostgreSQL (DATABASE_URL). */
  kind?: PlanQueueKind;
  /** Plans this process solves from the queue (`--no-worker`: 0); else CALCWISE_WORKERS. */
  workers?: number;
  /** The solver pool's size (CALCWISE_PLAN_WORKERS), when no worker count is given. */
  poolSize?: number;
  store: Store;
  foods: AppDeps['foods'];
}

function chosenKind({ kind, env, storeKind }: PlanQueueChoice): PlanQueueKind {
  const named = kind ?? (env.CALCWISE_QUEUE || undefined);
  if (named !== undefined && named !== 'pg' && named !== 'local') {
    throw new QueueSettingsError(
      `CALCWISE_QUEUE must be pg or local, got "${named}"`,
      'CALCWISE_QUEUE',
    );
  }
  const postgres = storeKind === 'postgres' && Boolean(env.DATABASE_URL);
  if (named === 'pg' && !postgres) {
    throw new QueueSettingsError(
      'the pg plan queue needs PostgreSQL: set DATABASE_URL (and no --db file)',
      'queue',
    );
  }
  return named ?? (postgres ? 'pg' : 'local');
}

function workerCount(choice: PlanQueueChoice): number | undefined {
  if (choice.workers !== undefined) return choice.workers;
  const text = choice.env.CALCWISE_WORKERS;
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) {
    throw new QueueSettingsError(
      `CALCWISE_WORKERS must be a whole number, got "${text}"`,
      'CALCWISE_WORKERS',
    );
  }
  return Number(text);
}

/**
 * The server's plan queue: undefined for the in-process PlanJobs (start.ts builds them), or the
 * pg-boss queue with, unless told 0, an in-process consumer, so a lone `serve` on PostgreSQL
 * still solves its plans.
 */
export async function setupPlanQueue(
  choice: PlanQueueChoice,
): Promise<{ queue: PgPlanQueue; workers: number; close(): Promise<void> } | undefined> {
  if (chosenKind(choice) === 'local') return undefined;
  const count = workerCount(choice);
  const settings = pgPlanQueueSettings(choice.env);
  const queue = await PgPlanQueue.open(choice.env.DATABASE_URL as string, settings);
  let pool: SolverPool | undefined;
  let worker: PlanWorker | undefined;
  if (count !== 0) {
    pool = workerPool(count ?? choice.poolSize);
    worker = await queue.work({
      solver: pool,
      store: choice.store,
      foods: choice.foods,
      concurrency: pool.size,
    });
  }
  return {
    queue,
    workers: pool?.size ?? 0,
    async close() {
      // Unfinished solves go back to the queue for another worker.
      await worker?.stop(0);
      await queue.close();
      await pool?.close();
    },
  };
}
