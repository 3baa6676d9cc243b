export type { Analysis, AnalyzedEntry, Contributor, DayAnalysis, NutrientTotal } from './types.js';
export { analyzeDiary } from './analyze.js';
export {
  MAX_ENTRY_GRAMS,
  resolveDiary,
  type ResolvedDay,
  type ResolvedDiary,
  type ResolvedEntry,
} from './resolve.js';
