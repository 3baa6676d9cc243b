import { analyzeDiary, resolveDiary, type Analysis } from '../core/analysis/index.js';
import { assessAnalysis } from '../core/balance/index.js';
import type { Diary } from '../core/diary/types.js';
import type { FoodIndex } from '../core/foods.js';
import { DEFAULT_REGION, foodsForRegion } from '../core/k2.js';
import type { Profile } from '../core/profile.js';
import { ok, type Result } from '../core/result.js';
import { assess } from '../core/policy/index.js';
import type { Authority, PersonalTargets } from '../core/targets/index.js';
import type { AppDeps, DateRange } from './deps.js';
import { ownerFoods } from './foods.js';
import { loadProfile } from './profile.js';
import { periodSupplements } from './supplement-days.js';

/**
 * Resolves a diary against the foods (coded errors name file, entry and field) and analyses it,
 * with menaquinone values chosen for `region` (the profile's; default us, see core/k2.ts).
 */
export function analyseDiary(
  diary: Diary,
  foods: FoodIndex,
  options: { file?: string; region?: string } = {},
): Result<Analysis> {
  const resolved = resolveDiary(diary, foodsForRegion(foods, options.region ?? DEFAULT_REGION), {
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  return resolved.ok ? ok(analyzeDiary(resolved.value)) : resolved;
}

/**
 * The analysis document of `analyze --json` and `GET /api/analysis`: the analysis, and with a
 * profile its targets, each average assessed against them (target, percent, limit) and the
 * balance indices.
 */
export function analysisDocument(analysis: Analysis, profile?: Profile, targets?: PersonalTargets) {
  if (!profile || !targets) return analysis;
  const assessed = assessAnalysis(analysis, profile, targets);
  return { ...analysis, average: assessed.average, balance: assessed.balance, targets };
}

/** The stored entries of a date range as a diary, each entry located by its id. */
export async function storedDiary(
  deps: Pick<AppDeps, 'store'>,
  owner: string,
  range: DateRange,
): Promise<Diary> {
  const entries = await deps.store.listEntries(owner, range);
  const days = new Map<string, Diary['days'][number]>();
  for (const entry of entries) {
    const day = days.get(entry.date) ?? { date: entry.date, entries: [] };
    day.entries.push({
      food: entry.food,
      amount: entry.amount,
      unit: entry.unit,
      location: `diary entry ${entry.id}`,
    });
    days.set(entry.date, day);
  }
  return { days: [...days.values()] };
}

/** Analysis of the stored diary; a stored entry that no longer resolves is an error naming it. */
export async function analyseStoredPeriod(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  range: DateRange,
  options: { region?: string } = {},
): Promise<Result<Analysis>> {
  const [diary, foods] = await Promise.all([
    storedDiary(deps, owner, range),
    ownerFoods(deps, owner),
  ]);
  return analyseDiary(diary, foods, options);
}

/** `GET /api/analysis`: the stored period analysed, assessed against the stored profile if any. */
export async function assessStoredPeriod(
  deps: Pick<AppDeps, 'store' | 'foods'>,
  owner: string,
  input: DateRange & { authority: Authority },
) {
  const { authority, ...range } = input;
  // The profile first: its region chooses the menaquinone values.
  const profile = await loadProfile(deps, owner);
  if (!profile.ok) return profile;
  const analysis = await analyseStoredPeriod(deps, owner, range, {
    region: profile.value?.region ?? DEFAULT_REGION,
  });
  if (!analysis.ok) return analysis;
  if (!profile.value) return ok({ ...range, ...analysisDocument(analysis.value) });
  const labs = await deps.store.listLabs(owner);
  // Supplements as logged: the average for adequacy, the highest day for the findings.
  const { adequacy, safety } = await periodSupplements(deps, owner, profile.value, analysis.value);
  // One policy: the targets shown are those the findings leave in place.
  const targets = assess(safety, {
    authority,
    ...(analysis.value.days.length > 0 && { analysis: analysis.value }),
    labs,
  }).targets;
  return ok({ ...range, ...analysisDocument(analysis.value, adequacy, targets) });
}
