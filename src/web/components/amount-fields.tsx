import { useId } from 'react';
import type { Food } from '../api-types.js';
import { formatAmount, portionLabel } from '../lib.js';

export const MASS_UNITS = ['g', 'kg', 'oz', 'lb'];
/** Grams per mass unit (avoirdupois ounce and pound, NIST SP 811). */
const GRAMS_PER_UNIT: Record<string, number> = { g: 1, kg: 1000, oz: 28.349523125, lb: 453.59237 };

/** What the amount weighs, as the server will count it; undefined while it is not a number. */
export function amountGrams(
  food: Food | undefined,
  amount: string,
  unit: string,
): number | undefined {
  const value = Number(amount);
  if (amount.trim() === '' || !Number.isFinite(value)) return undefined;
  const mass = GRAMS_PER_UNIT[unit];
  if (mass !== undefined) return value * mass;
  const portion = food?.portions.find((p) => p.name === unit);
  return portion ? (value * portion.grams) / portion.amount : undefined;
}

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
  const grams = amountGrams(food, amount, unit);
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
                  {portionLabel(portion)}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      {grams !== undefined && unit !== 'g' ? (
        <output className="muted small" htmlFor={`${id}-amount ${id}-unit`} aria-live="polite">
          = {formatAmount(grams, 'g')}
        </output>
      ) : null}
    </>
  );
}
