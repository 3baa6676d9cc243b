import type { Profile } from '../core/profile.js';
import { parseProfile } from '../schemas/profile.js';
import type { AppDeps } from './context.js';
import { ApiFailure } from './errors.js';

/** The owner's stored profile, parsed; undefined when none has been saved. */
export async function loadProfile(deps: AppDeps, owner: string): Promise<Profile | undefined> {
  const stored = await deps.store.getProfile(owner);
  if (!stored) return undefined;
  const parsed = parseProfile(stored.profile, 'stored profile');
  if (!parsed.ok) throw new ApiFailure(parsed.error);
  return parsed.value;
}

/** As loadProfile, but a missing profile is a 404 naming what to do. */
export async function requireProfile(deps: AppDeps, owner: string): Promise<Profile> {
  const profile = await loadProfile(deps, owner);
  if (!profile) {
    throw new ApiFailure({
      code: 'NOT_FOUND',
      message: 'no profile saved yet: PUT /api/profile first',
      field: 'profile',
    });
  }
  return profile;
}
