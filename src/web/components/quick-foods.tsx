import type { DiaryMeal, QuickFood } from '../api-types.js';
import { formatAmount } from '../lib.js';
import { MEALS } from './meal-select.js';

/**
 * The foods logged recently and most often, as buttons that log the food again with its last
 * amount and unit into the meal chosen above (one click or Enter). Nothing shows until something
 * has been logged.
 */
export function QuickFoods({
  recent,
  frequent,
  meal,
  onAdd,
}: {
  recent: QuickFood[];
  frequent: QuickFood[];
  meal: DiaryMeal | '';
  onAdd: (food: QuickFood) => void;
}) {
  if (recent.length === 0) return null;
  const into = MEALS.find((m) => m.id === meal)?.label.toLowerCase() ?? 'no meal';
  const list = (title: string, foods: QuickFood[], id: string) => (
    <div className="quick-list">
      <h3 id={id}>{title}</h3>
      <ul aria-labelledby={id}>
        {foods.map((food) => (
          <li key={food.food}>
            <button type="button" className="quick-add" onClick={() => onAdd(food)}>
              <span className="hit-name">{food.name}</span>{' '}
              <span className="muted small">
                {formatAmount(food.amount)} {food.unit}
                {title === 'Frequent' ? `, ${food.count}×` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <section className="quick-foods" aria-label="Quick add">
      <p className="muted small">
        Log again with the last amount, into {into}. Arrow Down from the search moves here.
      </p>
      <div className="quick-lists">
        {list('Recent', recent, 'quick-recent')}
        {list('Frequent', frequent, 'quick-frequent')}
      </div>
    </section>
  );
}
