import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { workerSolver } from '../../app/compose.js';
import { analyseDiary } from '../../app/analysis.js';
import { baseDays, buildPlanRequest, runPlan } from '../../app/plan.js';
import { resolveDiary } from '../../core/analysis/index.js';
import {
  buildDietModel,
  checkDietModel,
  parseDietFoods,
  withoutRows,
  writeLp,
  DISCLAIMER,
  type BaseDay,
  type DietModel,
  type PlanResult,
  type Solver,
} from '../../core/plan/index.js';
import { parseDiaryText } from '../../schemas/diary.js';
import { parseProfile } from '../../schemas/profile.js';
import { CliFailure, orExit, printJson, type CliIo } from '../io.js';
import { readJson, readText } from '../read-input.js';
import { foodCatalog } from '../../app/food-catalog.js';
import { readStoreInputs } from '../store-inputs.js';
import { loadFoods } from './foods.js';

interface PlanOptions {
  profile?: string;
  days?: string;
  base?: string;
  history?: string;
  json?: boolean;
  writeLp?: string;
  foods?: string;
  model?: string;
  timeLimit?: string;
  db?: string;
  date?: string;
  maxNodes?: string;
  csv?: boolean;
  format?: string;
}

const DietModelSchema = z
  .object({
    objective: z.literal('min-cost'),
    nutrients: z.record(
      z.string(),
      z
        .object({ min: z.number().finite().optional(), max: z.number().finite().optional() })
        .strict(),
    ),
    foods: z
      .record(
        z.string(),
        z
          .object({
            min: z.number().finite().min(0).optional(),
            max: z.number().finite().min(0).optional(),
          })
          .strict(),
      )
      .optional(),
    integer: z.boolean().optional(),
  })
  .strict();

export function registerPlanCommand(program: Command, io: CliIo): void {
  program
    .command('plan')
    .description(
      'Food-first plan for a profile (MIP over the curated pantry), or a generic cost-minimising diet problem',
    )
    .option('--profile <file>', 'profile JSON')
    .option('--days <n>', 'days to plan (1–14)', '1')
    .option('--base <diary>', 'close my gaps: keep these logged days and add the fewest foods')
    .option(
      '--history <diary>',
      'logged days: the plan prefers the foods you eat, and stays consistent with them (VKA: daily vitamin K within ±25 % of their average)',
    )
    .option('--foods <csv>', 'generic mode: id,name,cost,<nutrient columns> per unit of food')
    .option(
      '--model <json>',
      'generic mode: { objective, nutrients: {col: {min,max}}, foods: {id: {max}}, integer }',
    )
    .option('--db <file>', 'use the profile (and with --date, that day) in this SQLite store')
    .option('--date <date>', 'with --db: keep that stored day (YYYY-MM-DD) as the base')
    .option(
      '--write-lp <file>',
      'write the solved model in CPLEX LP format (several days: one file per day, FILE.dN.lp)',
    )
    .option(
      '--time-limit <seconds>',
      'wall-clock safety limit per solve; reaching it is an error (plans stop on effort limits)',
    )
    .option('--max-nodes <n>', 'branch-and-bound nodes per day (deterministic effort limit)')
    .option('--json', 'print JSON')
    .option('--csv', 'print the plan as CSV (one row per food and meal)')
    .option('--format <format>', 'text, json or csv')
    .action(async (options: PlanOptions) => {
      if (options.foods !== undefined || options.model !== undefined) {
        // The solver runs in a worker thread, terminated if it overruns its time limit.
        const solver = workerSolver();
        try {
          await runGeneric(io, options, solver);
        } finally {
          await solver.close?.();
        }
        return;
      }
      if (options.profile === undefined && options.db === undefined) {
        throw new CliFailure({
          code: 'INVALID_INPUT',
          message:
            'give --profile P (profile plan) or --foods F.csv --model M.json (generic diet problem)',
        });
      }
      await runProfilePlan(io, options);
    });
}

function analyseHistory(io: CliIo, file: string, index: Parameters<typeof analyseDiary>[1]) {
  const parsed = parseDiaryText(readText(io, file), file);
  if (!parsed.ok) throw new CliFailure(parsed.error);
  return orExit(analyseDiary(parsed.value, index, { file }));
}

async function runProfilePlan(io: CliIo, options: PlanOptions): Promise<void> {
  const stored =
    options.db !== undefined
      ? await readStoreInputs(
          io,
          options.db,
          options.date !== undefined ? { from: options.date, to: options.date } : {},
        )
      : undefined;
  const profileFile = options.profile ?? `${options.db} (stored profile)`;
  const profileInput =
    options.profile !== undefined ? readJson(io, options.profile) : stored?.profile;
  if (profileInput === undefined) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `no --profile given and ${options.db} has no stored profile`,
      field: 'profile',
    });
  }
  const profile = parseProfile(profileInput, profileFile);
  if (!profile.ok) throw new CliFailure(profile.error);
  const days = Number(options.days ?? '1');
  if (!Number.isInteger(days) || days < 1 || days > 14) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `--days must be a whole number 1–14, got "${options.days}"`,
      field: 'days',
    });
  }
  const timeLimitSec = parseTimeLimit(options.timeLimit);
  const maxNodes = parseMaxNodes(options.maxNodes);
  const format = outputFormat(options);
  // With the store, own and imported foods resolve too.
  const foods = stored ? foodCatalog(stored.foods) : loadFoods();
  let base: BaseDay[] | undefined;
  if (stored && options.date !== undefined && options.base === undefined) {
    base = baseDays(orExit(resolveDiary(stored.diary, stored.foods, { file: options.db })));
  }
  if (options.base !== undefined) {
    const diaryFile = options.base;
    const parsed = parseDiaryText(readText(io, diaryFile), diaryFile);
    if (!parsed.ok) throw new CliFailure(parsed.error);
    base = baseDays(orExit(resolveDiary(parsed.value, foods.index, { file: diaryFile })));
  }
  let history: ReturnType<typeof analyseHistory> | undefined;
  if (options.history !== undefined) history = analyseHistory(io, options.history, foods.index);
  const request = buildPlanRequest(foods, {
    profile: profile.value,
    days,
    base,
    safetyTimeLimitSec: timeLimitSec,
    maxNodes,
    ...(history && { history }),
    ...(stored && { labs: stored.labs }),
    ...(stored && { recipes: { recipes: stored.recipes, foods: stored.foods } }),
  });
  // The solver runs in a worker thread: the same adapter as the server's pool, of size 1.
  const { run, error } = await runPlan({ solver: workerSolver }, request);
  if (options.writeLp !== undefined) {
    // What was solved, every day: day d's model with its look-ahead day.
    const file = options.writeLp;
    for (const { day, model } of run.models) {
      const name = run.models.length === 1 ? file : dayFile(file, day);
      writeFile(io, name, writeLp(model, `calcwise plan ${profileFile} day ${day}`));
    }
  }
  const result = run.result;
  if (error?.code === 'INFEASIBLE_PLAN') {
    throw new CliFailure(
      { ...error, file: profileFile },
      { status: 'infeasible', diagnosis: result.diagnosis, disclaimer: DISCLAIMER },
    );
  }
  if (error) throw new CliFailure(error);
  if (format === 'json') return printJson(io, result);
  if (format === 'csv') return io.stdout(planCsv(result));
  printReadable(io, result);
}

/** `plan.lp` → `plan.d3.lp`. */
function dayFile(file: string, day: number): string {
  const dot = file.lastIndexOf('.');
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return dot > slash + 1 ? `${file.slice(0, dot)}.d${day}${file.slice(dot)}` : `${file}.d${day}`;
}

function outputFormat(options: PlanOptions): 'text' | 'json' | 'csv' {
  const format = options.format ?? (options.csv ? 'csv' : options.json ? 'json' : 'text');
  if (format !== 'text' && format !== 'json' && format !== 'csv') {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `--format must be text, json or csv, got "${format}"`,
      field: 'format',
    });
  }
  return format;
}

const CSV_COLUMNS = ['day', 'date', 'meal', 'foodId', 'name', 'grams', 'household', 'change'];

/** The plan as CSV (RFC 4180): one row per food and meal, days in order. */
export function planCsv(result: PlanResult): string {
  const quote = (value: string | number | undefined) => {
    const text = value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = [CSV_COLUMNS.join(',')];
  for (const day of result.days) {
    for (const item of day.items) {
      rows.push(
        [
          day.day,
          day.date,
          item.meal,
          item.foodId,
          item.name,
          item.grams,
          item.portion,
          item.change,
        ]
          .map(quote)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

function printReadable(io: CliIo, result: PlanResult): void {
  const lines: string[] = [];
  lines.push(
    result.status === 'optimal'
      ? 'Plan (optimal)'
      : 'Plan (some days stopped at the solver effort limit: best plan found, gap shown on those days)',
  );
  for (const day of result.days) {
    const energy = day.totals.energy?.amount;
    // A gap only for a day not proved optimal.
    const stop =
      day.solve && day.solve.status !== 'optimal'
        ? ` — ${day.solve.status === 'repaired' ? 'repaired LP rounding' : 'effort limit'}, gap ${((day.solve.gap ?? 1) * 100).toFixed(1)} %`
        : '';
    lines.push(
      '',
      `Day ${day.day}${day.date ? ` (${day.date})` : ''}${energy !== undefined ? ` — ${Math.round(energy)} kcal` : ''}${stop}`,
    );
    for (const [meal, items] of Object.entries(day.meals)) {
      lines.push(`  ${meal}`);
      for (const item of items ?? []) {
        const mark = item.change === 'added' ? '+ ' : '';
        lines.push(
          `    ${mark}${item.portion.padEnd(34)} ${item.name}${item.cook ? ' — cook it' : ''}`,
        );
      }
    }
    const removed = day.items.filter((i) => i.change === 'removed');
    for (const item of removed) lines.push(`    - swap out: ${item.grams} g ${item.name}`);
  }
  lines.push('', 'Still short');
  if (result.unmet.length === 0) lines.push('  nothing: every minimum is met on every day');
  for (const u of result.unmet) {
    const amount = u.foodUnknown
      ? `unknown from food${u.achieved > 0 ? ` (+ ${u.achieved} ${u.unit} from supplements)` : ''}; target ${u.target} ${u.unit}`
      : `${u.achieved} of ${u.target} ${u.unit}`;
    lines.push(`  ${u.nutrient}: ${amount} — ${u.reason}`);
  }
  lines.push('', 'Supplements to discuss with your clinician (not part of the food plan)');
  if (result.supplements.length === 0) lines.push('  none suggested');
  for (const s of result.supplements) {
    lines.push(
      `  ${s.nutrient} ${s.suggestedAmount} ${s.unit}/day: ${s.reason}${s.caution ? ` (${s.caution})` : ''}`,
    );
  }
  if (result.shopping?.length) {
    lines.push('', 'Shopping list (whole plan)');
    for (const s of result.shopping) lines.push(`  ${s.household.padEnd(34)} ${s.name}`);
  }
  if (result.explanation.binding.length) {
    lines.push('', 'Limits that shaped the plan');
    for (const b of result.explanation.binding) lines.push(`  ${b}`);
  }
  if (result.unusedRecipes?.length) {
    lines.push('', 'Your recipes not offered to the plan');
    for (const r of result.unusedRecipes) lines.push(`  ${r.name} (${r.id}): ${r.reason}`);
  }
  lines.push('', result.disclaimer, '');
  io.stdout(lines.join('\n'));
}

async function runGeneric(io: CliIo, options: PlanOptions, solver: Solver): Promise<void> {
  if (options.foods === undefined || options.model === undefined) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: 'generic mode needs both --foods F.csv and --model M.json',
    });
  }
  const foods = parseDietFoods(readText(io, options.foods), options.foods);
  if (!foods.ok) throw new CliFailure(foods.error);
  const parsed = DietModelSchema.safeParse(readJson(io, options.model));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliFailure({
      code: 'INVALID_MODEL',
      message: issue?.message ?? 'invalid model',
      file: options.model,
      location: issue?.path.join('.') ?? '',
      field: String(issue?.path.at(-1) ?? ''),
    });
  }
  const checked = checkDietModel(parsed.data as DietModel, foods.value, options.model);
  if (!checked.ok) throw new CliFailure(checked.error);
  const model = buildDietModel(checked.value, foods.value);
  if (options.writeLp !== undefined)
    writeFile(io, options.writeLp, writeLp(model, `calcwise diet ${options.foods}`));
  const timeLimitSec = parseTimeLimit(options.timeLimit) ?? 30;
  const limits = { safetyTimeLimitSec: timeLimitSec };
  const outcome = await solver.solve(model, { ...limits, mipRelGap: 1e-6 });
  if (outcome.status === 'infeasible') {
    const rows = await solver.infeasibleRows(model, limits);
    const describe = (i: number) => {
      const name = (model.rowNames[i] as string).replace(/^nutrient_/, '');
      const lo = model.rowLower[i] as number;
      const hi = model.rowUpper[i] as number;
      return `${name}${Number.isFinite(lo) ? ` ≥ ${lo}` : ''}${Number.isFinite(hi) ? ` ≤ ${hi}` : ''}`;
    };
    const relax: string[] = [];
    for (const i of rows) {
      const freed = await solver.solve(
        withoutRows(model, (r) => r === i),
        { ...limits, relax: true },
      );
      if (freed.status === 'optimal')
        relax.push(`relax ${describe(i)}: the rest is feasible without it`);
    }
    if (relax.length === 0)
      relax.push(
        "the listed constraints conflict together (with the foods' maximums); relax one of them",
      );
    const conflicts = rows.map((i) => ({
      name: model.rowNames[i] as string,
      description: describe(i),
    }));
    throw new CliFailure(
      {
        code: 'INFEASIBLE_PLAN',
        message: `no diet meets: ${conflicts.map((c) => c.description).join('; ')}`,
        file: options.model,
      },
      { status: 'infeasible', diagnosis: { conflicts, relax } },
    );
  }
  if (outcome.status !== 'optimal' && outcome.status !== 'effort-limit') {
    throw new CliFailure({
      code: 'SOLVER_FAILED',
      message: `solver: ${outcome.status} ${outcome.message ?? ''}`,
    });
  }
  if (!outcome.values) {
    throw new CliFailure({
      code: 'SOLVER_FAILED',
      message: 'effort limit reached without a solution',
    });
  }
  const values = outcome.values;
  const output = {
    status: outcome.status,
    objective: round(outcome.objective as number),
    ...(outcome.status === 'effort-limit' ? { gap: outcome.gap } : {}),
    items: foods.value.foods
      .map((food, j) => ({ foodId: food.id, amount: round(values[j] as number) }))
      .filter((item) => item.amount > 0),
  };
  if (options.json) return printJson(io, output);
  const lines = [`Diet problem: ${output.status}, cost ${output.objective}`];
  for (const item of output.items)
    lines.push(`  ${String(item.amount).padStart(10)}  ${item.foodId}`);
  io.stdout(`${lines.join('\n')}\n`);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function parseTimeLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value > 0 && value <= 600)) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `--time-limit must be 0–600 seconds, got "${text}"`,
      field: 'time-limit',
    });
  }
  return value;
}

function parseMaxNodes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(Number.isInteger(value) && value >= 1 && value <= 1_000_000)) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `--max-nodes must be a whole number 1–1000000, got "${text}"`,
      field: 'max-nodes',
    });
  }
  return value;
}

function writeFile(io: CliIo, file: string, text: string): void {
  try {
    writeFileSync(resolve(io.cwd, file), text);
  } catch (error) {
    throw new CliFailure({
      code: 'INVALID_INPUT',
      message: `cannot write the LP file (${String(error)})`,
      file,
    });
  }
}
