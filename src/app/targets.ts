import { ok, type Result } from '../core/result.js';
import { computeTargets, type Authority, type PersonalTargets } from '../core/targets/index.js';
import type { AppDeps } from './deps.js';
import { requireProfile } from './profile.js';

/** `GET /api/targets`: the stored profile's personal targets under an authority. */
export async function storedTargets(
  deps: Pick<AppDeps, 'store'>,
  owner: string,
  authority: Authority,
): Promise<Result<PersonalTargets>> {
  const profile = await requireProfile(deps, owner);
  return profile.ok ? ok(computeTargets(profile.value, { authority })) : profile;
}
