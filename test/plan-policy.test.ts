/**
 * The plan obeys every structured consequence, checked against totals recomputed from the food
 * data (real SR24 data, the bundled pantry, real HiGHS). One-day plans keep the suite light.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDiary } from '../src/core/analysis/analyze.js';
import { nutrientPer100g } from '../src/core/foods.js';
import { assess } from '../src/core/policy/index.js';
import type { Consequence } from '../src/core/policy/types.js';
import { supplementAmount } from '../src/core/safety/index.js';
import { data, plan, profileOf, recompute } from './plan-support.js';

function obeys(
  profile: ReturnType<typeof profileOf>,
  result: Awaited<ReturnType<typeof plan>>,
  consequences: Consequence[],
) {
  const { pantry } = data();
  const tags = new Map(pantry.map((p) => [p.food.id, p.tags ?? []]));
  const withheld = consequences.filter((c) => c.type === 'withholdSupplement');
  for (const s of result.supplements)
    expect(
      withheld.some((c) => c.nutrient === 'all' || c.nutrient === s.nutrient),
      s.nutrient,
    ).toBe(false);
  for (const [d, day] of result.days.entries()) {
    for (const c of consequences) {
      if (c.type === 'cap') {
        const food = recompute(result, d, c.nutrient);
        const total = food + (c.scope === 'food' ? 0 : supplementAmount(profile, c.nutrient));
        expect(total, `${c.findingId} cap ${c.nutrient}`).toBeLessThanOrEqual(c.value * 1.001);
      }
      for (const item of day.items) {
        const food = data().foods.get(item.foodId);
        if (!food || item.change === 'logged') continue;
        if (c.type === 'exclude')
          expect(
            (nutrientPer100g(food, c.nutrient)?.per100g ?? 0) < c.atLeastPer100g,
            item.name,
          ).toBe(true);
        if (c.type === 'exclude-tag')
          expect(tags.get(item.foodId) ?? [], item.name).not.toContain(c.tag);
      }
    }
  }
}

describe('plans obey the policy', () => {
  it('CKD G3b: potassium ≤ 3,000 mg, phosphorus ≤ 1,000 mg, protein ≤ 1.3 g/kg, sodium < 2.3 g; K and P not aimed at', async () => {
    const profile = profileOf({
      age: 72,
      sex: 'male',
      weightKg: 70,
      conditions: ['ckd-3b'],
      medications: ['coumadin'],
    });
    const { consequences } = assess(profile);
    const result = await plan(profile, 1);
    expect(result.days.length).toBe(1);
    obeys(profile, result, consequences);
    expect(result.unmet.map((u) => u.nutrient)).not.toContain('potassium');
    expect(result.unmet.map((u) => u.nutrient)).not.toContain('phosphorus');
    expect(result.supplements.map((s) => s.nutrient)).not.toContain('mk7');
  }, 60_000);

  it('VKA with a history: daily vitamin K within ±25 % of the logged average; natto never', async () => {
    const { foods } = data();
    const kale = foods.get('sr24:11233');
    const natto = foods.get('sr24:16113');
    if (!kale || !natto) throw new Error('fixture foods missing');
    const history = analyzeDiary({
      days: ['2026-03-01', '2026-03-02'].map((date) => ({
        date,
        entries: [
          { food: kale, amount: 60, unit: 'g', grams: 60 },
          { food: natto, amount: 40, unit: 'g', grams: 40 },
        ],
      })),
    });
    const profile = profileOf({ age: 68, sex: 'female', medications: ['warfarin'] });
    const { consequences } = assess(profile, { analysis: history });
    const hold = consequences.find((c) => c.type === 'holdConsistent');
    if (hold?.type !== 'holdConsistent' || hold.reference === undefined)
      throw new Error('no reference');
    const result = await plan(profile, 1, { history });
    obeys(profile, result, consequences);
    const k = recompute(result, 0, 'vitamin-k');
    expect(k).toBeGreaterThanOrEqual(hold.reference * 0.75 - 1);
    expect(k).toBeLessThanOrEqual(hold.reference * 1.25 + 1);
  }, 60_000);

  it('pregnancy: no tagged food; hypercalcaemia: vitamin D at most the RDA, no vitamin D or calcium suggested', async () => {
    for (const json of [
      { age: 30, sex: 'female', lifeStage: 'pregnant', pattern: 'vegetarian' },
      { age: 60, sex: 'female', conditions: ['hypercalcemia'] },
    ]) {
      const profile = profileOf(json);
      const { consequences } = assess(profile);
      const result = await plan(profile, 1);
      obeys(profile, result, consequences);
      if (json.conditions) {
        expect(recompute(result, 0, 'vitamin-d')).toBeLessThanOrEqual(15.01);
        expect(result.supplements.map((s) => s.nutrient)).not.toContain('vitamin-d');
        expect(result.supplements.map((s) => s.nutrient)).not.toContain('calcium');
      }
    }
  }, 90_000);

  it('a brand and its generic give the same plan', async () => {
    const a = await plan(profileOf({ age: 70, sex: 'male', medications: ['Coumadin'] }), 1);
    const b = await plan(profileOf({ age: 70, sex: 'male', medications: ['warfarin'] }), 1);
    expect(a.days.map((d) => d.items.map((i) => [i.foodId, i.grams]))).toEqual(
      b.days.map((d) => d.items.map((i) => [i.foodId, i.grams])),
    );
    expect(a.supplements).toEqual(b.supplements);
  }, 60_000);
});
