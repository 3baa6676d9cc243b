import type { NutrientId } from '../nutrients.js';
import type { SourceRef } from '../sources.js';

export type Severity = 'avoid' | 'caution' | 'monitor' | 'info';

export interface Finding {
  /** Stable rule id, e.g. `vka-vitamin-k-consistency`. */
  id: string;
  severity: Severity;
  /** What in the profile or diary set it off, e.g. "medication: warfarin". */
  trigger: string;
  /** The nutrient concerned, or null for findings about screening itself. */
  nutrient: NutrientId | null;
  message: string;
  action: string;
  sources: SourceRef[];
}
