import type { Hono } from 'hono';
import { z } from 'zod';
import { analyzeDiary, resolveDiary, type Analysis } from '../../core/analysis/index.js';
import { assessAnalysis } from '../../core/balance/index.js';
import type { Diary } from '../../core/diary/types.js';
import type { Profile } from '../../core/profile.js';
import { assess } from '../../core/policy/index.js';
import type { PersonalTargets } from '../../core/targets/index.js';
import type { AppDeps, AppEnv } from '../context.js';
import { ApiFailure } from '../errors.js';
import { loadProfile, requireProfile } from '../profile-access.js';
import { dateRangeQuery } from '../schemas/api.js';
import { readQuery } from '../validation.js';
import { foodsFor } from './foods.js';

const authorityQuery = z.object({ authority: z.enum(['nasem', 'efsa']).default('nasem') });
const analysisQuery = z.intersection(dateRangeQuery, authorityQuery);

/** The stored entries of a date range as a diary, each entry located by its id. */
async function storedDiary(deps: AppDeps, owner: string, range: { from?: string; to?: string }) {
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

/** Analysis of the stored diary. A stored entry that no longer resolves is a 422 naming it. */
export async function analyzeStored(
  deps: AppDeps,
  owner: string,
  range: { from?: string; to?: string },
): Promise<Analysis> {
  const [diary, foods] = await Promise.all([
    storedDiary(deps, owner, range),
    foodsFor(deps, owner),
  ]);
  const resolved = resolveDiary(diary, foods);
  if (!resolved.ok) throw new ApiFailure(resolved.error);
  return analyzeDiary(resolved.value);
}

/**
 * The CLI `analyze --profile` JSON: the analysis, and with a profile the targets, each average
 * assessed against them (target, percent, limit) and the balance indices.
 */
export function analysisJson(
  analysis: Analysis,
  profile: Profile | undefined,
  targets: PersonalTargets | undefined,
) {
  if (!profile || !targets) return analysis;
  const assessed = assessAnalysis(analysis, profile, targets);
  return { ...analysis, average: assessed.average, balance: assessed.balance, targets };
}

export function registerAssessmentRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/analysis', async (c) => {
    const { authority, ...range } = readQuery(c, analysisQuery);
    const [analysis, profile] = await Promise.all([
      analyzeStored(deps, c.var.owner, range),
      loadProfile(deps, c.var.owner),
    ]);
    // One policy: the targets shown are those the findings leave in place.
    const targets = profile
      ? assess(profile, { authority, ...(analysis.days.length > 0 && { analysis }) }).targets
      : undefined;
    return c.json({ ...range, ...analysisJson(analysis, profile, targets) });
  });

  app.get('/api/targets', async (c) => {
    const { authority } = readQuery(c, authorityQuery);
    const profile = await requireProfile(deps, c.var.owner);
    return c.json(assess(profile, { authority }).targets);
  });

  app.get('/api/findings', async (c) => {
    const range = readQuery(c, dateRangeQuery);
    const [profile, analysis] = await Promise.all([
      requireProfile(deps, c.var.owner),
      analyzeStored(deps, c.var.owner, range),
    ]);
    const { findings, consequences } = assess(profile, {
      ...(analysis.days.length > 0 && { analysis }),
    });
    return c.json({ findings, consequences });
  });
}
