/**
 * A Cronometer servings export written by the tests (the 2023 73-column layout, header names
 * from real exports): rows that match SR24 foods (values computed from the food data), own
 * recipes, a row whose name is like a food's but whose values are not, and a row to reject.
 */
import { nutrientPer100g, type FoodIndex } from '../../src/core/foods.js';
import type { NutrientId } from '../../src/core/nutrients.js';
import { TRACKER_HEADERS } from './tracker-headers.js';

/** Columns filled, with the factor from calcwise's unit to the file's. */
const COLUMNS: Record<string, [NutrientId, number]> = {
  'Energy (kcal)': ['energy', 1],
  'Protein (g)': ['protein', 1],
  'Fat (g)': ['fat', 1],
  'Carbs (g)': ['carbohydrate', 1],
  'Calcium (mg)': ['calcium', 1],
  'Magnesium (mg)': ['magnesium', 1],
  'Potassium (mg)': ['potassium', 1],
  'Vitamin K (µg)': ['vitamin-k1', 1],
  'Vitamin D (IU)': ['vitamin-d', 40],
};

interface Row {
  date: string;
  name: string;
  amount: string;
  values: Partial<Record<string, number>>;
}

function line(columns: string[], row: Row): string {
  return columns
    .map((column) => {
      if (column === 'Day') return row.date;
      if (column === 'Time') return '8:30 AM';
      if (column === 'Group') return 'Breakfast';
      if (column === 'Food Name') return `"${row.name.replace(/"/g, '""')}"`;
      if (column === 'Amount') return `"${row.amount}"`;
      const value = row.values[column];
      return value === undefined ? '' : value.toFixed(2);
    })
    .join(',');
}

function valuesOf(foods: FoodIndex, id: string, grams: number): Row['values'] {
  const food = foods.get(id);
  if (!food) throw new Error(`${id} not in the food data`);
  const values: Row['values'] = {};
  for (const [column, [nutrient, factor]] of Object.entries(COLUMNS)) {
    const known = nutrientPer100g(food, nutrient);
    if (known) values[column] = ((known.per100g * grams) / 100) * factor;
  }
  return values;
}

/**
 * Two days: kale and cheddar as SR24 has them (matched), a stamppot recipe (own food), "Kale,
 * raw" with values no kale has (ambiguous), and a zero amount (rejected).
 */
export function cronometerServingsFile(foods: FoodIndex, dates: [string, string]): string {
  const columns = TRACKER_HEADERS.servings2023_73.split(',');
  const [first, second] = dates;
  const rows: Row[] = [
    {
      date: first,
      name: 'Kale, raw',
      amount: '67.00 g',
      values: valuesOf(foods, 'sr24:11233', 67),
    },
    {
      date: first,
      name: 'Cheese, cheddar',
      amount: '28.00 g',
      values: valuesOf(foods, 'sr24:01009', 28),
    },
    {
      date: first,
      name: "Oma's stamppot",
      amount: '1.00 full recipe',
      values: { 'Energy (kcal)': 320, 'Protein (g)': 18, 'Potassium (mg)': 730 },
    },
    {
      date: second,
      name: 'Kale, raw',
      amount: '1.00 bunch',
      values: { 'Energy (kcal)': 999, 'Vitamin K (µg)': 12 },
    },
    { date: second, name: 'Coffee, brewed', amount: '0.00 g', values: { 'Energy (kcal)': 0 } },
  ];
  return `${[columns.join(','), ...rows.map((row) => line(columns, row))].join('\n')}\n`;
}
