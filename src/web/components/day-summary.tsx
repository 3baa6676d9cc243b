import { api } from '../api.js';
import type { NutrientId } from '../api-types.js';
import { formatAmount, formatPercent, useAsync } from '../lib.js';
import { shortName } from './panel-bars.js';

const KEY: NutrientId[] = [
  'energy',
  'vitamin-k1',
  'vitamin-k2',
  'vitamin-d',
  'calcium',
  'magnesium',
  'potassium',
  'sodium',
];

/** The day's totals for a few key nutrients; `version` changes whenever the entries change. */
export function DaySummary({ date, version }: { date: string; version: string }) {
  const analysis = useAsync(() => api.analysis(date, date), [date, version]);
  const totals = analysis.data?.days.find((d) => d.date === date)?.totals;
  if (!totals) return null;
  return (
    <dl className="day-summary" aria-label={`Totals on ${date}`}>
      {KEY.map((id) => {
        const cell = totals[id];
        return (
          <div key={id}>
            <dt>{shortName(id)}</dt>
            <dd>
              {cell && cell.coverage > 0
                ? `${cell.partial ? 'at least ' : ''}${formatAmount(cell.amount, cell.unit)}`
                : 'unknown'}
              {cell && cell.coverage > 0 && cell.coverage < 1 ? (
                <span className="muted small"> ({formatPercent(cell.coverage)} measured)</span>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
