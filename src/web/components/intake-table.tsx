import { formatAmount, formatPercent } from '../lib.js';
import { ScrollRegion } from './scroll-region.js';

/** A nutrient's daily average against its target and limit, as the report tables show it. */
export interface IntakeRow {
  nutrient: string;
  name: string;
  unit: string;
  /** From food; null when no logged food has a value (unknown, not zero). */
  food: number | null;
  supplement: number;
  target?: number;
  targetKind?: string;
  /** Why the usual target does not apply (a finding set it aside). */
  notApplicable?: string;
  percent?: number;
  limit?: number;
  limitAppliesTo?: 'total' | 'supplements' | 'food';
  overLimit: boolean;
  /** Share (0–1) of logged entries whose food has a value. */
  coverage: number;
}

/** The intake table of the Report page and of a shared report: one header, one row format. */
export function IntakeTable({ rows, label }: { rows: readonly IntakeRow[]; label: string }) {
  return (
    <ScrollRegion label={`${label} (table)`}>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Nutrient</th>
            <th scope="col" className="num">
              Food
            </th>
            <th scope="col" className="num">
              Supplements
            </th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col" className="num">
              % of target
            </th>
            <th scope="col" className="num">
              Limit
            </th>
            <th scope="col" className="num">
              Coverage
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.nutrient} className={row.overLimit ? 'over' : undefined}>
              <th scope="row">{row.name}</th>
              <td className="num">
                {row.food === null ? 'unknown' : formatAmount(row.food, row.unit)}
              </td>
              <td className="num">
                {row.supplement > 0 ? formatAmount(row.supplement, row.unit) : '—'}
              </td>
              <td className="num">
                {row.notApplicable
                  ? 'not applicable'
                  : row.target !== undefined
                    ? `${formatAmount(row.target, row.unit)}${row.targetKind ? ` ${row.targetKind}` : ''}`
                    : '—'}
              </td>
              <td className="num">
                {row.percent !== undefined ? `${Math.round(row.percent)} %` : '—'}
              </td>
              <td className="num">
                {row.limit !== undefined
                  ? `${formatAmount(row.limit, row.unit)}${row.limitAppliesTo === 'supplements' ? ' (supplements)' : ''}${row.overLimit ? ' — over' : ''}`
                  : '—'}
              </td>
              <td className="num">{formatPercent(row.coverage)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
