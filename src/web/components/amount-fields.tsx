import { useId } from 'react';
import type { Food } from '../api-types.js';
import { formatAmount } from '../lib.js';

export const MASS_UNITS = ['g', 'kg', 'oz', 'lb'];

/** Amount plus a unit: grams and other masses, then the food's household portions. */
export function AmountFields({
  food,
  amount,
  unit,
  onAmount,
  onUnit,
  labelPrefix = '',
}: {
  food: Food | undefined;
  amount: string;
  unit: string;
  onAmount: (value: string) => void;
  onUnit: (value: string) => void;
  labelPrefix?: string;
}) {
  const id = useId();
  const portions = food?.portions ?? [];
  const units = [...MASS_UNITS, ...portions.map((p) => p.name)];
  return (
    <>
      <label htmlFor={`${id}-amount`}>
        {labelPrefix}Amount
        <input
          id={`${id}-amount`}
          name="amount"
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={amount}
          onChange={(event) => onAmount(event.target.value)}
        />
      </label>
      <label htmlFor={`${id}-unit`}>
        {labelPrefix}Unit
        <select
          id={`${id}-unit`}
          name="unit"
          value={unit}
          onChange={(event) => onUnit(event.target.value)}
        >
          {units.includes(unit) ? null : <option value={unit}>{unit}</option>}
          {MASS_UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
          {portions.length ? (
            <optgroup label="Household portions">
              {portions.map((portion) => (
                <option key={portion.name} value={portion.name}>
                  {portion.name} ({formatAmount(portion.grams / portion.amount, 'g')})
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
    </>
  );
}
