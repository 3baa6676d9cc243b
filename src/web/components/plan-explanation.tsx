import type { SourceRef } from '../api-types.js';
import { nutrientName } from '../lib.js';
import { DataView, isRecord, isSource } from './data-view.js';
import { SourceRefView } from './source-ref.js';

interface FoodReason {
  foodId: string;
  name: string;
  serves: string[];
}

interface LimitNote {
  label: string;
  source?: SourceRef;
  unknownRule?: string;
}

function isFoodReason(value: unknown): value is FoodReason {
  return isRecord(value) && typeof value.name === 'string' && Array.isArray(value.serves);
}

function isLimit(value: unknown): value is LimitNote {
  return isRecord(value) && typeof value.label === 'string';
}

/** The planner's account of its choices: what each food is for, what bound, which limits held. */
export function PlanExplanation({ explanation }: { explanation: unknown }) {
  if (typeof explanation === 'string') return <p>{explanation}</p>;
  if (!isRecord(explanation)) return null;
  // `short` repeats the plan's `unmet`, shown above as "Still short".
  const { foods, binding, short: _short, limits, candidates, ...rest } = explanation;
  const reasons = Array.isArray(foods) ? foods.filter(isFoodReason) : [];
  const bound = Array.isArray(binding)
    ? binding.filter((b): b is string => typeof b === 'string')
    : [];
  const limitList = Array.isArray(limits) ? limits.filter(isLimit) : [];
  return (
    <div className="plan-explanation">
      {typeof candidates === 'number' ? (
        <p className="small muted">
          Chosen from {candidates} everyday foods that fit your pattern and exclusions.
        </p>
      ) : null}
      {reasons.length ? (
        <>
          <h3>What each food is for</h3>
          <ul>
            {[...new Map(reasons.map((r) => [r.foodId, r])).values()].map((reason) => (
              <li key={reason.foodId}>
                <strong>{reason.name}</strong>:{' '}
                {reason.serves.length
                  ? reason.serves.map((id) => nutrientName(id)).join(', ')
                  : 'energy and variety'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {bound.length ? (
        <>
          <h3>Constraints that shaped the plan</h3>
          <ul>
            {bound.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {limitList.length ? (
        <details>
          <summary>Limits the plan keeps ({limitList.length})</summary>
          <ul className="small">
            {limitList.map((limit) => (
              <li key={limit.label}>
                {limit.label}
                {isSource(limit.source) ? (
                  <>
                    {' '}
                    — <SourceRefView source={limit.source} />
                  </>
                ) : null}
                {limit.unknownRule ? <span className="muted"> ({limit.unknownRule})</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {Object.keys(rest).length ? <DataView data={rest} /> : null}
    </div>
  );
}
