/**
 * Food search latency: p50/p95 over a fixed query set (exact words, prefixes, typos, synonyms,
 * several words) on the bundled foods and on a synthetic 400k-food set, with a naive
 * substring scan measured in the same run as the peer. Also how often the food a query means
 * lands in the top 5, for both.
 */
import type { Food } from '../src/core/foods.js';
import { createFoodSearch } from '../src/core/search/index.js';
import { loadFoodCommonness } from '../src/data/food-commonness.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import type { BenchRow, BenchSection } from './run.js';

export const QUERIES = [
  // whole words
  'kale',
  'milk',
  'cheddar',
  'salmon',
  'broccoli',
  'egg',
  'yogurt',
  'almonds',
  'spinach',
  'natto',
  'apple',
  'bread',
  'chicken breast',
  'olive oil',
  'brown rice',
  'lentils',
  'tuna canned',
  'orange juice',
  'whole milk',
  'sweet potato',
  // prefixes, as typed
  'ched',
  'broc',
  'spin',
  'yog',
  'alm',
  'sal',
  'chick',
  'tom',
  // typos
  'brocoli',
  'chedar',
  'spinnach',
  'salman',
  'tomatoe',
  'bannana',
  // synonyms
  'garbanzo',
  'aubergine',
  'courgette',
  'prawn',
  'coriander',
  'rocket',
];

/** Queries and the SR24 food each means (checked against the SR24 names). */
const EXPECTED: [string, string][] = [
  ['kale', 'sr24:11233'],
  ['brocoli', 'sr24:11090'],
  ['chedar', 'sr24:01009'],
  ['spinnach', 'sr24:11457'],
  ['bannana', 'sr24:09040'],
  ['yoghurt', 'sr24:01116'],
  ['garbanzo', 'sr24:16057'], // cooked: people log chickpeas as eaten
  ['aubergine', 'sr24:11209'],
  ['courgette', 'sr24:11477'],
  ['prawn', 'sr24:15149'],
  ['rocket', 'sr24:11959'],
  ['natto', 'sr24:16113'],
];

const SYNTHETIC_SIZE = 400_000;

export async function run(): Promise<BenchSection> {
  const bundled = [...loadFoodIndex().values()];
  const rows: BenchRow[] = [];
  rows.push(...measureSet('bundled', bundled, 20, 20));
  rows.push(...recall(bundled));

  const synthetic = makeSyntheticFoods(bundled, SYNTHETIC_SIZE, 20261126);
  rows.push(...measureSet('synthetic 400k', synthetic, 10, 3));
  return { title: 'Food search', rows };
}

function measureSet(
  label: string,
  foods: readonly Food[],
  repeats: number,
  naiveRepeats: number,
): BenchRow[] {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const search = createFoodSearch(foods, { commonness: loadFoodCommonness() });
  const buildMs = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const naive = createNaiveScan(foods);

  for (const query of QUERIES) search.search(query, { limit: 10 }); // warm-up
  const times = time(QUERIES, repeats, (query) => search.search(query, { limit: 10 }));
  const naiveTimes = time(QUERIES, naiveRepeats, (query) => naive(query, 10));
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const naiveP50 = percentile(naiveTimes, 50);
  const naiveP95 = percentile(naiveTimes, 95);
  const n = foods.length.toLocaleString('en-US');
  return [
    {
      name: `${label}: index build`,
      value: buildMs,
      unit: 'ms',
      note: `${n} foods; heap grew ~${heapMb.toFixed(0)} MB (GC-dependent)`,
    },
    {
      name: `${label}: search p50`,
      value: p50,
      unit: 'ms',
      note: `${QUERIES.length} queries × ${repeats}`,
    },
    {
      name: `${label}: search p95`,
      value: p95,
      unit: 'ms',
      note: label === 'bundled' ? 'target < 2 ms' : 'target < 15 ms',
    },
    { name: `${label}: naive substring scan p50 (peer)`, value: naiveP50, unit: 'ms' },
    { name: `${label}: naive substring scan p95 (peer)`, value: naiveP95, unit: 'ms' },
    { name: `${label}: naive p95 / search p95`, value: naiveP95 / p95, unit: '×' },
  ];
}

function recall(foods: readonly Food[]): BenchRow[] {
  const search = createFoodSearch(foods, { commonness: loadFoodCommonness() });
  const naive = createNaiveScan(foods);
  const known = new Set(foods.map((food) => food.id));
  const cases = EXPECTED.filter(([, id]) => known.has(id));
  const hit = (ids: string[], id: string) => ids.slice(0, 5).includes(id);
  const ours = cases.filter(([query, id]) =>
    hit(
      search.search(query, { limit: 5 }).map((h) => h.id),
      id,
    ),
  ).length;
  const peer = cases.filter(([query, id]) => hit(naive(query, 5), id)).length;
  return [
    {
      name: 'bundled: intended food in top 5',
      value: ours,
      unit: `of ${cases.length}`,
      note: 'typos, synonyms, plain forms',
    },
    {
      name: 'bundled: intended food in top 5, naive scan (peer)',
      value: peer,
      unit: `of ${cases.length}`,
    },
  ];
}

/** The peer: lower-cased substring match, shortest names first. */
function createNaiveScan(foods: readonly Food[]): (query: string, limit: number) => string[] {
  const names = foods.map((food) => food.name.toLowerCase());
  return (query, limit) => {
    const wanted = query.toLowerCase().trim();
    const matches: number[] = [];
    for (let i = 0; i < names.length; i += 1) if (names[i]!.includes(wanted)) matches.push(i);
    matches.sort((a, b) => names[a]!.length - names[b]!.length);
    return matches.slice(0, limit).map((i) => foods[i]!.id);
  };
}

function time(
  queries: readonly string[],
  repeats: number,
  fn: (query: string) => unknown,
): number[] {
  const samples: number[] = [];
  for (let r = 0; r < repeats; r += 1) {
    for (const query of queries) {
      const started = performance.now();
      fn(query);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** mulberry32: a small seeded PRNG, so the synthetic set is the same on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Names built from the bundled names' own segments ("Cheese", "cheddar", "low fat" …) in new
 * combinations, a third of them with a made-up brand word, like branded food databases.
 */
export function makeSyntheticFoods(source: readonly Food[], size: number, seed: number): Food[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const heads = source.map((food) => food.name.split(',')[0]!.trim()).filter(Boolean);
  const modifiers = source
    .flatMap((food) =>
      food.name
        .split(',')
        .slice(1)
        .map((part) => part.trim()),
    )
    .filter(Boolean);
  const groups = [...new Set(source.map((food) => food.group))];
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ra',
    'te',
    'zu',
    'bel',
    'cor',
    'dan',
    'fre',
    'gor',
    'lin',
    'mar',
    'nor',
    'pel',
    'ros',
    'sun',
    'val',
    'wes',
    'qui',
  ];
  const brands = Array.from({ length: 20_000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables))
      .join('')
      .toUpperCase(),
  );
  const foods: Food[] = [];
  for (let i = 0; i < size; i += 1) {
    const parts = [pick(heads)];
    const extra = 1 + Math.floor(random() * 3);
    for (let j = 0; j < extra; j += 1) parts.push(pick(modifiers));
    const name = random() < 0.33 ? `${pick(brands)}, ${parts.join(', ')}` : parts.join(', ');
    foods.push({ id: `synthetic:${i}`, name, group: pick(groups), nutrients: {}, portions: [] });
  }
  return foods;
}
