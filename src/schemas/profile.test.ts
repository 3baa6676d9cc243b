import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatError } from '../core/result.js';
import { parseProfile } from './profile.js';

function fieldOf(input: unknown): string | undefined {
  const result = parseProfile(input, 'me.json');
  if (result.ok) throw new Error('expected an error');
  expect(result.error.code).toBe('INVALID_PROFILE');
  expect(result.error.file).toBe('me.json');
  return result.error.field;
}

describe('parseProfile: plausible amounts', () => {
  const base = { age: 64, sex: 'female' };

  it('refuses absurd supplement amounts and target overrides, naming the field', () => {
    const supplement = (nutrient: string, amount: number, unit: string) => ({
      ...base,
      supplements: [
        { nutrient: 'magnesium', amount: 400, unit: 'mg' },
        { nutrient, amount, unit },
      ],
    });
    expect(fieldOf(supplement('calcium', 1e300, 'g'))).toBe('supplements[1].amount');
    expect(fieldOf(supplement('calcium', 1e308, 'g'))).toBe('supplements[1].amount');
    // 2,000 g of vitamin D typed for 2,000 IU.
    expect(fieldOf(supplement('vitamin-d', 2000, 'g'))).toBe('supplements[1].amount');
    expect(fieldOf(supplement('vitamin-d', 1_000_000, 'IU'))).toBe('supplements[1].amount');
    expect(fieldOf({ ...base, targets: { calcium: { min: 1e308 } } })).toBe('targets.calcium.min');
    expect(fieldOf({ ...base, targets: { sodium: { max: 1e9 } } })).toBe('targets.sodium.max');
    expect(fieldOf({ ...base, targets: { energy: { min: 50_000 } } })).toBe('targets.energy.min');
    const message = parseProfile(supplement('calcium', 1e300, 'g'));
    expect(!message.ok && message.error.message).toMatch(/at most 10000 mg/);
  });

  it('accepts the large doses in real use', () => {
    for (const [nutrient, amount, unit] of [
      ['vitamin-d', 50_000, 'IU'],
      ['vitamin-d', 600_000, 'IU'],
      ['mk4', 45, 'mg'],
      ['vitamin-k1', 10, 'mg'],
      ['calcium', 2.5, 'g'],
      ['magnesium', 1500, 'mg'],
      ['epa', 4, 'g'],
    ] as const) {
      const result = parseProfile({ ...base, supplements: [{ nutrient, amount, unit }] });
      expect(result.ok, `${amount} ${unit} ${nutrient}`).toBe(true);
    }
    expect(
      parseProfile({ ...base, targets: { sodium: { max: 1500 }, calcium: { min: 1200 } } }).ok,
    ).toBe(true);
  });

  it('takes the rarer vitamin K forms as supplements in µg, bounded like the others', () => {
    for (const nutrient of ['mk11', 'mk12', 'mk13', 'dihydrophylloquinone']) {
      const result = parseProfile({
        ...base,
        supplements: [{ nutrient, amount: 100, unit: 'mcg' }],
      });
      expect(result.ok && result.value.supplements[0], nutrient).toMatchObject({
        nutrient,
        amount: 100,
        unit: 'µg',
      });
      expect(fieldOf({ ...base, supplements: [{ nutrient, amount: 100, unit: 'g' }] })).toBe(
        'supplements[0].amount',
      );
    }
  });
});

describe('parseProfile', () => {
  it('fills the defaults', () => {
    const result = parseProfile({ age: 64, sex: 'female' });
    expect(result).toEqual({
      ok: true,
      value: {
        age: 64,
        sex: 'female',
        lifeStage: 'none',
        smoker: false,
        conditions: [],
        medications: [],
        supplements: [],
        pattern: 'omnivore',
        exclude: [],
        dislikes: [],
        targets: {},
      },
    });
  });

  it('reads the design document example', () => {
    const result = parseProfile({
      age: 64,
      sex: 'female',
      lifeStage: 'none',
      smoker: false,
      weightKg: 70,
      heightCm: 165,
      activity: 'light',
      energyKcal: 1900,
      conditions: ['ckd-3b', 'kidney-stones'],
      medications: ['warfarin', 'hydrochlorothiazide'],
      supplements: [
        { nutrient: 'vitamin-d', amount: 50, unit: 'µg' },
        { nutrient: 'magnesium', amount: 400, unit: 'mg' },
      ],
      pattern: 'omnivore',
      exclude: ['fish', 'peanut'],
      dislikes: ['sr24:16113'],
      targets: { magnesium: { min: 400 } },
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.activity).toBe('light');
      expect(result.value.supplements[1]).toEqual({
        nutrient: 'magnesium',
        amount: 400,
        unit: 'mg',
        entered: '400 mg',
      });
    }
  });

  it('converts supplement units to the canonical unit', () => {
    const result = parseProfile({
      age: 70,
      sex: 'male',
      medications: [' Warfarin  Sodium '],
      supplements: [
        { nutrient: 'vitamin-d', amount: 2000, unit: 'IU' },
        { nutrient: 'vitamin-d', amount: 1000, unit: 'iu' },
        { nutrient: 'magnesium', amount: 0.3, unit: 'g' },
        { nutrient: 'mk7', amount: 0.18, unit: 'mg' },
        { nutrient: 'mk7', amount: 90, unit: 'mcg' },
        { nutrient: 'vitamin-k1', amount: 100, unit: 'ug' },
        { nutrient: 'calcium', amount: 500000, unit: 'µg' },
        { nutrient: 'epa-dha', amount: 1000, unit: 'mg' },
      ],
    });
    if (!result.ok) throw new Error(formatError(result.error));
    expect(result.value.medications).toEqual(['warfarin sodium']);
    expect(result.value.supplements.map((s) => [s.nutrient, s.amount, s.unit])).toEqual([
      ['vitamin-d', 50, 'µg'],
      ['vitamin-d', 25, 'µg'],
      ['magnesium', 300, 'mg'],
      ['mk7', 180, 'µg'],
      ['mk7', 90, 'µg'],
      ['vitamin-k1', 100, 'µg'],
      ['calcium', 500, 'mg'],
      ['epa-dha', 1, 'g'],
    ]);
    expect(result.value.supplements[0]?.entered).toBe('2000 IU');
  });

  it('names the field of an impossible profile', () => {
    expect(fieldOf({ age: -3, sex: 'male' })).toBe('age');
    expect(fieldOf({ age: 430, sex: 'male' })).toBe('age');
    expect(fieldOf({ age: 'old', sex: 'male' })).toBe('age');
    expect(fieldOf({ sex: 'male' })).toBe('age');
    expect(fieldOf({ age: 40, sex: 'unknown' })).toBe('sex');
    expect(fieldOf({ age: 40, sex: 'male', lifeStage: 'pregnant' })).toBe('lifeStage');
    expect(fieldOf({ age: 40, sex: 'male', lifeStage: 'lactating' })).toBe('lifeStage');
    expect(fieldOf({ age: 40, sex: 'female', lifeStage: 'expecting' })).toBe('lifeStage');
    expect(fieldOf({ age: 40, sex: 'female', pattern: 'carnivore' })).toBe('pattern');
    expect(fieldOf({ age: 40, sex: 'female', exclude: ['dairy', 'nuts'] })).toBe('exclude[1]');
    expect(fieldOf({ age: 40, sex: 'female', targets: { vitaminZ: { min: 1 } } })).toBe(
      'targets.vitaminZ',
    );
    expect(
      fieldOf({ age: 40, sex: 'female', targets: { calcium: { min: 1200, max: 1000 } } }),
    ).toBe('targets.calcium.min');
    expect(fieldOf({ age: 40, sex: 'female', suplements: [] })).toBe('suplements');
  });

  it('names the supplement and field at fault', () => {
    const ok = { nutrient: 'calcium', amount: 500, unit: 'mg' };
    expect(fieldOf({ age: 40, sex: 'female', supplements: [ok, { ...ok, unit: 'tablets' }] })).toBe(
      'supplements[1].unit',
    );
    expect(fieldOf({ age: 40, sex: 'female', supplements: [ok, { ...ok, unit: 'IU' }] })).toBe(
      'supplements[1].unit',
    );
    expect(
      fieldOf({ age: 40, sex: 'female', supplements: [{ ...ok, nutrient: 'unobtainium' }] }),
    ).toBe('supplements[0].nutrient');
    expect(fieldOf({ age: 40, sex: 'female', supplements: [{ ...ok, amount: -5 }] })).toBe(
      'supplements[0].amount',
    );
    expect(fieldOf({ age: 40, sex: 'female', supplements: [{ ...ok, amount: 0 }] })).toBe(
      'supplements[0].amount',
    );
    expect(
      fieldOf({
        age: 40,
        sex: 'female',
        supplements: [{ nutrient: 'energy', amount: 5, unit: 'g' }],
      }),
    ).toBe('supplements[0].unit');
  });

  it('explains IU for other nutrients', () => {
    const result = parseProfile({
      age: 40,
      sex: 'female',
      supplements: [{ nutrient: 'calcium', amount: 5, unit: 'IU' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/only accepted for vitamin D/);
  });

  it('parses its own output unchanged', () => {
    const first = parseProfile({
      age: 70,
      sex: 'male',
      weightKg: 80,
      heightCm: 175,
      activity: 'moderate',
      conditions: ['CKD-3b'],
      medications: ['Warfarin'],
      targets: { calcium: { max: 1500 } },
      supplements: [
        { nutrient: 'vitamin-d', amount: 2000, unit: 'IU' },
        { nutrient: 'mk7', amount: 0.1, unit: 'mg' },
      ],
    });
    if (!first.ok) throw new Error(formatError(first.error));
    expect(parseProfile(JSON.parse(JSON.stringify(first.value)))).toEqual(first);
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseProfile(input);
        if (!result.ok) expect(result.error.code).toBe('INVALID_PROFILE');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on near-valid profiles with random fields', () => {
    const profile = fc.record(
      {
        age: fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double(), fc.string()),
        sex: fc.constantFrom('female', 'male', 'x', ''),
        lifeStage: fc.constantFrom('none', 'pregnant', 'lactating', 'other'),
        supplements: fc.array(
          fc.record({
            nutrient: fc.constantFrom('vitamin-d', 'calcium', 'mk7', 'foo'),
            amount: fc.oneof(fc.double(), fc.integer()),
            unit: fc.constantFrom('µg', 'mcg', 'mg', 'g', 'IU', 'kg', ''),
          }),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(profile, (input) => {
        const result = parseProfile(input);
        if (result.ok) {
          for (const s of result.value.supplements)
            expect(Number.isFinite(s.amount) && s.amount > 0).toBe(true);
        } else expect(result.error.field ?? result.error.message).toBeTruthy();
      }),
      { numRuns: 500 },
    );
  });
});
