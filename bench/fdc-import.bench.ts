/**
 * FoodData Central import bench: the full Foundation Foods 2024-10-31 release zip (26 tables,
 * food.csv 68,875 rows, food_nutrient.csv 149,615 rows) unpacked, read, mapped and stored into a
 * SQLite file store through the use case `calcwise import fdc` runs. The release is public USDA
 * data kept outside the repository (../shared/data or $CALCWISE_SHARED_DATA): without it this
 * bench fails, saying where it looked, so `npm run bench` exits 1 instead of reporting nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFdcCsv } from '../src/app/compose.js';
import { importFdc } from '../src/app/import-fdc.js';
import { createSqliteStore } from '../src/store/index.js';
import type { BenchSection } from './run.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RELEASE = 'fdc/foundation_2024-10-31/FoodData_Central_foundation_food_csv_2024-10-31.zip';

/** The release zip, or an error naming where it was looked for. */
export function releaseZip(env: NodeJS.ProcessEnv = process.env): string {
  const shared = env.CALCWISE_SHARED_DATA ?? resolve(repo, '../shared/data');
  const zip = join(shared, RELEASE);
  if (!existsSync(zip)) {
    throw new Error(
      `the FDC import bench needs the Foundation release zip, not found at ${zip}: put the shared ` +
        'data folder beside the repository or set CALCWISE_SHARED_DATA',
    );
  }
  return zip;
}

export async function run(): Promise<BenchSection> {
  const zip = releaseZip();
  const dir = mkdtempSync(join(tmpdir(), 'calcwise-bench-fdc-'));
  try {
    const unzipStarted = performance.now();
    execFileSync('unzip', ['-q', zip, '-d', dir]);
    const unzipSeconds = (performance.now() - unzipStarted) / 1000;
    const folder = readdirSync(dir)
      .map((name) => join(dir, name))
      .find((path) => statSync(path).isDirectory() && existsSync(join(path, 'food.csv')));
    if (!folder) throw new Error(`${zip}: no folder with food.csv in the zip`);

    const store = await createSqliteStore(join(dir, 'bench.db'));
    let rows = 0;
    let bytes = 0;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const started = performance.now();
    const result = await importFdc(
      {
        store,
        readRelease: (d) =>
          importFdcCsv(d, {
            release: 'Foundation 2024-10-31',
            onProgress: (p) => {
              rows = p.rows;
              bytes = p.totalBytes;
            },
          }),
      },
      { owner: 'local', dir: folder, release: 'Foundation 2024-10-31', file: zip },
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    await store.close();
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value;
    return {
      title: 'FoodData Central import (Foundation 2024-10-31, full release zip)',
      rows: [
        {
          name: 'rows read (six tables)',
          value: rows,
          unit: 'rows',
          note: `${(bytes / 2 ** 20).toFixed(1)} MiB of CSV; food.csv ${report.stats.foodsRead} rows`,
        },
        { name: 'unzip (system unzip)', value: unzipSeconds, unit: 's' },
        { name: 'import time (read, map, store)', value: seconds, unit: 's' },
        { name: 'throughput', value: rows / seconds, unit: 'rows/s' },
        { name: 'foods stored', value: report.stored.foods, unit: 'foods' },
        { name: 'bad rows counted', value: report.stats.badRowCount, unit: 'rows' },
        {
          name: 'peak RSS during the import',
          value: peak / 2 ** 20,
          unit: 'MiB',
          note: `sampled every 10 ms; ${((peak - before) / 2 ** 20).toFixed(0)} MiB over the bench process before it`,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
