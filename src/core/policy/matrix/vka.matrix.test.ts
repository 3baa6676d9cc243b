import { describe, expect, it } from 'vitest';
import { check, KALE, NATTO, supplement, type Case } from './support.js';

const day = (
  date: string,
  entries: Case['diary'] extends (infer D)[] | undefined
    ? D extends { entries: infer E }
      ? E
      : never
    : never,
) => ({ date, entries });

const CASES: Case[] = [
  {
    name: 'Coumadin + MK-7 180 µg: avoid',
    profile: { medications: ['coumadin'], supplements: [supplement('mk7', 180)] },
    findings: { 'vka-mk7-supplement': 'avoid' },
    consequences: ['withholdSupplement:mk7', 'withholdSupplement:vitamin-k'],
  },
  {
    name: 'warfarin + MK-7 10 µg: still avoid',
    profile: { medications: ['warfarin'], supplements: [supplement('mk7', 10)] },
    findings: { 'vka-mk7-supplement': 'avoid' },
  },
  {
    name: 'warfarin + natto in the diary: caution naming food and days',
    profile: { medications: ['warfarin'] },
    diary: [
      day('2026-03-01', [
        { food: NATTO, grams: 40 },
        { food: KALE, grams: 50 },
      ]),
      day('2026-03-02', [{ food: KALE, grams: 50 }]),
    ],
    findings: { 'vka-diary-mk7-food': 'caution' },
    consequences: ['holdConsistent:vitamin-k'],
  },
  {
    name: 'warfarin + vitamin K swings: caution naming days',
    profile: { medications: ['warfarin'] },
    diary: [
      day('2026-03-01', [{ food: KALE, grams: 20 }]),
      day('2026-03-02', [{ food: KALE, grams: 200 }]),
      day('2026-03-03', [{ food: KALE, grams: 25 }]),
    ],
    findings: { 'vka-diary-vitamin-k-swings': 'caution' },
    absent: ['vka-diary-mk7-food'],
  },
  {
    name: 'warfarin, steady diary: no diary caution',
    profile: { medications: ['warfarin'] },
    diary: [
      day('2026-03-01', [{ food: KALE, grams: 50 }]),
      day('2026-03-02', [{ food: KALE, grams: 55 }]),
    ],
    absent: ['vka-diary-vitamin-k-swings', 'vka-diary-mk7-food'],
  },
  {
    name: 'apixaban + natto: no VKA findings',
    profile: { medications: ['eliquis'] },
    diary: [day('2026-03-01', [{ food: NATTO, grams: 40 }])],
    absent: ['vka-diary-mk7-food', 'vka-vitamin-k-consistency'],
  },
];

describe('vitamin K antagonist matrix', () => {
  for (const c of CASES) it(c.name, () => void check(c, expect));

  it('with a diary the band is held around the logged average', () => {
    const a = check(CASES[2] as Case, expect);
    const hold = a.consequences.find((c) => c.type === 'holdConsistent');
    expect(hold).toMatchObject({ nutrient: 'vitamin-k', band: 0.25 });
    expect(hold && 'reference' in hold && hold.reference).toBeGreaterThan(100);
    const msg = a.findings.find((f) => f.id === 'vka-diary-mk7-food')?.message ?? '';
    expect(msg).toContain('Natto');
    expect(msg).toContain('2026-03-01');
  });

  it('without a diary the band is held around the vitamin K AI, not around whatever day 1 holds', () => {
    for (const [sex, ai] of [
      ['male', 120],
      ['female', 90],
    ] as const) {
      const a = check({ name: sex, profile: { sex, medications: ['warfarin'] } }, expect);
      const hold = a.consequences.find((c) => c.type === 'holdConsistent');
      expect(hold).toMatchObject({ nutrient: 'vitamin-k', band: 0.25, reference: ai });
      expect(hold?.reason).toContain(`adequate intake (${ai} µg)`);
    }
  });

  it('brand and generic give identical findings and consequences', () => {
    const brand = check({ name: 'b', profile: { medications: ['coumadin'] } }, expect);
    const generic = check({ name: 'g', profile: { medications: ['warfarin'] } }, expect);
    const shape = (a: typeof brand) => ({
      f: a.findings.map((f) => [f.id, f.severity, f.nutrient]),
      c: a.consequences.map((c) => ({ ...c, reason: undefined })),
    });
    expect(shape(brand)).toEqual(shape(generic));
  });
});
