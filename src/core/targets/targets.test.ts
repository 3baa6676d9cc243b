import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUTRIENT_IDS, type NutrientId } from '../nutrients.js';
import type { LifeStage, Profile, Sex } from '../profile.js';
import { makeProfile } from '../safety/fixtures.js';
import { EFSA_DRV_ROWS } from './data/efsa-drv.js';
import { NASEM_DRI_ROWS } from './data/nasem-dri.js';
import { matchingRows } from './dri-row.js';
import { computeTargets, mifflinStJeorKcal } from './index.js';
import type { PersonalTargets, TargetKind } from './types.js';

function value(t: PersonalTargets, nutrient: NutrientId, kind: TargetKind): number | undefined {
  return t.targets.find((x) => x.nutrient === nutrient && x.kind === kind)?.value;
}

function person(
  sex: Sex,
  age: number,
  lifeStage: LifeStage = 'none',
  extra: Partial<Profile> = {},
) {
  return computeTargets(makeProfile({ sex, age, lifeStage, ...extra }));
}

// Expected values typed from the NASEM DRI summary tables (NASEM 2019 App. J; IOM 2011;
// IOM 2001; IOM 2005), independently of the data module.
type Expect = Partial<Record<`${NutrientId} ${TargetKind}`, number>>;
const CASES: [Sex, number, LifeStage, Expect][] = [
  [
    'male',
    18,
    'none',
    {
      'calcium RDA': 1300,
      'calcium UL': 3000,
      'magnesium RDA': 410,
      'phosphorus RDA': 1250,
      'potassium AI': 3000,
      'vitamin-c RDA': 75,
      'vitamin-c UL': 1800,
      'vitamin-k AI': 75,
      'protein RDA': 52,
    },
  ],
  [
    'male',
    19,
    'none',
    {
      'calcium RDA': 1000,
      'calcium UL': 2500,
      'magnesium RDA': 400,
      'phosphorus RDA': 700,
      'potassium AI': 3400,
      'vitamin-c RDA': 90,
      'vitamin-c UL': 2000,
      'vitamin-k AI': 120,
      'protein RDA': 56,
    },
  ],
  ['male', 30, 'none', { 'magnesium RDA': 400 }],
  ['male', 31, 'none', { 'magnesium RDA': 420 }],
  [
    'male',
    50,
    'none',
    {
      'calcium RDA': 1000,
      'calcium UL': 2500,
      'fiber AI': 38,
      'vitamin-d RDA': 15,
      'phosphorus UL': 4000,
      'sodium AI': 1500,
      'sodium CDRR': 2300,
      'vitamin-d UL': 100,
      'carbohydrate RDA': 130,
      'ala AI': 1.6,
    },
  ],
  [
    'male',
    51,
    'none',
    {
      'calcium RDA': 1000,
      'calcium UL': 2000,
      'fiber AI': 30,
      'vitamin-d RDA': 15,
      'phosphorus UL': 4000,
    },
  ],
  [
    'male',
    70,
    'none',
    {
      'calcium RDA': 1000,
      'calcium UL': 2000,
      'vitamin-d RDA': 15,
      'phosphorus UL': 4000,
      'fiber AI': 30,
    },
  ],
  [
    'male',
    71,
    'none',
    {
      'calcium RDA': 1200,
      'calcium UL': 2000,
      'vitamin-d RDA': 20,
      'phosphorus UL': 3000,
      'magnesium RDA': 420,
      'potassium AI': 3400,
      'vitamin-k AI': 120,
    },
  ],
  [
    'female',
    18,
    'none',
    {
      'calcium RDA': 1300,
      'magnesium RDA': 360,
      'vitamin-c RDA': 65,
      'potassium AI': 2300,
      'fiber AI': 26,
      'vitamin-k AI': 75,
    },
  ],
  [
    'female',
    19,
    'none',
    {
      'calcium RDA': 1000,
      'magnesium RDA': 310,
      'vitamin-c RDA': 75,
      'potassium AI': 2600,
      'fiber AI': 25,
      'vitamin-k AI': 90,
    },
  ],
  ['female', 30, 'none', { 'magnesium RDA': 310 }],
  ['female', 31, 'none', { 'magnesium RDA': 320 }],
  [
    'female',
    50,
    'none',
    {
      'calcium RDA': 1000,
      'calcium UL': 2500,
      'fiber AI': 25,
      'protein RDA': 46,
      'ala AI': 1.1,
      'vitamin-d RDA': 15,
    },
  ],
  [
    'female',
    51,
    'none',
    {
      'calcium RDA': 1200,
      'calcium UL': 2000,
      'fiber AI': 21,
      'vitamin-d RDA': 15,
      'phosphorus UL': 4000,
    },
  ],
  ['female', 70, 'none', { 'calcium RDA': 1200, 'vitamin-d RDA': 15, 'phosphorus UL': 4000 }],
  [
    'female',
    71,
    'none',
    {
      'calcium RDA': 1200,
      'calcium UL': 2000,
      'vitamin-d RDA': 20,
      'phosphorus UL': 3000,
      'magnesium RDA': 320,
      'potassium AI': 2600,
      'vitamin-k AI': 90,
    },
  ],
  [
    'female',
    17,
    'pregnant',
    {
      'calcium RDA': 1300,
      'calcium UL': 3000,
      'magnesium RDA': 400,
      'phosphorus RDA': 1250,
      'phosphorus UL': 3500,
      'potassium AI': 2600,
      'vitamin-c RDA': 80,
      'vitamin-c UL': 1800,
      'vitamin-k AI': 75,
      'fiber AI': 28,
      'protein RDA': 71,
      'carbohydrate RDA': 175,
      'ala AI': 1.4,
    },
  ],
  [
    'female',
    25,
    'pregnant',
    {
      'calcium RDA': 1000,
      'calcium UL': 2500,
      'magnesium RDA': 350,
      'phosphorus RDA': 700,
      'phosphorus UL': 3500,
      'potassium AI': 2900,
      'vitamin-c RDA': 85,
      'vitamin-k AI': 90,
      'vitamin-d RDA': 15,
      'sodium CDRR': 2300,
    },
  ],
  ['female', 35, 'pregnant', { 'magnesium RDA': 360, 'fiber AI': 28 }],
  [
    'female',
    17,
    'lactating',
    {
      'magnesium RDA': 360,
      'potassium AI': 2500,
      'vitamin-c RDA': 115,
      'phosphorus UL': 4000,
      'fiber AI': 29,
      'carbohydrate RDA': 210,
      'ala AI': 1.3,
    },
  ],
  [
    'female',
    25,
    'lactating',
    { 'magnesium RDA': 310, 'potassium AI': 2800, 'vitamin-c RDA': 120, 'calcium RDA': 1000 },
  ],
  ['female', 35, 'lactating', { 'magnesium RDA': 320, 'protein RDA': 71 }],
  // Pregnancy tables stop at 50: an older pregnant woman gets the 31–50 pregnancy values.
  [
    'female',
    52,
    'pregnant',
    {
      'magnesium RDA': 360,
      'calcium RDA': 1000,
      'calcium UL': 2500,
      'vitamin-d RDA': 15,
      'phosphorus UL': 3500,
    },
  ],
];

describe('NASEM reference intakes at the life-stage boundaries', () => {
  it.each(CASES)('%s aged %i (%s)', (sex, age, stage, expected) => {
    const targets = person(sex, age, stage);
    for (const [key, want] of Object.entries(expected)) {
      const [nutrient, kind] = key.split(' ') as [NutrientId, TargetKind];
      expect(value(targets, nutrient, kind), key).toBe(want);
    }
  });

  it('applies the magnesium UL (350 mg) to supplements only, at every age', () => {
    for (const age of [14, 19, 50, 51, 70, 71, 90]) {
      const ul = person('male', age).targets.find(
        (t) => t.nutrient === 'magnesium' && t.kind === 'UL',
      );
      expect(ul).toMatchObject({ value: 350, appliesTo: 'supplements', bound: 'max' });
    }
  });

  it('sets no potassium UL or CDRR and no vitamin K UL', () => {
    const t = person('male', 60);
    expect(t.targets.filter((x) => x.nutrient === 'potassium').map((x) => x.kind)).toEqual(['AI']);
    expect(t.targets.filter((x) => x.nutrient === 'vitamin-k').map((x) => x.kind)).toEqual(['AI']);
  });

  it('adds 35 mg of vitamin C for adult smokers', () => {
    expect(value(person('male', 40, 'none', { smoker: true }), 'vitamin-c', 'RDA')).toBe(125);
    expect(value(person('female', 40, 'none', { smoker: true }), 'vitamin-c', 'RDA')).toBe(110);
    expect(value(person('female', 30, 'lactating', { smoker: true }), 'vitamin-c', 'RDA')).toBe(
      155,
    );
    expect(value(person('female', 40, 'none', { smoker: false }), 'vitamin-c', 'RDA')).toBe(75);
  });

  it('never sets a K2 or menaquinone target; trial doses are context', () => {
    for (const authority of ['nasem', 'efsa'] as const) {
      const t = computeTargets(makeProfile({ age: 60 }), { authority });
      expect(
        t.targets.some((x) => x.nutrient === 'vitamin-k2' || x.nutrient.startsWith('mk')),
      ).toBe(false);
      expect(t.context.some((c) => c.nutrient === 'vitamin-k2')).toBe(true);
      const mk7 = t.context.find((c) => c.nutrient === 'mk7' && c.message.includes('180 µg/day'));
      expect(mk7?.source.pmid).toBe('25694037');
      expect(mk7?.message).toMatch(/not a target/);
    }
  });

  it('gives every target a source with a label and a locator', () => {
    for (const authority of ['nasem', 'efsa'] as const) {
      for (const t of computeTargets(makeProfile({ age: 40, weightKg: 70 }), { authority })
        .targets) {
        expect(t.source.label.length).toBeGreaterThan(3);
        expect(
          t.source.url ?? t.source.doi ?? t.source.pmid,
          `${t.nutrient} ${t.kind}`,
        ).toBeTruthy();
      }
    }
  });
});

// Every DRI row family at ages 50, 51, 70 and 71, for men and women (NASEM tables).
const AGES = [50, 51, 70, 71] as const;
const FAMILIES: [NutrientId, TargetKind, { male: number[]; female: number[] }][] = [
  ['calcium', 'RDA', { male: [1000, 1000, 1000, 1200], female: [1000, 1200, 1200, 1200] }],
  ['calcium', 'UL', { male: [2500, 2000, 2000, 2000], female: [2500, 2000, 2000, 2000] }],
  ['magnesium', 'RDA', { male: [420, 420, 420, 420], female: [320, 320, 320, 320] }],
  ['magnesium', 'UL', { male: [350, 350, 350, 350], female: [350, 350, 350, 350] }],
  ['phosphorus', 'RDA', { male: [700, 700, 700, 700], female: [700, 700, 700, 700] }],
  ['phosphorus', 'UL', { male: [4000, 4000, 4000, 3000], female: [4000, 4000, 4000, 3000] }],
  ['potassium', 'AI', { male: [3400, 3400, 3400, 3400], female: [2600, 2600, 2600, 2600] }],
  ['sodium', 'AI', { male: [1500, 1500, 1500, 1500], female: [1500, 1500, 1500, 1500] }],
  ['sodium', 'CDRR', { male: [2300, 2300, 2300, 2300], female: [2300, 2300, 2300, 2300] }],
  ['vitamin-c', 'RDA', { male: [90, 90, 90, 90], female: [75, 75, 75, 75] }],
  ['vitamin-c', 'UL', { male: [2000, 2000, 2000, 2000], female: [2000, 2000, 2000, 2000] }],
  ['vitamin-d', 'RDA', { male: [15, 15, 15, 20], female: [15, 15, 15, 20] }],
  ['vitamin-d', 'UL', { male: [100, 100, 100, 100], female: [100, 100, 100, 100] }],
  ['vitamin-k', 'AI', { male: [120, 120, 120, 120], female: [90, 90, 90, 90] }],
  ['fiber', 'AI', { male: [38, 30, 30, 30], female: [25, 21, 21, 21] }],
  ['protein', 'RDA', { male: [56, 56, 56, 56], female: [46, 46, 46, 46] }],
  ['carbohydrate', 'RDA', { male: [130, 130, 130, 130], female: [130, 130, 130, 130] }],
  ['ala', 'AI', { male: [1.6, 1.6, 1.6, 1.6], female: [1.1, 1.1, 1.1, 1.1] }],
  ['epa-dha', 'guidance', { male: [0.25, 0.25, 0.25, 0.25], female: [0.25, 0.25, 0.25, 0.25] }],
];

describe('every DRI family at 50/51 and 70/71', () => {
  it.each(FAMILIES)('%s %s', (nutrient, kind, bySex) => {
    for (const sex of ['male', 'female'] as const) {
      AGES.forEach((age, i) => {
        expect(value(person(sex, age), nutrient, kind), `${sex} ${age}`).toBe(bySex[sex][i]);
      });
    }
  });

  it.each(['pregnant', 'lactating'] as const)('%s at 50 keeps the 31–50 values', (stage) => {
    const t = person('female', 50, stage);
    expect(value(t, 'magnesium', 'RDA')).toBe(stage === 'pregnant' ? 360 : 320);
    expect(value(t, 'calcium', 'RDA')).toBe(1000);
    expect(value(t, 'calcium', 'UL')).toBe(2500);
    expect(value(t, 'potassium', 'AI')).toBe(stage === 'pregnant' ? 2900 : 2800);
    expect(value(t, 'vitamin-c', 'RDA')).toBe(stage === 'pregnant' ? 85 : 120);
    expect(value(t, 'fiber', 'AI')).toBe(stage === 'pregnant' ? 28 : 29);
    expect(value(t, 'phosphorus', 'UL')).toBe(stage === 'pregnant' ? 3500 : 4000);
  });
});

describe('table integrity', () => {
  const stages: [Sex, LifeStage][] = [
    ['male', 'none'],
    ['female', 'none'],
    ['female', 'pregnant'],
    ['female', 'lactating'],
  ];
  it.each([
    ['nasem', NASEM_DRI_ROWS, 14],
    ['efsa', EFSA_DRV_ROWS, 18],
  ] as const)(
    '%s: at most one row per nutrient, kind and bound for every person',
    (_name, rows, minAge) => {
      for (let age = minAge; age <= 120; age += 1) {
        for (const [sex, lifeStage] of stages) {
          const matched = matchingRows(rows, { age, sex, lifeStage });
          const keys = matched.map((r) => `${r.nutrient} ${r.kind} ${r.bound}`);
          expect(new Set(keys).size, `${sex} ${age} ${lifeStage}: ${keys.join(', ')}`).toBe(
            keys.length,
          );
        }
      }
    },
  );

  it('NASEM covers the core nutrients for every adult', () => {
    const required: NutrientId[] = [
      'calcium',
      'magnesium',
      'phosphorus',
      'potassium',
      'sodium',
      'vitamin-c',
      'vitamin-d',
      'vitamin-k',
      'fiber',
      'protein',
      'carbohydrate',
      'ala',
      'epa-dha',
      'saturated-fat',
      'added-sugars',
    ];
    for (let age = 19; age <= 110; age += 1) {
      for (const [sex, lifeStage] of stages) {
        const have = new Set(
          matchingRows(NASEM_DRI_ROWS, { age, sex, lifeStage }).map((r) => r.nutrient),
        );
        for (const n of required)
          expect(have.has(n), `${n} for ${sex} ${age} ${lifeStage}`).toBe(true);
      }
    }
  });

  it('uses only registry nutrient ids', () => {
    for (const row of [...NASEM_DRI_ROWS, ...EFSA_DRV_ROWS])
      expect(NUTRIENT_IDS).toContain(row.nutrient);
  });
});

describe('energy', () => {
  it('uses the profile energy when given', () => {
    const t = computeTargets(makeProfile({ energyKcal: 1800, weightKg: 70, heightCm: 170 }));
    expect(t).toMatchObject({ energyKcal: 1800, energySource: 'profile' });
  });

  it('computes Mifflin–St Jeor × activity (men +5, women −161)', () => {
    // 10×80 + 6.25×180 − 5×72 + 5 = 1570; × 1.2 = 1884
    expect(mifflinStJeorKcal({ weightKg: 80, heightCm: 180, age: 72, sex: 'male' })).toBe(1570);
    const man = computeTargets(
      makeProfile({ sex: 'male', age: 72, weightKg: 80, heightCm: 180, activity: 'sedentary' }),
    );
    expect(man).toMatchObject({ energyKcal: 1884, energySource: 'mifflin-st-jeor' });
    // 10×65 + 6.25×165 − 5×64 − 161 = 1200.25; × 1.375 = 1650.3
    const woman = computeTargets(
      makeProfile({ sex: 'female', age: 64, weightKg: 65, heightCm: 165, activity: 'light' }),
    );
    expect(woman.energyKcal).toBe(1650);
    const active = computeTargets(
      makeProfile({ sex: 'female', age: 64, weightKg: 65, heightCm: 165, activity: 'very-active' }),
    );
    expect(active.energyKcal).toBe(Math.round(1200.25 * 1.9));
    expect(active.targets.find((t) => t.nutrient === 'protein')?.source).toBeDefined();
  });

  it('falls back to the documented 2,000 kcal default without weight and height', () => {
    const t = computeTargets(makeProfile({ weightKg: 70 }));
    expect(t).toMatchObject({ energyKcal: 2000, energySource: 'dri-default' });
    expect(t.notes?.join(' ')).toMatch(/2,000 kcal/);
  });

  it('scales the saturated-fat and added-sugar limits with energy', () => {
    const t = computeTargets(makeProfile({ energyKcal: 1800 }));
    // 10 % of 1,800 kcal = 180 kcal: 20 g fat (9 kcal/g), 45 g sugar (4 kcal/g)
    expect(t.targets.find((x) => x.nutrient === 'saturated-fat')).toMatchObject({
      value: 20,
      bound: 'max',
      kind: 'guidance',
    });
    expect(t.targets.find((x) => x.nutrient === 'added-sugars')).toMatchObject({
      value: 45,
      bound: 'max',
    });
    const more = computeTargets(makeProfile({ energyKcal: 2700 }));
    expect(more.targets.find((x) => x.nutrient === 'saturated-fat')?.value).toBe(30);
  });

  it('scales the protein RDA with body weight (0.8 g/kg adults)', () => {
    expect(value(computeTargets(makeProfile({ weightKg: 70 })), 'protein', 'RDA')).toBe(56);
    expect(
      value(computeTargets(makeProfile({ weightKg: 95, sex: 'male' })), 'protein', 'RDA'),
    ).toBe(76);
    expect(value(computeTargets(makeProfile({ sex: 'male' })), 'protein', 'RDA')).toBe(56);
  });
});

describe('overrides', () => {
  it('replace the reference value for that bound and are marked', () => {
    const t = computeTargets(
      makeProfile({ age: 60, targets: { magnesium: { min: 400 }, sodium: { max: 2000 } } }),
    );
    const mg = t.targets.filter((x) => x.nutrient === 'magnesium');
    expect(mg.find((x) => x.bound === 'min')).toMatchObject({
      value: 400,
      override: true,
      kind: 'RDA',
    });
    expect(mg.find((x) => x.bound === 'min')?.note).toMatch(/320/);
    expect(mg.find((x) => x.bound === 'max')).toMatchObject({
      value: 350,
      appliesTo: 'supplements',
    });
    expect(mg.find((x) => x.bound === 'max')?.override).toBeUndefined();
    const na = t.targets.filter((x) => x.nutrient === 'sodium' && x.bound === 'max');
    expect(na).toHaveLength(1);
    expect(na[0]).toMatchObject({ value: 2000, override: true, kind: 'CDRR' });
  });

  it('can add a bound that has no reference value', () => {
    const t = computeTargets(makeProfile({ targets: { 'vitamin-k1': { max: 150 } } }));
    expect(t.targets.find((x) => x.nutrient === 'vitamin-k1')).toMatchObject({
      value: 150,
      bound: 'max',
      kind: 'guidance',
      override: true,
    });
  });
});

describe('EFSA authority', () => {
  const efsa = (p: Partial<Profile>) => computeTargets(makeProfile(p), { authority: 'efsa' });

  it('gives EFSA values for the same nutrients', () => {
    const man = efsa({ sex: 'male', age: 40, weightKg: 80 });
    expect(man.authority).toBe('efsa');
    expect(value(man, 'calcium', 'RDA')).toBe(950);
    expect(value(efsa({ age: 20 }), 'calcium', 'RDA')).toBe(1000);
    expect(value(man, 'magnesium', 'AI')).toBe(350);
    expect(value(efsa({ sex: 'female', age: 40 }), 'magnesium', 'AI')).toBe(300);
    expect(value(man, 'potassium', 'AI')).toBe(3500);
    expect(value(man, 'vitamin-d', 'AI')).toBe(15);
    expect(value(man, 'vitamin-c', 'RDA')).toBe(110);
    expect(value(efsa({ sex: 'female', age: 40 }), 'vitamin-c', 'RDA')).toBe(95);
    expect(value(man, 'epa-dha', 'AI')).toBe(0.25);
    expect(value(man, 'protein', 'RDA')).toBe(66.4);
    expect(man.targets.find((t) => t.nutrient === 'sodium')).toMatchObject({
      value: 2000,
      bound: 'max',
    });
    expect(man.targets.find((t) => t.nutrient === 'magnesium' && t.kind === 'UL')).toMatchObject({
      value: 250,
      appliesTo: 'supplements',
    });
  });

  it('sets the vitamin K AI on phylloquinone (K1) only', () => {
    const t = efsa({ age: 40 });
    expect(value(t, 'vitamin-k1', 'AI')).toBe(70);
    expect(t.targets.some((x) => x.nutrient === 'vitamin-k')).toBe(false);
  });

  it('says what it leaves out instead of guessing', () => {
    const t = efsa({ age: 40 });
    expect(t.targets.some((x) => x.nutrient === 'vitamin-c' && x.kind === 'UL')).toBe(false);
    expect(t.targets.some((x) => x.nutrient === 'saturated-fat')).toBe(false);
    expect(t.targets.some((x) => x.nutrient === 'protein')).toBe(false);
    expect(t.notes?.join(' ')).toMatch(/as low as possible/);
    expect(t.notes?.join(' ')).toMatch(/needs a weight/);
    expect(efsa({ age: 16 }).targets).toHaveLength(0);
  });

  it('uses EFSA sources with DOIs', () => {
    for (const t of efsa({ age: 40 }).targets) expect(t.source.label).toMatch(/EFSA|SCF/);
  });
});

describe('properties', () => {
  const profiles = fc.record({
    age: fc.integer({ min: 14, max: 120 }),
    sex: fc.constantFrom<Sex>('female', 'male'),
    stage: fc.constantFrom<LifeStage>('none', 'pregnant', 'lactating'),
    smoker: fc.boolean(),
    energy: fc.option(fc.integer({ min: 800, max: 5000 }), { nil: undefined }),
  });

  it('every min target is positive and below any max for the same nutrient and scope', () => {
    fc.assert(
      fc.property(profiles, ({ age, sex, stage, smoker, energy }) => {
        const lifeStage = sex === 'male' ? 'none' : stage;
        const t = computeTargets(
          makeProfile({ age, sex, lifeStage, smoker, ...(energy ? { energyKcal: energy } : {}) }),
        );
        for (const min of t.targets.filter((x) => x.bound === 'min')) {
          expect(min.value).toBeGreaterThan(0);
          const max = t.targets.find(
            (x) => x.nutrient === min.nutrient && x.bound === 'max' && x.appliesTo === 'total',
          );
          if (max) expect(min.value).toBeLessThan(max.value);
        }
      }),
      { numRuns: 300 },
    );
  });
});
