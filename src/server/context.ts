import type { PlanJobs } from '../app/plan-jobs.js';
import type { FoodIndex } from '../core/foods.js';
import type { Store } from '../store/store.js';

/** What every route needs: the store, the bundled foods, the clock. */
export interface AppDeps {
  store: Store;
  foods: FoodIndex;
  /** Today's date and timestamps come from here (tests pass a fixed clock). */
  clock: () => Date;
  /** Plans as jobs on the injected solver pool; POST waits `waitMs` before answering 202. */
  plans: { jobs: PlanJobs; waitMs: number };
}

/** Hono variables set per request. `owner` is `local` until accounts exist. */
export interface AppEnv {
  Variables: { owner: string };
}

/** The server's local calendar date, YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
