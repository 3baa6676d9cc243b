import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeFood } from '../src/app/describe-food.js';
import { importFdcCsv, type FdcImportResult } from '../src/data/fdc-csv-import.js';
import { sharedDataDir } from './support/require-shared-data.js';

// The 387 Foundation foods of the 2024-10-31 release, unmodified tables (../shared/data/fdc).
const release = path.join(sharedDataDir, 'fdc/foundation_2024-10-31_foundation_only');

describe('FoodData Central Foundation 2024-10-31, the whole release', () => {
  let result: FdcImportResult;
  beforeAll(async () => {
    result = await importFdcCsv(release, { release: 'Foundation Foods 2024-10-31' });
  });

  it('reads dihydrophylloquinone (1184) where the release has it, apart from K1', () => {
    const sunflower = result.foods.find((f) => f.id === 'fdc:325524');
    expect(sunflower?.name).toMatch(/sunflower seed kernels, dry roasted, with salt/i);
    const shown = describeFood(sunflower!);
    expect(shown.nutrients.dihydrophylloquinone).toMatchObject({ per100g: 1.4, unit: 'µg' });
    expect(shown.nutrients['vitamin-k1']?.per100g).toBe(1.2);
    expect(shown.nutrients['vitamin-k']?.per100g).toBe(1.2); // MK-4 0 + K1, dK left out
  });

  it('has dihydrophylloquinone for as many foods as the K extract lists with a value', async () => {
    // vitamin_k2/k2_fdc_foundation_2024-10-31.csv: 81 of its 94 foods have a dihydrophylloquinone
    // amount (0 included); it keeps both records of a duplicated description.
    const all = await importFdcCsv(release, { duplicates: 'keep' });
    const withDk = all.foods.filter((f) => f.nutrients.dihydrophylloquinone !== undefined);
    expect(withDk).toHaveLength(81);
    expect(withDk.filter((f) => f.nutrients.dihydrophylloquinone!.per100g > 0)).toHaveLength(1);
  });
});
