import type { Hono } from 'hono';
import { z } from 'zod';
import type { NewDiaryEntry, StoredPlan } from '../../app/deps.js';
import { ownerFoods } from '../../app/foods.js';
import { runPlan, storedPlanRequest } from '../../app/plan.js';
import { addDays, localDate, type AppDeps, type AppEnv } from '../context.js';
import { ApiFailure, notFound, orFail } from '../errors.js';
import { applyPlanBody, planBody } from '../schemas/api.js';
import { readJson } from '../validation.js';
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

export function registerPlanRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  // The planner the CLI `plan` command runs (makePlan with HiGHS). An infeasible request is a
  // 422 whose body still carries the plan JSON with its diagnosis; no plan is saved then.
  app.post('/api/plans', async (c) => {
    const body = await readJson(c, planBody);
    const request = orFail(await storedPlanRequest(deps, c.var.owner, body));
    const { run, error } = await runPlan(deps, request);
    if (error) throw new ApiFailure(error, { ...run.result });
    const result = run.result;
    const saved = await deps.store.savePlan(c.var.owner, { request: body, result });
    return c.json(planView(saved), 201);
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
    const plan = await deps.store.getPlan(c.var.owner, c.req.param('id'));
    if (!plan) throw notFound('plan', 'id');
    return c.json(planView(plan));
  });

  // Day 1 of the plan goes on startDate (default: the day's own date for a close-my-gaps plan,
  // else today), day 2 on the next date, and so on. Items are logged in grams; items a
  // close-my-gaps plan kept from the diary ('logged') or would remove are not added again.
  // All entries are stored or none.
  app.post('/api/plans/:id/apply', async (c) => {
    const { startDate } = await readJson(c, applyPlanBody);
    const plan = await deps.store.getPlan(c.var.owner, c.req.param('id'));
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
