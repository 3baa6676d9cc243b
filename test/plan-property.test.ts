import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nutrientPer100g, type Food } from '../src/core/foods.js';
import { ALLERGEN_GROUPS, type AllergenGroup } from '../src/core/profile.js';
import { computeTargets } from '../src/core/targets/index.js';
import { data, plan, profileOf, recompute } from './plan-support.js';

const patterns = ['omnivore', 'pescatarian', 'vegetarian', 'vegan'] as const;

describe('profile plans over random profiles (property)', () => {
  it('respect every hard bound, recomputed from the food data, and never break pattern, allergens or dislikes', async () => {
    const { pantry } = data();
    const pantryIds = pantry.map((p) => p.food.id);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          age: fc.integer({ min: 19, max: 85 }),
          sex: fc.constantFrom('female', 'male'),
          pattern: fc.constantFrom(...patterns),
          exclude: fc.subarray([...ALLERGEN_GROUPS], { maxLength: 2 }),
          dislikes: fc.subarray(pantryIds, { maxLength: 4 }),
          ckd4: fc.boolean(),
          vitaminD: fc.constantFrom(0, 25),
          days: fc.constantFrom(1, 2),
        }),
        async (r) => {
          const profile = profileOf({
            age: r.age,
            sex: r.sex,
            pattern: r.pattern,
            exclude: r.exclude,
            dislikes: r.dislikes,
            conditions: r.ckd4 ? ['ckd-4'] : [],
            supplements: r.vitaminD
              ? [{ nutrient: 'vitamin-d', amount: r.vitaminD, unit: 'µg' }]
              : [],
          });
          // Solves end on the MIP gap or a deterministic effort limit, never on the clock.
          const result = await plan(profile, r.days);
          if (result.status === 'infeasible') {
            expect(result.diagnosis?.conflicts.length).toBeGreaterThan(0);
            expect(result.days).toEqual([]);
            return;
          }
          expect(result.days, `status ${result.status}`).toHaveLength(r.days);
          const energy = computeTargets(profile).energyKcal;
          const byId = new Map(pantry.map((p) => [p.food.id, p]));
          for (let d = 0; d < result.days.length; d += 1) {
            const kcal = recompute(result, d, 'energy');
            expect(kcal).toBeGreaterThanOrEqual(energy * 0.95 - 1e-6);
            expect(kcal).toBeLessThanOrEqual(energy * 1.05 + 1e-6);
            for (const limit of result.explanation.limits) {
              const nutrient = limit.nutrient;
              if (!nutrient) continue;
              const total =
                nutrient === 'added-sugars'
                  ? (result.days[d]?.items ?? [])
                      .filter((i) => byId.get(i.foodId)?.sweetened)
                      .reduce(
                        (s, i) =>
                          s +
                          ((nutrientPer100g(byId.get(i.foodId)?.food as Food, 'sugars')?.per100g ??
                            0) *
                            i.grams) /
                            100,
                        0,
                      )
                  : recompute(result, d, nutrient);
              expect(total, `${limit.name} day ${d + 1}`).toBeLessThanOrEqual(
                limit.max + 1e-6 * Math.max(1, limit.max),
              );
            }
            if (r.ckd4) {
              expect(recompute(result, d, 'potassium')).toBeLessThanOrEqual(3000 + 1e-6);
              expect(recompute(result, d, 'phosphorus')).toBeLessThanOrEqual(1000 + 1e-6);
            }
            let meatFish = 0;
            for (const item of result.days[d]?.items ?? []) {
              const p = byId.get(item.foodId);
              expect(p, item.foodId).toBeDefined();
              if (!p) continue;
              expect(p.patterns).toContain(r.pattern);
              expect(p.allergens.filter((a) => r.exclude.includes(a as AllergenGroup))).toEqual([]);
              expect(r.dislikes).not.toContain(item.foodId);
              expect(item.grams).toBeLessThanOrEqual(p.maxG + 1e-9);
              expect(item.grams).toBeGreaterThanOrEqual(p.minG - 1e-9);
              if (p.group === 'meat' || p.group === 'fish') meatFish += item.grams;
            }
            expect(meatFish).toBeLessThanOrEqual(170 * Math.max(1, energy / 2000) + 1e-9);
          }
        },
      ),
      { numRuns: 8, seed: 20261126 },
    );
  }, 600_000);
});
