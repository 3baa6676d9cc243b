import type { FoodId } from '../foods.js';

/** One logged food: `amount` of `unit` (g, kg, oz, lb or one of the food's portions). */
export interface DiaryEntry {
  food: FoodId;
  amount: number;
  unit: string;
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
