import type { ScreeningContext } from './context.js';
import type { Finding } from './types.js';

/** A rule family: small function over the screening context, returning its findings. */
export interface SafetyRule {
  /** File-level family name, e.g. `vitamin-k-antagonists`. */
  family: string;
  evaluate(context: ScreeningContext): Finding[];
}
