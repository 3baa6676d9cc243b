// Placeholder: replaced by the balance/adequacy module.
import type { Analysis, NutrientTotal } from '../analysis/types.js';
import type { NutrientId } from '../nutrients.js';
import type { Profile } from '../profile.js';
import type { PersonalTargets, TargetKind } from '../targets/types.js';

export interface AssessedTotal extends NutrientTotal {
  target?: number;
  targetKind?: TargetKind;
  percent?: number;
  limit?: number;
  limitKind?: TargetKind;
  overLimit?: boolean;
}

export type Balance = Record<string, unknown>;

export interface AssessedAnalysis {
  average: Partial<Record<NutrientId, AssessedTotal>>;
  balance: Balance;
}

export function assessAnalysis(
  _analysis: Analysis,
  _profile: Profile,
  _targets: PersonalTargets,
): AssessedAnalysis {
  throw new Error('assessAnalysis is not built yet');
}
