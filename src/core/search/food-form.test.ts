import { describe, expect, it } from 'vitest';
import { assessFoodForm, liftedDemotions } from './food-form.js';

const FISH = 'Finfish and Shellfish Products';
const FRUIT = 'Fruits and Fruit Juices';

describe('assessFoodForm', () => {
  it('ranks cooked fish above raw fish, and raw fruit as ready to eat', () => {
    const raw = assessFoodForm('Fish, salmon, chum, raw', FISH);
    const cooked = assessFoodForm('Fish, salmon, chum, cooked, dry heat', FISH);
    expect(cooked.prior).toBeGreaterThan(raw.prior);
    expect(assessFoodForm('Bananas, raw', FRUIT).prior).toBe(0.5);
  });

  it('adds the pantry commonness (3 = everyday) to the form', () => {
    const name = 'Bananas, raw';
    expect(assessFoodForm(name, FRUIT, 3).prior).toBe(1);
    expect(assessFoodForm(name, FRUIT, 1).prior).toBeLessThan(assessFoodForm(name, FRUIT, 3).prior);
  });

  it('treats shelf forms (powder, dough, concentrate) as not ready to eat', () => {
    const powder = assessFoodForm('Coffee, instant, regular, powder', 'Beverages');
    const brewed = assessFoodForm(
      'Coffee, brewed from grounds, prepared with tap water',
      'Beverages',
    );
    expect(brewed.prior).toBeGreaterThan(powder.prior);
  });

  it('demotes oils, flours, organ cuts and egg parts unless the query names them', () => {
    const oil = assessFoodForm('Oil, almond', 'Fats and Oils').demotions;
    const liver = assessFoodForm('Chicken, liver, all classes, raw', 'Poultry Products').demotions;
    const yolk = assessFoodForm('Egg, yolk, raw, fresh', 'Dairy and Egg Products').demotions;
    expect(oil).not.toBe(0);
    expect(liver).not.toBe(0);
    expect(yolk).not.toBe(0);
    expect(assessFoodForm('Nuts, almonds', 'Nut and Seed Products').demotions).toBe(0);
    expect(
      assessFoodForm('Rice, white, long-grain, regular, cooked', 'Cereal Grains and Pasta')
        .demotions,
    ).toBe(0);
    expect(oil & ~liftedDemotions(['almond'])).not.toBe(0);
    expect(oil & ~liftedDemotions(['almond', 'oil'])).toBe(0);
    expect(liver & ~liftedDemotions(['chicken', 'liver'])).toBe(0);
    expect(yolk & ~liftedDemotions(['egg', 'yolk'])).toBe(0);
  });
});
