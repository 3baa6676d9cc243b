/**
 * Builds the small fixtures `npm test` reads (test/fixtures/), so the default suite needs nothing
 * outside the repository. The sources are USDA data, public domain:
 *   - the SR24 reference extract (sr24_foods.csv, sr24_nutrients.csv.gz, sr24_portions.csv),
 *   - the official FoodData Central Foundation Foods 2024-10-31 test fixture (16 foods).
 *
 *   npm run fixtures:build                         # sources from ../shared/data
 *   CALCWISE_SHARED_DATA=/path/to/data npm run fixtures:build
 *
 * The output is deterministic: running it twice gives the same bytes. Tests that compare against
 * the full sets stay in *.shared.test.ts (npm run test:shared).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.CALCWISE_SHARED_DATA ?? path.resolve(repo, '../shared/data');
const out = path.join(repo, 'test/fixtures');

/**
 * SR24 foods whose nutrient rows and portions the tests compare with by hand:
 * kale raw, cheddar, hard-boiled egg, farmed Atlantic salmon cooked, 2 % milk.
 */
export const SR24_FIXTURE_FOODS = ['01009', '01079', '01129', '11233', '15237'];

const FDC_TEST_FIXTURE = 'fdc/foundation_2024-10-31_test_fixture';

function need(file: string): string {
  const full = path.join(shared, file);
  if (!existsSync(full)) {
    throw new Error(
      `${full} not found: set CALCWISE_SHARED_DATA to the folder holding sr24/ and fdc/`,
    );
  }
  return full;
}

/** Keeps the header and the lines whose first field (the 5-digit NDB number) is wanted. */
function filterByFood(text: string, wanted: ReadonlySet<string>): string {
  const lines = text.split('\n');
  const kept = lines.slice(1).filter((line) => wanted.has(line.slice(0, 5)) && line[5] === ',');
  return [lines[0], ...kept].join('\n') + '\n';
}

function main(): void {
  const wanted = new Set(SR24_FIXTURE_FOODS);
  const sr24Out = path.join(out, 'sr24');
  mkdirSync(sr24Out, { recursive: true });

  const nutrients = gunzipSync(readFileSync(need('sr24/sr24_nutrients.csv.gz'))).toString('utf8');
  writeFileSync(path.join(sr24Out, 'sr24_nutrients.csv'), filterByFood(nutrients, wanted));

  const portions = readFileSync(need('sr24/sr24_portions.csv'), 'utf8');
  writeFileSync(path.join(sr24Out, 'sr24_portions.csv'), filterByFood(portions, wanted));

  // The index flag of every SR24 food (two columns of sr24_foods.csv): small, and enough to
  // check that ids used anywhere in the app exist in the current SR24 index.
  const foods = readFileSync(need('sr24/sr24_foods.csv'), 'utf8').split('\n');
  const header = foods[0]!.split(',');
  if (header[0] !== 'food_id' || header.at(-5) !== 'in_sr24_index') {
    throw new Error(`unexpected sr24_foods.csv header: ${foods[0]}`);
  }
  const index = foods
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      // name may be quoted and contain commas; the flags are the 5th-last field.
      const fields = line.split(',');
      return `${fields[0]},${fields.at(-5)}`;
    });
  writeFileSync(
    path.join(sr24Out, 'sr24_index.csv'),
    ['food_id,in_sr24_index', ...index].join('\n') + '\n',
  );

  const fdcIn = need(FDC_TEST_FIXTURE);
  const fdcOut = path.join(out, FDC_TEST_FIXTURE);
  mkdirSync(fdcOut, { recursive: true });
  for (const name of readdirSync(fdcIn).sort())
    copyFileSync(path.join(fdcIn, name), path.join(fdcOut, name));

  process.stdout.write(`test fixtures written to ${path.relative(repo, out)}/ from ${shared}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
