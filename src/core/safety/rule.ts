import type { ConsequenceSpec } from './consequences.js';
import type { ScreeningContext } from './context.js';
import type { Finding } from './types.js';

/** A finding as a rule returns it: with the consequences the rest of calcwise must obey. */
export type RuleFinding = Finding & { consequences?: ConsequenceSpec[] };

/** A rule family: small function over the screening context, returning its findings. */
export interface SafetyRule {
  /** File-level family name, e.g. `vitamin-k-antagonists`. */
  family: string;
  evaluate(context: ScreeningContext): RuleFinding[];
}
