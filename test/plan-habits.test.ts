import { describe, expect, it } from 'vitest';
import { analyseDiary } from '../src/app/analysis.js';
import { buildPlanRequest } from '../src/app/plan.js';
import { parseDiaryText } from '../src/core/diary/parse.js';
import { habitsFromHistory, makePlan } from '../src/core/plan/index.js';
import { HighsSolver } from '../src/solver/highs.js';
import { data, profileOf } from './plan-support.js';

/** A week of the same breakfast: oats cooked with water, a banana, plain low-fat yogurt. */
function history() {
  const rows = ['date,food,amount,unit'];
  for (let d = 1; d <= 7; d += 1) {
    const date = `2026-11-0${d}`;
    rows.push(`${date},sr24:08121,1,cup`, `${date},sr24:09040,118,g`);
    if (d <= 3) rows.push(`${date},sr24:01117,1,cup (8 fl oz)`);
  }
  const diary = parseDiaryText(rows.join('\n'), 'history.csv');
  if (!diary.ok) throw new Error(diary.error.message);
  const analysis = analyseDiary(diary.value, data().foods);
  if (!analysis.ok) throw new Error(analysis.error.message);
  return analysis.value;
}

describe('habits: a history makes the plan prefer what the person eats', () => {
  it('counts each food by the share of logged days it was eaten on', () => {
    const habits = habitsFromHistory(history());
    expect(habits?.days).toBe(7);
    expect(habits?.foods.get('sr24:08121')).toBe(1);
    expect(habits?.foods.get('sr24:01117')).toBeCloseTo(3 / 7, 10);
    expect(habitsFromHistory({ days: [{ entries: [] }] })).toBeUndefined();
  });

  it('plans the banana the person eats daily, which the plan leaves out without a history', async () => {
    const profile = profileOf({ age: 65, sex: 'female', pattern: 'omnivore' });
    const { pantry } = data();
    const foodsOf = async (withHistory: boolean) => {
      const request = buildPlanRequest(
        { pantry },
        { profile, days: 1, ...(withHistory && { history: history() }) },
      );
      expect(request.habits !== undefined).toBe(withHistory);
      const run = await makePlan(request, new HighsSolver());
      expect(run.result.days).toHaveLength(1);
      return new Set(run.result.days[0]?.items.map((i) => i.foodId));
    };
    const habitual = ['sr24:08121', 'sr24:09040', 'sr24:01117'];
    const count = (foods: Set<string>) => habitual.filter((id) => foods.has(id)).length;
    const without = await foodsOf(false);
    const withHabits = await foodsOf(true);
    expect(count(without)).toBe(0);
    expect(withHabits.has('sr24:09040')).toBe(true);
    expect(count(withHabits)).toBeGreaterThan(count(without));
  });
});
