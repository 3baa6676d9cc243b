// Placeholder: replaced by the safety screener.
import type { Analysis } from '../analysis/types.js';
import type { Profile } from '../profile.js';
import type { PersonalTargets } from '../targets/types.js';
import type { Finding } from './types.js';

export type { Finding, Severity } from './types.js';

export function screenProfile(
  _profile: Profile,
  _options: { analysis?: Analysis; targets?: PersonalTargets } = {},
): Finding[] {
  throw new Error('screenProfile is not built yet');
}
