import { describe, expect, it } from 'vitest';
import { nutrientPer100g } from '../src/core/foods.js';
import { planSpec } from '../src/core/plan/model.js';
import { screenProfile } from '../src/core/safety/index.js';
import { computeTargets } from '../src/core/targets/index.js';
import { applyMealTags } from '../src/data/pantry.js';
import { data, plan, profileOf } from './plan-support.js';

describe('the whole diet: nutrients, targets and what each UL applies to', () => {
  it('reads the new SR24 nutrients, with vitamin A as RAE from its components', () => {
    const { foods } = data();
    const carrots = foods.get('sr24:11124');
    const butter = foods.get('sr24:01001');
    expect(carrots && butter).toBeTruthy();
    if (!carrots || !butter) return;
    // SR24 lists 835 µg RAE for raw carrots and 684 µg RAE (671 µg retinol) for salted butter.
    expect(nutrientPer100g(carrots, 'vitamin-a')?.per100g).toBeCloseTo(835, 0);
    expect(nutrientPer100g(butter, 'vitamin-a')?.per100g).toBeCloseTo(684, 0);
    expect(nutrientPer100g(butter, 'retinol')?.per100g).toBe(671);
    expect(nutrientPer100g(carrots, 'folate')?.per100g).toBe(19);
    expect(nutrientPer100g(carrots, 'iodine')).toBeUndefined();
  });

  it('gives pregnancy its folate, iron and iodine targets; ULs that do not cover food are not food caps', () => {
    const { pantry } = data();
    const profile = profileOf({
      age: 30,
      sex: 'female',
      lifeStage: 'pregnant',
      pattern: 'vegetarian',
    });
    const targets = computeTargets(profile);
    const min = (n: string) => targets.targets.find((t) => t.nutrient === n && t.bound === 'min');
    const max = (n: string) => targets.targets.find((t) => t.nutrient === n && t.bound === 'max');
    expect(min('folate')?.value).toBe(600);
    expect(min('iron')?.value).toBe(27);
    expect(min('iodine')?.value).toBe(220);
    expect(min('choline')?.value).toBe(450);
    expect(max('folate')?.appliesTo).toBe('supplements');
    expect(max('niacin')?.appliesTo).toBe('supplements');
    expect(max('vitamin-e')?.appliesTo).toBe('supplements');
    expect(max('vitamin-a')).toBeUndefined();
    expect(max('retinol')).toMatchObject({ value: 3000, appliesTo: 'total' });

    const spec = planSpec(profile, targets, screenProfile(profile), pantry);
    const caps = spec.caps.map((c) => c.name);
    expect(caps).toEqual(
      expect.arrayContaining(['cap:retinol', 'cap:iron', 'cap:zinc', 'cap:selenium']),
    );
    for (const notFood of [
      'cap:folate',
      'cap:niacin',
      'cap:vitamin-e',
      'cap:vitamin-a',
      'cap:iodine',
    ])
      expect(caps).not.toContain(notFood);
    expect(spec.unsupplied.map((u) => u.nutrient)).toContain('iodine');
    expect(spec.advice.find((a) => a.nutrient === 'iodine')?.source?.pmid).toBe('28056690');
  });

  it('tells a vegan plan where B12 comes from', () => {
    const { pantry } = data();
    const profile = profileOf({ age: 30, sex: 'male', pattern: 'vegan' });
    const targets = computeTargets(profile);
    const spec = planSpec(profile, targets, screenProfile(profile), pantry);
    expect(spec.mins.map((m) => m.nutrient)).toContain('vitamin-b12');
    expect(spec.advice.find((a) => a.nutrient === 'vitamin-b12')?.message).toMatch(
      /fortified foods.*B12 supplement/,
    );
  });

  it('rejects meal tags for a food not in the pantry or with a commonness out of range', () => {
    const { pantry } = data();
    const header = 'food_id,name,commonness,not_raw,basis\n';
    const bad = applyMealTags(pantry, `${header}sr24:99999,x,2,0,y\n`);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatchObject({ location: 'line 2', field: 'food_id' });
    const range = applyMealTags(pantry, `${header}sr24:11124,Carrots,4,0,y\n`);
    expect(range.ok).toBe(false);
    if (!range.ok) expect(range.error.field).toBe('commonness');
    const good = applyMealTags(pantry, `${header}sr24:11993,Maitake,1,1,cooked\n`);
    expect(good.ok && good.value.find((p) => p.food.id === 'sr24:11993')).toMatchObject({
      commonness: 1,
      notRaw: true,
    });
  });

  it('reports iodine as unknown from food, not as zero, and other shortfalls as amounts', async () => {
    const result = await plan(profileOf({ age: 65, sex: 'female', pattern: 'omnivore' }));
    const iodine = result.unmet.find((u) => u.nutrient === 'iodine');
    expect(iodine).toMatchObject({ foodUnknown: true, achieved: 0, target: 150 });
    for (const u of result.unmet.filter((x) => x.nutrient !== 'iodine'))
      expect(u.foodUnknown).toBeUndefined();
    expect(result.explanation.short.find((s) => s.startsWith('Iodine'))).toMatch(
      /unknown from food.*target 150/,
    );
  });
});
