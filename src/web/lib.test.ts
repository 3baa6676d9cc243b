import { describe, expect, it } from 'vitest';
import {
  addDays,
  conditionLabel,
  doiUrl,
  formatAmount,
  plainTrigger,
  portionLabel,
  pubmedUrl,
} from './lib.js';
import { href, parseHash } from './router.js';

describe('formatAmount', () => {
  it('shows unknown, never zero, for a missing value', () => {
    expect(formatAmount(undefined, 'µg')).toBe('unknown');
    expect(formatAmount(null, 'µg')).toBe('unknown');
    expect(formatAmount(Number.NaN, 'mg')).toBe('unknown');
  });

  it('keeps a measured zero as zero', () => {
    expect(formatAmount(0, 'µg')).toBe('0 µg');
  });

  it('rounds to a readable precision without trailing zeros', () => {
    expect(formatAmount(1234.6, 'mg')).toBe('1,235 mg');
    expect(formatAmount(90, 'µg')).toBe('90 µg');
    expect(formatAmount(12.34, 'g')).toBe('12.3 g');
    expect(formatAmount(2.5, 'g')).toBe('2.5 g');
    expect(formatAmount(0.0044, 'g')).toBe('0.0044 g');
  });
});

describe('addDays', () => {
  it('crosses month and year ends and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', -89)).toBe('2025-12-30');
  });
});

describe('hash routes', () => {
  it('round-trips a food id with a colon', () => {
    const route = parseHash(href('food', 'sr24:11233'));
    expect(route.page).toBe('food');
    expect(route.param).toBe('sr24:11233');
  });

  it('reads the query of a top-foods route', () => {
    const route = parseHash('#/top/vitamin-k2?per=serving&pattern=vegan');
    expect(route).toMatchObject({ page: 'top', param: 'vitamin-k2' });
    expect(route.query.get('per')).toBe('serving');
    expect(route.query.get('pattern')).toBe('vegan');
  });

  it('treats an empty hash as the start page', () => {
    expect(parseHash('').page).toBe('');
    expect(parseHash('#/').page).toBe('');
  });
});

describe('study links', () => {
  it('builds PubMed and DOI addresses', () => {
    expect(pubmedUrl('35861067')).toBe('https://pubmed.ncbi.nlm.nih.gov/35861067/');
    expect(doiUrl('10.1161/CIRCULATIONAHA.122.060396')).toBe(
      'https://doi.org/10.1161/CIRCULATIONAHA.122.060396',
    );
  });
});

describe('portionLabel', () => {
  it('states the USDA amount with its grams, never grams per one unit', () => {
    // SR24 01116 (plain whole-milk yogurt): 0.5 container (4 oz) = 113 g.
    expect(portionLabel({ name: 'container (4 oz)', amount: 0.5, grams: 113 })).toBe(
      '0.5 container (4 oz) = 113 g',
    );
    expect(portionLabel({ name: 'cup, chopped', amount: 1, grams: 67 })).toBe(
      '1 cup, chopped = 67 g',
    );
  });
});

describe('plain labels for codes', () => {
  it('names conditions and leaves unknown codes as given', () => {
    expect(conditionLabel('ckd-3a')).toBe('Chronic kidney disease, stage 3a');
    expect(conditionLabel('gout')).toBe('gout');
  });

  it('replaces condition and nutrient codes in a finding trigger, not parts of words', () => {
    expect(plainTrigger('condition: ckd-3a; supplement: vitamin-d 50 µg/day')).toBe(
      'condition: Chronic kidney disease, stage 3a; supplement: Vitamin D 50 µg/day',
    );
    expect(plainTrigger('condition: ckd-3b')).toBe('condition: Chronic kidney disease, stage 3b');
    expect(plainTrigger('medication: warfarin')).toBe('medication: warfarin');
  });
});
