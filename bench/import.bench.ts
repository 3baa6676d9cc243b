/**
 * Import bench: a generated 3-year Cronometer servings export (≈ 20,000 rows, the 2023 73-column
 * layout) imported into a SQLite file store, end to end (decode, parse, match against SR24, store
 * in one transaction). Rows are real SR24 foods at varied weights (values computed from the food
 * data, so they match) mixed with own recipes that match nothing (kept as own foods).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCronometer } from '../src/app/import-cronometer.js';
import { loadFoods } from '../src/cli/commands/foods.js';
import { nutrientPer100g } from '../src/core/foods.js';
import type { NutrientId } from '../src/core/nutrients.js';
import { createSqliteStore } from '../src/store/index.js';
import { TRACKER_HEADERS } from '../test/support/tracker-headers.js';
import type { BenchSection } from './run.js';

const READ: Record<string, [NutrientId, number]> = {
  'Energy (kcal)': ['energy', 1],
  'Protein (g)': ['protein', 1],
  'Fat (g)': ['fat', 1],
  'Carbs (g)': ['carbohydrate', 1],
  'Calcium (mg)': ['calcium', 1],
  'Magnesium (mg)': ['magnesium', 1],
  'Potassium (mg)': ['potassium', 1],
  'Sodium (mg)': ['sodium', 1],
  'Vitamin K (µg)': ['vitamin-k1', 1],
  'Vitamin D (IU)': ['vitamin-d', 1 / 40],
};

export async function run(): Promise<BenchSection> {
  const foods = loadFoods();
  const header = TRACKER_HEADERS.servings2023_73;
  const columns = header.split(',');
  const pool = [...foods.index.values()].filter((f) => f.nutrients.energy).slice(0, 400);
  const lines: string[] = [header];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const start = Date.UTC(2023, 0, 1);
  for (let day = 0; day < 3 * 365; day += 1) {
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    for (let k = 0; k < 18; k += 1) {
      const own = next() < 0.2;
      const food = pool[Math.floor(next() * pool.length)]!;
      const grams = Math.round(next() * 30000) / 100 + 1;
      const cells = columns.map((c: string) => {
        if (c === 'Day') return date;
        if (c === 'Time') return '9:00 AM';
        if (c === 'Group') return 'Breakfast';
        if (c === 'Food Name') return own ? `"Recipe ${k}"` : `"${food.name.replace(/"/g, '""')}"`;
        if (c === 'Amount') return own ? '"1.00 full recipe"' : `"${grams.toFixed(2)} g"`;
        const read = READ[c];
        if (!read) return '';
        if (own) return (next() * 500).toFixed(2);
        const known = nutrientPer100g(food, read[0]);
        return known ? ((known.per100g * grams) / 100 / read[1]).toFixed(2) : '';
      });
      lines.push(cells.join(','));
    }
  }
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-bench-import-'));
  try {
    const store = await createSqliteStore(join(dir, 'bench.db'));
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const result = await importCronometer(
      { store, foods: foods.index, search: foods.search },
      { owner: 'local', file: 'servings.csv', bytes },
    );
    const seconds = (performance.now() - started) / 1000;
    const rss = process.memoryUsage().rss;
    await store.close();
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value;
    const rows = lines.length - 1;
    return {
      title: 'Cronometer import (3-year servings file, generated)',
      rows: [
        {
          name: 'rows',
          value: rows,
          unit: 'rows',
          note: `${(bytes.length / 2 ** 20).toFixed(1)} MiB, 73 columns`,
        },
        { name: 'import time (decode, parse, match, store)', value: seconds, unit: 's' },
        { name: 'throughput', value: rows / seconds, unit: 'rows/s' },
        { name: 'food names matched', value: report.matched.length, unit: 'names' },
        { name: 'diary entries stored', value: report.stored?.entries ?? 0, unit: 'entries' },
        { name: 'RSS growth during import', value: (rss - before) / 2 ** 20, unit: 'MiB' },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
