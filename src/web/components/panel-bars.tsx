import { vitaminDUgToIu } from '../../core/nutrients.js';
import type { NutrientId, TotalCell } from '../api-types.js';
import { formatAmount, formatPercent, nutrientName, nutrientUnit } from '../lib.js';

/** The calcification panel, in the order a reader scans it. */
export const PANEL: NutrientId[] = [
  'vitamin-k1',
  'vitamin-k2',
  'vitamin-k',
  'vitamin-d',
  'calcium',
  'magnesium',
  'phosphorus',
  'potassium',
  'sodium',
  'vitamin-c',
  'epa-dha',
  'omega-3',
  'fiber',
  'saturated-fat',
];

const SHORT_NAMES: Partial<Record<NutrientId, string>> = {
  'vitamin-k1': 'Vitamin K1',
  'vitamin-k2': 'Vitamin K2',
  'vitamin-k': 'Vitamin K (total)',
  'epa-dha': 'EPA + DHA',
  'omega-3': 'Omega-3 (total)',
};

export function shortName(id: string): string {
  return SHORT_NAMES[id as NutrientId] ?? nutrientName(id);
}

function barState(cell: TotalCell, intake: number): 'over' | 'met' | 'low' | 'none' {
  if (cell.overLimit) return 'over';
  if (cell.target === undefined) return 'none';
  const percent = cell.percent ?? (intake / cell.target) * 100;
  return percent >= 100 ? 'met' : 'low';
}

const STATE_TEXT = { over: 'above the limit', met: 'target met', low: 'below target', none: '' };

/**
 * One nutrient: food (and supplements) as a bar, the target as a black tick, the upper limit as
 * a red marker. A limit that covers supplements only (magnesium) is not drawn against food.
 */
export function PanelBar({ id, cell }: { id: NutrientId; cell: TotalCell | undefined }) {
  const name = shortName(id);
  const unit = cell?.unit ?? nutrientUnit(id);
  const supplement = cell?.supplement ?? 0;
  if (!cell || (cell.coverage === 0 && supplement === 0)) {
    return (
      <li className="panel-row" data-nutrient={id}>
        <div className="panel-head">
          <span className="panel-name">{name}</span>
          <span className="panel-value">unknown</span>
        </div>
        <p className="muted small">No logged food has a known value for {name}.</p>
      </li>
    );
  }
  const intake = cell.intake ?? cell.amount + supplement;
  const limitOnTotal = cell.limit !== undefined && cell.limitAppliesTo !== 'supplements';
  const scale =
    Math.max(intake, cell.target ?? 0, limitOnTotal ? (cell.limit ?? 0) : 0) * 1.15 || 1;
  const share = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  const state = barState(cell, intake);
  return (
    <li className={`panel-row state-${state}`} data-nutrient={id}>
      <div className="panel-head">
        <span className="panel-name">{name}</span>
        <span className="panel-value">
          {formatAmount(intake, unit)}
          {id === 'vitamin-d' ? ` (${formatAmount(vitaminDUgToIu(intake), 'IU')})` : null}
          {cell.percent !== undefined ? (
            <span className="muted"> · {Math.round(cell.percent)} % of target</span>
          ) : null}
        </span>
      </div>
      {cell.target === undefined && cell.limit === undefined ? null : (
        <div className="bar" aria-hidden="true">
          <div className="bar-fill" style={{ width: share(cell.amount) }} />
          {supplement > 0 ? (
            <div
              className="bar-supplement"
              style={{ left: share(cell.amount), width: share(supplement) }}
            />
          ) : null}
          {cell.target !== undefined ? (
            <div className="bar-target" style={{ left: share(cell.target) }} />
          ) : null}
          {limitOnTotal ? <div className="bar-limit" style={{ left: share(cell.limit!) }} /> : null}
        </div>
      )}
      <p className="panel-notes small">
        {supplement > 0 ? (
          <span>
            Food {formatAmount(cell.amount, unit)} + supplements {formatAmount(supplement, unit)}
            .{' '}
          </span>
        ) : null}
        {cell.target !== undefined ? (
          <span>
            Target {formatAmount(cell.target, unit)}
            {cell.targetKind ? ` (${cell.targetKind})` : ''}
          </span>
        ) : id === 'vitamin-k2' ? (
          <span>No reference intake exists for K2 alone.</span>
        ) : (
          <span>No target.</span>
        )}
        {cell.limit !== undefined ? (
          <span className="limit-note">
            {' '}
            · Limit {formatAmount(cell.limit, unit)}
            {cell.limitKind ? ` (${cell.limitKind})` : ''}
            {cell.limitAppliesTo === 'supplements' ? ' for supplements only' : ''}
          </span>
        ) : null}
        {STATE_TEXT[state] ? (
          <span className={`state-text state-text-${state}`}> · {STATE_TEXT[state]}</span>
        ) : null}
        {cell.coverage < 1 ? (
          <span className="coverage">
            {' '}
            · {name} measured for {formatPercent(cell.coverage)} of entries
          </span>
        ) : null}
      </p>
    </li>
  );
}

export function PanelBars({ average }: { average: Partial<Record<NutrientId, TotalCell>> }) {
  return (
    <ul className="panel" aria-label="Calcification panel: daily averages against targets">
      {PANEL.map((id) => (
        <PanelBar key={id} id={id} cell={average[id]} />
      ))}
    </ul>
  );
}
