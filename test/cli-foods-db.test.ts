/**
 * `foods search|show --db F`: own and imported (fdc:<id>) foods of a store beside SR24, through
 * the use cases the server uses (src/app/foods.ts), on the Foundation test fixture release.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoods } from '../src/cli/commands/foods.js';
import { createApp } from '../src/server/index.js';
import { createSqliteStore } from '../src/store/index.js';
import { cliIn } from './support/cli-in-process.js';

const fixture = resolve('test/fixtures/fdc/foundation_2024-10-31_test_fixture');
const dir = mkdtempSync(join(tmpdir(), 'calcwise-foods-db-'));
const db = join(dir, 'foods.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => cliIn(dir, args);

beforeAll(async () => {
  const imported = await cli('import', 'fdc', fixture, '--db', db, '--json');
  expect(imported.code, imported.stderr).toBe(0);
  const store = await createSqliteStore(db);
  const added = await store.addCustomFood('local', {
    id: 'custom:kale-smoothie',
    name: 'Kale smoothie (my recipe)',
    group: 'Beverages',
    nutrients: {
      'vitamin-k1': { per100g: 120, source: { label: 'Entered by the user', kind: 'user' } },
    },
    portions: [],
  });
  expect(added.ok).toBe(true);
  await store.close();
});

describe('foods search --db', () => {
  it('finds imported and own foods beside SR24, as GET /api/foods does', async () => {
    const result = await cli('foods', 'search', 'kale', '--db', db, '--limit', '8', '--json');
    expect(result.code, result.stderr).toBe(0);
    const ids = (JSON.parse(result.stdout) as { results: { id: string }[] }).results.map(
      (r) => r.id,
    );
    expect(ids).toContain('fdc:323505');
    expect(ids).toContain('custom:kale-smoothie');
    expect(ids.some((id) => id.startsWith('sr24:'))).toBe(true);

    const store = await createSqliteStore(db);
    try {
      const app = createApp({ store, foods: loadFoods().index, log: false });
      const api = (await (await app.request('/api/foods?q=kale&limit=8')).json()) as {
        results: { id: string }[];
      };
      expect(api.results.map((r) => r.id)).toEqual(ids);
    } finally {
      await store.close();
    }
  });

  it('without --db finds only the bundled foods', async () => {
    const result = await cli('foods', 'search', 'kale', '--limit', '8', '--json');
    const ids = (JSON.parse(result.stdout) as { results: { id: string }[] }).results.map(
      (r) => r.id,
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('sr24:'))).toBe(true);
  });

  it('refuses a group that matches nothing with exit 2, naming the field', async () => {
    const result = await cli('foods', 'search', 'kale', '--db', db, '--group', 'nonesuch');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no food group matches "nonesuch"/);
  });
});

describe('foods show --db', () => {
  it('shows an imported food with its FDC sources, dihydrophylloquinone included', async () => {
    const result = await cli('foods', 'show', 'fdc:323505', '--db', db);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Kale, raw\nfdc:323505 · Vegetables and Vegetable Products/);
    expect(result.stdout).toMatch(
      /Vitamin K1 \(phylloquinone\)\s+390\s+µg\s+USDA FoodData Central foundation_2024-10-31_test_fixture #323505/,
    );
    expect(result.stdout).toMatch(/Dihydrophylloquinone \(dK, from hydrogenated oils\)\s+0\s+µg/);
  });

  it('gives the same document as GET /api/foods/{id}', async () => {
    const cliJson = JSON.parse(
      (await cli('foods', 'show', 'fdc:328637', '--db', db, '--json')).stdout,
    );
    const store = await createSqliteStore(db);
    try {
      const app = createApp({ store, foods: loadFoods().index, log: false });
      const api = (await (await app.request('/api/foods/fdc:328637')).json()) as typeof cliJson;
      expect(cliJson.name).toBe('Cheese, cheddar');
      expect(cliJson.nutrients.mk4.per100g).toBe(9.3);
      expect(Object.keys(cliJson.nutrients)).toEqual(Object.keys(api.nutrients));
      expect(cliJson.nutrients.dihydrophylloquinone).toEqual(api.nutrients.dihydrophylloquinone);
    } finally {
      await store.close();
    }
  });

  it('shows an own food and still a bundled one by bare SR24 number', async () => {
    const own = await cli('foods', 'show', 'custom:kale-smoothie', '--db', db);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stdout).toMatch(/^Kale smoothie \(my recipe\)/);
    const bundled = await cli('foods', 'show', '11233', '--db', db);
    expect(bundled.stdout).toMatch(/^Kale, raw\nsr24:11233/);
  });

  it('an fdc id not in the store: exit 2 UNKNOWN_FOOD; without --db the store is not read', async () => {
    const missing = await cli('foods', 'show', 'fdc:999999', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/unknown food "fdc:999999"/);
    const noDb = await cli('foods', 'show', 'fdc:323505');
    expect(noDb.code).toBe(2);
  });
});
