import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFoods } from '../src/cli/commands/foods.js';
import { createApp } from '../src/server/index.js';
import { createSqliteStore } from '../src/store/index.js';
import { cliIn } from './support/cli-in-process.js';

// USDA's Foundation Foods test fixture (16 foods, one duplicate), copied into the repo by
// scripts/build-test-fixtures.ts.
const fixture = resolve('test/fixtures/fdc/foundation_2024-10-31_test_fixture');
const dir = mkdtempSync(join(tmpdir(), 'calcwise-fdc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => cliIn(dir, args);

async function fdcFoods(db: string) {
  const store = await createSqliteStore(db);
  try {
    return (await store.listCustomFoods('local')).filter((f) => f.id.startsWith('fdc:'));
  } finally {
    await store.close();
  }
}

describe('calcwise import fdc', () => {
  it('loads the release as fdc:<id> foods, reports bad rows and duplicates, and re-running gives the same rows', async () => {
    const db = join(dir, 'fdc.db');
    const first = await cli(['import', 'fdc', fixture, '--db', db, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as {
      foods: number;
      stats: { foodsRead: number; duplicates: { kept: string; dropped: string[] }[] };
    };
    expect(report.stats.foodsRead).toBe(16);
    expect(report.foods).toBe(15);
    expect(report.stats.duplicates).toContainEqual(
      expect.objectContaining({ kept: '747447', dropped: ['321900'] }),
    );
    const foods = await fdcFoods(db);
    expect(foods).toHaveLength(15);
    const kale = foods.find((f) => f.id === 'fdc:323505')!;
    expect(kale.nutrients['vitamin-k1']?.per100g).toBeGreaterThan(100);

    const again = await cli(['import', 'fdc', fixture, '--db', db, '--json']);
    expect(JSON.parse(again.stdout).stored).toMatchObject({ foods: 15, replacedFoods: 15 });
    expect(await fdcFoods(db)).toEqual(foods);

    // The web app shows and finds them.
    const store = await createSqliteStore(db);
    const app = createApp({ store, foods: loadFoods().index, log: false });
    const shown = await app.request('/api/foods/fdc:323505');
    expect(shown.status).toBe(200);
    expect(((await shown.json()) as { name: string }).name).toMatch(/Kale/i);
    const found = (await (await app.request('/api/foods?q=kale%20raw&limit=3')).json()) as {
      results: { id: string }[];
    };
    expect(found.results.map((r) => r.id)).toContain('fdc:323505');
    await store.close();
  });

  it('reports progress on stderr as plain lines when stderr is not a terminal', async () => {
    const run = await cli(['import', 'fdc', fixture, '--db', join(dir, 'progress.db')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain('\u001b');
    const lines = run.stderr.split('\n').filter((l) => /%/.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).toMatch(
        /^ {0,2}\d{1,3}% {2}\S+\.csv {2}[\d,]+ rows {2}(?:[\d,]+|–) rows\/s {2}ETA /,
      );
    }
    const percents = lines.map((l) => Number(/(\d+)%/.exec(l)![1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // The last line is the whole release: every record of the six tables the reader reads.
    expect(lines.at(-1)).toMatch(/^100% {2}food_portion\.csv {2}2,247 rows/);
    expect(run.stderr).toMatch(/storing 15 foods in one transaction/);
  });

  it('on a terminal rewrites one progress line and ends it before the report', async () => {
    const run = await cliIn(dir, ['import', 'fdc', fixture, '--db', join(dir, 'tty.db')], {
      stderrIsTTY: true,
    });
    expect(run.code, run.stderr).toBe(0);
    const [reading, progress, storing] = run.stderr.split('\n');
    expect(reading).toMatch(/^reading /);
    expect(progress!.startsWith('\r')).toBe(true);
    expect(progress!.split('\r').at(-1)).toMatch(/^100% {2}food_portion\.csv {2}2,247 rows/);
    expect(storing).toBe('storing 15 foods in one transaction …');
  });

  it('refuses what is not a release with exit 2, naming the file; the store unchanged', async () => {
    const db = join(dir, 'bad.db');
    writeFileSync(join(dir, 'not-a-release.zip'), 'hello');
    const notZip = await cli(['import', 'fdc', 'not-a-release.zip', '--db', db]);
    expect(notZip.code).toBe(2);
    expect(notZip.stderr).toMatch(/not-a-release\.zip: not a zip archive/);
    mkdirSync(join(dir, 'empty-folder'));
    const empty = await cli(['import', 'fdc', 'empty-folder', '--db', db]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty-folder: not a FoodData Central CSV release: .*missing/);
    expect(await fdcFoods(db)).toEqual([]);
  });

  it('kill -9 during the import leaves no half release; running again gives the clean result', async () => {
    const clean = join(dir, 'clean.db');
    expect((await cli(['import', 'fdc', fixture, '--db', clean])).code).toBe(0);
    const expected = await fdcFoods(clean);
    for (const delay of [0, 15, 40, 80, 150]) {
      const db = join(dir, `killed-${delay}.db`);
      // Create the store first, so the child spends its time on the import itself.
      await (await createSqliteStore(db)).close();
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          resolve('test/support/run-cli.ts'),
          'import',
          'fdc',
          fixture,
          '--db',
          db,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      await new Promise<void>((done) => {
        child.stderr.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('reading')) setTimeout(() => child.kill('SIGKILL'), delay);
        });
        child.on('exit', () => done());
      });
      const after = await fdcFoods(db);
      // All of the release or none of it: never a part.
      expect([0, expected.length], `killed after ${delay} ms`).toContain(after.length);
      expect((await cli(['import', 'fdc', fixture, '--db', db])).code).toBe(0);
      expect(await fdcFoods(db)).toEqual(expected);
    }
  });
});
