/**
 * The FoodData Central rows of data/supplementary/menaquinones-sources/measurements.csv against
 * the official Foundation release in the shared data folder ($CALCWISE_SHARED_DATA, default
 * ../shared/data): nutrient ids, values and data points as published.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMeasurements } from '../scripts/build-menaquinones.js';
import { parseCsvRecords } from '../src/data/sr24-supplementary.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.CALCWISE_SHARED_DATA ?? path.resolve(repo, '../shared/data');
const fdcDir = path.join(shared, 'fdc/foundation_2024-10-31_foundation_only');
if (!existsSync(fdcDir))
  throw new Error(`FDC release not found under ${fdcDir}: set CALCWISE_SHARED_DATA`);

function objects(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsvRecords(readFileSync(file, 'utf8'), file);
  return rows.map((r) =>
    Object.fromEntries((header?.cells ?? []).map((c, i) => [c, r.cells[i] ?? ''])),
  );
}

const measurements = parseMeasurements(
  readFileSync(path.join(repo, 'data/supplementary/menaquinones-sources/measurements.csv'), 'utf8'),
);
const FDC_NUTRIENT: Record<string, string> = { mk4: '1183', dihydrophylloquinone: '1184' };

describe('menaquinone measurements from FoodData Central', () => {
  const nutrients = new Map(objects(path.join(fdcDir, 'nutrient.csv')).map((n) => [n.id, n]));
  const values = new Map(
    objects(path.join(fdcDir, 'food_nutrient.csv')).map((r) => [`${r.fdc_id}:${r.nutrient_id}`, r]),
  );

  it('uses the nutrient ids the release defines: 1183 MK-4, 1184 dihydrophylloquinone', () => {
    expect(nutrients.get('1183')?.name).toBe('Vitamin K (Menaquinone-4)');
    expect(nutrients.get('1184')?.name).toBe('Vitamin K (Dihydrophylloquinone)');
    expect(nutrients.get('1185')?.name).toBe('Vitamin K (phylloquinone)');
  });

  it('every FDC row is the release value, with its data points and the row it names', () => {
    const rows = measurements.filter((m) => m.fdc_id !== '');
    expect(rows.length).toBeGreaterThan(100);
    for (const m of rows) {
      const id = FDC_NUTRIENT[m.nutrient] as string;
      const published = values.get(`${m.fdc_id}:${id}`);
      expect(published?.amount, m.id).toMatch(/^[\d.]+$/);
      expect(Number(m.per100g), m.id).toBeCloseTo(Number(published?.amount), 9);
      expect(m.n, m.id).toBe(published?.data_points);
      expect(m.location, m.id).toBe(`food_nutrient.csv: fdc_id ${m.fdc_id}, nutrient_id ${id}`);
      expect(m.study_food, m.id).toBe(`fdc:${m.fdc_id}`);
    }
  });

  it('leaves out no Foundation food with an MK-4 or dihydrophylloquinone value', () => {
    const have = new Set(measurements.map((m) => `${m.fdc_id}:${FDC_NUTRIENT[m.nutrient]}`));
    const published = [...values.values()].filter(
      (r) => (r.nutrient_id === '1183' || r.nutrient_id === '1184') && r.amount !== '',
    );
    for (const r of published)
      expect(have.has(`${r.fdc_id}:${r.nutrient_id}`), r.fdc_id).toBe(true);
  });
});
