import type { SourceLevel, VocabularyRow } from './medication-vocabulary.js';

/**
 * Rows added by hand, and primary sources found for rows of the generated vocabulary whose draft
 * source was secondary. Keys of VERIFIED_SOURCES are medicationKey(name).
 */
export const MEDICATION_VOCABULARY_EXTRA: readonly VocabularyRow[] = [
  // US diltiazem capsules, not the AU/NZ aspirin brand "Cartia" (medication_brands.README.md).
  [
    'Cartia XT',
    'brand',
    ['diltiazem'],
    ['US'],
    'https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=cartia+xt',
    'secondary',
  ],
];

export const VERIFIED_SOURCES: Readonly<
  Record<string, { url: string; level: SourceLevel; label?: string }>
> = {
  // FDA NDC directory (openFDA): HYZAAR, Organon LLC, losartan potassium 50 mg + hydrochlorothiazide 12.5 mg.
  hyzaar: {
    url: 'https://api.fda.gov/drug/ndc.json?search=product_ndc%3A%2278206-139%22',
    level: 'primary',
    label: 'FDA NDC directory 78206-139 (HYZAAR)',
  },
};
