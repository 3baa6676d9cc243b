import type { DiaryEntry } from '../diary/types.js';
import type { Diary } from '../diary/types.js';
import { amountToGrams, type Food, type FoodIndex } from '../foods.js';
import { err, ok, type Result } from '../result.js';

/**
 * The most of one food a single entry may weigh. 5 kg is beyond any meal (a whole 5 kg
 * watermelon eaten at once is implausible enough to ask); above it the entry is taken for a
 * unit mix-up (g typed as kg, lb as g) and rejected instead of silently analysed.
 */
export const MAX_ENTRY_GRAMS = 5000;

export interface ResolvedEntry {
  food: Food;
  amount: number;
  unit: string;
  grams: number;
}

export interface ResolvedDay {
  date: string;
  entries: ResolvedEntry[];
}

export interface ResolvedDiary {
  days: ResolvedDay[];
}

/**
 * Looks up each entry's food and converts its amount to grams. Stops at the first problem
 * with a coded error naming the file, the entry and the field: UNKNOWN_FOOD, UNKNOWN_UNIT
 * (listing the food's portions), INVALID_AMOUNT (including more than MAX_ENTRY_GRAMS).
 * @example resolveDiary({ days: [{ date: '2026-01-01', entries: [{ food: 'sr24:11233', amount: 1, unit: 'cup, chopped' }] }] }, foods)
 */
export function resolveDiary(
  diary: Diary,
  foods: FoodIndex,
  options: { file?: string } = {},
): Result<ResolvedDiary> {
  const days: ResolvedDay[] = [];
  // Grams per unit by food and unit: a year's diary repeats the same few hundred pairs.
  const gramsPerUnit = new Map<string, number>();
  for (const [dayIndex, day] of diary.days.entries()) {
    const entries: ResolvedEntry[] = [];
    for (const [entryIndex, entry] of day.entries.entries()) {
      const resolved = resolveEntry(entry, foods, gramsPerUnit, {
        file: options.file,
        location: entry.location ?? `days[${dayIndex}].entries[${entryIndex}]`,
      });
      if (!resolved.ok) return resolved;
      entries.push(resolved.value);
    }
    days.push({ date: day.date, entries });
  }
  return ok({ days });
}

function resolveEntry(
  entry: DiaryEntry,
  foods: FoodIndex,
  gramsPerUnit: Map<string, number>,
  where: { file?: string; location: string },
): Result<ResolvedEntry> {
  const food = foods.get(entry.food);
  if (!food) {
    return err({
      code: 'UNKNOWN_FOOD',
      message: `unknown food "${entry.food}"; find ids with \`calcwise foods search <name>\``,
      ...where,
      field: 'food',
    });
  }
  const grams = toGrams(food, entry, gramsPerUnit);
  if (!grams.ok) return err({ ...grams.error, ...where });
  if (grams.value > MAX_ENTRY_GRAMS) {
    return err({
      code: 'INVALID_AMOUNT',
      message: `${entry.amount} ${entry.unit} of ${food.name} is ${Math.round(grams.value)} g, above the ${MAX_ENTRY_GRAMS} g one entry may weigh; check the unit`,
      ...where,
      field: 'amount',
    });
  }
  return ok({ food, amount: entry.amount, unit: entry.unit, grams: grams.value });
}

/** amountToGrams, with the grams of one unit remembered per food and unit (grams are linear in amount). */
function toGrams(food: Food, entry: DiaryEntry, cache: Map<string, number>): Result<number> {
  if (!(Number.isFinite(entry.amount) && entry.amount > 0))
    return amountToGrams(food, entry.amount, entry.unit);
  const key = `${food.id}\u0000${entry.unit}`;
  let perUnit = cache.get(key);
  if (perUnit === undefined) {
    const one = amountToGrams(food, 1, entry.unit);
    if (!one.ok) return one;
    perUnit = one.value;
    cache.set(key, perUnit);
  }
  return ok(entry.amount * perUnit);
}
