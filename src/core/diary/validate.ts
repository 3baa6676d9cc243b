import { err, ok, type CalcwiseError, type Result } from '../result.js';
import { DIARY_MEALS, isDiaryMeal, type DiaryEntry, type DiaryMeal } from './types.js';

/**
 * Any amount above this, in whatever unit, is taken for a typing error (a diary entry of
 * 100,000 cups is not a meal). The grams check after unit resolution is the real guard: see
 * MAX_ENTRY_GRAMS in src/core/analysis/resolve.ts.
 */
export const MAX_ENTRY_AMOUNT = 100_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

interface Where {
  file?: string;
  location: string;
}

function fail(
  where: Where,
  code: CalcwiseError['code'],
  field: string,
  message: string,
): Result<never> {
  return err({ code, message, file: where.file, location: where.location, field });
}

/** True for a real calendar date in YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= daysInMonth;
}

export function checkDate(value: unknown, where: Where): Result<string> {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(where, 'INVALID_DATE', 'date', 'date is missing; expected YYYY-MM-DD');
  }
  const date = value.trim();
  if (!ISO_DATE.test(date))
    return fail(where, 'INVALID_DATE', 'date', `"${date}" is not a date in YYYY-MM-DD form`);
  if (!isIsoDate(date))
    return fail(where, 'INVALID_DATE', 'date', `"${date}" is not a calendar date`);
  return ok(date);
}

/** Amount from a JSON number or CSV text: finite, above zero, not absurd. */
export function checkAmount(value: unknown, where: Where): Result<number> {
  let amount: number;
  if (typeof value === 'number') amount = value;
  else if (typeof value === 'string' && NUMBER_TEXT.test(value.trim()))
    amount = Number(value.trim());
  else if (value === undefined || value === null || value === '') {
    return fail(where, 'INVALID_AMOUNT', 'amount', 'amount is missing');
  } else {
    return fail(
      where,
      'INVALID_AMOUNT',
      'amount',
      `amount must be a number, got ${JSON.stringify(value)}`,
    );
  }
  if (!Number.isFinite(amount))
    return fail(where, 'INVALID_AMOUNT', 'amount', 'amount must be a finite number');
  if (amount <= 0)
    return fail(where, 'INVALID_AMOUNT', 'amount', `amount must be greater than 0, got ${amount}`);
  if (amount > MAX_ENTRY_AMOUNT) {
    return fail(
      where,
      'INVALID_AMOUNT',
      'amount',
      `amount ${amount} is implausibly large (limit ${MAX_ENTRY_AMOUNT})`,
    );
  }
  return ok(amount);
}

function checkText(value: unknown, field: 'food' | 'unit', where: Where): Result<string> {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(where, 'INVALID_DIARY', field, `${field} is missing or not text`);
  }
  return ok(value.trim().replace(/\s+/g, ' '));
}

/**
 * The meal slot from JSON or CSV text: absent (undefined, null or an empty CSV cell) means
 * unassigned; otherwise one of DIARY_MEALS, case-insensitive.
 */
export function checkMeal(value: unknown, where: Where): Result<DiaryMeal | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === '') return ok(undefined);
    if (isDiaryMeal(text)) return ok(text);
  }
  return fail(
    where,
    'INVALID_DIARY',
    'meal',
    `meal must be one of ${DIARY_MEALS.join(', ')} (or left out), got ${JSON.stringify(value)}`,
  );
}

/** One entry from untrusted fields, with the location it came from. */
export function checkEntry(
  raw: { food: unknown; amount: unknown; unit: unknown; meal?: unknown },
  where: Where,
): Result<DiaryEntry> {
  const food = checkText(raw.food, 'food', where);
  if (!food.ok) return food;
  const amount = checkAmount(raw.amount, where);
  if (!amount.ok) return amount;
  const unit = checkText(raw.unit, 'unit', where);
  if (!unit.ok) return unit;
  const meal = checkMeal(raw.meal, where);
  if (!meal.ok) return meal;
  return ok({
    food: food.value,
    amount: amount.value,
    unit: unit.value,
    ...(meal.value !== undefined && { meal: meal.value }),
    location: where.location,
  });
}
