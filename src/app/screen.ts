import type { Analysis } from '../core/analysis/index.js';
import type { Profile } from '../core/profile.js';
import { ok, type Result } from '../core/result.js';
import { screenProfile, type Finding } from '../core/safety/index.js';
import { computeTargets, type Authority } from '../core/targets/index.js';
import type { AppDeps, DateRange } from './deps.js';
import { analyseStoredPeriod } from './analysis.js';
import { requireProfile } from './profile.js';

/**
 * Safety screening of a profile, with the diet-based checks when an analysis with days is given;
 * upper limits follow the authority.
 */
export function screen(
  profile: Profile,
  input: { analysis?: Analysis | undefined; authority?: Authority } = {},
): { findings: Finding[] } {
  const targets = computeTargets(profile, { authority: input.authority ?? 'nasem' });
  const analysis = input.analysis && input.analysis.days.length > 0 ? input.analysis : undefined;
  return { findings: screenProfile(profile, { targets, ...(analysis && { analysis }) }) };
}

/** `GET /api/findings`: the stored profile screened with the stored diary of the period. */
export async function screenStored(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  range: DateRange,
): Promise<Result<{ findings: Finding[] }>> {
  const [profile, analysis] = await Promise.all([
    requireProfile(deps, owner),
    analyseStoredPeriod(deps, owner, range),
  ]);
  if (!profile.ok) return profile;
  if (!analysis.ok) return analysis;
  return ok(screen(profile.value, { analysis: analysis.value }));
}
