import type { SupplementInput } from '../api-types.js';
import { nutrientName } from '../lib.js';

export const SUPPLEMENT_NUTRIENTS = [
  'vitamin-d',
  'vitamin-k1',
  'mk4',
  'mk7',
  'calcium',
  'magnesium',
  'vitamin-c',
  'potassium',
  'epa-dha',
  'epa',
  'dha',
  'phosphorus',
];
const SUPPLEMENT_UNITS = ['µg', 'mcg', 'mg', 'g', 'IU'];

/** A supplement as typed: the amount is text until the form is sent. */
export interface SupplementRow {
  nutrient: string;
  amount: string;
  unit: string;
}

/** Shows a supplement as the person entered it ("2000 IU") when the server kept that. */
export function enteredSupplement(
  s: Pick<SupplementInput, 'nutrient' | 'amount' | 'unit' | 'entered'>,
): SupplementRow {
  const match = s.entered?.match(/^\s*([\d.]+)\s*(\S+)\s*$/);
  if (match && match[1] && match[2])
    return { nutrient: s.nutrient, amount: match[1], unit: match[2] };
  return { nutrient: s.nutrient, amount: String(s.amount), unit: s.unit };
}

/**
 * The editable list of supplements (nutrient, amount a day, unit, Remove; Add a supplement),
 * as the profile's regimen and a day's log both use it. Field names are `<name>-<i>-nutrient`.
 */
export function SupplementList({
  value,
  onChange,
  name,
  amountLabel = 'Amount per day',
}: {
  value: SupplementRow[];
  onChange: (rows: SupplementRow[]) => void;
  name: string;
  amountLabel?: string;
}) {
  const change = (index: number, patch: Partial<SupplementRow>) =>
    onChange(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <>
      {value.map((supplement, index) => (
        <div className="inline supplement" key={index}>
          <label>
            Nutrient
            <select
              name={`${name}-${index}-nutrient`}
              value={supplement.nutrient}
              onChange={(e) => change(index, { nutrient: e.target.value })}
            >
              {[...new Set([...SUPPLEMENT_NUTRIENTS, supplement.nutrient])].map((id) => (
                <option key={id} value={id}>
                  {nutrientName(id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {amountLabel}
            <input
              name={`${name}-${index}-amount`}
              type="number"
              min={0}
              step="any"
              value={supplement.amount}
              onChange={(e) => change(index, { amount: e.target.value })}
            />
          </label>
          <label>
            Unit
            <select
              name={`${name}-${index}-unit`}
              value={supplement.unit}
              onChange={(e) => change(index, { unit: e.target.value })}
            >
              {[...new Set([...SUPPLEMENT_UNITS, supplement.unit])].map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => onChange(value.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...value, { nutrient: 'vitamin-d', amount: '', unit: 'µg' }])}
      >
        Add a supplement
      </button>
    </>
  );
}
