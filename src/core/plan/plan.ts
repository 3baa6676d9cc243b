/**
 * Profile plans: candidate reduction by the LP relaxation, the MIP, and the solution turned
 * into days, totals, unmet minimums, supplement suggestions and an explanation (issue 5).
 */
import { nutrientPer100g } from '../foods.js';
import { getNutrient, NUTRIENT_IDS, type NutrientId } from '../nutrients.js';
import { suggestSupplements as suggestFromPolicy } from '../policy/suggest.js';
import { diagnose } from './diagnose.js';
import {
  buildPlanModel,
  consistencyCoef,
  inGroup,
  planSpec,
  rowFamily,
  type PlanModel,
  type PlanSpec,
} from './model.js';
import type { LinearModel, SolveOutcome, Solver } from './solver-port.js';
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
  type SupplementSuggestion,
  type Unmet,
} from './types.js';

export interface PlanRun {
  result: PlanResult;
  /** The model that was solved last (for --write-lp). */
  model: LinearModel;
}

/**
 * The MIP may stop within this much of the proved bound: 1 unit is a 1 % shortfall of a
 * weight-1 minimum, so plans within about one percent of a target of the best are accepted.
 */
export const MIP_ABS_GAP = 1;

/** Foods kept per food group after the LP relaxation, counting those the LP already uses. */
const PER_GROUP_KEEP = 4;

export async function makePlan(request: PlanRequest, solver: Solver): Promise<PlanRun> {
  // The core reads no clock: the time budget is spent by the solver's own reported times.
  let spentMs = 0;
  const solve: Solver['solve'] = async (model, options) => {
    const outcome = await solver.solve(model, options);
    spentMs += outcome.solveMs;
    return outcome;
  };
  const spec = planSpec(
    request.profile,
    request.targets,
    request.findings,
    request.pantry,
    undefined,
    request.consequences ?? [],
  );
  const base = request.base;
  const days = base ? base.length : Math.max(1, Math.floor(request.days));
  const totalLimit = request.timeLimitSec ?? Math.max(4, 2 * days);
  const used = new Map<number, number>();
  let yesterday = new Set<number>();
  const solved: { pm: PlanModel; outcome: SolveOutcome }[] = [];
  // A held nutrient (holdConsistent) stays near the logged average, or near day 1's amount.
  let consistencyReference: number | undefined = spec.consistency?.reference;
  let last: LinearModel | undefined;
  let worstGap = 0;
  let absGap = 0;
  let limited = false;
  const info = { candidates: 0, cols: 0, rows: 0 };

  // Day by day: each day is a small MIP; foods used on earlier days count against their
  // repeat limit, and a nutrient held consistent keeps its reference on every day.
  for (let d = 0; d < days; d += 1) {
    const remaining = totalLimit - spentMs / 1000;
    const timeLimitSec = Math.max(0.5, remaining / (days - d));
    const allowed = spec.candidates
      .map((item, i) => ({ item, i }))
      .filter(({ item, i }) => (used.get(i) ?? 0) < repeatLimit(item, days))
      // Days differ: a food other than a staple is not eaten two days running.
      .filter(({ item, i }) => STAPLES.has(item.group) || !yesterday.has(i))
      .map(({ i }) => i);
    const options = {
      days: 1,
      firstDay: d + 1,
      ...(base ? { base: [base[d] as BaseDay] } : {}),
      ...(consistencyReference !== undefined ? { consistencyReference } : {}),
    };
    const full = buildPlanModel(spec, { ...options, items: allowed });
    const relaxed = await solve(full.model, { timeLimitSec, relax: true });
    let items = allowed;
    if (relaxed.status === 'optimal' && relaxed.values && relaxed.reducedCosts) {
      items = reduceCandidates(spec, full, relaxed, allowed);
    }
    let pm = buildPlanModel(spec, { ...options, items });
    let outcome = await solve(pm.model, { timeLimitSec, mipAbsGap: MIP_ABS_GAP });
    if (outcome.status === 'infeasible' && items.length < allowed.length) {
      pm = full;
      outcome = await solve(pm.model, { timeLimitSec, mipAbsGap: MIP_ABS_GAP });
    }
    last = pm.model;
    info.candidates = Math.max(info.candidates, pm.items.length);
    info.cols = Math.max(info.cols, pm.model.colNames.length);
    info.rows = Math.max(info.rows, pm.model.rowNames.length);
    if (outcome.status !== 'optimal' && outcome.status !== 'time-limit') {
      const diagnosis = await diagnose(full.model, spec, solver, request);
      return {
        model: full.model,
        result: emptyResult(spec, 'infeasible', { ...info, ms: spentMs }, diagnosis),
      };
    }
    if (!outcome.values) {
      // A time limit without any solution: no plan, never a partial one.
      return {
        model: pm.model,
        result: emptyResult(spec, 'time-limit', { ...info, ms: spentMs }),
      };
    }
    if (outcome.status === 'time-limit') limited = true;
    worstGap = Math.max(worstGap, outcome.gap ?? 0);
    absGap += Math.max(0, (outcome.objective ?? 0) - (outcome.bound ?? outcome.objective ?? 0));
    yesterday = new Set<number>();
    for (const v of pm.y) {
      if (Math.round(outcome.values[v.col] as number) === 1) {
        used.set(v.item, (used.get(v.item) ?? 0) + 1);
        yesterday.add(v.item);
      }
    }
    if (d === 0 && spec.consistency && consistencyReference === undefined) {
      const coef = consistencyCoef(spec);
      {
        consistencyReference = pm.x.reduce(
          (sum, v) =>
            sum +
            (Math.round(outcome.values?.[v.col] as number) *
              (spec.candidates[v.item] as PantryItem).stepG *
              (coef[v.item] as number)) /
              100,
          0,
        );
      }
    }
    solved.push({ pm, outcome });
  }
  const result = decode(spec, solved, request);
  result.status = limited ? 'time-limit' : 'optimal';
  result.gap = worstGap;
  result.gapAbs = Math.round(absGap * 1000) / 1000;
  result.solve = { ...info, ms: spentMs };
  return { result, model: last as LinearModel };
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
  status: 'infeasible' | 'time-limit',
  solve: PlanResult['solve'],
  diagnosis?: PlanResult['diagnosis'],
): PlanResult {
  return {
    status,
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

function decode(
  spec: PlanSpec,
  solved: { pm: PlanModel; outcome: SolveOutcome }[],
  request: PlanRequest,
): PlanResult {
  const planDays: PlanDay[] = [];
  const foodsServing = new Map<string, { foodId: string; name: string; serves: Set<NutrientId> }>();
  const bindingSet = new Set<string>();
  for (let d = 0; d < solved.length; d += 1) {
    const { pm, outcome } = solved[d] as { pm: PlanModel; outcome: SolveOutcome };
    const values = outcome.values as Float64Array;
    for (const family of bindingRows(pm.model, outcome)) bindingSet.add(family);
    const items: PlanItem[] = [];
    const grams: { food: PantryItem['food']; grams: number }[] = [];
    const merged = new Map<string, { item: PantryItem; meal: Meal; steps: number }>();
    for (const v of pm.x) {
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
        const removal = pm.removals.find((r) => r.entry === e);
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
    });
  }

  // Unmet minimums: worst day, food plus supplements.
  const unmet: Unmet[] = [];
  const binding = [...bindingSet];
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
      reason: unmetReason(spec, need.nutrient, binding, request),
    });
  }
  const supplements = suggestSupplements(spec, planDays, unmet, request);
  const objective = solved.reduce((sum, s) => sum + (s.outcome.objective ?? 0), 0);
  return {
    status: 'optimal',
    gap: 0,
    objective,
    days: planDays,
    unmet,
    supplements,
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
    solve: { ms: 0, candidates: 0, cols: 0, rows: 0 },
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
      known += grams;
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

/** Hard rows at their bound in the solution, as constraint families (energy, cap:sodium, group-max:…). */
function bindingRows(model: LinearModel, outcome: SolveOutcome): string[] {
  const activity = outcome.rowActivity;
  if (!activity) return [];
  const families = new Set<string>();
  for (let i = 0; i < model.rowNames.length; i += 1) {
    const name = model.rowNames[i] as string;
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

function unmetReason(
  spec: PlanSpec,
  nutrient: NutrientId,
  binding: string[],
  request: PlanRequest,
): string {
  if (spec.unsupplied.some((u) => u.nutrient === nutrient)) {
    return `no pantry food that fits the ${request.profile.pattern} pattern${request.profile.exclude.length ? ` without ${request.profile.exclude.join(', ')}` : ''} has a known ${getNutrient(nutrient).name} value`;
  }
  const sources = spec.candidates
    .map((c) => ({ c, v: nutrientPer100g(c.food, nutrient)?.per100g ?? 0 }))
    .filter((x) => x.v > 0)
    .sort((p, q) => q.v * q.c.maxG - p.v * p.c.maxG);
  // A limit matters when it is the energy band, a cap, or a group cap over one of the sources.
  const limits = binding.filter(
    (b) =>
      b === 'energy' ||
      b.startsWith('cap:') ||
      b.startsWith('consistency:') ||
      (b.startsWith('group-max:') &&
        sources.some((x) => {
          const group = spec.groups.find((g) => `group-max:${g.name}` === b);
          return group !== undefined && inGroup(group, x.c);
        })),
  );
  const richest = sources
    .slice(0, 3)
    .map((x) => `${x.c.food.name} (≤ ${x.c.maxG} g)`)
    .join('; ');
  const tail = limits.length
    ? `held by ${limits.map((l) => spec.descriptions.get(l) ?? l).join('; ')}`
    : 'the portion limits and the other targets leave no room for more';
  if (nutrient === 'vitamin-d') {
    return `few foods contain vitamin D (fatty fish, eggs, fortified milk); ${tail}`;
  }
  return `${sources.length} pantry food${sources.length === 1 ? '' : 's'} that fit the profile supply it (richest: ${richest}); ${tail}`;
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
