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

function barState(cell: TotalCell): 'over' | 'met' | 'low' | 'none' {
  if (cell.overLimit || (cell.limit !== undefined && cell.amount > cell.limit)) return 'over';
  if (cell.target === undefined) return 'none';
  return cell.amount >= cell.target ? 'met' : 'low';
}

/** One nutrient: the average as a bar, the target as a tick, the upper limit as a red marker. */
export function PanelBar({ id, cell }: { id: NutrientId; cell: TotalCell | undefined }) {
  const name = shortName(id);
  const unit = cell?.unit ?? nutrientUnit(id);
  if (!cell || cell.coverage === 0) {
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
  const scale = Math.max(cell.amount, cell.target ?? 0, cell.limit ?? 0) * 1.15 || 1;
  const at = (value: number) => `${Math.min(100, (value / scale) * 100)}%`;
  const state = barState(cell);
  const stateText =
    state === 'over'
      ? 'above the upper limit'
      : state === 'met'
        ? 'target met'
        : state === 'low'
          ? 'below target'
          : '';
  return (
    <li className={`panel-row state-${state}`} data-nutrient={id}>
      <div className="panel-head">
        <span className="panel-name">{name}</span>
        <span className="panel-value">
          {formatAmount(cell.amount, unit)}
          {id === 'vitamin-d' ? ` (${formatAmount(vitaminDUgToIu(cell.amount), 'IU')})` : null}
          {cell.percent !== undefined ? (
            <span className="muted"> · {Math.round(cell.percent)} % of target</span>
          ) : null}
        </span>
      </div>
      <div className="bar" aria-hidden="true">
        <div className="bar-fill" style={{ width: at(cell.amount) }} />
        {cell.target !== undefined ? (
          <div className="bar-target" style={{ left: at(cell.target) }} />
        ) : null}
        {cell.limit !== undefined ? (
          <div className="bar-limit" style={{ left: at(cell.limit) }} />
        ) : null}
      </div>
      <p className="panel-notes small">
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
          </span>
        ) : null}
        {stateText ? (
          <span className={`state-text state-text-${state}`}> · {stateText}</span>
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
