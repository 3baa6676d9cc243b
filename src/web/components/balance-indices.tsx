import { formatAmount, formatPercent, nutrientName } from '../lib.js';
import { DataView, describe, humanize, isRecord, isSource } from './data-view.js';
import { SourceList } from './source-ref.js';

/** One balance index as the core reports it (src/core/balance). */
interface BalanceIndex {
  id?: string;
  name: string;
  value?: number | null;
  unit?: string;
  referenceRange?: { min?: number; max?: number; text?: string };
  status?: string;
  evidence?: string;
  inputs?: Record<
    string,
    { amount: number | null; unit: string; coverage?: number; supplement?: number }
  >;
  details?: Record<string, unknown>;
  source?: unknown;
  sources?: unknown[];
}

function isIndex(value: unknown): value is BalanceIndex {
  return isRecord(value) && typeof value.name === 'string';
}

function rangeText(range: BalanceIndex['referenceRange']): string | undefined {
  if (!range || (range.min === undefined && range.max === undefined)) return undefined;
  if (range.min !== undefined && range.max !== undefined) {
    return `${formatAmount(range.min)} – ${formatAmount(range.max)}`;
  }
  return range.min !== undefined
    ? `at least ${formatAmount(range.min)}`
    : `at most ${formatAmount(range.max)}`;
}

function inputsText(inputs: BalanceIndex['inputs']): string {
  return Object.entries(inputs ?? {})
    .map(([id, cell]) => {
      const measured =
        cell.coverage !== undefined && cell.coverage < 1
          ? `, ${formatPercent(cell.coverage)} measured`
          : '';
      const supplement = cell.supplement
        ? `, ${formatAmount(cell.supplement, cell.unit)} from supplements`
        : '';
      return `${nutrientName(id)} ${formatAmount(cell.amount, cell.unit)}${supplement}${measured}`;
    })
    .join('; ');
}

/** Indices that compare two intakes side by side rather than as one number: both are shown. */
const SIDE_BY_SIDE: Record<string, readonly string[]> = { 'd-vs-k2': ['vitamin-d', 'vitamin-k2'] };

/** Food and supplements together (the core's amount includes them); supplements alone when no food value is known. */
function figureText(cell: { amount: number | null; unit: string; supplement?: number }): string {
  const total = cell.amount ?? cell.supplement;
  return total === undefined ? 'unknown' : `${formatAmount(total, cell.unit)}/day`;
}

/** Balance indices: value, reference range, status, the intakes they come from, evidence, source. */
export function BalanceIndices({ balance }: { balance: Record<string, unknown> | undefined }) {
  const entries = Object.entries(balance ?? {});
  if (entries.length === 0) {
    return <p className="muted">Balance indices need a profile and logged days in this period.</p>;
  }
  return (
    <ul className="balance">
      {entries.map(([key, raw]) => {
        if (!isIndex(raw)) {
          return (
            <li key={key} className="balance-item">
              <DataView data={isRecord(raw) ? raw : { [key]: raw }} />
            </li>
          );
        }
        const range = rangeText(raw.referenceRange);
        const sources = [raw.source, ...(raw.sources ?? [])].filter(isSource);
        const inputs = inputsText(raw.inputs);
        const pair = SIDE_BY_SIDE[raw.id ?? key]
          ?.map((id) => [id, raw.inputs?.[id]] as const)
          .filter(
            (entry): entry is readonly [string, NonNullable<(typeof entry)[1]>] => !!entry[1],
          );
        return (
          <li key={key} className="balance-item" data-index={raw.id ?? key}>
            <h3>{raw.name}</h3>
            {pair && pair.length === 2 ? (
              <p className="balance-value">
                {pair.map(([id, cell], index) => (
                  <span key={id} className="balance-figure">
                    {index > 0 ? <span className="muted small"> vs </span> : null}
                    <span className="muted small">{nutrientName(id)}</span>{' '}
                    <strong>{figureText(cell)}</strong>
                  </span>
                ))}{' '}
                {raw.status ? (
                  <span className={`status status-${raw.status}`}>{raw.status}</span>
                ) : null}
              </p>
            ) : (
              <p className="balance-value">
                <strong>
                  {raw.value === undefined || raw.value === null
                    ? 'unknown'
                    : formatAmount(raw.value)}
                </strong>{' '}
                <span className="muted small">{raw.unit}</span>{' '}
                {raw.status ? (
                  <span className={`status status-${raw.status}`}>{raw.status}</span>
                ) : null}
              </p>
            )}
            {range ? <p className="small">Reference: {range}</p> : null}
            {raw.referenceRange?.text ? <p className="small">{raw.referenceRange.text}</p> : null}
            {inputs ? <p className="small muted">From: {inputs}</p> : null}
            {raw.details ? (
              <details>
                <summary>Details</summary>
                <dl className="small">
                  {Object.entries(raw.details).map(([k, v]) => (
                    <div key={k} className="dl-row">
                      <dt>{humanize(k)}</dt>
                      <dd>{describe(v)}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : null}
            {raw.evidence ? (
              <details>
                <summary>Evidence</summary>
                <p className="small">{raw.evidence}</p>
              </details>
            ) : null}
            {sources.length ? (
              <details>
                <summary>Sources ({sources.length})</summary>
                <SourceList sources={sources} />
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
