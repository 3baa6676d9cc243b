import { describe, expect, it } from 'vitest';
import { makeProfile } from '../../safety/fixtures.js';
import { suggestSupplements } from '../suggest.js';
import { check, run, supplement, type Case } from './support.js';

const TAGS = [
  'mould-ripened-soft-cheese',
  'unpasteurised-soft-cheese',
  'raw-sprouts',
  'liver',
  'high-mercury-fish',
  'raw-fish-shellfish',
  'refrigerated-smoked-fish',
];
const CASES: Case[] = [
  {
    name: 'pregnant, 30: food exclusions by tag, no K2',
    profile: { age: 30, lifeStage: 'pregnant' },
    findings: { 'pregnancy-food-safety': 'info', 'pregnancy-folic-acid': 'info' },
    consequences: [...TAGS.map((t) => `exclude-tag:${t}`), 'withholdSupplement:mk7'],
  },
  {
    name: 'lactating: mercury only, no K2',
    profile: { age: 32, lifeStage: 'lactating' },
    consequences: ['exclude-tag:high-mercury-fish', 'withholdSupplement:mk7'],
    absent: ['pregnancy-folic-acid'],
  },
  {
    name: 'pregnant with MK-7: caution',
    profile: { age: 30, lifeStage: 'pregnant', supplements: [supplement('vitamin-k2', 90)] },
    findings: { 'pregnancy-vitamin-k2-supplement': 'caution' },
  },
  {
    name: 'not pregnant: no pregnancy findings',
    profile: { age: 30 },
    absent: ['pregnancy-food-safety'],
  },
];

describe('pregnancy matrix', () => {
  for (const c of CASES) it(c.name, () => void check(c, expect));

  it('suggests what a plan lacks in pregnancy, to review with the midwife, and never K2', () => {
    const c: Case = { name: 'p', profile: { age: 30, lifeStage: 'pregnant' } };
    const a = run(c);
    const out = suggestSupplements({
      ...a,
      profile: makeProfile(c.profile),
      gaps: [
        { nutrient: 'epa-dha', unit: 'g', target: 0.35, achieved: 0.05, foodMax: 0.05 },
        { nutrient: 'vitamin-d', unit: 'µg', target: 15, achieved: 6, foodMax: 6 },
        { nutrient: 'mk7', unit: 'µg', target: 100, achieved: 0, foodMax: 0 },
      ],
      longChainK2Foods: false,
    });
    expect(out.map((s) => s.nutrient).sort()).toEqual(['epa-dha', 'vitamin-d']);
    for (const s of out) expect(s.caution).toMatch(/midwife/);
  });
  it('each exclusion cites FDA/EPA, CDC or NHS', () => {
    const a = check(CASES[0] as Case, expect);
    for (const c of a.consequences.filter((x) => x.type === 'exclude-tag'))
      expect(c.source.url).toMatch(/epa\.gov|cdc\.gov|nhs\.uk/);
  });
});
