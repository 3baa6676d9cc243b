import { z } from 'zod';
import { isDiaryMeal } from '../core/diary/types.js';
import type { FoodIndex } from '../core/foods.js';
import { err, ok, type Result } from '../core/result.js';
import type { NewDiaryEntry, Store, StoredDiaryEntry } from '../store/store.js';
import { addDays, localDate } from './dates.js';
import type { Clock } from './deps.js';
import { checkDiaryEntry } from './diary.js';
import { ownerFoods } from './stored-diary.js';

/**
 * "Add to diary" for a saved plan: day 1 on the start date, day 2 on the next, each item in
 * grams in its meal slot. Applying is idempotent per plan day and date: a day the plan already
 * wrote on that date is reported, not stored again, so a second click (or a retry) adds nothing.
 * Without a start date the plan goes where it was applied before, else on the dates a
 * close-my-gaps plan completes, else on the first run of unlogged dates from today.
 */
export interface PlanApplyDeps {
  store: Pick<
    Store,
    | 'getPlan'
    | 'applyPlanDays'
    | 'listPlanApplications'
    | 'listLoggedDates'
    | 'listCustomFoods'
    | 'listRecipes'
  >;
  foods: FoodIndex;
  clock: Clock;
}

/** The part of a stored plan that applying it needs (the CLI plan JSON, docs/design.md §5). */
const storedPlanDays = z.looseObject({
  days: z.array(
    z.looseObject({
      date: z.string().optional(),
      items: z.array(
        z.looseObject({
          foodId: z.string(),
          grams: z.number().positive(),
          meal: z.string().optional(),
          change: z.enum(['logged', 'added', 'removed']).optional(),
        }),
      ),
    }),
  ),
});
type PlanDays = z.infer<typeof storedPlanDays>['days'];

export interface PlanApplication {
  planId: string;
  /** Where "Add to diary" puts day 1 when no start date is given. */
  suggestedStartDate: string;
  /** Why that date: applied before, the plan's own dates, or the next unlogged dates. */
  suggestedBecause: 'applied' | 'plan-dates' | 'unlogged';
  /** The plan days already in the diary, by date. */
  applied: { day: number; date: string; entries: number }[];
}

export interface AppliedPlan {
  planId: string;
  startDate: string;
  /** True when every day was already on its date: nothing was stored. */
  alreadyApplied: boolean;
  days: { day: number; date: string; added: number; existing: number }[];
  /** The entries stored by this call (none when alreadyApplied). */
  entries: StoredDiaryEntry[];
}

async function loadPlanDays(
  deps: PlanApplyDeps,
  owner: string,
  planId: string,
): Promise<Result<PlanDays>> {
  const plan = await deps.store.getPlan(owner, planId);
  if (!plan) return err({ code: 'NOT_FOUND', message: `no plan with id ${planId}`, field: 'id' });
  const parsed = storedPlanDays.safeParse(plan.result);
  if (!parsed.success || parsed.data.days.length === 0) {
    return err({ code: 'INVALID_INPUT', message: 'this plan has no days to add', field: 'id' });
  }
  return ok(parsed.data.days);
}

/** The first date from `today` on that starts `length` dates with nothing logged. */
async function nextUnloggedStart(
  deps: PlanApplyDeps,
  owner: string,
  today: string,
  length: number,
): Promise<string> {
  const logged = new Set(await deps.store.listLoggedDates(owner, today));
  let start = today;
  for (let i = 0; i < length; i++) {
    const date = addDays(start, i);
    if (logged.has(date)) {
      start = addDays(date, 1);
      i = -1;
    }
  }
  return start;
}

async function suggest(
  deps: PlanApplyDeps,
  owner: string,
  planId: string,
  days: PlanDays,
): Promise<Omit<PlanApplication, 'planId'>> {
  const applied = await deps.store.listPlanApplications(owner, planId);
  const first = applied[0];
  if (first) {
    return {
      suggestedStartDate: addDays(first.date, -first.day),
      suggestedBecause: 'applied',
      applied,
    };
  }
  const own = days[0]?.date;
  if (own !== undefined && days.every((day) => day.date !== undefined)) {
    return { suggestedStartDate: own, suggestedBecause: 'plan-dates', applied };
  }
  const today = localDate(deps.clock());
  const start = await nextUnloggedStart(deps, owner, today, days.length);
  return { suggestedStartDate: start, suggestedBecause: 'unlogged', applied };
}

/** Where the plan would go and which of its days are already in the diary. */
export async function planApplication(
  deps: PlanApplyDeps,
  input: { owner: string; planId: string },
): Promise<Result<PlanApplication>> {
  const days = await loadPlanDays(deps, input.owner, input.planId);
  if (!days.ok) return days;
  return ok({
    planId: input.planId,
    ...(await suggest(deps, input.owner, input.planId, days.value)),
  });
}

/** Stores the plan's days from `startDate` (or the suggested date), each day once per date. */
export async function applyPlan(
  deps: PlanApplyDeps,
  input: { owner: string; planId: string; startDate?: string },
): Promise<Result<AppliedPlan>> {
  const { owner, planId } = input;
  const days = await loadPlanDays(deps, owner, planId);
  if (!days.ok) return days;
  const startDate =
    input.startDate ?? (await suggest(deps, owner, planId, days.value)).suggestedStartDate;
  // A close-my-gaps plan keeps its own dates when it is applied where it was made for.
  const ownDates =
    input.startDate === undefined || input.startDate === days.value[0]?.date
      ? days.value.every((day) => day.date !== undefined)
      : false;
  const foods = await ownerFoods(deps, owner);
  const planned = [];
  for (const [index, day] of days.value.entries()) {
    const date = ownDates && day.date !== undefined ? day.date : addDays(startDate, index);
    const entries: NewDiaryEntry[] = day.items
      // Items a close-my-gaps plan kept from the diary are there already; removals are advice.
      .filter((item) => item.change !== 'logged' && item.change !== 'removed')
      .map((item) => ({
        date,
        food: item.foodId,
        amount: Math.round(item.grams * 10) / 10,
        unit: 'g',
        ...(isDiaryMeal(item.meal) && { meal: item.meal }),
      }));
    for (const entry of entries) {
      const checked = checkDiaryEntry(entry, foods);
      if (!checked.ok) return checked;
    }
    planned.push({ day: index, date, entries });
  }
  const applied = await deps.store.applyPlanDays(owner, planId, planned);
  return ok({
    planId,
    startDate,
    alreadyApplied: applied.every((day) => day.existing > 0),
    days: applied.map(({ day, date, stored, existing }) => ({
      day,
      date,
      added: stored.length,
      existing,
    })),
    entries: applied.flatMap((day) => day.stored),
  });
}
