import { describe, expect, it } from 'vitest';
import { scoreMedas, validateMedasAnswers, type MedasAnswers } from './index.js';

const allMet: MedasAnswers = {
  oliveOilMain: true,
  oliveOilTbspPerDay: 4,
  vegetableServingsPerDay: 2,
  rawVegetableServingsPerDay: 1,
  fruitUnitsPerDay: 3,
  redMeatServingsPerDay: 0.5,
  butterServingsPerDay: 0,
  sweetDrinksPerDay: 0,
  wineGlassesPerWeek: 7,
  legumeServingsPerWeek: 3,
  fishServingsPerWeek: 3,
  sweetsTimesPerWeek: 2,
  nutServingsPerWeek: 3,
  prefersWhiteMeat: true,
  sofritoTimesPerWeek: 2,
};

const noneMet: MedasAnswers = {
  oliveOilMain: false,
  oliveOilTbspPerDay: 3.9,
  vegetableServingsPerDay: 5,
  rawVegetableServingsPerDay: 0.5,
  fruitUnitsPerDay: 2,
  redMeatServingsPerDay: 1,
  butterServingsPerDay: 1,
  sweetDrinksPerDay: 1,
  wineGlassesPerWeek: 6,
  legumeServingsPerWeek: 2.5,
  fishServingsPerWeek: 2,
  sweetsTimesPerWeek: 3,
  nutServingsPerWeek: 2,
  prefersWhiteMeat: false,
  sofritoTimesPerWeek: 1,
};

describe('scoreMedas', () => {
  it('gives 14 when every criterion is met at its boundary', () => {
    const score = scoreMedas(allMet);
    expect(score.total).toBe(14);
    expect(score.items.map((i) => i.point)).toEqual(Array(14).fill(1));
    expect(score.band.id).toBe('high');
  });

  it('gives 0 just past every boundary (raw vegetables under 1 fails item 3 despite 5 servings)', () => {
    const score = scoreMedas(noneMet);
    expect(score.items.map((i) => i.point)).toEqual(Array(14).fill(0));
    expect(score.total).toBe(0);
    expect(score.band.id).toBe('low');
  });

  it('scores a mixed set computed by hand: items 1, 4, 6, 7, 9, 11, 12, 13 → 8 (intermediate)', () => {
    const answers: MedasAnswers = {
      oliveOilMain: true, // 1
      oliveOilTbspPerDay: 3, // 0
      vegetableServingsPerDay: 2,
      rawVegetableServingsPerDay: 0, // 0: none raw
      fruitUnitsPerDay: 3, // 1
      redMeatServingsPerDay: 1, // 0: criterion is less than 1
      butterServingsPerDay: 0.5, // 1
      sweetDrinksPerDay: 0, // 1
      wineGlassesPerWeek: 0, // 0
      legumeServingsPerWeek: 3, // 1
      fishServingsPerWeek: 2, // 0
      sweetsTimesPerWeek: 2, // 1
      nutServingsPerWeek: 5, // 1
      prefersWhiteMeat: true, // 1
      sofritoTimesPerWeek: 1, // 0
    };
    const score = scoreMedas(answers);
    expect(score.items.filter((i) => i.point === 1).map((i) => i.number)).toEqual([
      1, 4, 6, 7, 9, 11, 12, 13,
    ]);
    expect(score.total).toBe(8);
    expect(score.band.id).toBe('intermediate');
  });

  it('bands at the PREDIMED cut-offs: 7 low, 9 intermediate, 10 high', () => {
    const withPoints = (n: number): MedasAnswers => {
      // Turn items on in order from the all-missed set.
      const a = { ...noneMet };
      const on: ((x: MedasAnswers) => void)[] = [
        (x) => (x.oliveOilMain = true),
        (x) => (x.oliveOilTbspPerDay = 5),
        (x) => (x.rawVegetableServingsPerDay = 1),
        (x) => (x.fruitUnitsPerDay = 4),
        (x) => (x.redMeatServingsPerDay = 0),
        (x) => (x.butterServingsPerDay = 0),
        (x) => (x.sweetDrinksPerDay = 0),
        (x) => (x.legumeServingsPerWeek = 4),
        (x) => (x.fishServingsPerWeek = 4),
        (x) => (x.sweetsTimesPerWeek = 0),
      ];
      on.slice(0, n).forEach((f) => f(a));
      return a;
    };
    expect(scoreMedas(withPoints(7)).total).toBe(7);
    expect(scoreMedas(withPoints(7)).band.id).toBe('low');
    expect(scoreMedas(withPoints(8)).band.id).toBe('intermediate');
    expect(scoreMedas(withPoints(9)).band.id).toBe('intermediate');
    expect(scoreMedas(withPoints(10)).total).toBe(10);
    expect(scoreMedas(withPoints(10)).band.id).toBe('high');
  });

  it('carries the wine caution and its sources', () => {
    const score = scoreMedas(allMet);
    expect(score.notes.join(' ')).toMatch(/does not advise anyone to start drinking/);
    expect(score.sources.map((s) => s.pmid)).toEqual(['22905215', '21508208']);
  });
});

describe('validateMedasAnswers', () => {
  it('accepts a complete set', () => {
    expect(validateMedasAnswers(allMet)).toEqual({ ok: true, value: allMet });
  });

  it.each([
    [
      { ...allMet, fruitUnitsPerDay: 'three' },
      'fruitUnitsPerDay',
      /^item 4: "fruitUnitsPerDay" must be a number ≥ 0/,
    ],
    [{ ...allMet, wineGlassesPerWeek: -1 }, 'wineGlassesPerWeek', /^item 8: /],
    [
      { ...allMet, prefersWhiteMeat: 'yes' },
      'prefersWhiteMeat',
      /^item 13: "prefersWhiteMeat" must be true or false/,
    ],
    [
      { ...allMet, rawVegetableServingsPerDay: 3 },
      'rawVegetableServingsPerDay',
      /^item 3: .*cannot be more than/,
    ],
    [{ ...allMet, olive: 1 }, 'olive', /unknown field "olive"/],
  ])('rejects %j naming the field', (value, field, message) => {
    const result = validateMedasAnswers(value, 'a.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe(field);
    expect(result.error.file).toBe('a.json');
    expect(result.error.message).toMatch(message);
  });

  it('names a missing item', () => {
    const { sofritoTimesPerWeek: _omit, ...rest } = allMet;
    const result = validateMedasAnswers(rest);
    expect(!result.ok && result.error.message).toBe('item 14: "sofritoTimesPerWeek" is missing');
  });

  it('rejects a non-object', () => {
    expect(validateMedasAnswers([1, 2]).ok).toBe(false);
    expect(validateMedasAnswers(null).ok).toBe(false);
  });
});
