/**
 * Planner: 1-day and 7-day profile plans (end to end and solver time only), the generic diet
 * problem (a textbook LP and an LP over every bundled food, arrays vs LP text), and the same
 * exported LP files solved by Debian's native CBC and GLPK in the same run, objectives compared.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import highsModule, { type Highs } from 'highs';
import { nutrientPer100g } from '../src/core/foods.js';
import {
  buildDietModel,
  makePlan,
  writeLp,
  type DietFoods,
  type DietModel,
  type LinearModel,
  type SolveOptions,
  type Solver,
} from '../src/core/plan/index.js';
import type { Profile } from '../src/core/profile.js';
import { screenProfile } from '../src/core/safety/index.js';
import { computeTargets } from '../src/core/targets/index.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { loadPantry } from '../src/data/pantry.js';
import { parseProfile } from '../src/schemas/profile.js';
import { HighsSolver } from '../src/solver/highs.js';
import type { BenchRow, BenchSection } from './run.js';

/** Counts the time spent inside the solver. */
class TimedSolver implements Solver {
  solveMs = 0;
  constructor(private readonly inner: Solver) {}
  async solve(model: LinearModel, options: SolveOptions) {
    const outcome = await this.inner.solve(model, options);
    this.solveMs += outcome.solveMs;
    return outcome;
  }
  infeasibleRows(model: LinearModel, options: SolveOptions) {
    return this.inner.infeasibleRows(model, options);
  }
}

function profile(json: unknown): Profile {
  const parsed = parseProfile(json, 'bench');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Runs a native solver on an LP file; undefined when the binary is missing. */
function native(
  name: 'cbc' | 'glpsol',
  lpFile: string,
  dir: string,
  limitSec: number,
): { ms: number; objective: number | undefined } | undefined {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
  } catch {
    process.stderr.write(
      `bench: ${name} not installed (apt-get install coinor-cbc glpk-utils); skipped\n`,
    );
    return undefined;
  }
  const started = performance.now();
  const out =
    name === 'cbc'
      ? execFileSync('cbc', [lpFile, 'sec', String(limitSec), 'solve', 'quit'], {
          encoding: 'utf8',
          timeout: (limitSec + 30) * 1000,
        })
      : (execFileSync(
          'glpsol',
          ['--lp', lpFile, '--tmlim', String(limitSec), '-o', join(dir, 'glpsol.out')],
          {
            encoding: 'utf8',
            timeout: (limitSec + 30) * 1000,
          },
        ),
        execFileSync('cat', [join(dir, 'glpsol.out')], { encoding: 'utf8' }));
  const ms = performance.now() - started;
  const match =
    name === 'cbc'
      ? /(?:Objective value:|Optimal objective)\s*(-?[\d.eE+-]+)/.exec(out)
      : /Objective:\s*\S+\s*=\s*(-?[\d.eE+-]+)/.exec(out);
  return { ms, objective: match ? Number(match[1]) : undefined };
}

export async function run(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-plan-bench-'));
  const loadStarted = performance.now();
  const foods = loadFoodIndex();
  const pantry = loadPantry(foods);
  rows.push({
    name: 'load foods + pantry',
    value: round(performance.now() - loadStarted),
    unit: 'ms',
    note: `${pantry.length} pantry foods`,
  });

  const woman = profile({ age: 65, sex: 'female', pattern: 'omnivore' });
  const request = (days: number) => ({
    profile: woman,
    targets: computeTargets(woman),
    findings: screenProfile(woman),
    pantry,
    days,
  });
  const highs = new HighsSolver();
  await highs.solve(buildDietModel(CHVATAL_MODEL, CHVATAL_FOODS), { timeLimitSec: 5 }); // load the WebAssembly once

  let lastOneDay: LinearModel | undefined;
  for (const days of [1, 7]) {
    const ends: number[] = [];
    const solves: number[] = [];
    let status = '';
    let gap = 0;
    for (let i = 0; i < 3; i += 1) {
      const timed = new TimedSolver(highs);
      const started = performance.now();
      const planned = await makePlan(request(days), timed);
      ends.push(performance.now() - started);
      solves.push(timed.solveMs);
      status = planned.result.status;
      gap = planned.result.gapAbs ?? 0;
      if (days === 1) lastOneDay = planned.model;
    }
    const goal = days === 1 ? 1000 : 10000;
    rows.push({
      name: `${days}-day plan, end to end (median of 3)`,
      value: round(median(ends)),
      unit: 'ms',
      note: `goal < ${goal} ms; ${status}, abs gap ${gap}`,
    });
    rows.push({
      name: `${days}-day plan, solver only (median of 3)`,
      value: round(median(solves)),
      unit: 'ms',
      note: 'LP relaxation + MIP, every day',
    });
  }

  // Generic mode: the textbook LP, and an LP over every bundled food.
  {
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const started = performance.now();
      await highs.solve(buildDietModel(CHVATAL_MODEL, CHVATAL_FOODS), { timeLimitSec: 5 });
      times.push(performance.now() - started);
    }
    rows.push({
      name: "generic: Polly's diet (6 foods), build + solve",
      value: round(median(times), 2),
      unit: 'ms',
      note: 'median of 20; optimum 92.5',
    });
  }
  const big = allFoodsDiet(foods);
  const bigModel = buildDietModel(big.model, big.foods);
  const bigArrays = await highs.solve(bigModel, { timeLimitSec: 60 });
  const bigLp = writeLp(bigModel);
  const lpFile = join(dir, 'generic-all.lp');
  writeFileSync(lpFile, bigLp);
  const loader = (
    typeof highsModule === 'function'
      ? highsModule
      : (highsModule as unknown as { default: () => Promise<Highs> }).default
  ) as () => Promise<Highs>;
  const h = await loader();
  const textStarted = performance.now();
  const textResult = h.solve(bigLp, { output_flag: false });
  const textMs = performance.now() - textStarted;
  rows.push({
    name: `generic: ${big.foods.foods.length}-food LP, HiGHS from arrays`,
    value: round(bigArrays.solveMs),
    unit: 'ms',
    note: `objective ${round(bigArrays.objective ?? NaN, 4)}`,
  });
  rows.push({
    name: `generic: ${big.foods.foods.length}-food LP, HiGHS from LP text`,
    value: round(textMs),
    unit: 'ms',
    note: `objective ${round(textResult.ObjectiveValue, 4)}; ratio text/arrays ${round(textMs / bigArrays.solveMs, 2)}`,
  });
  peers(rows, 'generic LP', lpFile, dir, bigArrays.objective, bigArrays.solveMs, 1e-6);

  // The 1-day plan's MIP, proved to optimality by each solver.
  if (lastOneDay) {
    const mipFile = join(dir, 'plan-1day.lp');
    writeFileSync(mipFile, writeLp(lastOneDay));
    const proved = await highs.solve(lastOneDay, {
      timeLimitSec: 120,
      mipRelGap: 1e-6,
      mipAbsGap: 1e-6,
    });
    rows.push({
      name: '1-day plan MIP proved optimal, HiGHS (arrays)',
      value: round(proved.solveMs),
      unit: 'ms',
      note: `${lastOneDay.colNames.length} cols, ${lastOneDay.rowNames.length} rows; objective ${round(proved.objective ?? NaN, 4)} (${proved.status})`,
    });
    peers(rows, '1-day plan MIP', mipFile, dir, proved.objective, proved.solveMs, 1e-3);
  }

  // A harder day: warfarin + CKD 4 (potassium and phosphorus caps, vitamin K held to day 1).
  {
    const man = profile({
      age: 72,
      sex: 'male',
      pattern: 'omnivore',
      conditions: ['ckd-4'],
      medications: ['warfarin'],
    });
    const timed = new TimedSolver(highs);
    const started = performance.now();
    const planned = await makePlan(
      { profile: man, targets: computeTargets(man), findings: screenProfile(man), pantry, days: 2 },
      timed,
    );
    rows.push({
      name: '2-day plan, warfarin + CKD 4, end to end',
      value: round(performance.now() - started),
      unit: 'ms',
      note: `${planned.result.status}; relative gap ${round(planned.result.gap ?? 0, 3)}, abs gap ${planned.result.gapAbs ?? 0}`,
    });
    const hardFile = join(dir, 'plan-ckd-day2.lp');
    writeFileSync(hardFile, writeLp(planned.model));
    const proved = await highs.solve(planned.model, {
      timeLimitSec: HARD_LIMIT_SEC,
      mipRelGap: 1e-6,
      mipAbsGap: 1e-6,
    });
    rows.push({
      name: `warfarin + CKD 4 day-2 MIP, HiGHS ${HARD_LIMIT_SEC} s (arrays)`,
      value: round(proved.solveMs),
      unit: 'ms',
      note: `objective ${round(proved.objective ?? NaN, 4)} (${proved.status}, bound ${round(proved.bound ?? NaN, 4)})`,
    });
    peers(
      rows,
      'warfarin + CKD 4 day-2 MIP',
      hardFile,
      dir,
      proved.objective,
      proved.solveMs,
      1e-3,
      HARD_LIMIT_SEC,
    );
  }
  return { title: 'Planner (HiGHS WebAssembly; native CBC and GLPK on the same LP files)', rows };
}

/** Seconds each solver gets on the hard day (none proves it optimal within minutes). */
const HARD_LIMIT_SEC = 20;

function peers(
  rows: BenchRow[],
  label: string,
  file: string,
  dir: string,
  objective: number | undefined,
  highsMs: number,
  tolerance: number,
  limitSec = 120,
): void {
  for (const name of ['cbc', 'glpsol'] as const) {
    const result = native(name, file, dir, limitSec);
    if (!result) {
      rows.push({
        name: `${label}, ${name}`,
        value: NaN,
        unit: 'ms',
        note: 'not installed; skipped',
      });
      continue;
    }
    const agree =
      objective !== undefined &&
      result.objective !== undefined &&
      Math.abs(result.objective - objective) <= tolerance * Math.max(1, Math.abs(objective));
    rows.push({
      name: `${label}, ${name} (process, LP file)`,
      value: round(result.ms),
      unit: 'ms',
      note: `objective ${result.objective === undefined ? 'not found' : round(result.objective, 4)}; ${agree ? 'agrees with HiGHS' : `differs from HiGHS (${round(objective ?? NaN, 4)})${result.ms >= limitSec * 1000 ? `: ${name} stopped at its ${limitSec} s limit` : ''}`}; HiGHS/${name} time ${round(highsMs / result.ms, 2)}`,
    });
  }
}

const CHVATAL_FOODS: DietFoods = {
  nutrients: ['energy', 'protein', 'calcium'],
  foods: [
    { id: 'oatmeal', name: 'Oatmeal', cost: 3, amounts: [110, 4, 2] },
    { id: 'chicken', name: 'Chicken', cost: 24, amounts: [205, 32, 12] },
    { id: 'eggs', name: 'Eggs', cost: 13, amounts: [160, 13, 54] },
    { id: 'milk', name: 'Whole milk', cost: 9, amounts: [160, 8, 285] },
    { id: 'pie', name: 'Cherry pie', cost: 20, amounts: [420, 4, 22] },
    { id: 'porkbeans', name: 'Pork with beans', cost: 19, amounts: [260, 14, 80] },
  ],
};
const CHVATAL_MODEL: DietModel = {
  objective: 'min-cost',
  nutrients: { energy: { min: 2000 }, protein: { min: 55 }, calcium: { min: 800 } },
  foods: {
    oatmeal: { max: 4 },
    chicken: { max: 3 },
    eggs: { max: 2 },
    milk: { max: 8 },
    pie: { max: 2 },
    porkbeans: { max: 2 },
  },
  integer: false,
};

/** Every bundled food with known values, 100 g units, cost 1 per 100 g: the least food mass meeting a day's targets. */
function allFoodsDiet(foods: ReturnType<typeof loadFoodIndex>): {
  foods: DietFoods;
  model: DietModel;
} {
  const nutrients = [
    'energy',
    'protein',
    'fiber',
    'calcium',
    'magnesium',
    'potassium',
    'vitamin-c',
    'sodium',
    'saturated-fat',
  ] as const;
  const list: DietFoods['foods'] = [];
  for (const food of foods.values()) {
    const amounts = nutrients.map((n) => nutrientPer100g(food, n)?.per100g);
    if (amounts.some((a) => a === undefined)) continue;
    list.push({
      id: food.id.replace(':', '_'),
      name: food.name,
      cost: 1,
      amounts: amounts as number[],
    });
  }
  return {
    foods: { nutrients: [...nutrients], foods: list },
    model: {
      objective: 'min-cost',
      nutrients: {
        energy: { min: 1900, max: 2100 },
        protein: { min: 50 },
        fiber: { min: 25 },
        calcium: { min: 1200 },
        magnesium: { min: 320 },
        potassium: { min: 2600 },
        'vitamin-c': { min: 75 },
        sodium: { max: 2300 },
        'saturated-fat': { max: 22 },
      },
      foods: Object.fromEntries(list.map((f) => [f.id, { max: 3 }])),
      integer: false,
    },
  };
}
