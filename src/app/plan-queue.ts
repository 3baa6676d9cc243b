/**
 * The port the plan routes depend on (docs/design.md §11): plans are jobs, submitted, polled,
 * waited for and cancelled. Two implementations: `localPlanQueue` (the in-process PlanJobs on
 * the worker-thread pool, one process, SQLite or PostgreSQL) and the pg-boss queue on
 * PostgreSQL (plan-queue-pgboss.ts: any API process answers for any job, `calcwise worker`
 * processes solve). What a finished plan becomes is decided once, in `savePlanResult`.
 */
import type { PlanRequest, PlanResult } from '../core/plan/index.js';
import type { Store } from './deps.js';
import type { PlanJob, PlanJobs, PlanJobState } from './plan-jobs.js';

/** A job as the routes see it, wherever it runs. */
export interface PlanJobStatus {
  id: string;
  owner: string;
  state: PlanJobState;
  /** The plan's status once solved. */
  status?: PlanResult['status'];
  /** The result when it was not saved (infeasible: its diagnosis), or always (in-process). */
  result?: PlanResult;
  /** The saved plan's id (in the owner's plans). */
  savedId?: string;
  cancelled?: 'client' | 'timeout' | 'shutdown';
  /** An unexpected error (a bug, a worker that failed every attempt), not a plan outcome. */
  error?: string;
}

/** What is submitted: the owner's request body (saved with the plan) and the built request. */
export interface PlanSubmission {
  body: unknown;
  request: PlanRequest;
}

export type QueueSubmitOutcome =
  { ok: true; job: PlanJobStatus } | { ok: false; retryAfterSec: number };

export interface PlanJobQueue {
  /** Seconds a refused or cancelled client is told to wait (Retry-After). */
  readonly retryAfterSec: number;
  submit(owner: string, submission: PlanSubmission): Promise<QueueSubmitOutcome>;
  /** The owner's job, or undefined (another owner's jobs do not exist for them). */
  get(owner: string, id: string): Promise<PlanJobStatus | undefined>;
  /** Cancels a queued or running job of the owner; a finished one stays as it is. */
  cancel(
    owner: string,
    id: string,
    why?: PlanJobStatus['cancelled'],
  ): Promise<PlanJobStatus | undefined>;
  /** The job once it ended, or as it is after `ms`. */
  wait(owner: string, id: string, ms: number): Promise<PlanJobStatus | undefined>;
  /** Stops taking jobs (in-process: cancels those running). */
  close(): Promise<void>;
}

export function isEnded(job: PlanJobStatus): boolean {
  return job.state === 'done' || job.state === 'cancelled';
}

/**
 * A solved plan goes to the owner's plans unless it has no plan (infeasible, no day); returns
 * the saved id. With `id` (a queued job's id) it is saved once however often it is called.
 */
export async function savePlanResult(
  store: Pick<Store, 'savePlan'>,
  owner: string,
  body: unknown,
  result: PlanResult,
  id?: string,
): Promise<string | undefined> {
  if (result.status === 'infeasible' || result.days.length === 0) return undefined;
  return (await store.savePlan(owner, { request: body, result, ...(id !== undefined && { id }) }))
    .id;
}

function statusOf(job: PlanJob): PlanJobStatus {
  const result = job.run?.result;
  return {
    id: job.id,
    owner: job.owner,
    state: job.state,
    ...(result && { status: result.status, result }),
    ...(job.savedId !== undefined && { savedId: job.savedId }),
    ...(job.cancelled && { cancelled: job.cancelled }),
    ...(job.error !== undefined && { error: job.error }),
  };
}

/** The in-process PlanJobs as the port; finished plans are saved to `store`. */
export function localPlanQueue(jobs: PlanJobs, store: Pick<Store, 'savePlan'>): PlanJobQueue {
  return {
    retryAfterSec: jobs.retryAfterSec,
    async submit(owner, { body, request }) {
      const submitted = jobs.submit(owner, request, ({ result }) =>
        savePlanResult(store, owner, body, result),
      );
      return submitted.ok ? { ok: true, job: statusOf(submitted.job) } : submitted;
    },
    async get(owner, id) {
      const job = jobs.get(owner, id);
      return job && statusOf(job);
    },
    async cancel(owner, id, why = 'client') {
      const job = jobs.cancel(owner, id, why);
      return job && statusOf(job);
    },
    async wait(owner, id, ms) {
      const job = jobs.get(owner, id);
      if (!job) return undefined;
      await jobs.wait(job, ms);
      return statusOf(job);
    },
    close: () => jobs.close(),
  };
}

/** A job as the API and the UI see it. */
export function jobView(job: PlanJobStatus, location: string): Record<string, unknown> {
  return {
    id: job.id,
    state: job.state,
    location,
    ...(job.cancelled ? { cancelled: job.cancelled } : {}),
    ...(job.savedId !== undefined ? { planId: job.savedId } : {}),
    ...(job.status ? { status: job.status } : {}),
    ...(job.error !== undefined ? { error: 'internal error' } : {}),
  };
}
