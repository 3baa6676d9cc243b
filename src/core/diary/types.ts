import type { FoodId } from '../foods.js';

/** The meal slots of a diary day, in the order of the day. An entry without one is unassigned. */
export const DIARY_MEALS = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
export type DiaryMeal = (typeof DIARY_MEALS)[number];

/** Whether `value` names a meal slot. */
export function isDiaryMeal(value: unknown): value is DiaryMeal {
  return typeof value === 'string' && (DIARY_MEALS as readonly string[]).includes(value);
}

/** One logged food: `amount` of `unit` (g, kg, oz, lb or one of the food's portions). */
export interface DiaryEntry {
  food: FoodId;
  amount: number;
  unit: string;
  /** The meal slot; absent when the entry is not assigned to one. */
  meal?: DiaryMeal;
  /** Where the entry was read from, for error messages: `line 7` (CSV), `days[1].entries[3]` (JSON). */
  location?: string;
}

export interface DiaryDay {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  entries: DiaryEntry[];
}

export interface Diary {
  days: DiaryDay[];
}
