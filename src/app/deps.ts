/**
 * The ports the use cases depend on. Each use case takes only the ones it needs as its first
 * argument (`Pick<AppDeps, 'store' | 'foods'>`), so tests hand in real SQLite `:memory:` stores,
 * a food index built from fixtures, a fixed clock.
 */
import type { Food, FoodIndex } from '../core/foods.js';
import type { PantryItem, Solver } from '../core/plan/index.js';
import type { FoodSearch } from '../core/search/index.js';
import type { Store } from '../store/store.js';

export type {
  DateRange,
  NewDiaryEntry,
  StoredDiaryEntry,
  StoredPlan,
  StoredProfile,
  Store,
} from '../store/store.js';
export { LOCAL_OWNER, MAX_ENTRY_ID } from '../store/schema.js';

/** The bundled food data: by id, as a list, its name index and the planner's pantry (both lazy). */
export interface FoodCatalog {
  readonly index: FoodIndex;
  readonly list: readonly Food[];
  /** Built on first use: most requests (health, diary) never need it. */
  readonly search: FoodSearch;
  readonly pantry: PantryItem[];
}

/** Today's date and timestamps come from here (tests pass a fixed clock). */
export type Clock = () => Date;

/** A solver that may hold a worker or WebAssembly module; `close` releases it. */
export interface ClosableSolver extends Solver {
  close?(): Promise<void>;
}

export interface AppDeps {
  store: Store;
  foods: FoodCatalog;
  clock: Clock;
  /** A fresh solver per plan (each solve owns its worker). */
  solver: () => ClosableSolver;
}
