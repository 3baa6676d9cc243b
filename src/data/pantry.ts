/**
 * The curated planner pantry (data/pantry/pantry.csv, described in data/pantry/README.md),
 * joined with the bundled foods. Read once per process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../core/diary/csv.js';
import type { FoodIndex } from '../core/foods.js';
import {
  PANTRY_GROUPS,
  MEALS,
  type Meal,
  type PantryGroup,
  type PantryItem,
} from '../core/plan/types.js';
import { ALLERGEN_GROUPS, type AllergenGroup, type DietPattern } from '../core/profile.js';
import { err, ok, type Result } from '../core/result.js';
import { dataDir } from './load-foods.js';

const HEADER = [
  'food_id',
  'name',
  'group',
  'meals',
  'step_g',
  'min_g',
  'max_g',
  'allergens',
  'patterns',
  'sweetened',
  'portion',
  'note',
] as const;
const PATTERNS: readonly DietPattern[] = ['omnivore', 'pescatarian', 'vegetarian', 'vegan'];

export function pantryFile(dir: string = dataDir()): string {
  return join(dir, 'pantry', 'pantry.csv');
}

/** Parses the pantry CSV against the food index; any bad row is an INVALID_CSV naming line and field. */
export function parsePantry(
  text: string,
  foods: FoodIndex,
  file = 'pantry.csv',
): Result<PantryItem[]> {
  const records = parseCsvRecords(text, file);
  if (!records.ok) return records;
  const [head, ...rows] = records.value;
  if (!head || head.fields.join(',') !== HEADER.join(',')) {
    return err({
      code: 'INVALID_CSV',
      message: `header must be ${HEADER.join(',')}`,
      file,
      location: 'line 1',
    });
  }
  const items: PantryItem[] = [];
  for (const row of rows) {
    const bad = (field: string, message: string) =>
      err({ code: 'INVALID_CSV' as const, message, file, location: `line ${row.line}`, field });
    const f = Object.fromEntries(HEADER.map((h, i) => [h, row.fields[i] ?? ''])) as Record<
      (typeof HEADER)[number],
      string
    >;
    const food = foods.get(f.food_id);
    if (!food) return bad('food_id', `unknown food ${f.food_id}`);
    // `dishes` is the group of a person's own recipes, never a curated row.
    if (!PANTRY_GROUPS.includes(f.group as PantryGroup) || f.group === 'dishes')
      return bad('group', `unknown group "${f.group}"`);
    const meals = f.meals.split('|');
    if (meals.length === 0 || meals.some((m) => !MEALS.includes(m as Meal)))
      return bad('meals', `unknown meal in "${f.meals}"`);
    const stepG = Number(f.step_g);
    const minG = Number(f.min_g);
    const maxG = Number(f.max_g);
    if (!(stepG > 0)) return bad('step_g', `step_g must be > 0, got "${f.step_g}"`);
    if (!(minG >= stepG) || !(maxG >= minG))
      return bad('max_g', `need step_g ≤ min_g ≤ max_g, got ${stepG}, ${minG}, ${maxG}`);
    const allergens = f.allergens === '' ? [] : f.allergens.split('|');
    if (allergens.some((a) => !ALLERGEN_GROUPS.includes(a as AllergenGroup)))
      return bad('allergens', `unknown allergen in "${f.allergens}"`);
    const patterns = f.patterns.split('|');
    if (patterns.some((p) => !PATTERNS.includes(p as DietPattern)))
      return bad('patterns', `unknown pattern in "${f.patterns}"`);
    if (f.sweetened !== '0' && f.sweetened !== '1')
      return bad('sweetened', 'sweetened must be 0 or 1');
    let portion: PantryItem['portion'];
    const at = f.portion.lastIndexOf('=');
    if (at > 0) {
      const grams = Number(f.portion.slice(at + 1));
      if (Number.isFinite(grams) && grams > 0) portion = { name: f.portion.slice(0, at), grams };
    }
    items.push({
      food,
      group: f.group as PantryGroup,
      meals: meals as Meal[],
      stepG,
      minG,
      maxG,
      allergens: allergens as AllergenGroup[],
      patterns: patterns as DietPattern[],
      sweetened: f.sweetened === '1',
      ...(portion ? { portion } : {}),
    });
  }
  return ok(items);
}

const TAGS_HEADER = ['food_id', 'name', 'commonness', 'not_raw', 'basis'] as const;

export function mealTagsFile(dir: string = dataDir()): string {
  return join(dir, 'pantry', 'meal-tags.csv');
}

/**
 * Adds the meal tags (data/pantry/meal-tags.csv: commonness 1–3 and "not eaten raw") to pantry
 * items; a bad row is an INVALID_CSV naming line and field. Foods without a row keep no tags.
 */
export function applyMealTags(
  items: PantryItem[],
  text: string,
  file = 'meal-tags.csv',
): Result<PantryItem[]> {
  const records = parseCsvRecords(text, file);
  if (!records.ok) return records;
  const [head, ...rows] = records.value;
  if (!head || head.fields.join(',') !== TAGS_HEADER.join(',')) {
    return err({
      code: 'INVALID_CSV',
      message: `header must be ${TAGS_HEADER.join(',')}`,
      file,
      location: 'line 1',
    });
  }
  const byId = new Map(items.map((item) => [item.food.id as string, item]));
  const tagged = new Map<string, { commonness: number; notRaw: boolean }>();
  for (const row of rows) {
    const bad = (field: string, message: string) =>
      err({ code: 'INVALID_CSV' as const, message, file, location: `line ${row.line}`, field });
    const [id = '', , commonnessText = '', notRawText = ''] = row.fields;
    if (!byId.has(id)) return bad('food_id', `${id} is not in the pantry`);
    const commonness = Number(commonnessText);
    if (![1, 2, 3].includes(commonness)) return bad('commonness', 'commonness must be 1, 2 or 3');
    if (notRawText !== '0' && notRawText !== '1') return bad('not_raw', 'not_raw must be 0 or 1');
    tagged.set(id, { commonness, notRaw: notRawText === '1' });
  }
  return ok(
    items.map((item) => {
      const tags = tagged.get(item.food.id);
      return tags
        ? { ...item, commonness: tags.commonness, ...(tags.notRaw ? { notRaw: true } : {}) }
        : item;
    }),
  );
}

let cached: { foods: FoodIndex; items: PantryItem[] } | undefined;

/** The bundled pantry; throws if the bundled file is broken (a packaging error, not user input). */
export function loadPantry(foods: FoodIndex, dir: string = dataDir()): PantryItem[] {
  if (cached?.foods === foods) return cached.items;
  const file = pantryFile(dir);
  const parsed = parsePantry(readFileSync(file, 'utf8'), foods, file);
  if (!parsed.ok)
    throw new Error(`${parsed.error.location}: ${parsed.error.message} (${parsed.error.field})`);
  const tagsFile = mealTagsFile(dir);
  const tagged = applyMealTags(parsed.value, readFileSync(tagsFile, 'utf8'), tagsFile);
  if (!tagged.ok)
    throw new Error(
      `${tagsFile} ${tagged.error.location}: ${tagged.error.message} (${tagged.error.field})`,
    );
  const items = withSafetyTags(tagged.value, join(dir, 'pantry', 'safety-tags.csv'));
  cached = { foods, items };
  return items;
}

/** Food-safety tags (data/pantry/safety-tags.csv: food_id,tag,why) joined onto pantry items. */
export function withSafetyTags(items: PantryItem[], file: string): PantryItem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return items;
  }
  const records = parseCsvRecords(text, file);
  if (!records.ok) throw new Error(`${file}: ${records.error.message}`);
  const tags = new Map<string, string[]>();
  for (const row of records.value.slice(1)) {
    const [id, tag] = row.fields;
    if (id && tag) tags.set(id, [...(tags.get(id) ?? []), tag]);
  }
  return items.map((item) => {
    const t = tags.get(item.food.id);
    return t ? { ...item, tags: t } : item;
  });
}
