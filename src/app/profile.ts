import type { Profile } from '../core/profile.js';
import { err, ok, type Result } from '../core/result.js';
import { parseProfile, parseProfileDocument, type ProfileDocument } from '../schemas/profile.js';
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

/**
 * Stores a profile once the parser accepts it, normalised the way the CLI reads a profile file:
 * defaults applied (`supplements: []`, `exclude: []` …), supplements in the units entered
 * (IU stay IU). Readers never meet a partial document.
 */
export async function saveProfile(
  deps: Pick<AppDeps, 'store'>,
  owner: string,
  body: Record<string, unknown>,
): Promise<Result<ProfileDocument>> {
  const document = parseProfileDocument(body);
  if (!document.ok) return document;
  await deps.store.putProfile(owner, document.value);
  return ok(document.value);
}

/**
 * `GET /api/profile`: the stored document, normalised. A profile stored before saving
 * normalised it (no `supplements`, say) comes back with its defaults; one that no longer
 * parses is returned as stored so that it can be corrected.
 */
export async function readProfileDocument(
  deps: Pick<AppDeps, 'store'>,
  owner: string,
): Promise<unknown> {
  const stored = await deps.store.getProfile(owner);
  if (!stored) return undefined;
  const document = parseProfileDocument(stored.profile);
  return document.ok ? document.value : stored.profile;
}
