import type { Analysis } from '../core/analysis/index.js';
import type { LabResult } from '../core/labs/index.js';
import type { Profile } from '../core/profile.js';
import { ok, type Result } from '../core/result.js';
import { assess, type Consequence } from '../core/policy/index.js';
import type { Finding } from '../core/safety/index.js';
import type { Authority } from '../core/targets/index.js';
import type { AppDeps, DateRange } from './deps.js';
import { analyseStoredPeriod } from './analysis.js';
import { requireProfile } from './profile.js';
import { periodSupplements } from './supplement-days.js';

/**
 * Safety screening of a profile, with the diet-based checks when an analysis with days is given;
 * upper limits follow the authority.
 */
export function screen(
  profile: Profile,
  input: {
    analysis?: Analysis | undefined;
    authority?: Authority;
    labs?: readonly LabResult[];
  } = {},
): { findings: Finding[]; consequences: Consequence[] } {
  const analysis = input.analysis && input.analysis.days.length > 0 ? input.analysis : undefined;
  const { findings, consequences } = assess(profile, {
    authority: input.authority ?? 'nasem',
    ...(analysis && { analysis }),
    ...(input.labs && { labs: input.labs }),
  });
  return { findings, consequences };
}

/** `GET /api/findings`: the stored profile screened with the stored diary of the period and the labs. */
export async function screenStored(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  range: DateRange,
): Promise<Result<{ findings: Finding[]; consequences: Consequence[] }>> {
  const [profile, analysis, labs] = await Promise.all([
    requireProfile(deps, owner),
    analyseStoredPeriod(deps, owner, range),
    deps.store.listLabs(owner),
  ]);
  if (!profile.ok) return profile;
  if (!analysis.ok) return analysis;
  // Upper limits and interactions read each supplement's highest logged day.
  const { safety } = await periodSupplements(deps, owner, profile.value, analysis.value);
  return ok(screen(safety, { analysis: analysis.value, labs }));
}
