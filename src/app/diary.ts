import { resolveDiary } from '../core/analysis/index.js';
import { amountToGrams, type FoodIndex } from '../core/foods.js';
import { err, ok, type Result } from '../core/result.js';
import type { DateRange, NewDiaryEntry, Store, StoredDiaryEntry } from '../store/store.js';
import { ownerFoods } from './stored-diary.js';

type DiaryStore = Pick<
  Store,
  'addEntry' | 'listEntries' | 'deleteEntry' | 'listCustomFoods' | 'listRecipes'
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
