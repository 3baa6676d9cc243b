/**
 * Profile plans: candidate reduction by the LP relaxation, the MIP, and the solution turned
 * into days, totals, unmet minimums, supplement suggestions and an explanation (issue 5).
 */
import { nutrientPer100g } from '../foods.js';
import { getNutrient, NUTRIENT_IDS, type NutrientId } from '../nutrients.js';
import { suggestSupplements as suggestFromPolicy } from '../policy/suggest.js';
import { diagnose } from './diagnose.js';
import { explainShortfall } from './explain.js';
import {
  buildPlanModel,
  consistencyCoef,
  planSpec,
  rowFamily,
  type BuildOptions,
  type PlanModel,
  type PlanSpec,
} from './model.js';
import {
  rowActivities,
  type EffortLimits,
  type LinearModel,
  type SolveOptions,
  type SolveOutcome,
  type Solver,
} from './solver-port.js';
import {
  DISCLAIMER,
  type BaseDay,
  type Meal,
  type NutrientTotal,
  type PantryItem,
  type PlanDay,
  type PlanItem,
  type PlanRequest,
  type PlanResult,
  type ShoppingItem,
  type SupplementSuggestion,
  type Unmet,
} from './types.js';

export interface PlanRun {
  result: PlanResult;
  /** The model that was solved last (kept for callers that write one file). */
  model: LinearModel;
  /** Every MIP the plan was made from, in order: day d's model (with its look-ahead day). */
  models: { day: number; model: LinearModel }[];
}

export interface PlanControl {
  /** Aborting stops the plan: its solves are cancelled and the result is 'cancelled'. */
  signal?: AbortSignal;
}

/**
 * The MIP may stop within this much of the proved bound: 1 unit is a 1 % shortfall of a
 * weight-1 minimum, so plans within about one percent of a target of the best are accepted.
 */
export const MIP_ABS_GAP = 1;

/**
 * Deterministic effort for a day's MIP (HiGHS nodes and simplex iterations, never seconds):
 * the same input gives the same plan however busy or fast the machine is.
 */
export const PLAN_EFFORT: EffortLimits = { nodes: 200, iterations: 200_000 };
/** Effort for the fallback that repairs a rounded LP solution to whole portions. */
export const REPAIR_EFFORT: EffortLimits = { nodes: 1000, iterations: 400_000 };

/**
 * Days planned ahead of the day being fixed (rolling horizon, relax-and-fix): day d is solved
 * together with day d+1, whose portions are continuous (its LP relaxation), so day d does not
 * take every good food and leave day d+1 the rest, at little more than the cost of one day.
 */
export const LOOKAHEAD_DAYS = 1;

/** Foods kept per food group after the LP relaxation, counting those the LP already uses. */
const PER_GROUP_KEEP = 4;

type DayStatus = 'optimal' | 'effort-limit' | 'repaired';

interface SolvedDay {
  pm: PlanModel;
  outcome: SolveOutcome;
  status: DayStatus;
  /** The day's build options with every allowed candidate (for explanations). */
  options: BuildOptions;
  allowed: number[];
}

type Failure = {
  kind: 'infeasible' | 'failed' | 'cancelled';
  message?: string;
  model: LinearModel;
};

export async function makePlan(
  request: PlanRequest,
  solver: Solver,
  control: PlanControl = {},
): Promise<PlanRun> {
  const run = await planDaysOf(request, solver, control);
  // The person's recipes that were not offered as dishes, and why: every outcome says so.
  const unused = request.unusedRecipes ?? [];
  return unused.length > 0 ? { ...run, result: { ...run.result, unusedRecipes: unused } } : run;
}

async function planDaysOf(
  request: PlanRequest,
  solver: Solver,
  control: PlanControl,
): Promise<PlanRun> {
  const signal = control.signal;
  const effort = request.effort ?? PLAN_EFFORT;
  const safety =
    request.safetyTimeLimitSec !== undefined
      ? { safetyTimeLimitSec: request.safetyTimeLimitSec }
      : {};
  // Effort counts only: nothing below reads a clock or depends on how long a solve took.
  let nodes = 0;
  let iterations = 0;
  const solve = async (model: LinearModel, options: SolveOptions): Promise<SolveOutcome> => {
    const outcome = await solver.solve(model, {
      ...safety,
      ...options,
      ...(signal ? { signal } : {}),
    });
    nodes += outcome.nodes ?? 0;
    iterations += outcome.iterations ?? 0;
    return outcome;
  };
  const spec = personalLabels(
    planSpec(
      request.profile,
      request.targets,
      request.findings,
      request.pantry,
      request.habits,
      request.consequences ?? [],
    ),
    request,
  );
  const base = request.base;
  const days = base ? base.length : Math.max(1, Math.floor(request.days));
  const used = new Map<number, number>();
  let yesterday = new Set<number>();
  const solved: SolvedDay[] = [];
  const models: PlanRun['models'] = [];
  // A held nutrient (holdConsistent) stays near the policy's reference (the logged average, or
  // the AI without a history), or near day 1's amount when the policy gives none.
  let consistencyReference: number | undefined = spec.consistency?.reference;
  const info = { candidates: 0, cols: 0, rows: 0 };
  const fail = (failure: Failure): PlanRun => ({
    model: failure.model,
    models,
    result: emptyResult(
      spec,
      failure.kind,
      { ...info, nodes, iterations },
      undefined,
      failure.message,
    ),
  });
  /** A fault or a cancellation ends the plan; anything else is a result. */
  const fault = (outcome: SolveOutcome, model: LinearModel): Failure | undefined => {
    if (outcome.status === 'cancelled' || signal?.aborted)
      return { kind: 'cancelled', message: 'the plan was cancelled', model };
    if (
      outcome.status === 'time-limit' ||
      outcome.status === 'error' ||
      outcome.status === 'unbounded'
    )
      return { kind: 'failed', message: outcome.message ?? `solver: ${outcome.status}`, model };
    return undefined;
  };

  // Day by day with a look-ahead: day d is solved with the following day(s), then fixed; foods
  // used on earlier days count against their repeat limit, and a nutrient held consistent keeps
  // its reference on every day.
  for (let d = 0; d < days; d += 1) {
    const allowed = spec.candidates
      .map((item, i) => ({ item, i }))
      .filter(({ item, i }) => (used.get(i) ?? 0) < repeatLimit(item, days))
      // Days differ: a food other than a staple is not eaten two days running.
      .filter(({ item, i }) => STAPLES.has(item.group) || !yesterday.has(i))
      .map(({ i }) => i);
    const lookahead = Math.max(0, Math.floor(request.lookahead ?? LOOKAHEAD_DAYS));
    const window = base ? 1 : Math.min(1 + lookahead, days - d);
    const dayOptions = (n: number): BuildOptions => ({
      days: n,
      firstDay: d + 1,
      ...(base ? { base: [base[d] as BaseDay] } : {}),
      ...(consistencyReference !== undefined ? { consistencyReference } : {}),
    });
    let attempt: { pm: PlanModel; outcome: SolveOutcome; status: DayStatus } | Failure | undefined;
    // A look-ahead that cannot be met (rare) falls back to the day alone.
    for (const n of window > 1 ? [window, 1] : [1]) {
      attempt = await solveDay(spec, dayOptions(n), allowed, effort, solve, fault);
      if (!('kind' in attempt) || attempt.kind !== 'infeasible') break;
    }
    if (!attempt) throw new Error('unreachable');
    if ('kind' in attempt) {
      if (attempt.kind !== 'infeasible') return fail(attempt);
      const full = buildPlanModel(spec, { ...dayOptions(1), items: allowed });
      const diagnosis = await diagnose(full.model, spec, solver, request, signal);
      models.push({ day: d + 1, model: full.model });
      return {
        model: full.model,
        models,
        result: emptyResult(spec, 'infeasible', { ...info, nodes, iterations }, diagnosis),
      };
    }
    const { pm, outcome, status } = attempt;
    models.push({ day: d + 1, model: pm.model });
    info.candidates = Math.max(info.candidates, pm.items.length);
    info.cols = Math.max(info.cols, pm.model.colNames.length);
    info.rows = Math.max(info.rows, pm.model.rowNames.length);
    const values = outcome.values as Float64Array;
    yesterday = new Set<number>();
    for (const v of pm.y) {
      if (v.day === 0 && Math.round(values[v.col] as number) === 1) {
        used.set(v.item, (used.get(v.item) ?? 0) + 1);
        yesterday.add(v.item);
      }
    }
    if (d === 0 && spec.consistency && consistencyReference === undefined) {
      const coef = consistencyCoef(spec);
      {
        consistencyReference = pm.x
          .filter((v) => v.day === 0)
          .reduce(
            (sum, v) =>
              sum +
              (Math.round(values[v.col] as number) *
                (spec.candidates[v.item] as PantryItem).stepG *
                (coef[v.item] as number)) /
                100,
            0,
          );
      }
    }
    solved.push({ pm, outcome, status, options: dayOptions(1), allowed });
  }
  const result = decode(spec, solved, request);
  result.unmet = await explainUnmet(spec, solved, result, request, solve);
  result.explanation.short = result.unmet.map((u) =>
    u.foodUnknown
      ? `${getNutrient(u.nutrient).name}: unknown from food (not in the food data)${u.achieved > 0 ? `, ${u.achieved} ${u.unit} from supplements` : ''}; target ${u.target} ${u.unit}`
      : `${getNutrient(u.nutrient).name}: ${u.achieved} of ${u.target} ${u.unit}`,
  );
  result.supplements = suggestSupplements(spec, result.days, result.unmet, request);
  const limited = solved.filter((s) => s.status !== 'optimal');
  result.status = limited.length ? 'effort-limit' : 'optimal';
  if (limited.length) {
    result.gap = Math.max(...limited.map((s) => s.outcome.gap ?? 1));
    result.gapAbs =
      Math.round(
        limited.reduce(
          (sum, s) =>
            sum +
            Math.max(0, (s.outcome.objective ?? 0) - (s.outcome.bound ?? s.outcome.objective ?? 0)),
          0,
        ) * 1000,
      ) / 1000;
  } else {
    delete result.gap;
    delete result.gapAbs;
  }
  result.solve = { ...info, nodes, iterations };
  result.shopping = shoppingList(spec, result.days);
  return { result, model: models.at(-1)?.model as LinearModel, models };
}

/**
 * One day (with its look-ahead): the LP relaxation picks the candidates, the MIP runs within its
 * effort limits; infeasible on the reduced candidates it is re-solved on all of them; with no
 * whole-portion solution within the limits, the fallback repairs the LP's rounding.
 */
async function solveDay(
  spec: PlanSpec,
  options: BuildOptions,
  allowed: number[],
  effort: EffortLimits,
  solve: (model: LinearModel, options: SolveOptions) => Promise<SolveOutcome>,
  fault: (outcome: SolveOutcome, model: LinearModel) => Failure | undefined,
): Promise<{ pm: PlanModel; outcome: SolveOutcome; status: DayStatus } | Failure> {
  const full = relaxAhead(buildPlanModel(spec, { ...options, items: allowed }));
  const relaxed = await solve(full.model, { relax: true, effort });
  const stop = fault(relaxed, full.model);
  if (stop) return stop;
  if (relaxed.status === 'infeasible') return { kind: 'infeasible', model: full.model };
  let items = allowed;
  if (relaxed.status === 'optimal' && relaxed.values && relaxed.reducedCosts) {
    items = reduceCandidates(spec, full, relaxed, allowed);
  }
  const candidates = items.length < allowed.length ? [items, allowed] : [allowed];
  let last: Failure = { kind: 'infeasible', model: full.model };
  for (const list of candidates) {
    const pm =
      list === allowed ? full : relaxAhead(buildPlanModel(spec, { ...options, items: list }));
    const outcome = await solve(pm.model, { effort, mipAbsGap: MIP_ABS_GAP });
    const stopped = fault(outcome, pm.model);
    if (stopped) return stopped;
    if (outcome.values) {
      return { pm, outcome, status: outcome.status === 'optimal' ? 'optimal' : 'effort-limit' };
    }
    if (outcome.status === 'infeasible') {
      last = { kind: 'infeasible', model: pm.model };
      continue;
    }
    // The effort limit without a whole-portion solution: repair the LP's rounding.
    const repaired = await repair(pm.model, solve, fault);
    if ('kind' in repaired) {
      if (repaired.kind !== 'infeasible') return repaired;
      last = repaired;
      continue;
    }
    return { pm, outcome: repaired, status: 'repaired' };
  }
  return last;
}

/** The look-ahead days' columns made continuous: only the day being fixed is branched on. */
function relaxAhead(pm: PlanModel): PlanModel {
  if (pm.days <= 1) return pm;
  const integer = Uint8Array.from(pm.model.integer);
  for (const v of pm.x) if (v.day > 0) integer[v.col] = 0;
  for (const v of pm.y) if (v.day > 0) integer[v.col] = 0;
  return { ...pm, model: { ...pm.model, integer } };
}

/**
 * The fallback: the LP relaxation rounded to whole portions; when the rounding breaks a row,
 * a small MIP with every integer column held between the floor and the ceiling of its LP
 * value; failing that, any whole-portion plan (objective dropped) with a larger effort limit,
 * which either finds one or proves there is none.
 */
async function repair(
  model: LinearModel,
  solve: (model: LinearModel, options: SolveOptions) => Promise<SolveOutcome>,
  fault: (outcome: SolveOutcome, model: LinearModel) => Failure | undefined,
): Promise<SolveOutcome | Failure> {
  const lp = await solve(model, { relax: true, effort: REPAIR_EFFORT });
  const stop = fault(lp, model);
  if (stop) return stop;
  if (lp.status === 'infeasible') return { kind: 'infeasible', model };
  if (lp.values) {
    const rounded = Float64Array.from(lp.values, (v, j) => (model.integer[j] ? Math.round(v) : v));
    if (feasible(model, rounded)) {
      const objective = rounded.reduce((sum, v, j) => sum + v * (model.colCost[j] as number), 0);
      return {
        status: 'effort-limit',
        objective,
        values: rounded,
        rowActivity: rowActivities(model, rounded),
        bound: lp.objective,
        gap: gapOf(objective, lp.objective),
        solveMs: 0,
      };
    }
    const colLower = Float64Array.from(model.colLower);
    const colUpper = Float64Array.from(model.colUpper);
    lp.values.forEach((v, j) => {
      if (!model.integer[j]) return;
      colLower[j] = Math.max(model.colLower[j] as number, Math.floor(v + 1e-9));
      colUpper[j] = Math.min(model.colUpper[j] as number, Math.ceil(v - 1e-9));
    });
    const near = await solve({ ...model, colLower, colUpper }, { effort: REPAIR_EFFORT });
    const stopped = fault(near, model);
    if (stopped) return stopped;
    if (near.values)
      return {
        ...near,
        status: 'effort-limit',
        bound: lp.objective,
        gap: gapOf(near.objective ?? 0, lp.objective),
      };
  }
  const anyPlan = await solve(
    { ...model, colCost: new Float64Array(model.colCost.length) },
    { effort: REPAIR_EFFORT },
  );
  const stopped = fault(anyPlan, model);
  if (stopped) return stopped;
  if (anyPlan.status === 'infeasible') return { kind: 'infeasible', model };
  if (!anyPlan.values) {
    return {
      kind: 'failed',
      message: 'no whole-portion plan found within the repair effort limit',
      model,
    };
  }
  const values = anyPlan.values;
  const objective = values.reduce((sum, v, j) => sum + v * (model.colCost[j] as number), 0);
  return {
    ...anyPlan,
    status: 'effort-limit',
    objective,
    ...(lp.objective !== undefined ? { bound: lp.objective } : {}),
    gap: gapOf(objective, lp.objective),
  };
}

function gapOf(objective: number, bound: number | undefined): number {
  if (bound === undefined) return 1;
  return Math.abs(objective - bound) / Math.max(1, Math.abs(objective));
}

/** Whether x meets every row and column bound (and integrality) of the model, within 1e-6. */
function feasible(model: LinearModel, x: Float64Array): boolean {
  const tol = (b: number) => 1e-6 * Math.max(1, Math.abs(b));
  for (let j = 0; j < x.length; j += 1) {
    const v = x[j] as number;
    if (v < (model.colLower[j] as number) - tol(v) || v > (model.colUpper[j] as number) + tol(v))
      return false;
  }
  const activity = rowActivities(model, x);
  for (let i = 0; i < activity.length; i += 1) {
    const a = activity[i] as number;
    if (a < (model.rowLower[i] as number) - tol(model.rowLower[i] as number)) return false;
    if (a > (model.rowUpper[i] as number) + tol(model.rowUpper[i] as number)) return false;
  }
  return true;
}

/** Limits from the person's own overrides are labelled as theirs, not as a reference value. */
function personalLabels(spec: PlanSpec, request: PlanRequest): PlanSpec {
  for (const target of request.targets.targets) {
    if (!target.override || target.bound !== 'max') continue;
    const cap = spec.caps.find((c) => c.name === `cap:${target.nutrient}`);
    if (!cap) continue;
    cap.label = cap.label.replace(`(${target.kind}`, '(your target');
    spec.descriptions.set(cap.name, cap.label);
  }
  return spec;
}

/** The plan's food summed over days, in the order first planned; logged food is not bought. */
export function shoppingList(spec: PlanSpec, days: PlanDay[]): ShoppingItem[] {
  const byId = new Map<string, { item: PantryItem | undefined; name: string; grams: number }>();
  for (const day of days) {
    for (const planned of day.items) {
      if (planned.change === 'logged' || planned.change === 'removed') continue;
      const entry = byId.get(planned.foodId) ?? {
        item: spec.candidates.find((c) => c.food.id === planned.foodId),
        name: planned.name,
        grams: 0,
      };
      entry.grams += planned.grams;
      byId.set(planned.foodId, entry);
    }
  }
  return [...byId].map(([foodId, { item, name, grams }]) => {
    const g = round1(grams);
    return { foodId, name, grams: g, household: item ? portionText(item, g) : `${g} g` };
  });
}

/** On how many days of a plan one food may appear: staples on 5 of 7, others on 3 of 7. */
export function repeatLimit(item: PantryItem, days: number): number {
  const share = STAPLES.has(item.group) ? 5 / 7 : 3 / 7;
  return Math.max(1, Math.ceil(days * share - 1e-9));
}

const STAPLES = new Set([
  'grains',
  'dairy',
  'dairy-alt',
  'fats-oils',
  'nuts-seeds',
  'condiments',
  'sweets',
  'beverages',
]);

function reduceCandidates(
  spec: PlanSpec,
  pm: PlanModel,
  lp: SolveOutcome,
  allowed: number[],
): number[] {
  const values = lp.values as Float64Array;
  const rc = lp.reducedCosts as Float64Array;
  const used = new Map<number, number>();
  const best = new Map<number, number>();
  for (const v of pm.x) {
    used.set(v.item, (used.get(v.item) ?? 0) + (values[v.col] as number));
    best.set(v.item, Math.min(best.get(v.item) ?? Infinity, rc[v.col] as number));
  }
  const keep = new Set<number>();
  for (const [item, amount] of used) if (amount > 1e-6) keep.add(item);
  const byGroup = new Map<string, number[]>();
  for (const i of allowed) {
    const item = spec.candidates[i] as PantryItem;
    const list = byGroup.get(item.group) ?? [];
    list.push(i);
    byGroup.set(item.group, list);
  }
  const k = PER_GROUP_KEEP;
  for (const list of byGroup.values()) {
    list.sort((a, b) => (best.get(a) ?? 0) - (best.get(b) ?? 0));
    let kept = list.filter((i) => keep.has(i)).length;
    for (const i of list) {
      if (kept >= k) break;
      if (keep.has(i)) continue;
      keep.add(i);
      kept += 1;
    }
  }
  return [...keep].sort((a, b) => a - b);
}

function emptyResult(
  spec: PlanSpec,
  status: 'infeasible' | 'failed' | 'cancelled',
  solve: PlanResult['solve'],
  diagnosis?: PlanResult['diagnosis'],
  message?: string,
): PlanResult {
  return {
    status,
    ...(message !== undefined && status !== 'infeasible' ? { failure: message } : {}),
    days: [],
    unmet: [],
    supplements: [],
    explanation: {
      foods: [],
      binding: [],
      short: [],
      limits: spec.caps,
      candidates: spec.candidates.length,
    },
    ...(diagnosis ? { diagnosis } : {}),
    solve,
    disclaimer: DISCLAIMER,
  };
}

/** Household amount for display: "2 large", "1.5 cup", else grams. */
export function portionText(item: PantryItem, grams: number): string {
  const portion = item.portion;
  if (portion) {
    const count = grams / portion.grams;
    const half = Math.round(count * 2) / 2;
    if (half > 0 && Math.abs(count - half) <= 0.06 * half)
      return `${half} ${portion.name} (${grams} g)`;
  }
  return `${grams} g`;
}

function decode(spec: PlanSpec, solved: SolvedDay[], request: PlanRequest): PlanResult {
  const planDays: PlanDay[] = [];
  const foodsServing = new Map<string, { foodId: string; name: string; serves: Set<NutrientId> }>();
  const bindingSet = new Set<string>();
  for (let d = 0; d < solved.length; d += 1) {
    const { pm, outcome, status } = solved[d] as SolvedDay;
    const values = outcome.values as Float64Array;
    // Day d was solved with its look-ahead day; only day d (index 0 in its model) is kept.
    for (const family of bindingRows(pm.model, outcome, `d${d + 1}:`)) bindingSet.add(family);
    const items: PlanItem[] = [];
    const grams: { food: PantryItem['food']; grams: number }[] = [];
    const merged = new Map<string, { item: PantryItem; meal: Meal; steps: number }>();
    for (const v of pm.x) {
      if (v.day !== 0) continue;
      const steps = Math.round(values[v.col] as number);
      if (steps <= 0) continue;
      const item = spec.candidates[v.item] as PantryItem;
      const key = `${item.food.id}|${v.meal}`;
      const entry = merged.get(key) ?? { item, meal: v.meal, steps: 0 };
      entry.steps += steps;
      merged.set(key, entry);
    }
    const logged = request.base?.[d];
    if (logged) {
      logged.entries.forEach((entry, e) => {
        const removal = pm.removals.find((r) => r.entry === e && r.day === 0);
        const removed = removal !== undefined && Math.round(values[removal.col] as number) === 1;
        const g = round1(entry.grams);
        items.push({
          foodId: entry.food.id,
          name: entry.food.name,
          grams: g,
          portion: `${g} g`,
          meal: 'logged',
          change: removed ? 'removed' : 'logged',
        });
        if (!removed) grams.push({ food: entry.food, grams: entry.grams });
      });
    }
    const order: Record<string, number> = { breakfast: 0, lunch: 1, dinner: 2, snack: 3 };
    for (const { item, meal, steps } of [...merged.values()].sort(
      (a, b) => (order[a.meal] as number) - (order[b.meal] as number),
    )) {
      const g = steps * item.stepG;
      items.push({
        foodId: item.food.id,
        name: item.food.name,
        grams: g,
        portion: portionText(item, g),
        meal,
        ...(item.notRaw ? { cook: true as const } : {}),
        ...(logged ? { change: 'added' as const } : {}),
      });
      grams.push({ food: item.food, grams: g });
      const served = foodsServing.get(item.food.id) ?? {
        foodId: item.food.id,
        name: item.food.name,
        serves: new Set(),
      };
      for (const need of spec.mins) {
        const per100 = nutrientPer100g(item.food, need.nutrient)?.per100g;
        if (per100 !== undefined && (per100 * g) / 100 >= 0.1 * need.need)
          served.serves.add(need.nutrient);
      }
      foodsServing.set(item.food.id, served);
    }
    const meals: PlanDay['meals'] = {};
    for (const item of items) {
      if (item.change === 'removed') continue;
      (meals[item.meal] ??= []).push(item);
    }
    planDays.push({
      day: d + 1,
      ...(logged ? { date: logged.date } : {}),
      meals,
      items,
      totals: dayTotals(grams),
      solve:
        status === 'optimal'
          ? { status }
          : { status, gap: Math.round((outcome.gap ?? 1) * 10000) / 10000 },
    });
  }

  // Unmet minimums: worst day, food plus supplements.
  const unmet: Unmet[] = [];
  const binding = [...bindingSet];
  const unknown = new Set(spec.unsupplied.map((u) => u.nutrient));
  for (const need of [...spec.mins, ...spec.unsupplied]) {
    let worst = Infinity;
    for (const day of planDays) worst = Math.min(worst, day.totals[need.nutrient]?.amount ?? 0);
    const achieved = worst + need.supplement;
    // Within 2 % of the target counts as met (the MIP itself stops within about 1 %).
    if (achieved >= need.target * 0.98) continue;
    unmet.push({
      nutrient: need.nutrient,
      unit: need.unit,
      target: need.target,
      achieved: round1(achieved),
      ...(unknown.has(need.nutrient) ? { foodUnknown: true as const } : {}),
      reason: '',
    });
  }
  const objective = solved.reduce((sum, s) => sum + (s.outcome.objective ?? 0), 0);
  return {
    status: 'optimal',
    gap: 0,
    objective,
    days: planDays,
    unmet,
    supplements: [],
    explanation: {
      foods: [...foodsServing.values()].map((f) => ({
        foodId: f.foodId,
        name: f.name,
        serves: [...f.serves],
      })),
      binding: binding.map(
        (family) =>
          `${family}: ${spec.descriptions.get(family.replace(/^(group-(max|min)):/, '$1:')) ?? spec.descriptions.get(family) ?? family}`,
      ),
      short: unmet.map(
        (u) => `${getNutrient(u.nutrient).name}: ${u.achieved} of ${u.target} ${u.unit}`,
      ),
      limits: spec.caps,
      candidates: spec.candidates.length,
    },
    solve: { nodes: 0, iterations: 0, candidates: 0, cols: 0, rows: 0 },
    disclaimer: DISCLAIMER,
  };
}

/** Totals from the food data: known values only; coverage is the share of grams with a known value. */
export function dayTotals(
  items: { food: PantryItem['food']; grams: number }[],
): Partial<Record<NutrientId, NutrientTotal>> {
  const totals: Partial<Record<NutrientId, NutrientTotal>> = {};
  const allGrams = items.reduce((a, i) => a + i.grams, 0);
  for (const id of NUTRIENT_IDS) {
    let amount = 0;
    let known = 0;
    for (const { food, grams } of items) {
      const value = nutrientPer100g(food, id);
      if (!value) continue;
      amount += (value.per100g * grams) / 100;
      // A recipe's value that leaves ingredients out covers only their share of its weight.
      known += grams * knownShare(food, id);
    }
    if (known === 0) continue;
    totals[id] = {
      amount: round1(amount, id),
      unit: getNutrient(id).unit,
      coverage: Math.round((known / allGrams) * 100) / 100,
    };
  }
  return totals;
}

/** Share of a food's weight its value for a nutrient covers: below 1 for a partial roll-up. */
function knownShare(food: PantryItem['food'], id: NutrientId): number {
  const own = food.nutrients[id]?.coverage?.share;
  if (own !== undefined) return own;
  let share = 1;
  for (const part of getNutrient(id).derivedFrom ?? []) {
    const s = food.nutrients[part]?.coverage?.share;
    if (s !== undefined) share = Math.min(share, s);
  }
  return share;
}

/** Hard rows at their bound in the solution, as constraint families (energy, cap:sodium, group-max:…). */
function bindingRows(model: LinearModel, outcome: SolveOutcome, dayPrefix: string): string[] {
  const activity = outcome.rowActivity;
  if (!activity) return [];
  const families = new Set<string>();
  for (let i = 0; i < model.rowNames.length; i += 1) {
    const name = model.rowNames[i] as string;
    // Rows of the look-ahead day do not shape the day kept.
    if (/^d\d+:/.test(name) && !name.startsWith(dayPrefix)) continue;
    const family = rowFamily(name);
    if (
      family === 'portion' ||
      family.startsWith('min:') ||
      family.startsWith('group-min:') ||
      family.startsWith('meal-food')
    )
      continue;
    const a = activity[i] as number;
    const lo = model.rowLower[i] as number;
    const hi = model.rowUpper[i] as number;
    const tol = (bound: number) => 1e-6 * Math.max(1, Math.abs(bound));
    if (
      (Number.isFinite(hi) && Math.abs(a - hi) <= tol(hi)) ||
      (Number.isFinite(lo) && Math.abs(a - lo) <= tol(lo))
    ) {
      families.add(family);
    }
  }
  return [...families];
}

/** Each unmet minimum explained on its lowest day, from the model (explain.ts). */
async function explainUnmet(
  spec: PlanSpec,
  solved: SolvedDay[],
  result: PlanResult,
  request: PlanRequest,
  solve: (model: LinearModel, options: SolveOptions) => Promise<SolveOutcome>,
): Promise<Unmet[]> {
  const out: Unmet[] = [];
  for (const u of result.unmet) {
    let worst = 0;
    result.days.forEach((day, d) => {
      const amount = day.totals[u.nutrient]?.amount ?? 0;
      if (amount < (result.days[worst]?.totals[u.nutrient]?.amount ?? 0)) worst = d;
    });
    const day = solved[worst] as SolvedDay;
    const reason = await explainShortfall(spec, day, worst + 1, u, request, solve);
    out.push({ ...u, reason: result.days.length > 1 ? `day ${worst + 1}: ${reason}` : reason });
  }
  return out;
}

function suggestSupplements(
  spec: PlanSpec,
  days: PlanDay[],
  unmet: Unmet[],
  request: PlanRequest,
): SupplementSuggestion[] {
  const maxFood = (n: NutrientId) => Math.max(0, ...days.map((d) => d.totals[n]?.amount ?? 0));
  void spec;
  return suggestFromPolicy({
    profile: request.profile,
    targets: request.targets,
    consequences: request.consequences ?? [],
    findings: request.findings,
    gaps: unmet.map((u) => ({
      nutrient: u.nutrient,
      unit: u.unit,
      target: u.target,
      achieved: u.achieved,
      foodMax: maxFood(u.nutrient),
    })),
    // Long-chain menaquinones in food: natto and cheese (by name in the pantry).
    longChainK2Foods: days.some((d) =>
      d.items.some((i) => /^(Natto|Cheese)/.test(i.name) && i.change !== 'removed'),
    ),
  });
}

function round1(value: number, id?: NutrientId): number {
  if (id && getNutrient(id).unit === 'g' && Math.abs(value) < 10)
    return Math.round(value * 100) / 100;
  return Math.round(value * 10) / 10;
}

export type { PlanSpec };
