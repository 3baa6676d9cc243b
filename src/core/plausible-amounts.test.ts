import { describe, expect, it } from 'vitest';
import { NUTRIENT_IDS } from './nutrients.js';
import { ceilingRowCounts, plausibleCeiling } from './plausible-amounts.js';
import { EFSA_DRV_ROWS } from './targets/data/efsa-drv.js';
import { NASEM_DRI_ROWS } from './targets/data/nasem-dri.js';

describe('plausibility ceilings', () => {
  it('name every nutrient exactly once, each with a positive finite ceiling and its basis', () => {
    const counts = ceilingRowCounts();
    for (const id of NUTRIENT_IDS) {
      expect(counts[id], id).toBe(1);
      const { maxPerDay, basis } = plausibleCeiling(id);
      expect(Number.isFinite(maxPerDay) && maxPerDay > 0, id).toBe(true);
      expect(basis.length, id).toBeGreaterThan(10);
    }
  });

  it('lie at least twice above every tabulated daily upper limit and reference value', () => {
    const perDay = [...NASEM_DRI_ROWS, ...EFSA_DRV_ROWS].filter(
      (row) => (row.basis ?? 'per-day') === 'per-day',
    );
    expect(perDay.filter((row) => row.kind === 'UL').length).toBeGreaterThan(10);
    for (const row of perDay) {
      expect(
        plausibleCeiling(row.nutrient).maxPerDay,
        `${row.nutrient} ${row.kind}`,
      ).toBeGreaterThanOrEqual(row.value * 2);
    }
  });
});
