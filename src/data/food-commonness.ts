/**
 * How common the pantry's everyday foods are (data/pantry/meal-tags.csv, column `commonness`:
 * 3 = bought by most households most weeks, 2 = common, 1 = occasional), for search ranking.
 */
import { readFileSync } from 'node:fs';
import { parseCsvRecords } from '../core/diary/csv.js';
import { dataDir } from './load-foods.js';
import { mealTagsFile } from './pantry.js';

/** Food id → commonness 1–3; throws when the bundled file is broken (a packaging error). */
export function loadFoodCommonness(dir: string = dataDir()): Map<string, number> {
  const file = mealTagsFile(dir);
  const records = parseCsvRecords(readFileSync(file, 'utf8'), file);
  if (!records.ok) throw new Error(records.error.message);
  const [head, ...rows] = records.value;
  const idColumn = head?.fields.indexOf('food_id') ?? -1;
  const commonnessColumn = head?.fields.indexOf('commonness') ?? -1;
  if (idColumn < 0 || commonnessColumn < 0) {
    throw new Error(`${file}: the header must name food_id and commonness`);
  }
  const commonness = new Map<string, number>();
  for (const row of rows) {
    const value = Number(row.fields[commonnessColumn]);
    const id = row.fields[idColumn];
    if (id && [1, 2, 3].includes(value)) commonness.set(id, value);
  }
  return commonness;
}
