// Placeholder: replaced by the targets engine.
import type { Profile } from '../profile.js';
import type { PersonalTargets } from './types.js';

export type { PersonalTargets, Target, TargetKind } from './types.js';

export function computeTargets(
  _profile: Profile,
  _options: { authority?: 'nasem' | 'efsa' } = {},
): PersonalTargets {
  throw new Error('computeTargets is not built yet');
}
