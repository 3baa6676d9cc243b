import type { Profile } from '../core/profile.js';
import { err, ok, type Result } from '../core/result.js';
import { parseProfile } from '../schemas/profile.js';
import type { AppDeps } from './deps.js';

/** The owner's stored profile, parsed; undefined when none has been saved. */
export async function loadProfile(
  deps: Pick<AppDeps, 'store'>,
  owner: string,
): Promise<Result<Profile | undefined>> {
  const stored = await deps.store.getProfile(owner);
  if (!stored) return ok(undefined);
  return parseProfile(stored.profile, 'stored profile');
}

/** As loadProfile, but a missing profile is NOT_FOUND naming what to do. */
export async function requireProfile(
  deps: Pick<AppDeps, 'store'>,
  owner: string,
): Promise<Result<Profile>> {
  const profile = await loadProfile(deps, owner);
  if (!profile.ok || profile.value) return profile as Result<Profile>;
  return err({
    code: 'NOT_FOUND',
    message: 'no profile saved yet: PUT /api/profile first',
    field: 'profile',
  });
}

/** Stores a profile as entered (supplements in IU stay in IU) once the parser accepts it. */
export async function saveProfile(
  deps: Pick<AppDeps, 'store'>,
  owner: string,
  body: Record<string, unknown>,
): Promise<Result<unknown>> {
  const parsed = parseProfile(body);
  if (!parsed.ok) return parsed;
  return ok((await deps.store.putProfile(owner, body)).profile);
}
