import type { Analysis } from './types.js';

export interface DaySwing {
  from: string;
  to: string;
  /** Change in total vitamin K from `from` to `to`, µg. */
  changeUg: number;
}

export interface VitaminKConsistency {
  /** Days with a known vitamin K total. */
  daysWithData: number;
  /** Dates left out because no food that day had a vitamin K value. */
  daysWithoutData: string[];
  meanUg?: number;
  /** Sample standard deviation of the daily totals, µg. */
  sdUg?: number;
  /** Coefficient of variation, % (sd / mean). */
  cvPercent?: number;
  /** The largest changes between consecutive logged days, largest first (at most 3). */
  largestSwings: DaySwing[];
  highestDay?: { date: string; amountUg: number };
  lowestDay?: { date: string; amountUg: number };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/**
 * Day-to-day variation of total vitamin K (K1 + K2) over a diary. For people on a vitamin K
 * antagonist consistency matters, not the amount (NIH ODS): this says how much it varied and
 * which days were responsible.
 */
export function vitaminKConsistency(analysis: Analysis): VitaminKConsistency {
  const known: { date: string; amountUg: number }[] = [];
  const daysWithoutData: string[] = [];
  for (const day of analysis.days) {
    const total = day.totals['vitamin-k'];
    if (total && total.coverage > 0) known.push({ date: day.date, amountUg: total.amount });
    else daysWithoutData.push(day.date);
  }
  const result: VitaminKConsistency = {
    daysWithData: known.length,
    daysWithoutData,
    largestSwings: [],
  };
  if (known.length === 0) return result;

  const sorted = [...known].sort((a, b) => a.date.localeCompare(b.date));
  const mean = sorted.reduce((sum, d) => sum + d.amountUg, 0) / sorted.length;
  result.meanUg = round1(mean);
  result.highestDay = sorted.reduce((a, b) => (b.amountUg > a.amountUg ? b : a));
  result.lowestDay = sorted.reduce((a, b) => (b.amountUg < a.amountUg ? b : a));
  if (sorted.length < 2) return result;

  const variance =
    sorted.reduce((sum, d) => sum + (d.amountUg - mean) ** 2, 0) / (sorted.length - 1);
  const sd = Math.sqrt(variance);
  result.sdUg = round1(sd);
  if (mean > 0) result.cvPercent = round1((sd / mean) * 100);
  result.largestSwings = sorted
    .slice(1)
    .map((day, i) => ({
      from: sorted[i]!.date,
      to: day.date,
      changeUg: round1(day.amountUg - sorted[i]!.amountUg),
    }))
    .sort((a, b) => Math.abs(b.changeUg) - Math.abs(a.changeUg))
    .slice(0, 3);
  return result;
}
