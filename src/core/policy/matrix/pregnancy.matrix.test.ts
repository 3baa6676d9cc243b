import { describe, expect, it } from 'vitest';
import { check, supplement, type Case } from './support.js';

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
    findings: { 'pregnancy-food-safety': 'info' },
    consequences: [...TAGS.map((t) => `exclude-tag:${t}`), 'withholdSupplement:mk7'],
  },
  {
    name: 'lactating: mercury only, no K2',
    profile: { age: 32, lifeStage: 'lactating' },
    consequences: ['exclude-tag:high-mercury-fish', 'withholdSupplement:mk7'],
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
  it('each exclusion cites FDA/EPA, CDC or NHS', () => {
    const a = check(CASES[0] as Case, expect);
    for (const c of a.consequences.filter((x) => x.type === 'exclude-tag'))
      expect(c.source.url).toMatch(/epa\.gov|cdc\.gov|nhs\.uk/);
  });
});
