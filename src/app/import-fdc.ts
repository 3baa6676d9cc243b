import type { Food } from '../core/foods.js';
import { err, ok, type Result } from '../core/result.js';
import type { ImportCounts, Store } from '../store/store.js';

/** What the FDC CSV reader (src/data/fdc-csv-import.ts) returns, as this use case needs it. */
export interface FdcRelease {
  foods: Food[];
  stats: {
    foodsRead: number;
    foodsImported: number;
    skippedDataTypes: Record<string, number>;
    badRowCount: number;
    badRows: { file: string; line: number; reason: string }[];
    duplicates: { description: string; kept: string; dropped: string[] }[];
  };
}

export interface ImportFdcDeps {
  store: Pick<Store, 'replaceImport'>;
  /** Streams a release folder into foods (`fdc:<fdcId>`); throws on a missing table or header. */
  readRelease: (dir: string) => Promise<FdcRelease>;
}

export interface ImportFdcReport extends FdcRelease {
  release: string;
  stored: ImportCounts;
}

/**
 * Imports a FoodData Central CSV release (Foundation, SR Legacy, Branded) into the store as the
 * owner's imported foods, ids `fdc:<fdcId>`. The release is read first, then stored in one
 * transaction that first removes what an earlier run of the same release stored: an interrupted
 * run (even kill -9) leaves the store as it was, and running again gives the same rows.
 * A folder that is not a release (no food.csv, nutrient.csv, food_nutrient.csv) is bad input.
 */
export async function importFdc(
  deps: ImportFdcDeps,
  input: { owner: string; dir: string; release: string; file: string },
): Promise<Result<Omit<ImportFdcReport, 'foods'> & { foods: number }>> {
  let release: FdcRelease;
  try {
    release = await deps.readRelease(input.dir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return err({
      code: 'INVALID_INPUT',
      message: `not a FoodData Central CSV release: ${message.replace(input.dir, '').replace(/^[/\\]/, '')}`,
      file: input.file,
    });
  }
  const stored = await deps.store.replaceImport(input.owner, {
    importId: `fdc:${input.release}`,
    foods: release.foods,
    entries: [],
  });
  return ok({ release: input.release, stats: release.stats, foods: release.foods.length, stored });
}
