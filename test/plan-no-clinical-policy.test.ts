import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONDITION_CODES } from '../src/core/safety/conditions.js';
import { KNOWN_MEDICATIONS } from '../src/core/safety/medications.js';

/**
 * The planner only translates consequences (src/core/plan/constraints-from-policy.ts): no file
 * under src/core/plan names a drug, a condition or a clinical threshold.
 */
const DIR = join(import.meta.dirname, '../src/core/plan');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const source = (f: string) => readFileSync(join(DIR, f), 'utf8');

const CONDITION_WORDS = [
  'ckd',
  'dialysis',
  'transplant',
  'kidney',
  'renal',
  'pregnan',
  'lactat',
  'hypercalc',
  'sarcoid',
  'granulomat',
  'parathyroid',
  'anticoagul',
  'vka',
  'kdoqi',
  'kdigo',
  'inr',
];

describe('no clinical policy in src/core/plan', () => {
  it('scans the planner sources', () => {
    expect(FILES).toContain('model.ts');
    expect(FILES).toContain('plan.ts');
  });

  it('names no drug from the vocabulary (generics, brands, salts, combinations)', () => {
    const names = KNOWN_MEDICATIONS.map((n) => n.toLowerCase()).filter((n) => n.length >= 5);
    for (const file of FILES) {
      const text = source(file).toLowerCase();
      const hits = names.filter((n) =>
        new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text),
      );
      expect(hits, file).toEqual([]);
    }
  });

  it('names no condition', () => {
    for (const file of FILES) {
      const text = source(file).toLowerCase();
      const hits = [...CONDITION_WORDS, ...CONDITION_CODES].filter((w) =>
        new RegExp(`\\b${w}`).test(text),
      );
      expect(hits, file).toEqual([]);
    }
  });

  it('holds no clinical threshold: no amount in mg, µg, IU or g/kg', () => {
    for (const file of FILES) {
      expect(source(file).match(/\b\d[\d,.]*\s*(mg|µg|mcg|IU|g\/kg)\b/g), file).toBeNull();
    }
  });
});
