import { ok, type Result } from '../core/result.js';
import { assess } from '../core/policy/index.js';
import type { Authority, PersonalTargets } from '../core/targets/index.js';
import type { AppDeps } from './deps.js';
import { requireProfile } from './profile.js';

/** `GET /api/targets`: the stored profile's personal targets under an authority, labs applied. */
export async function storedTargets(
  deps: Pick<AppDeps, 'store'>,
  owner: string,
  authority: Authority,
): Promise<Result<PersonalTargets>> {
  const profile = await requireProfile(deps, owner);
  if (!profile.ok) return profile;
  const labs = await deps.store.listLabs(owner);
  return ok(assess(profile.value, { authority, labs }).targets);
}
