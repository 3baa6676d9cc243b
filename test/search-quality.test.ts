/**
 * Search quality on the bundled SR24 data: for 40 everyday queries (test/fixtures/
 * search-queries.csv, each with the food a person typing it most likely means), the intended
 * food is in the top 3 for at least 36. Runs through searchFoods, the use case both the CLI
 * (`foods search`) and the API (`GET /api/foods`) call.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledFoods } from '../src/app/food-catalog.js';
import { searchFoods } from '../src/app/foods.js';
import { parseCsvRecords } from '../src/core/diary/csv.js';

const FILE = new URL('./fixtures/search-queries.csv', import.meta.url);

interface Case {
  query: string;
  id: string;
  name: string;
}

function readCases(): Case[] {
  const records = parseCsvRecords(readFileSync(FILE, 'utf8'), 'search-queries.csv');
  if (!records.ok) throw new Error(records.error.message);
  const [head, ...rows] = records.value;
  expect(head?.fields).toEqual(['query', 'food_id', 'name', 'why']);
  return rows.map(({ fields: [query = '', id = '', name = ''] }) => ({ query, id, name }));
}

function top(query: string, limit: number) {
  const found = searchFoods(bundledFoods(), { query, limit });
  if (!found.ok) throw new Error(found.error.message);
  return found.value;
}

describe('search finds what people eat', () => {
  const cases = readCases();

  it('lists 40 distinct queries whose intended food exists under the name given', () => {
    expect(cases).toHaveLength(40);
    expect(new Set(cases.map((c) => c.query)).size).toBe(40);
    const foods = bundledFoods().index;
    for (const { id, name } of cases) expect(foods.get(id)?.name, id).toBe(name);
  });

  it('puts the intended food in the top 3 for at least 36 of the 40', () => {
    const misses = cases
      .map((c) => ({ ...c, got: top(c.query, 3).results.map((hit) => `${hit.id} ${hit.name}`) }))
      .filter((c) => !c.got.some((line) => line.startsWith(`${c.id} `)));
    // The misses are printed so a change in ranking shows what it cost.
    if (misses.length > 0) console.info(JSON.stringify(misses, null, 2));
    expect(40 - misses.length).toBeGreaterThanOrEqual(36);
  });

  it('prefers the whole food to its oil, and cooked forms to raw ingredients', () => {
    expect(top('almonds', 1).results[0]?.name).toBe('Nuts, almonds');
    expect(top('almond oil', 1).results[0]?.name).toBe('Oil, almond');
    const salmon = top('salmon', 3).results.map((hit) => hit.name);
    expect(salmon.every((name) => !/\braw\b/.test(name))).toBe(true);
    const egg = top('egg', 5).results.map((hit) => hit.name);
    expect(egg.every((name) => /^Egg, whole, cooked/.test(name))).toBe(true);
    expect(top('egg yolk', 1).results[0]?.name).toBe('Egg, yolk, raw, fresh');
    expect(top('chicken liver', 3).results.some((hit) => /liver/.test(hit.name))).toBe(true);
    const chicken = top('chicken', 3).results.map((hit) => hit.name);
    expect(chicken.every((name) => !/giblets|liver|^Chicken, skin|^Fat\b|\braw\b/.test(name))).toBe(
      true,
    );
  });

  it('reads "greek yogurt" as plain yogurt with a note, not tofu yogurt', () => {
    const found = top('greek yogurt', 5);
    expect(found.results[0]?.name).toMatch(/^Yogurt, plain/);
    expect(found.results.map((hit) => hit.name)).not.toContain('Tofu yogurt');
    expect(found.note).toMatch(/no Greek \(strained\) yogurt/);
    expect(top('yogurt', 5).note).toBeUndefined();
  });

  it('counts every match and pages through them without repeats', () => {
    const first = top('salmon', 12);
    expect(first.total).toBe(48);
    const seen = new Set<string>();
    for (let offset = 0; offset < first.total; offset += 12) {
      const found = searchFoods(bundledFoods(), { query: 'salmon', limit: 12, offset });
      if (!found.ok) throw new Error(found.error.message);
      for (const hit of found.value.results) seen.add(hit.id);
    }
    expect(seen.size).toBe(48);
  });
});
