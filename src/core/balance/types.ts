import type { NutrientTotal } from '../analysis/types.js';
import type { NutrientId } from '../nutrients.js';
import type { SourceRef } from '../sources.js';
import type { TargetKind } from '../targets/types.js';
import type { VitaminKConsistency } from '../analysis/vitamin-k-consistency.js';

/** A diary average compared with the person's targets. */
export interface AssessedTotal extends NutrientTotal {
  /** The minimum to aim for (RDA, AI or guidance minimum), canonical unit. */
  target?: number;
  targetKind?: TargetKind;
  /** Intake (food + supplements) as % of `target`. */
  percent?: number;
  /** The maximum to stay under (UL, CDRR or guidance maximum). */
  limit?: number;
  limitKind?: TargetKind;
  /** What the limit counts: all intake, or supplements only (magnesium UL). */
  limitAppliesTo?: 'total' | 'supplements' | 'food';
  overLimit?: boolean;
  /** Daily amount from the profile's supplements (0 when none). */
  supplement?: number;
  /** Food average + supplements. */
  intake?: number;
}

/**
 * within / below / above: compared with a reference range; flag: a pattern worth reading the
 * evidence note for; info: computed, but no validated range exists; unknown: not computable.
 */
export type BalanceStatus = 'within' | 'below' | 'above' | 'flag' | 'info' | 'unknown';

export interface BalanceInput {
  /** Food average + supplements; null when unknown. */
  amount: number | null;
  unit: string;
  /** Diary coverage of the food part (0–1), absent without food data. */
  coverage?: number;
  supplement?: number;
}

export interface BalanceIndex {
  id: string;
  name: string;
  /** Null when it cannot be computed (an input unknown). */
  value: number | null;
  unit: string;
  referenceRange: { min?: number; max?: number; text: string };
  status: BalanceStatus;
  source: SourceRef;
  /** What the evidence does and does not say, in plain words. */
  evidence: string;
  inputs: Record<string, BalanceInput>;
}

export interface VitaminKConsistencyIndex extends BalanceIndex {
  details: VitaminKConsistency;
}

export interface Balance {
  dVsK2: BalanceIndex;
  caMg: BalanceIndex;
  naK: BalanceIndex;
  caP: BalanceIndex;
  /** Only for people on a vitamin K antagonist: consistency matters, not the amount. */
  vitaminKConsistency?: VitaminKConsistencyIndex;
}

export interface AssessedAnalysis {
  average: Partial<Record<NutrientId, AssessedTotal>>;
  balance: Balance;
}
