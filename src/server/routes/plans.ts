import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { NewDiaryEntry, StoredPlan } from '../../app/deps.js';
import { ownerFoods } from '../../app/foods.js';
import { jobView, type PlanJob } from '../../app/plan-jobs.js';
import { planError, storedPlanRequest } from '../../app/plan.js';
import type { CalcwiseError } from '../../core/result.js';
import { addDays, localDate, type AppDeps, type AppEnv } from '../context.js';
import { ApiFailure, errorBody, notFound, orFail } from '../errors.js';
import { applyPlanBody, planBody } from '../schemas/api.js';
import { readJson, readParam } from '../validation.js';
import { checkEntry, entryView } from './diary.js';

/** The part of a stored plan that applying it needs (the CLI plan JSON, docs/design.md §5). */
const storedPlanDays = z.looseObject({
  days: z.array(
    z.looseObject({
      date: z.string().optional(),
      items: z.array(
        z.looseObject({
          foodId: z.string(),
          grams: z.number().positive(),
          change: z.enum(['logged', 'added', 'removed']).optional(),
        }),
      ),
    }),
  ),
});

/** A saved plan as the API returns it: the plan JSON with its id, request and time. */
export function planView(plan: StoredPlan): Record<string, unknown> {
  return {
    ...(plan.result as Record<string, unknown>),
    id: plan.id,
    createdAt: plan.createdAt,
    request: plan.request,
  };
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
function jobError(job: PlanJob): CalcwiseError | undefined {
  if (job.state === 'cancelled') {
    return {
      code: 'BUSY',
      message: `the plan was cancelled (${job.cancelled ?? 'client'}) before it finished`,
    };
  }
  if (job.error !== undefined || !job.run) {
    return { code: 'SOLVER_FAILED', message: 'the plan ended with an internal error' };
  }
  return planError(job.run);
}

/** The answer to POST when the job ended within the wait: as a synchronous plan would. */
async function finished(
  c: Context<AppEnv>,
  deps: AppDeps,
  job: PlanJob,
  location: string,
): Promise<Response> {
  const error = jobError(job);
  if (error?.code === 'BUSY') return busy(c, deps.plans.jobs.retryAfterSec);
  if (error) throw new ApiFailure(error, job.run ? { ...job.run.result } : undefined);
  const saved = job.savedId ? await deps.store.getPlan(c.var.owner, job.savedId) : undefined;
  if (!saved) throw new ApiFailure({ code: 'SOLVER_FAILED', message: 'the plan was not saved' });
  c.header('Location', `/api/plans/${encodeURIComponent(saved.id)}`);
  void location;
  return c.json(planView(saved), 201);
}

export function registerPlanRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // Plans are jobs (docs/design.md §11) solved in the worker pool, never on the event loop.
  // POST waits a moment: a plan ready by then answers 201 (or 422 with its diagnosis when
  // infeasible) as before; otherwise 202 with Location, the job to poll. A full queue is a 503
  // with Retry-After. A client that disconnects while waiting cancels its plan.
  app.post('/api/plans', async (c) => {
    const body = await readJson(c, planBody);
    const owner = c.var.owner;
    const request = orFail(await storedPlanRequest(deps, owner, body));
    const { jobs, waitMs } = deps.plans;
    const submitted = jobs.submit(owner, request, async ({ result }) => {
      if (result.status === 'infeasible' || result.days.length === 0) return undefined;
      return (await deps.store.savePlan(owner, { request: body, result })).id;
    });
    if (!submitted.ok) return busy(c, submitted.retryAfterSec);
    const job = submitted.job;
    const signal = c.req.raw.signal;
    const onAbort = () => jobs.cancel(owner, job.id, 'client');
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    let ended: boolean;
    try {
      ended = await jobs.wait(job, waitMs);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    const location = jobLocation(job.id);
    if (!ended) {
      c.header('Location', location);
      return c.json(jobView(job, location), 202);
    }
    return finished(c, deps, job, location);
  });

  app.get('/api/plan-jobs/:id', async (c) => {
    const job = deps.plans.jobs.get(c.var.owner, readParam(c, 'id'));
    if (!job) throw notFound('plan job', 'id');
    const location = jobLocation(job.id);
    const view = jobView(job, location);
    if (job.state === 'queued' || job.state === 'running') return c.json(view);
    const result = job.run?.result;
    const saved = job.savedId ? await deps.store.getPlan(c.var.owner, job.savedId) : undefined;
    return c.json({
      ...view,
      ...(saved ? { plan: planView(saved) } : result ? { plan: { ...result } } : {}),
      ...(jobError(job) ? { error: jobError(job) } : {}),
    });
  });

  app.delete('/api/plan-jobs/:id', (c) => {
    const job = deps.plans.jobs.cancel(c.var.owner, readParam(c, 'id'), 'client');
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

  // Day 1 of the plan goes on startDate (default: the day's own date for a close-my-gaps plan,
  // else today), day 2 on the next date, and so on. Items are logged in grams; items a
  // close-my-gaps plan kept from the diary ('logged') or would remove are not added again.
  // All entries are stored or none.
  app.post('/api/plans/:id/apply', async (c) => {
    const { startDate } = await readJson(c, applyPlanBody);
    const plan = await deps.store.getPlan(c.var.owner, readParam(c, 'id'));
    if (!plan) throw notFound('plan', 'id');
    const parsed = storedPlanDays.safeParse(plan.result);
    if (!parsed.success) {
      throw new ApiFailure({ code: 'INVALID_INPUT', message: 'this plan has no days to add' });
    }
    const today = localDate(deps.clock());
    const dateOf = (day: { date?: string | undefined }, index: number) =>
      startDate !== undefined || day.date === undefined
        ? addDays(startDate ?? today, index)
        : day.date;
    const entries: NewDiaryEntry[] = parsed.data.days.flatMap((day, index) =>
      day.items
        .filter((item) => item.change !== 'logged' && item.change !== 'removed')
        .map((item) => ({
          date: dateOf(day, index),
          food: item.foodId,
          amount: Math.round(item.grams * 10) / 10,
          unit: 'g',
        })),
    );
    const foods = await ownerFoods(deps, c.var.owner);
    for (const entry of entries) checkEntry(entry, foods);
    const stored = await deps.store.addEntries(c.var.owner, entries);
    return c.json(
      {
        planId: plan.id,
        startDate: startDate ?? entries[0]?.date ?? today,
        entries: stored.map((entry) => entryView(entry, foods)),
      },
      201,
    );
  });
}
