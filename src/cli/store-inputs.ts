import { loadStoredDiary } from '../app/stored-diary.js';
import type { Diary } from '../core/diary/types.js';
import type { FoodIndex } from '../core/foods.js';
import type { LabResult } from '../core/labs/index.js';
import type { SupplementDay } from '../core/supplement-log.js';
import type { Recipe } from '../core/recipes.js';
import type { DateRange } from '../app/deps.js';
import { LOCAL_OWNER } from '../app/deps.js';
import { loadFoods } from './commands/foods.js';
import type { CliIo } from './io.js';
import { withCliStore } from './open-cli-store.js';

/**
 * What `analyze`, `check` and `plan` read from the store (--db, else the store `calcwise serve`
 * uses): the diary of a date range, the foods it resolves against (own and imported foods
 * included) and the stored profile, if any.
 */
export function readStoreInputs(
  io: CliIo,
  db: string | undefined,
  range: DateRange = {},
): Promise<{
  diary: Diary;
  foods: FoodIndex;
  entries: number;
  profile: unknown;
  /** Every lab result (the latest of each test informs the policy). */
  labs: LabResult[];
  /** Supplements logged by date in the range (a date without one takes the profile's regimen). */
  supplementDays: SupplementDay[];
  /** The person's recipes (the planner offers them as dishes). */
  recipes: Recipe[];
  label: string;
}> {
  return withCliStore(io, db, async (store, location) => ({
    ...(await loadStoredDiary({ store, foods: loadFoods().index }, LOCAL_OWNER, range)),
    profile: (await store.getProfile(LOCAL_OWNER))?.profile,
    labs: await store.listLabs(LOCAL_OWNER),
    supplementDays: await store.listSupplementDays(LOCAL_OWNER, range),
    recipes: await store.listRecipes(LOCAL_OWNER),
    label: `${location.kind} ${location.description}`,
  }));
}
