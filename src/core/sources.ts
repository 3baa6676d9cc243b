/**
 * Provenance. Every nutrient value, reference intake, interaction and study result carries one.
 */
export interface SourceRef {
  /** Short human label, e.g. "USDA SR24" or "Kamao 2007". */
  label: string;
  kind: 'dataset' | 'study' | 'guideline' | 'derived' | 'user';
  /** Dataset name and record id, e.g. dataset "USDA SR24", record "16113". */
  dataset?: string;
  record?: string;
  pmid?: string;
  doi?: string;
  url?: string;
  /** Caveats: approximate, unverified, derived by calculation, … */
  note?: string;
}

export const SR24_DATASET = 'USDA National Nutrient Database for Standard Reference, Release 24';

export function sr24Source(ndb: string): SourceRef {
  return { label: 'USDA SR24', kind: 'dataset', dataset: SR24_DATASET, record: ndb };
}
