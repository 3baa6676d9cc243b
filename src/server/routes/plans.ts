import type { Context, Hono } from 'hono';
import type { StoredPlan } from '../../app/deps.js';
import { ownerFoods } from '../../app/foods.js';
import { isEnded, jobView, type PlanJobStatus } from '../../app/plan-queue.js';
import { planError, storedPlanRequest } from '../../app/plan.js';
import { applyPlan, planApplication } from '../../app/plan-apply.js';
import type { CalcwiseError } from '../../core/result.js';
import type { AppDeps, AppEnv } from '../context.js';
import { ApiFailure, errorBody, notFound, orFail } from '../errors.js';
import { applyPlanBody, planBody } from '../schemas/api.js';
import { readJson, readParam } from '../validation.js';
import { entryView } from './diary.js';

/** A saved plan as the API returns it: the plan JSON with its id, request and time. */
export function planView(plan: StoredPlan): Record<string, unknown> {
  return {
    ...(plan.result as Record<string, unknown>),
    id: plan.id,
    createdAt: plan.createdAt,
    request: plan.request,
  };
}

/** The ports of the plan-apply use case: the bundled food index, not the whole catalog. */
function applyDeps(deps: AppDeps) {
  return { store: deps.store, foods: deps.foods.index, clock: deps.clock };
}

function jobLocation(id: string): string {
  return `/api/plan-jobs/${encodeURIComponent(id)}`;
}

function busy(c: Context<AppEnv>, retryAfterSec: number): Response {
  return c.json(
    errorBody({
      code: 'BUSY',
      message: `every plan slot and the queue are full; try again in ${retryAfterSec} s`,
    }),
    503,
    { 'Retry-After': String(retryAfterSec) },
  );
}

/** A job's outcome as an error, when it gave no plan. */
function jobError(job: PlanJobStatus): CalcwiseError | undefined {
  if (job.state === 'cancelled') {
    return {
      code: 'BUSY',
      message: `the plan was cancelled (${job.cancelled ?? 'client'}) before it finished`,
    };
  }
  if (job.error !== undefined || (!job.result && job.savedId === undefined)) {
    return { code: 'SOLVER_FAILED', message: 'the plan ended with an internal error' };
  }
  return job.result ? planError({ result: job.result }) : undefined;
}

/** The answer to POST when the job ended within the wait: as a synchronous plan would. */
async function finished(c: Context<AppEnv>, deps: AppDeps, job: PlanJobStatus): Promise<Response> {
  const error = jobError(job);
  if (error?.code === 'BUSY') return busy(c, deps.plans.queue.retryAfterSec);
  if (error) throw new ApiFailure(error, job.result ? { ...job.result } : undefined);
  const saved = job.savedId ? await deps.store.getPlan(c.var.owner, job.savedId) : undefined;
  if (!saved) throw new ApiFailure({ code: 'SOLVER_FAILED', message: 'the plan was not saved' });
  c.header('Location', `/api/plans/${encodeURIComponent(saved.id)}`);
  return c.json(planView(saved), 201);
}

export function registerPlanRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // Plans are jobs (docs/design.md §11) solved in the worker pool or by `calcwise worker`
  // processes, never on the event loop. POST waits a moment: a plan ready by then answers 201
  // (or 422 with its diagnosis when infeasible) as before; otherwise 202 with Location, the job
  // to poll. A full queue is a 503 with Retry-After. A client that disconnects while waiting
  // cancels its plan.
  app.post('/api/plans', async (c) => {
    const body = await readJson(c, planBody);
    const owner = c.var.owner;
    const request = orFail(await storedPlanRequest(deps, owner, body));
    const { queue, waitMs } = deps.plans;
    const submitted = await queue.submit(owner, { body, request });
    if (!submitted.ok) return busy(c, submitted.retryAfterSec);
    const id = submitted.job.id;
    const signal = c.req.raw.signal;
    const onAbort = () => void queue.cancel(owner, id, 'client');
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    let job: PlanJobStatus;
    try {
      job = (await queue.wait(owner, id, waitMs)) ?? submitted.job;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    if (!isEnded(job)) {
      const location = jobLocation(job.id);
      c.header('Location', location);
      return c.json(jobView(job, location), 202);
    }
    return finished(c, deps, job);
  });

  app.get('/api/plan-jobs/:id', async (c) => {
    const job = await deps.plans.queue.get(c.var.owner, readParam(c, 'id'));
    if (!job) throw notFound('plan job', 'id');
    const location = jobLocation(job.id);
    const view = jobView(job, location);
    if (!isEnded(job)) return c.json(view);
    const saved = job.savedId ? await deps.store.getPlan(c.var.owner, job.savedId) : undefined;
    const error = jobError(job);
    return c.json({
      ...view,
      ...(saved ? { plan: planView(saved) } : job.result ? { plan: { ...job.result } } : {}),
      ...(error ? { error } : {}),
    });
  });

  app.delete('/api/plan-jobs/:id', async (c) => {
    const job = await deps.plans.queue.cancel(c.var.owner, readParam(c, 'id'), 'client');
    if (!job) throw notFound('plan job', 'id');
    return c.json(jobView(job, jobLocation(job.id)));
  });

  app.get('/api/plans', async (c) => {
    const plans = await deps.store.listPlans(c.var.owner, 50);
    return c.json({
      plans: plans.map((plan) => {
        const result = plan.result as { status?: unknown; days?: unknown };
        return {
          id: plan.id,
          createdAt: plan.createdAt,
          status: result.status,
          days: Array.isArray(result.days) ? result.days.length : undefined,
          request: plan.request,
        };
      }),
    });
  });

  app.get('/api/plans/:id', async (c) => {
    const plan = await deps.store.getPlan(c.var.owner, readParam(c, 'id'));
    if (!plan) throw notFound('plan', 'id');
    return c.json(planView(plan));
  });

  // Where "Add to diary" would put the plan, and which of its days are in the diary already.
  app.get('/api/plans/:id/apply', async (c) => {
    const input = { owner: c.var.owner, planId: readParam(c, 'id') };
    return c.json(orFail(await planApplication(applyDeps(deps), input)));
  });

  // Day 1 of the plan goes on startDate (default: where it went before, else the days' own
  // dates for a close-my-gaps plan, else the next unlogged dates), each item in its meal slot.
  // A plan day already on its date is not stored again: 201 when something was added, 200 with
  // alreadyApplied when nothing was. All entries are stored or none.
  app.post('/api/plans/:id/apply', async (c) => {
    const { startDate } = await readJson(c, applyPlanBody);
    const foods = await ownerFoods(deps, c.var.owner);
    const applied = orFail(
      await applyPlan(applyDeps(deps), {
        owner: c.var.owner,
        planId: readParam(c, 'id'),
        ...(startDate && { startDate }),
      }),
    );
    return c.json(
      { ...applied, entries: applied.entries.map((entry) => entryView(entry, foods)) },
      applied.entries.length > 0 ? 201 : 200,
    );
  });
}
