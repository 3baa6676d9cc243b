/**
 * Plan jobs on PostgreSQL through pg-boss (docs/architecture.md, "Plan jobs"): API processes
 * only enqueue and read job state from the database, so any of them answers for any job;
 * `calcwise worker` processes (and `calcwise serve`'s own consumer unless disabled) take the
 * solves. A job carries the owner and the request body; the worker builds the plan request
 * from the owner's stored profile, diary and labs and the bundled foods (the built request is
 * about 2 MB, too much for a job row read on every poll). Effort limits make the solve
 * deterministic, so the result does not depend on which worker ran it. A finished plan is saved
 * under the job's id, so a job that runs twice (retried after its worker died) is saved once.
 *
 * Liveness: while it solves, a worker moves its job's `started_on` forward every
 * `heartbeatSec` (a heartbeat; pg-boss 10 has none of its own), so a job expires only
 * `expireInSeconds` after its worker stopped beating: a killed worker's job is failed by the
 * pg-boss maintenance (every `maintenanceIntervalSec`, one process at a time) and retried by
 * another worker. The heartbeat also tells the worker when its job was cancelled (DELETE from
 * any API process) or taken over: it then stops solving. The plan's own wall-clock limit is
 * `timeoutSec`, as in-process.
 */
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { makePlan, type PlanResult } from '../core/plan/index.js';
import type { Solver } from '../core/plan/solver-port.js';
import type { AppDeps } from './deps.js';
import { storedPlanRequest } from './plan.js';
import {
  isEnded,
  savePlanResult,
  type PlanJobQueue,
  type PlanJobStatus,
  type QueueSubmitOutcome,
} from './plan-queue.js';

/** The queue's name in the pg-boss schema. */
export const PLAN_QUEUE = 'calcwise-plan';

export interface PgPlanQueueSettings {
  /** The pg-boss schema (CALCWISE_QUEUE_SCHEMA, default `pgboss`). */
  schema: string;
  /** A solving worker's heartbeat (CALCWISE_QUEUE_HEARTBEAT_SEC, default 5). */
  heartbeatSec: number;
  /**
   * Seconds without a heartbeat before a running job is failed for retry
   * (CALCWISE_QUEUE_EXPIRE_SEC, default 30; more than the heartbeat).
   */
  expireInSeconds: number;
  /** How often expired jobs are failed for retry (CALCWISE_QUEUE_MAINTENANCE_SEC, default 5). */
  maintenanceIntervalSec: number;
  /** A plan running longer is cancelled ('timeout'; CALCWISE_PLAN_TIMEOUT_SEC, default 120). */
  timeoutSec: number;
  /** Retries after a failed or expired attempt (2), each after `retryDelaySec` (1). */
  retryLimit: number;
  retryDelaySec: number;
  /** How often an idle worker looks for a job (ms, 500). */
  pollingMs: number;
  /** How often a waiting request reads its job's state (ms, 200). */
  waitPollMs: number;
  /** Retry-After for a cancelled plan (5 s, as in-process). */
  retryAfterSec: number;
  /** Connections per process (4). */
  maxConnections: number;
}

/** A bad CALCWISE_QUEUE_* value: `field` names the variable. */
export class QueueSettingsError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function wholeSeconds(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min) {
    throw new QueueSettingsError(
      `${name} must be a whole number of seconds, at least ${min}, got "${text}"`,
      name,
    );
  }
  return value;
}

/** The queue's settings from the environment (see PgPlanQueueSettings for each default). */
export function pgPlanQueueSettings(env: Record<string, string | undefined>): PgPlanQueueSettings {
  const schema = env.CALCWISE_QUEUE_SCHEMA || 'pgboss';
  if (!SCHEMA_NAME.test(schema)) {
    throw new QueueSettingsError(
      `CALCWISE_QUEUE_SCHEMA must be a lower-case SQL name, got "${schema}"`,
      'CALCWISE_QUEUE_SCHEMA',
    );
  }
  const heartbeatSec = wholeSeconds(env, 'CALCWISE_QUEUE_HEARTBEAT_SEC', 5, 1);
  return {
    schema,
    heartbeatSec,
    expireInSeconds: wholeSeconds(env, 'CALCWISE_QUEUE_EXPIRE_SEC', 30, heartbeatSec + 1),
    maintenanceIntervalSec: wholeSeconds(env, 'CALCWISE_QUEUE_MAINTENANCE_SEC', 5, 1),
    timeoutSec: wholeSeconds(env, 'CALCWISE_PLAN_TIMEOUT_SEC', 120, 1),
    retryLimit: 2,
    retryDelaySec: 1,
    pollingMs: 500,
    waitPollMs: 200,
    retryAfterSec: 5,
    maxConnections: 4,
  };
}

/** A job's data in the queue. */
interface PlanJobData {
  owner: string;
  /** The POST /api/plans body: `{ days, base? }`. */
  body: { days: number; base?: string | string[] };
}

/** What a worker completes a job with. */
interface PlanJobOutput {
  status?: PlanResult['status'];
  savedId?: string;
  /** Only when nothing was saved (infeasible: the diagnosis). */
  result?: PlanResult;
  cancelled?: 'timeout';
  /** The request could not be built any more (the profile was deleted meanwhile). */
  invalid?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function statusOf(job: PgBoss.JobWithMetadata<PlanJobData>): PlanJobStatus {
  const base = { id: job.id, owner: job.data.owner };
  switch (job.state) {
    case 'created':
    case 'retry':
      return { ...base, state: 'queued' };
    case 'active':
      return { ...base, state: 'running' };
    case 'cancelled':
      return { ...base, state: 'cancelled', cancelled: 'client' };
    case 'failed': {
      const output = job.output as { message?: unknown; value?: { message?: unknown } } | null;
      const message = output?.message ?? output?.value?.message ?? 'failed';
      return { ...base, state: 'done', error: String(message) };
    }
    case 'completed': {
      const output = (job.output ?? {}) as PlanJobOutput;
      if (output.cancelled) return { ...base, state: 'cancelled', cancelled: output.cancelled };
      if (output.invalid !== undefined) return { ...base, state: 'done', error: output.invalid };
      return {
        ...base,
        state: 'done',
        ...(output.status && { status: output.status }),
        ...(output.savedId !== undefined && { savedId: output.savedId }),
        ...(output.result && { result: output.result }),
      };
    }
  }
}

export interface PlanWorkerDeps {
  /** The solver pool (src/app/solvers.ts), as the CLI and the in-process server use. */
  solver: Solver;
  /** The owners' data (the request is built from it) and where plans are saved. */
  store: AppDeps['store'];
  foods: AppDeps['foods'];
  /** Plans solved at once (size the pool to match). */
  concurrency: number;
  /** Told about each job a worker starts and ends (logs). */
  onJob?: (event: {
    id: string;
    outcome: 'started' | 'done' | 'cancelled' | 'released' | 'failed';
  }) => void;
}

export interface PlanWorker {
  /** Jobs being solved now. */
  readonly active: number;
  /**
   * Takes no more jobs, lets running solves finish for up to `graceMs`, then stops the rest and
   * hands them back to the queue (failed, so retried at once elsewhere).
   */
  stop(graceMs: number): Promise<void>;
}

export class PgPlanQueue implements PlanJobQueue {
  readonly retryAfterSec: number;
  private workers: Set<PlanWorker> = new Set();

  private constructor(
    private readonly boss: PgBoss,
    private readonly settings: PgPlanQueueSettings,
  ) {
    this.retryAfterSec = settings.retryAfterSec;
  }

  /** Connects, installs or migrates the pg-boss schema, creates the plan queue. */
  static async open(url: string, settings: PgPlanQueueSettings): Promise<PgPlanQueue> {
    const boss = new PgBoss({
      connectionString: url,
      schema: settings.schema,
      max: settings.maxConnections,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSec,
      // Plans run no cron schedules.
      schedule: false,
    });
    // Connection errors are retried by pg-boss; they are not the request's failure.
    boss.on('error', (error) => console.error(`calcwise queue: ${String(error)}`));
    await boss.start();
    await boss.createQueue(PLAN_QUEUE, {
      name: PLAN_QUEUE,
      policy: 'standard',
      ...jobSettings(settings),
    });
    return new PgPlanQueue(boss, settings);
  }

  /** The built request stays here (see the module comment); the worker builds its own. */
  async submit(owner: string, { body }: { body: unknown }): Promise<QueueSubmitOutcome> {
    const id = randomUUID();
    const data: PlanJobData = { owner, body: body as PlanJobData['body'] };
    // The id makes the send idempotent: a second send with it inserts nothing.
    await this.boss.send(PLAN_QUEUE, data, { id, ...jobSettings(this.settings) });
    return { ok: true, job: { id, owner, state: 'queued' } };
  }

  async get(owner: string, id: string): Promise<PlanJobStatus | undefined> {
    if (!UUID.test(id)) return undefined;
    const job = await this.boss.getJobById<PlanJobData>(PLAN_QUEUE, id, { includeArchive: true });
    if (!job || job.data?.owner !== owner) return undefined;
    return statusOf(job);
  }

  async cancel(owner: string, id: string): Promise<PlanJobStatus | undefined> {
    const job = await this.get(owner, id);
    if (!job || isEnded(job)) return job;
    // A running job's worker sees the state and stops its solve (see work()).
    await this.boss.cancel(PLAN_QUEUE, id);
    return this.get(owner, id);
  }

  async wait(owner: string, id: string, ms: number): Promise<PlanJobStatus | undefined> {
    const until = Date.now() + ms;
    for (;;) {
      const job = await this.get(owner, id);
      if (!job || isEnded(job) || Date.now() >= until) return job;
      const pause = Math.min(this.settings.waitPollMs, until - Date.now());
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /** Starts taking jobs in this process: `concurrency` loops, each one job at a time. */
  async work(deps: PlanWorkerDeps): Promise<PlanWorker> {
    const running = new Map<string, AbortController>();
    let stopping = false;
    let wake: (() => void) | undefined;
    const loop = async (): Promise<void> => {
      while (!stopping) {
        let jobs: PgBoss.JobWithMetadata<PlanJobData>[] = [];
        try {
          jobs = await this.boss.fetch<PlanJobData>(PLAN_QUEUE, {
            batchSize: 1,
            includeMetadata: true,
          });
        } catch (error) {
          console.error(`calcwise queue: fetching a plan job failed: ${String(error)}`);
        }
        const [job] = jobs;
        if (job) {
          await this.solve(job, deps, running);
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.settings.pollingMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    };
    const loops = Array.from({ length: deps.concurrency }, () => loop());
    let stopped: Promise<void> | undefined;
    const worker: PlanWorker = {
      get active() {
        return running.size;
      },
      stop: (graceMs) => {
        stopped ??= (async () => {
          stopping = true;
          wake?.();
          const deadline = Date.now() + graceMs;
          while (running.size > 0 && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          for (const controller of running.values()) controller.abort('shutdown');
          await Promise.all(loops);
          this.workers.delete(worker);
        })();
        return stopped;
      },
    };
    this.workers.add(worker);
    return worker;
  }

  /** One attempt at a job: build the request, solve, save, then complete or fail the job. */
  private async solve(
    job: PgBoss.JobWithMetadata<PlanJobData>,
    deps: PlanWorkerDeps,
    running: Map<string, AbortController>,
  ): Promise<void> {
    const { owner, body } = job.data;
    const controller = new AbortController();
    running.set(job.id, controller);
    deps.onJob?.({ id: job.id, outcome: 'started' });
    const timeout = setTimeout(() => controller.abort('timeout'), this.settings.timeoutSec * 1000);
    // The heartbeat: still active and ours, or cancelled (or expired and taken over): stop.
    const beat = setInterval(() => {
      this.heartbeat(job.id, job.retryCount)
        .then((active) => active || controller.abort('gone'))
        .catch(() => undefined);
    }, this.settings.heartbeatSec * 1000);
    let outcome: 'done' | 'cancelled' | 'released' | 'failed' = 'failed';
    try {
      const output = await this.attempt(owner, body, job.id, deps, controller.signal);
      const why = controller.signal.aborted ? String(controller.signal.reason) : undefined;
      if (why === 'shutdown') {
        outcome = 'released';
        await this.boss.fail(PLAN_QUEUE, job.id, { message: 'the worker stopped' });
      } else if (why === 'gone') {
        // Cancelled, or another worker has it: its state is not ours to change.
        outcome = 'cancelled';
      } else {
        outcome = output.cancelled ? 'cancelled' : 'done';
        await this.boss.complete(PLAN_QUEUE, job.id, output);
      }
    } catch (error) {
      outcome = 'failed';
      await this.boss
        .fail(PLAN_QUEUE, job.id, { message: String(error) })
        .catch((failure: unknown) => console.error(`calcwise queue: ${String(failure)}`));
    } finally {
      clearTimeout(timeout);
      clearInterval(beat);
      running.delete(job.id);
      deps.onJob?.({ id: job.id, outcome });
    }
  }

  private async attempt(
    owner: string,
    body: PlanJobData['body'],
    id: string,
    deps: PlanWorkerDeps,
    signal: AbortSignal,
  ): Promise<PlanJobOutput> {
    const request = await storedPlanRequest(deps, owner, body);
    if (!request.ok) return { invalid: request.error.message };
    const run = await makePlan(request.value, deps.solver, { signal });
    if (signal.aborted || run.result.status === 'cancelled') return { cancelled: 'timeout' };
    const savedId = await savePlanResult(deps.store, owner, body, run.result, id);
    return {
      status: run.result.status,
      ...(savedId !== undefined ? { savedId } : { result: run.result }),
    };
  }

  /**
   * Moves the start of this attempt at a job forward (so it does not expire); false when the job
   * is no longer active in this attempt (cancelled, or expired and taken by another worker).
   */
  private async heartbeat(id: string, attempt: number): Promise<boolean> {
    const { rows } = await this.boss
      .getDb()
      .executeSql(
        `UPDATE ${this.settings.schema}.job SET started_on = now() WHERE name = $1 AND id = $2 ` +
          `AND state = 'active' AND retry_count = $3 RETURNING id`,
        [PLAN_QUEUE, id, attempt],
      );
    return rows.length === 1;
  }

  /** Stops this process's workers (handing unfinished jobs back) and disconnects. */
  async close(graceMs = 0): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.stop(graceMs)));
    // Let the last completions reach the database before the pool closes.
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 });
  }
}

function jobSettings(settings: PgPlanQueueSettings) {
  return {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySec,
    expireInSeconds: settings.expireInSeconds,
  };
}
