/**
 * Why a minimum is not met, computed from the model, not guessed (issue 10, part 5).
 *
 * For the plan's lowest day of the nutrient, the day's model (the candidates the MIP had plus
 * the richest sources of the nutrient among the allowed foods) is solved as an LP that only
 * minimises that nutrient's shortfall:
 * - if even then the shortfall stays, hard constraints hold it: the rows with a non-zero dual
 *   are the binding ones; each binding family is freed in turn and re-solved, and the families
 *   whose freeing lowers the shortfall are named, largest effect first. Sources at their
 *   portion maximum (a column at its upper bound with a non-zero reduced cost) name the
 *   portion limit. Foods that would supply it but are left out by the pattern, exclusions or
 *   dislikes are named as such.
 * - if the LP can meet it alone, it competes with other targets: the LP with the shortfall
 *   forced to 0 shows which other minimums it would leave shorter; when none, whole portions
 *   and the meal rules of the MIP (or its effort limit) are what is left, and the reason says so.
 */
import { nutrientPer100g } from '../foods.js';
import { getNutrient, type NutrientId } from '../nutrients.js';
import { buildPlanModel, rowFamily, safeId, type PlanModel, type PlanSpec } from './model.js';
import type { LinearModel, SolveOptions, SolveOutcome } from './solver-port.js';
import type { BuildOptions } from './model.js';
import type { PantryItem, PlanRequest, Unmet } from './types.js';

export interface ExplainDay {
  pm: PlanModel;
  status: 'optimal' | 'effort-limit' | 'repaired';
  options: BuildOptions;
  allowed: number[];
}

type SolveFn = (model: LinearModel, options: SolveOptions) => Promise<SolveOutcome>;

/** Families that are rules of the model, not food amounts; freeing one is a meaningful question. */
const FREEABLE =
  /^(energy|cap:|group-max:|meal-energy:|meal-food:|meal-main:|meal-mix|distinct|repeat|consistency:)/;

/** Extra sources of the nutrient added to the explanation model beyond the MIP's candidates. */
const EXTRA_SOURCES = 8;

const EFFORT = { effort: { iterations: 200_000 } };

export async function explainShortfall(
  spec: PlanSpec,
  day: ExplainDay,
  dayNumber: number,
  unmet: Unmet,
  request: PlanRequest,
  solve: SolveFn,
): Promise<string> {
  const n = unmet.nutrient;
  const name = getNutrient(n).name;
  const left = leftOut(spec, request, n);
  const who = 'this profile (pattern, exclusions, dislikes or safety findings)';
  const leftText = left.length
    ? `; foods that would supply it are left out for ${who}: ${left.join(', ')}`
    : '';
  const sources = rankSources(spec, day.allowed, n);
  if (spec.unsupplied.some((u) => u.nutrient === n) || sources.length === 0) {
    return left.length
      ? `no food that fits ${patternText(request)} has ${name}; it comes from ${left.join(', ')}, left out for ${who}`
      : `no pantry food has a known ${name} value`;
  }
  const items = [...new Set([...day.pm.items, ...sources.slice(0, EXTRA_SOURCES)])].sort(
    (a, b) => a - b,
  );
  const pm = buildPlanModel(spec, { ...day.options, items });
  const model = pm.model;
  const slack = model.colNames.indexOf(`s_${safeId(n)}_d${dayNumber}`);
  if (slack < 0) return fallback(day, name, leftText);
  const need = spec.mins.find((m) => m.nutrient === n)?.need ?? unmet.target;
  const only = new Float64Array(model.colNames.length);
  only[slack] = 1;
  const alone = { ...model, colCost: only };
  const best = await solve(alone, { relax: true, ...EFFORT });
  if (best.status !== 'optimal' || !best.values) return fallback(day, name, leftText);
  const shortfall = best.values[slack] as number;
  const unit = unmet.unit;

  const achievable = unmet.target - shortfall;
  if (achievable < 0.1 * unmet.target) {
    // The allowed foods carry only traces: the pattern (or exclusions) is what binds.
    const richest = sources
      .slice(0, 2)
      .map((i) => (spec.candidates[i] as PantryItem).food.name)
      .join('; ');
    return `the foods that fit ${patternText(request)} have little ${name}: at most ${fmt(achievable)} ${unit} a day fits (richest: ${richest})${leftText}`;
  }
  if (shortfall > 0.01 * need) {
    // Hard constraints hold it. Rows with a non-zero dual bind; free each family in turn.
    const duals = best.rowDuals ?? new Float64Array(model.rowNames.length);
    const families = new Map<string, number>();
    for (let i = 0; i < model.rowNames.length; i += 1) {
      const dual = Math.abs(duals[i] as number);
      if (dual <= 1e-9) continue;
      const family = rowFamily(model.rowNames[i] as string);
      if (!FREEABLE.test(family)) continue;
      families.set(family, (families.get(family) ?? 0) + dual);
    }
    const effects: { family: string; gain: number }[] = [];
    for (const family of [...families.keys()].sort()) {
      const freed = freeFamily(alone, family);
      const outcome = await solve(freed, { relax: true, ...EFFORT });
      if (outcome.status !== 'optimal' || !outcome.values) continue;
      const gain = shortfall - (outcome.values[slack] as number);
      if (gain > 0.01 * need) effects.push({ family, gain });
    }
    effects.sort((a, b) => b.gain - a.gain || a.family.localeCompare(b.family));
    const atMax = portionLimited(spec, pm, best, n);
    // A limit is named only when freeing it recovers a tenth of the shortfall or more; when no
    // limit does and the rich foods are left out, what binds is the pattern or the exclusions.
    const meaningful = effects.filter((e) => e.gain >= 0.1 * shortfall);
    if (meaningful.length === 0 && atMax.length === 0 && left.length > 0) {
      return `the foods that fit ${patternText(request)} have little ${name}: at most ${fmt(achievable)} ${unit} a day fits and no single limit holds it back${leftText}`;
    }
    const parts: string[] = [];
    for (const e of meaningful.slice(0, 3)) {
      parts.push(`${describe(spec, e.family)} (without it: +${fmt(e.gain)} ${unit})`);
    }
    if (atMax.length) parts.push(`portion sizes: ${atMax.join(', ')} at their maximum`);
    if (parts.length === 0 && families.size) {
      parts.push(
        [...families.keys()]
          .slice(0, 3)
          .map((f) => describe(spec, f))
          .join(' together with '),
      );
    }
    const held = parts.length ? `held by ${parts.join('; ')}` : 'held by the hard limits together';
    return `at most ${fmt(unmet.target - shortfall)} ${unit} fits this day's limits; ${held}${leftText}`;
  }

  // The LP can meet it alone: it competes with the other targets (or with whole portions).
  const baseline = await solve(model, { relax: true, ...EFFORT });
  const colUpper = Float64Array.from(model.colUpper);
  colUpper[slack] = 0;
  const forced = await solve({ ...model, colUpper }, { relax: true, ...EFFORT });
  if (baseline.values && forced.values) {
    const worse: string[] = [];
    for (const other of spec.mins) {
      if (other.nutrient === n) continue;
      const col = model.colNames.indexOf(`s_${safeId(other.nutrient)}_d${dayNumber}`);
      if (col < 0) continue;
      const delta = (forced.values[col] as number) - (baseline.values[col] as number);
      if (delta > 0.01 * other.need) {
        worse.push(`${getNutrient(other.nutrient).name} (−${fmt(delta)} ${other.unit})`);
      }
    }
    if (worse.length) {
      return `it competes with other targets for the day's energy and portions: meeting it in full would leave ${worse.slice(0, 3).join(', ')} shorter${leftText}`;
    }
  }
  return fallback(day, name, leftText);
}

function fallback(day: ExplainDay, name: string, leftText: string): string {
  if (day.status !== 'optimal') {
    return `the day's solve stopped at its effort limit before reaching more ${name} (fractional portions could reach it)${leftText}`;
  }
  return `reachable only with fractional portions: whole portions within the meal rules leave it short${leftText}`;
}

function freeFamily(model: LinearModel, family: string): LinearModel {
  const rowLower = Float64Array.from(model.rowLower);
  const rowUpper = Float64Array.from(model.rowUpper);
  model.rowNames.forEach((row, i) => {
    if (rowFamily(row) !== family) return;
    rowLower[i] = -Infinity;
    rowUpper[i] = Infinity;
  });
  return { ...model, rowLower, rowUpper };
}

/** Sources of the nutrient whose amount sits at its column's upper bound with a non-zero reduced cost. */
function portionLimited(spec: PlanSpec, pm: PlanModel, lp: SolveOutcome, n: NutrientId): string[] {
  const rc = lp.reducedCosts;
  const values = lp.values;
  if (!rc || !values) return [];
  const out = new Set<string>();
  for (const v of pm.x) {
    const item = spec.candidates[v.item] as PantryItem;
    if (!((nutrientPer100g(item.food, n)?.per100g ?? 0) > 0)) continue;
    const upper = pm.model.colUpper[v.col] as number;
    if (Math.abs((values[v.col] as number) - upper) <= 1e-6 && Math.abs(rc[v.col] as number) > 1e-9)
      out.add(`${item.food.name} ≤ ${item.maxG} g`);
  }
  return [...out].slice(0, 3);
}

function rankSources(spec: PlanSpec, allowed: number[], n: NutrientId): number[] {
  return allowed
    .map((i) => {
      const item = spec.candidates[i] as PantryItem;
      return { i, v: ((nutrientPer100g(item.food, n)?.per100g ?? 0) * item.maxG) / 100 };
    })
    .filter((x) => x.v > 0)
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .map((x) => x.i);
}

/** The richest pantry sources of the nutrient that are not candidates (pattern, exclusions, dislikes, safety). */
function leftOut(spec: PlanSpec, request: PlanRequest, n: NutrientId): string[] {
  const kept = new Set(spec.candidates.map((c) => c.food.id));
  return request.pantry
    .filter((p) => !kept.has(p.food.id))
    .map((p) => ({ p, v: ((nutrientPer100g(p.food, n)?.per100g ?? 0) * p.maxG) / 100 }))
    .filter((x) => x.v > 0)
    .sort((a, b) => b.v - a.v || a.p.food.id.localeCompare(b.p.food.id))
    .slice(0, 3)
    .map((x) => `${x.p.food.name} (${x.p.group})`);
}

function patternText(request: PlanRequest): string {
  const { profile } = request;
  const parts = [`the ${profile.pattern} pattern`];
  if (profile.exclude.length) parts.push(`excluding ${profile.exclude.join(', ')}`);
  if (profile.dislikes.length) parts.push('your dislikes');
  return parts.join(', ');
}

function describe(spec: PlanSpec, family: string): string {
  return spec.descriptions.get(family) ?? family;
}

/** Whole numbers from 10, one decimal from 1, two significant digits below (0.03 g, not 0 g). */
function fmt(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 10) return String(Math.round(value));
  if (abs >= 1 || abs === 0) return String(Math.round(value * 10) / 10);
  return String(Number(value.toPrecision(2)));
}
