import type { ResolvedDiary } from '../core/analysis/resolve.js';
import { resolveDiary } from '../core/analysis/index.js';
import type { FoodIndex } from '../core/foods.js';
import {
  habitsFromHistory,
  makePlan,
  recipeDishes,
  PLAN_EFFORT,
  type BaseDay,
  type PlanRequest,
  type PantryItem,
  type PlanRun,
  type UnusedRecipe,
} from '../core/plan/index.js';
import { rollUpRecipes, type Recipe } from '../core/recipes.js';
import type { LabResult } from '../core/labs/index.js';
import type { Profile } from '../core/profile.js';
import { err, ok, type CalcwiseError, type Result } from '../core/result.js';
import type { Analysis } from '../core/analysis/types.js';
import { assess } from '../core/policy/index.js';
import type { AppDeps, ClosableSolver, FoodCatalog } from './deps.js';
import { analyseStoredPeriod } from './analysis.js';
import { ownerFoods } from './foods.js';
import { requireProfile } from './profile.js';

export interface PlanInput {
  profile: Profile;
  days: number;
  /** Logged days to keep and complete ("close my gaps"); their count overrides `days`. */
  base?: BaseDay[] | undefined;
  /** Wall-clock safety net per solve (seconds): reaching it is a fault, not a normal stop. */
  safetyTimeLimitSec?: number | undefined;
  /** Branch-and-bound nodes per day (the deterministic effort limit; default PLAN_EFFORT). */
  maxNodes?: number | undefined;
  /** Logged days a held nutrient stays consistent with (vitamin K for VKA users). */
  history?: Analysis | undefined;
  /** Lab results: the policy reads the latest of each test (potassium, calcium, eGFR …). */
  labs?: readonly LabResult[] | undefined;
  /** The person's recipes and the foods their ingredients resolve against: offered as dishes. */
  recipes?: { recipes: readonly Recipe[]; foods: FoodIndex } | undefined;
}

/**
 * The person's recipes as planner dishes (src/core/plan/recipe-dishes.ts), and the recipes not
 * offered with the reason (an ingredient outside the curated pantry, a roll-up that fails).
 */
export function recipeCandidates(
  recipes: readonly Recipe[],
  foods: FoodIndex,
  pantry: readonly PantryItem[],
): { dishes: PantryItem[]; unused: UnusedRecipe[] } {
  if (recipes.length === 0) return { dishes: [], unused: [] };
  const { rolled, failed } = rollUpRecipes(recipes, foods);
  return recipeDishes(rolled.values(), pantry, failed);
}

/**
 * The planner's request for a profile: its targets, its findings and the curated pantry. The
 * CLI `plan` command and `POST /api/plans` both build it here, so both give the same plan.
 */
export function buildPlanRequest(
  foods: Pick<FoodCatalog, 'pantry'>,
  input: PlanInput,
): PlanRequest {
  // One policy: targets with the findings' consequences applied, and the consequences.
  const assessment = assess(input.profile, {
    ...(input.history && input.history.days.length > 0 && { analysis: input.history }),
    ...(input.labs && input.labs.length > 0 && { labs: input.labs }),
  });
  // The person's habits come from the same history: foods they already eat are preferred.
  const habits = input.history ? habitsFromHistory(input.history) : undefined;
  // Their recipes join the curated pantry as dishes; without recipes the pantry is unchanged.
  const { dishes, unused } = input.recipes
    ? recipeCandidates(input.recipes.recipes, input.recipes.foods, foods.pantry)
    : { dishes: [], unused: [] };
  return {
    profile: input.profile,
    targets: assessment.targets,
    findings: assessment.findings,
    consequences: assessment.consequences,
    pantry: dishes.length > 0 ? [...foods.pantry, ...dishes] : foods.pantry,
    ...(unused.length > 0 && { unusedRecipes: unused }),
    days: input.base ? input.base.length : input.days,
    ...(input.base && { base: input.base }),
    ...(habits && { habits }),
    ...(input.safetyTimeLimitSec !== undefined && {
      safetyTimeLimitSec: input.safetyTimeLimitSec,
    }),
    ...(input.maxNodes !== undefined && { effort: { ...PLAN_EFFORT, nodes: input.maxNodes } }),
  };
}

/** Logged days, resolved to grams, as the days a close-my-gaps plan keeps. */
export function baseDays(diary: ResolvedDiary): BaseDay[] {
  return diary.days.map((day) => ({
    date: day.date,
    entries: day.entries.map((entry) => ({ food: entry.food, grams: entry.grams })),
  }));
}

/** The owner's logged entries on each date (each date must have some) as base days. */
export async function storedBaseDays(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  dates: readonly string[],
): Promise<Result<BaseDay[]>> {
  const foods: FoodIndex = await ownerFoods(deps, owner);
  const base: BaseDay[] = [];
  for (const date of [...new Set(dates)].sort()) {
    const logged = await deps.store.listEntries(owner, { from: date, to: date });
    if (logged.length === 0) {
      return err({
        code: 'NOT_FOUND',
        message: `diary entries on ${date} not found`,
        field: 'base',
      });
    }
    const resolved = resolveDiary(
      {
        days: [{ date, entries: logged.map(({ food, amount, unit }) => ({ food, amount, unit })) }],
      },
      foods,
    );
    if (!resolved.ok) return resolved;
    base.push({ date, entries: baseDays(resolved.value).flatMap((day) => day.entries) });
  }
  return ok(base);
}

/** `POST /api/plans`: the request for the stored profile, optionally completing logged days. */
export async function storedPlanRequest(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  input: { days: number; base?: string | string[] | undefined },
): Promise<Result<PlanRequest>> {
  const profile = await requireProfile(deps, owner);
  if (!profile.ok) return profile;
  let base: BaseDay[] | undefined;
  if (input.base !== undefined) {
    const days = await storedBaseDays(
      deps,
      owner,
      Array.isArray(input.base) ? input.base : [input.base],
    );
    if (!days.ok) return days;
    base = days.value;
  }
  // The app's logged days are the history a held nutrient (VKA: vitamin K) stays consistent with.
  const history = await analyseStoredPeriod(deps, owner, {});
  const labs = await deps.store.listLabs(owner);
  const recipes = await deps.store.listRecipes(owner);
  return ok(
    buildPlanRequest(deps.foods, {
      profile: profile.value,
      days: input.days,
      base,
      labs,
      ...(recipes.length > 0 && {
        recipes: { recipes, foods: await ownerFoods(deps, owner) },
      }),
      ...(history.ok && history.value.days.length > 0 && { history: history.value }),
    }),
  );
}

/**
 * A plan run and, when it gave no plan, the coded error: INFEASIBLE_PLAN (the result carries the
 * diagnosis) or SOLVER_FAILED (a solver fault).
 */
export interface PlanOutcome {
  run: PlanRun;
  error?: CalcwiseError;
}

/** Runs the planner with a fresh solver from the deps and releases it afterwards. */
export async function runPlan(
  deps: Pick<AppDeps, 'solver'>,
  request: PlanRequest,
): Promise<PlanOutcome> {
  const solver: ClosableSolver = deps.solver();
  try {
    const run = await makePlan(request, solver);
    const error = planError(run);
    return error ? { run, error } : { run };
  } finally {
    await solver.close?.();
  }
}

/** The coded error of a run that gave no plan (none when it gave one). */
export function planError({ result }: Pick<PlanRun, 'result'>): CalcwiseError | undefined {
  if (result.status === 'infeasible') {
    const conflicts = (result.diagnosis?.conflicts ?? []).map((c) => c.description).join('; ');
    return { code: 'INFEASIBLE_PLAN', message: `no plan meets every hard limit: ${conflicts}` };
  }
  if (result.status === 'failed' || result.status === 'cancelled' || result.days.length === 0) {
    // Plans stop on deterministic effort limits and fall back to a repaired LP rounding: this
    // is a solver fault (its wall-clock safety net, a crash) or a cancellation.
    return { code: 'SOLVER_FAILED', message: `the solver failed: ${result.failure ?? 'no plan'}` };
  }
  return undefined;
}
