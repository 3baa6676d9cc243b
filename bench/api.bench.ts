/**
 * API throughput and latency: `GET /api/analysis` over a 30-day diary in SQLite, with
 * `GET /api/health` measured in the same run as the peer (what the HTTP stack alone costs).
 * The server runs in its own process on 127.0.0.1 (an ephemeral port) so the load generator
 * does not share its event loop; autocannon runs for a bounded time per route.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Food, FoodIndex } from '../src/core/foods.js';
import { loadFoodIndex } from '../src/data/load-foods.js';
import { parseProfile } from '../src/schemas/profile.js';
import { createSqliteStore } from '../src/store/index.js';

const DURATION_S = Number(process.env.BENCH_API_SECONDS ?? 5);
const CONNECTIONS = 10;
const DAYS = 30;

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

/** Everyday foods from the bundled SR24 data, by NDB number; missing ones are skipped. */
const DIARY_FOODS = [
  'sr24:11233', // kale, raw
  'sr24:01009', // cheddar
  'sr24:15076', // salmon, Atlantic, wild, raw
  'sr24:01077', // milk, whole
  'sr24:01123', // egg, whole, raw
  'sr24:09003', // apple, raw, with skin
  'sr24:20037', // rice, brown, long-grain, cooked
  'sr24:11090', // broccoli, raw
  'sr24:16057', // chickpeas, mature seeds, cooked
  'sr24:12061', // almonds
  'sr24:04053', // olive oil
  'sr24:18069', // bread, white, commercial
  'sr24:05064', // chicken breast, meat only, roasted
  'sr24:11529', // tomatoes, red, ripe, raw
  'sr24:01116', // yogurt, plain, whole milk
];

function pickFoods(foods: FoodIndex): Food[] {
  const chosen = DIARY_FOODS.flatMap((id) => foods.get(id) ?? []);
  if (chosen.length >= 8) return chosen;
  // Data ids changed: take the first foods by id so the diary is still deterministic.
  return [...foods.values()].sort((a, b) => a.id.localeCompare(b.id)).slice(0, 15);
}

async function seedDatabase(
  file: string,
  foods: FoodIndex,
): Promise<{ entries: number; profile: boolean }> {
  const store = await createSqliteStore(file);
  const diaryFoods = pickFoods(foods);
  const start = Date.parse('2026-10-01T00:00:00Z');
  const entries = [];
  for (let day = 0; day < DAYS; day += 1) {
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    // 12 entries a day, rotating through the foods so days differ.
    for (let k = 0; k < 12; k += 1) {
      const food = diaryFoods[(day * 5 + k) % diaryFoods.length]!;
      entries.push({ date, food: food.id, amount: 40 + ((day + k * 7) % 8) * 20, unit: 'g' });
    }
  }
  await store.addEntries('local', entries);
  const profile = {
    age: 64,
    sex: 'female',
    lifeStage: 'none',
    smoker: false,
    weightKg: 70,
    heightCm: 165,
    activity: 'light',
    conditions: [],
    medications: ['warfarin'],
    supplements: [{ nutrient: 'vitamin-d', amount: 20, unit: 'µg' }],
    pattern: 'omnivore',
    exclude: [],
    dislikes: [],
  };
  const hasProfile = parseProfile(profile).ok;
  if (hasProfile) await store.putProfile('local', profile);
  await store.close();
  return { entries: entries.length, profile: hasProfile };
}

/** Starts `startServer` in a child process (tsx loads the TypeScript) and reads its port. */
async function startChildServer(dbFile: string): Promise<{ child: ChildProcess; url: string }> {
  const startModule = pathToFileURL(
    fileURLToPath(new URL('../src/server/start.ts', import.meta.url)),
  ).href;
  const code = `
    const { startServer } = await import(${JSON.stringify(startModule)});
    const server = await startServer({ port: 0, host: '127.0.0.1', dbFile: ${JSON.stringify(dbFile)}, log: false, webRoot: '/nonexistent' });
    process.stdout.write(JSON.stringify({ url: server.url }) + '\\n');
    process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (exitCode) => reject(new Error(`API server exited with ${exitCode}`)));
  });
  return { child, url };
}

async function measure(url: string): Promise<AutocannonResult> {
  // Warm-up: JIT, SQLite page cache, lazily built indexes.
  for (let i = 0; i < 30; i += 1) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
  }
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
}

function quality(result: AutocannonResult): string {
  const bad = result.non2xx + result.errors + result.timeouts;
  return bad === 0
    ? 'all 2xx'
    : `${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`;
}

export async function run(): Promise<{ title: string; rows: BenchRow[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-bench-api-'));
  const dbFile = join(dir, 'calcwise.db');
  let child: ChildProcess | undefined;
  // Other work on the machine shares the cores with server and load generator: say how much.
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const seeded = await seedDatabase(dbFile, loadFoodIndex());
    const server = await startChildServer(dbFile);
    child = server.child;
    const analysisUrl = `${server.url}/api/analysis`;
    const sample = (await (await fetch(analysisUrl)).json()) as {
      days?: unknown[];
      balance?: unknown;
    };
    const analysis = await measure(analysisUrl);
    const health = await measure(`${server.url}/api/health`);
    const setup =
      `${seeded.entries} entries over ${DAYS} days in SQLite (WAL)` +
      `${seeded.profile ? ', with a profile (targets + balance)' : ', no profile (parser not available)'}` +
      `; ${CONNECTIONS} connections, ${DURATION_S} s, server in its own process, ${cpus().length} CPUs` +
      `, 1-min load average ${loadBefore.toFixed(1)} before the run`;
    const rows: BenchRow[] = [
      {
        name: 'GET /api/analysis throughput',
        value: round(analysis.requests.average),
        unit: 'req/s',
        note: `${setup}; ${quality(analysis)}`,
      },
      { name: 'GET /api/analysis latency p50', value: analysis.latency.p50, unit: 'ms' },
      { name: 'GET /api/analysis latency p99', value: analysis.latency.p99, unit: 'ms' },
      {
        name: 'GET /api/health throughput (peer)',
        value: round(health.requests.average),
        unit: 'req/s',
        note: quality(health),
      },
      { name: 'GET /api/health latency p50 (peer)', value: health.latency.p50, unit: 'ms' },
      { name: 'GET /api/health latency p99 (peer)', value: health.latency.p99, unit: 'ms' },
      {
        name: 'analysis / health throughput ratio',
        value: round(analysis.requests.average / health.requests.average, 3),
        unit: '×',
        note: `share of the bare HTTP rate left after loading ${seeded.entries} entries and analysing ${sample.days?.length ?? '?'} days per request`,
      },
    ];
    return { title: 'HTTP API (GET /api/analysis, 30-day diary)', rows };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

// `npx tsx bench/api.bench.ts` runs this one benchmark alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await run();
  console.log(result.title);
  for (const row of result.rows)
    console.log(`  ${row.name}: ${row.value} ${row.unit}${row.note ? `  (${row.note})` : ''}`);
}
