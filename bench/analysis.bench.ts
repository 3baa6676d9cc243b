/**
 * Diary analysis time for a 365-day diary (≈ 5,500 entries of everyday SR24 foods in grams
 * and household portions): JSON parsing, resolution to grams, and totals/averages/contributors.
 */
import { analyzeDiary, resolveDiary } from '../src/core/analysis/index.js';
import type { Diary } from '../src/core/diary/types.js';
import type { FoodIndex } from '../src/core/foods.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { parseDiaryJson } from '../src/schemas/diary.js';
import type { BenchRow, BenchSection } from './run.js';
import { percentile } from './search.bench.js';

/** Everyday foods (SR24 NDB numbers) with a household portion each, as a person logs them. */
const FOODS: [string, number, string][] = [
  ['sr24:08121', 1, 'cup'], // oatmeal, cooked
  ['sr24:01079', 1, 'cup'], // milk, 2 %
  ['sr24:14209', 1, 'cup (8 fl oz)'], // coffee
  ['sr24:18060', 2, 'slice, regular'], // rye bread
  ['sr24:01001', 1, 'tbsp'], // butter
  ['sr24:01009', 1, 'slice (1 oz)'], // cheddar
  ['sr24:01129', 1, 'large'], // egg, hard-boiled
  ['sr24:11233', 1, 'cup, chopped'], // kale
  ['sr24:11457', 1, 'cup'], // spinach
  ['sr24:11529', 1, 'medium whole (2-3/5" dia)'], // tomato
  ['sr24:09003', 1, 'medium (3" dia)'], // apple
  ['sr24:09040', 1, 'medium (7" to 7-7/8" long)'], // banana
  ['sr24:05064', 0.5, 'breast, bone and skin removed'], // chicken breast
  ['sr24:15237', 0.5, 'fillet'], // salmon, farmed, cooked
  ['sr24:04053', 1, 'tablespoon'], // olive oil
  ['sr24:16070', 1, 'cup'], // lentils
  ['sr24:12061', 1, 'oz (23 whole kernels)'], // almonds
  ['sr24:01116', 1, 'cup (8 fl oz)'], // yogurt
];
const DAYS = 365;
const ENTRIES_PER_DAY = 15;
const RUNS = 30;

export async function run(): Promise<BenchSection> {
  const foods = loadFoodIndex();
  const diary = makeYear(foods);
  const entries = diary.days.reduce((sum, day) => sum + day.entries.length, 0);
  const text = JSON.stringify(diary);

  const parseTimes: number[] = [];
  const resolveTimes: number[] = [];
  const analyzeTimes: number[] = [];
  const totalTimes: number[] = [];
  for (let i = 0; i < RUNS + 3; i += 1) {
    const t0 = performance.now();
    const parsed = parseDiaryJson(text, 'year.json');
    const t1 = performance.now();
    if (!parsed.ok) throw new Error(parsed.error.message);
    const resolved = resolveDiary(parsed.value, foods);
    const t2 = performance.now();
    if (!resolved.ok) throw new Error(resolved.error.message);
    analyzeDiary(resolved.value);
    const t3 = performance.now();
    if (i < 3) continue; // warm-up
    parseTimes.push(t1 - t0);
    resolveTimes.push(t2 - t1);
    analyzeTimes.push(t3 - t2);
    totalTimes.push(t3 - t0);
  }
  const note = `${DAYS} days, ${entries.toLocaleString('en-US')} entries, ${RUNS} runs`;
  const rows: BenchRow[] = [
    {
      name: 'parse JSON diary, p50',
      value: percentile(parseTimes, 50),
      unit: 'ms',
      note: `${(text.length / 1024).toFixed(0)} KB`,
    },
    {
      name: 'resolve foods and units to grams, p50',
      value: percentile(resolveTimes, 50),
      unit: 'ms',
    },
    {
      name: 'analyze (totals, averages, contributors), p50',
      value: percentile(analyzeTimes, 50),
      unit: 'ms',
      note,
    },
    {
      name: 'resolve + analyze, p50',
      value: percentile(
        resolveTimes.map((t, i) => t + analyzeTimes[i]!),
        50,
      ),
      unit: 'ms',
      note: 'target < 20 ms',
    },
    {
      name: 'resolve + analyze, p95',
      value: percentile(
        resolveTimes.map((t, i) => t + analyzeTimes[i]!),
        95,
      ),
      unit: 'ms',
    },
    { name: 'parse + resolve + analyze, p95', value: percentile(totalTimes, 95), unit: 'ms' },
  ];
  return { title: 'Diary analysis (365 days)', rows };
}

function makeYear(foods: FoodIndex): Diary {
  const available = FOODS.filter(([id]) => foods.has(id));
  if (available.length === 0) throw new Error('none of the benchmark foods is in the bundled data');
  const start = Date.UTC(2025, 0, 1);
  return {
    days: Array.from({ length: DAYS }, (_, day) => ({
      date: new Date(start + day * 86_400_000).toISOString().slice(0, 10),
      entries: Array.from({ length: ENTRIES_PER_DAY }, (_, k) => {
        const [food, amount, unit] = available[(day * 7 + k * 5) % available.length]!;
        // Every third entry in grams, the rest in the food's household portion.
        return k % 3 === 0
          ? { food, amount: 50 + ((day + k) % 10) * 10, unit: 'g' }
          : { food, amount, unit };
      }),
    })),
  };
}
