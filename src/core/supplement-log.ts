/**
 * Supplements as taken, day by day. The profile holds the person's regimen (what they usually
 * take); a logged day replaces it for that date (an empty list: nothing taken that day). Which
 * figure each check reads is decided here and nowhere else (docs/design.md §11):
 * - adequacy (intake against targets, the balance indices) reads the **average** over the days,
 *   as food is averaged: a vitamin D capsule taken every other day counts half;
 * - upper limits and interactions read the **peak**, each nutrient's largest day: a UL is a daily
 *   limit and an interaction (MK-7 with warfarin) follows a single dose, so averaging one large
 *   day away would hide it.
 */
import type { NutrientId } from './nutrients.js';
import type { Profile, Supplement } from './profile.js';

/** What was taken on one date: the whole list (empty = nothing that day). */
export interface SupplementDay {
  /** YYYY-MM-DD */
  date: string;
  supplements: Supplement[];
}

export interface SupplementDayUse extends SupplementDay {
  /** `logged`: the person's record for the date; `profile`: the regimen, no record that day. */
  source: 'logged' | 'profile';
}

export interface SupplementExposure {
  /** Each nutrient's mean daily amount over `days`; adequacy reads this. */
  average: Supplement[];
  /** Each nutrient's largest daily amount over `days`; upper limits and interactions read this. */
  peak: Supplement[];
  /** Every day counted, ascending: the period's days and the logged days among them. */
  days: SupplementDayUse[];
  /** Whether any day came from the log (false: `average` and `peak` are the profile's own list). */
  logged: boolean;
}

const round = (value: number): number => Number(value.toPrecision(12));

/** Amount per nutrient (canonical units, as the profile and the log store them). */
function totals(supplements: readonly Supplement[]): Map<NutrientId, Supplement> {
  const out = new Map<NutrientId, Supplement>();
  for (const s of supplements) {
    const seen = out.get(s.nutrient);
    out.set(s.nutrient, {
      nutrient: s.nutrient,
      unit: s.unit,
      amount: round((seen?.amount ?? 0) + s.amount),
    });
  }
  return out;
}

/**
 * The supplements of a period: `dates` are its days (those with food logged); logged supplement
 * days in `log` are counted too, and a date with no record takes the profile's regimen. With no
 * record in the period the profile's own list is returned as both average and peak, unchanged.
 * @example supplementExposure(profile, [{ date: '2026-11-02', supplements: [] }], ['2026-11-01', '2026-11-02'])
 *   // vitamin D 25 µg in the profile: average 12.5 µg, peak 25 µg
 */
export function supplementExposure(
  profile: Pick<Profile, 'supplements'>,
  log: readonly SupplementDay[],
  dates: readonly string[],
): SupplementExposure {
  const logged = new Map(log.map((day) => [day.date, day.supplements]));
  const all = [...new Set([...dates, ...logged.keys()])].sort();
  const days: SupplementDayUse[] = all.map((date) => {
    const own = logged.get(date);
    return own
      ? { date, source: 'logged', supplements: own }
      : { date, source: 'profile', supplements: profile.supplements };
  });
  if (!days.some((day) => day.source === 'logged')) {
    return { average: profile.supplements, peak: profile.supplements, days, logged: false };
  }
  const perDay = days.map((day) => ({ date: day.date, amounts: totals(day.supplements) }));
  const nutrients = [...new Set(perDay.flatMap((day) => [...day.amounts.keys()]))].sort();
  const average: Supplement[] = [];
  const peak: Supplement[] = [];
  for (const nutrient of nutrients) {
    let sum = 0;
    let top: { date: string; amount: number; unit: string } | undefined;
    for (const day of perDay) {
      const s = day.amounts.get(nutrient);
      if (!s) continue;
      sum += s.amount;
      if (!top || s.amount > top.amount) top = { date: day.date, amount: s.amount, unit: s.unit };
    }
    if (!top) continue;
    const taken = perDay.filter((day) => day.amounts.has(nutrient)).length;
    average.push({
      nutrient,
      unit: top.unit,
      amount: round(sum / perDay.length),
      entered: `${round(sum / perDay.length)} ${top.unit} on average (taken on ${taken} of ${perDay.length} days)`,
    });
    peak.push({
      nutrient,
      unit: top.unit,
      amount: top.amount,
      entered: `${top.amount} ${top.unit} on ${top.date}, the highest day`,
    });
  }
  return { average, peak, days, logged: true };
}

/**
 * The profile each kind of check reads: `adequacy` with the average supplements, `safety` with
 * the peak. Everything else is the person's profile as stored.
 */
export function exposureProfiles<P extends Pick<Profile, 'supplements'>>(
  profile: P,
  exposure: SupplementExposure,
): { adequacy: P; safety: P } {
  if (!exposure.logged) return { adequacy: profile, safety: profile };
  return {
    adequacy: { ...profile, supplements: exposure.average },
    safety: { ...profile, supplements: exposure.peak },
  };
}
