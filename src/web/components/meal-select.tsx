import type { DiaryEntryRow, DiaryMeal } from '../api-types.js';

/** The meal slots in the order of the day, with their labels. */
export const MEALS: readonly { id: DiaryMeal; label: string }[] = [
  { id: 'breakfast', label: 'Breakfast' },
  { id: 'lunch', label: 'Lunch' },
  { id: 'dinner', label: 'Dinner' },
  { id: 'snack', label: 'Snack' },
];

/** The meal a food logged at `now` most likely belongs to: a default the person can change. */
export function mealAt(now: Date): DiaryMeal {
  const minutes = now.getHours() * 60 + now.getMinutes();
  if (minutes >= 4 * 60 && minutes < 10 * 60 + 30) return 'breakfast';
  if (minutes >= 11 * 60 && minutes < 15 * 60) return 'lunch';
  if (minutes >= 17 * 60 && minutes < 21 * 60 + 30) return 'dinner';
  return 'snack';
}

/** A meal slot, or '' for none: a native select, so it keeps keyboard use as it is. */
export function MealSelect({
  value,
  onChange,
}: {
  value: DiaryMeal | '';
  onChange: (meal: DiaryMeal | '') => void;
}) {
  return (
    <label>
      Meal
      <select
        name="meal"
        value={value}
        onChange={(event) => onChange(event.target.value as DiaryMeal | '')}
      >
        {MEALS.map((meal) => (
          <option key={meal.id} value={meal.id}>
            {meal.label}
          </option>
        ))}
        <option value="">No meal</option>
      </select>
    </label>
  );
}

/**
 * A day's entries by meal, in the order of the day, then those without one. Empty groups are
 * left out; `meal` is undefined for the unassigned group.
 */
export function groupByMeal<T extends Pick<DiaryEntryRow, 'meal'>>(
  entries: T[],
): { meal: DiaryMeal | undefined; label: string; entries: T[] }[] {
  const groups = [
    ...MEALS.map((meal) => ({ meal: meal.id as DiaryMeal | undefined, label: meal.label })),
    { meal: undefined, label: 'No meal' },
  ];
  return groups
    .map((group) => ({ ...group, entries: entries.filter((e) => e.meal === group.meal) }))
    .filter((group) => group.entries.length > 0);
}
