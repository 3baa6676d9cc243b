import { describe, expect, it } from 'vitest';
import { resolveMedication } from '../../safety/medications.js';
import { check, type Case } from './support.js';

/** Brands, salts, combinations and typos in the US, UK, EU, CA and AU: the rule they reach. */
const CASES: Case[] = [
  ...[
    'Coumadin',
    'Jantoven',
    'Marevan',
    'warfarin sodium',
    'WARFARIN  Sodium',
    'Sintrom',
    'Marcoumar',
    'Marcumar',
  ].map((name): Case => ({
    name,
    profile: { medications: [name.toLowerCase()] },
    findings: { 'vka-vitamin-k-consistency': 'monitor', 'vka-calcification-discuss': 'caution' },
    absent: ['not-screened-medication'],
    consequences: ['holdConsistent:vitamin-k', 'exclude:mk7', 'withholdSupplement:mk7'],
  })),
  ...['Eliquis', 'Xarelto', 'Pradaxa', 'Lixiana', 'Savaysa'].map((name): Case => ({
    name,
    profile: { medications: [name.toLowerCase()] },
    absent: ['not-screened-medication', 'vka-vitamin-k-consistency'],
  })),
  ...[
    'Lasix',
    'Microzide',
    'Lanoxin',
    'Synthroid',
    'Eltroxin',
    'Prilosec',
    'Losec',
    'Nexium',
    'Zestril',
    'Prinivil',
    'Aldactone',
    'Fosamax',
    'Cipro',
  ].map((name): Case => ({
    name,
    profile: { medications: [name.toLowerCase()] },
    absent: ['not-screened-medication'],
  })),
  {
    name: 'Zestoretic (lisinopril + hydrochlorothiazide)',
    profile: { medications: ['zestoretic'] },
    findings: { 'potassium-retaining-salt-substitutes': 'caution' },
    absent: ['not-screened-medication'],
  },
  {
    name: 'Hyzaar with Aldactone: two potassium-retaining drugs',
    profile: { medications: ['hyzaar', 'aldactone'] },
    findings: { 'potassium-retaining-combination': 'caution' },
    consequences: ['withholdSupplement:potassium'],
  },
  {
    name: 'Co-amilofruse with Lanoxin: loop diuretic + digoxin',
    profile: { medications: ['co-amilofruse', 'lanoxin'] },
    findings: { 'loop-diuretic-digoxin-hypokalaemia': 'caution' },
  },
  {
    name: 'typo warfrin: caution, did you mean, no supplement',
    profile: { medications: ['warfrin'] },
    findings: { 'not-screened-medication': 'caution' },
    consequences: ['withholdSupplement:all'],
  },
  {
    name: 'typo eloquis',
    profile: { medications: ['eloquis'] },
    findings: { 'not-screened-medication': 'caution' },
  },
];

describe('medication vocabulary matrix', () => {
  for (const c of CASES) it(c.name, () => void check(c, expect));

  it('resolves case, spacing, punctuation and dose words; combinations give every component', () => {
    expect(resolveMedication('  CO AMILOFRUSE ').matches.map((m) => m.generic)).toEqual([
      'amiloride',
      'furosemide',
    ]);
    expect(resolveMedication('Lasix 40 mg tablets').matches[0]?.generic).toBe('furosemide');
    expect(resolveMedication('Fosamax Plus D').matches.map((m) => m.generic)).toEqual([
      'alendronate',
      'cholecalciferol',
    ]);
    expect(resolveMedication('warfrin').suggestions[0]).toBe('warfarin');
    expect(resolveMedication('xeralto').suggestions).toContain('Xarelto');
  });

  it('names that mean different things stay apart', () => {
    expect(resolveMedication('Cartia').matches[0]?.generic).toBe('aspirin');
    expect(resolveMedication('Cartia XT').matches[0]?.generic).toBe('diltiazem');
    expect(resolveMedication('Marevan').matches[0]?.generic).toBe('warfarin');
    expect(resolveMedication('Marcoumar').matches[0]?.generic).toBe('phenprocoumon');
    // A product family without its variant is not guessed.
    expect(resolveMedication('Midol').matches).toEqual([]);
    expect(resolveMedication('Midol').suggestions.length).toBeGreaterThan(1);
  });

  it('the unknown-medication message says what it may have meant', () => {
    const a = check(CASES.find((c) => c.name.startsWith('typo warfrin')) as Case, expect);
    expect(a.findings.find((f) => f.id === 'not-screened-medication')?.message).toContain(
      'Did you mean "warfarin"',
    );
  });

  it('every match carries a source URL and its level', () => {
    for (const name of ['Coumadin', 'Hyzaar', 'Marevan', 'Co-amilofruse', 'warfarin']) {
      for (const m of resolveMedication(name).matches) {
        expect(m.source.url).toMatch(/^https?:\/\//);
        expect(['primary', 'reference', 'secondary']).toContain(m.source.level);
      }
    }
    expect(resolveMedication('Hyzaar').matches[0]?.source.level).toBe('primary');
  });
});
