import { describe, expect, it } from 'vitest';
import { check, supplement, type Case } from './support.js';

const CASES: Case[] = [
  'hypercalcemia',
  'hypercalcaemia',
  'sarcoidosis',
  'granulomatous-disease',
  'primary-hyperparathyroidism',
  'hyperparathyroidism',
].map((code): Case => ({
  name: code,
  profile: { conditions: [code], age: 60 },
  consequences: ['cap:vitamin-d', 'withholdSupplement:vitamin-d', 'withholdSupplement:calcium'],
}));
CASES.push({
  name: 'hypercalcaemia with vitamin D 25 µg: avoid',
  profile: { conditions: ['hypercalcemia'], supplements: [supplement('vitamin-d', 25)] },
  findings: { 'hypercalcemia-calcium-vitamin-d': 'avoid' },
});

describe('calcium disorders matrix', () => {
  for (const c of CASES) it(c.name, () => void check(c, expect));

  it('vitamin D from food and supplements is capped at the RDA', () => {
    const a = check(CASES[2] as Case, expect);
    const cap = a.targets.targets.filter((t) => t.nutrient === 'vitamin-d' && t.bound === 'max');
    expect(Math.min(...cap.map((t) => t.value))).toBe(15);
    expect(cap.find((t) => t.value === 15)?.appliesTo).toBe('total');
  });
});
