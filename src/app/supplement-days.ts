import type { Analysis } from '../core/analysis/types.js';
import { isIsoDate } from '../core/diary/index.js';
import type { Profile, Supplement } from '../core/profile.js';
import { err, ok, type Result } from '../core/result.js';
import {
  exposureProfiles,
  supplementExposure,
  type SupplementDay,
  type SupplementDayUse,
  type SupplementExposure,
} from '../core/supplement-log.js';
import { parseSupplementDay } from '../schemas/supplement-day.js';
import type { DateRange, Store, StoredSupplementDay } from '../store/store.js';
import type { AppDeps } from './deps.js';
import { loadProfile } from './profile.js';

type DayStore = Pick<Store, 'listSupplementDays' | 'putSupplementDay' | 'deleteSupplementDay'>;

function checkDate(date: string, field = 'date'): Result<string> {
  return isIsoDate(date)
    ? ok(date)
    : err({ code: 'INVALID_DATE', message: `"${date}" is not a YYYY-MM-DD date`, field });
}

/**
 * Records what was taken on a date (the whole list; `[]` for nothing that day), replacing what
 * was logged for it. PUT /api/supplements/days/{date} and `calcwise supplements log` come here.
 */
export async function logSupplementDay(
  deps: { store: Pick<DayStore, 'putSupplementDay'> },
  input: { owner: string; date: string; body: unknown; file?: string },
): Promise<Result<StoredSupplementDay & { source: 'logged' }>> {
  const date = checkDate(input.date);
  if (!date.ok) return date;
  const supplements = parseSupplementDay(input.body, input.file);
  if (!supplements.ok) return supplements;
  const stored = await deps.store.putSupplementDay(input.owner, {
    date: date.value,
    supplements: supplements.value,
  });
  return ok({ ...stored, source: 'logged' });
}

/** Back to the profile's regimen for a date. NOT_FOUND when nothing was logged for it. */
export async function clearSupplementDay(
  deps: { store: Pick<DayStore, 'deleteSupplementDay'> },
  input: { owner: string; date: string },
): Promise<Result<{ date: string }>> {
  const date = checkDate(input.date);
  if (!date.ok) return date;
  if (!(await deps.store.deleteSupplementDay(input.owner, date.value))) {
    return err({
      code: 'NOT_FOUND',
      message: `no supplements logged on ${date.value}; the profile's regimen applies`,
      field: 'date',
    });
  }
  return ok({ date: date.value });
}

/** The longest range listed day by day (a year and a day). */
const MAX_LISTED_DAYS = 366;

/**
 * The supplements of each date in a range: logged, or the profile's regimen. Without a range
 * only the logged days are listed.
 */
export async function listSupplementDays(
  deps: Pick<AppDeps, 'store'>,
  input: { owner: string } & DateRange,
): Promise<Result<{ regimen: Supplement[]; days: SupplementDayUse[] }>> {
  for (const field of ['from', 'to'] as const) {
    const value = input[field];
    if (value !== undefined) {
      const checked = checkDate(value, field);
      if (!checked.ok) return checked;
    }
  }
  const profile = await loadProfile(deps, input.owner);
  if (!profile.ok) return profile;
  const regimen = profile.value?.supplements ?? [];
  const log = await deps.store.listSupplementDays(input.owner, {
    ...(input.from !== undefined && { from: input.from }),
    ...(input.to !== undefined && { to: input.to }),
  });
  let dates: string[] = [];
  if (input.from !== undefined && input.to !== undefined) {
    const span = datesBetween(input.from, input.to);
    if (span.length > MAX_LISTED_DAYS) {
      return err({
        code: 'INVALID_INPUT',
        message: `list at most ${MAX_LISTED_DAYS} days at a time`,
        field: 'to',
      });
    }
    dates = span;
  }
  const days = supplementExposure({ supplements: regimen }, log, dates).days;
  return ok({ regimen, days });
}

function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const day = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (day <= end && out.length <= MAX_LISTED_DAYS) {
    out.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}

/**
 * The supplements of an analysed period and the profile each check reads (core
 * supplement-log.ts: the average for adequacy, the highest day for upper limits and
 * interactions). The period is the analysis's days: a logged date without food is not a day
 * eaten, and with no days the profile's regimen stands. Every use case that assesses a period
 * (analysis, findings, report; CLI and server) comes here.
 */
export function periodProfiles<P extends Profile>(
  profile: P,
  log: readonly SupplementDay[],
  analysis: Pick<Analysis, 'days'> | undefined,
): { exposure: SupplementExposure; adequacy: P; safety: P } {
  const dates = (analysis?.days ?? []).map((day) => day.date);
  const inPeriod = log.filter((day) => dates.includes(day.date));
  const exposure = supplementExposure(profile, inPeriod, dates);
  return { exposure, ...exposureProfiles(profile, exposure) };
}

/** As periodProfiles, reading the owner's log for the analysis's dates. */
export async function periodSupplements<P extends Profile>(
  deps: { store: Pick<DayStore, 'listSupplementDays'> },
  owner: string,
  profile: P,
  analysis: Pick<Analysis, 'days'> | undefined,
): Promise<{ exposure: SupplementExposure; adequacy: P; safety: P }> {
  const dates = (analysis?.days ?? []).map((day) => day.date).sort();
  const log =
    dates.length > 0
      ? await deps.store.listSupplementDays(owner, { from: dates[0]!, to: dates.at(-1)! })
      : [];
  return periodProfiles(profile, log, analysis);
}
