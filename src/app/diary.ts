import { resolveDiary } from '../core/analysis/index.js';
import { amountToGrams, type FoodIndex } from '../core/foods.js';
import { err, ok, type Result } from '../core/result.js';
import type {
  DateRange,
  LoggedFood,
  NewDiaryEntry,
  Store,
  StoredDiaryEntry,
} from '../store/store.js';
import type { DiaryMeal } from '../core/diary/types.js';
import { ownerFoods } from './stored-diary.js';

type DiaryStore = Pick<
  Store,
  'addEntry' | 'listEntries' | 'deleteEntry' | 'listCustomFoods' | 'listLoggedFoods' | 'listRecipes'
>;

export interface DiaryDeps {
  store: DiaryStore;
  foods: FoodIndex;
}

export interface ListedEntry extends StoredDiaryEntry {
  name?: string;
  grams?: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Logs one entry after checking it as a diary file's entries are checked (known food, known
 * unit, an amount above zero and not absurd): the same rules as POST /api/diary.
 */
export async function addDiaryEntry(
  deps: DiaryDeps,
  input: { owner: string; entry: NewDiaryEntry },
): Promise<Result<StoredDiaryEntry>> {
  const { entry } = input;
  if (!ISO_DATE.test(entry.date) || Number.isNaN(Date.parse(`${entry.date}T00:00:00Z`))) {
    return err({
      code: 'INVALID_DATE',
      message: `"${entry.date}" is not a YYYY-MM-DD date`,
      field: 'date',
    });
  }
  const checked = checkDiaryEntry(entry, await ownerFoods(deps, input.owner));
  if (!checked.ok) return checked;
  return ok(await deps.store.addEntry(input.owner, entry));
}

/**
 * Checks one entry as a diary file's entries are checked (known food, known unit, an amount
 * above zero and not absurd); the error names the field, with no file or line.
 */
export function checkDiaryEntry(entry: NewDiaryEntry, foods: FoodIndex): Result<void> {
  const resolved = resolveDiary(
    { days: [{ date: entry.date, entries: [{ ...entry, location: 'entry' }] }] },
    foods,
  );
  if (!resolved.ok) {
    const { location: _location, file: _file, ...error } = resolved.error;
    return err(error);
  }
  return ok(undefined);
}

/** The stored entries of a range with each food's name and grams (absent when unresolvable). */
export async function listDiaryEntries(
  deps: DiaryDeps,
  input: { owner: string; range?: DateRange },
): Promise<ListedEntry[]> {
  const [entries, foods] = await Promise.all([
    deps.store.listEntries(input.owner, input.range),
    ownerFoods(deps, input.owner),
  ]);
  return entries.map((entry) => {
    const food = foods.get(entry.food);
    if (!food) return entry;
    const grams = amountToGrams(food, entry.amount, entry.unit);
    return { ...entry, name: food.name, ...(grams.ok && { grams: grams.value }) };
  });
}

export async function removeDiaryEntry(
  deps: Pick<DiaryDeps, 'store'>,
  input: { owner: string; id: number },
): Promise<Result<{ id: number }>> {
  const removed = await deps.store.deleteEntry(input.owner, input.id);
  if (!removed) {
    return err({ code: 'NOT_FOUND', message: `no diary entry with id ${input.id}`, field: 'id' });
  }
  return ok({ id: input.id });
}

/** A logged food with its name, ready to log again as last time. */
export interface QuickFood extends LoggedFood {
  name: string;
}

/** How many recent and frequent foods to list when not asked (and the most one may ask for). */
export const QUICK_FOODS_DEFAULT = 8;
export const QUICK_FOODS_MAX = 50;

/**
 * The owner's recently and most frequently logged foods, each with its last amount, unit and
 * meal (to log it again in one step), its entry count and last date. Foods that no longer
 * resolve (a deleted custom food) are left out: they could not be logged again.
 */
export async function recentFoods(
  deps: Pick<DiaryDeps, 'foods'> & {
    store: Pick<Store, 'listLoggedFoods' | 'listCustomFoods' | 'listRecipes'>;
  },
  input: { owner: string; limit?: number },
): Promise<{ recent: QuickFood[]; frequent: QuickFood[] }> {
  const limit = input.limit ?? QUICK_FOODS_DEFAULT;
  const [recent, frequent, foods] = await Promise.all([
    deps.store.listLoggedFoods(input.owner, { order: 'recent', limit }),
    deps.store.listLoggedFoods(input.owner, { order: 'frequent', limit }),
    ownerFoods(deps, input.owner),
  ]);
  const named = (list: LoggedFood[]): QuickFood[] =>
    list.flatMap((logged) => {
      const food = foods.get(logged.food);
      return food ? [{ ...logged, name: food.name }] : [];
    });
  return { recent: named(recent), frequent: named(frequent) };
}

/**
 * Copies the entries of a day, or of one meal of it (`meal`), to another date in one
 * transaction, each keeping its meal or, with `toMeal`, all going into that meal. NOT_FOUND
 * (naming `meal`, or `from` for a whole day) when there is nothing to copy.
 */
export async function copyDiaryEntries(
  deps: { store: Pick<Store, 'listEntries' | 'addEntries'> },
  input: { owner: string; from: string; to: string; meal?: DiaryMeal; toMeal?: DiaryMeal },
): Promise<Result<StoredDiaryEntry[]>> {
  const { from, to, meal, toMeal } = input;
  const day = await deps.store.listEntries(input.owner, { from, to: from });
  const source = meal === undefined ? day : day.filter((entry) => entry.meal === meal);
  if (source.length === 0) {
    return err({
      code: 'NOT_FOUND',
      message:
        meal === undefined
          ? `no diary entries on ${from}`
          : `no diary entries in ${meal} on ${from}`,
      field: meal === undefined ? 'from' : 'meal',
    });
  }
  const copies = source.map(({ food, amount, unit, meal: own }) => {
    const slot = toMeal ?? own;
    return { date: to, food, amount, unit, ...(slot && { meal: slot }) };
  });
  return ok(await deps.store.addEntries(input.owner, copies));
}
