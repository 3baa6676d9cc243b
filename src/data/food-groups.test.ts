import { describe, expect, it } from 'vitest';
import { groupCodeFromNdb, SR24_FOOD_GROUPS, sr24FoodGroup } from './food-groups.js';

describe('SR24 food groups', () => {
  it('has the 25 groups of SR24 FD_GROUP', () => {
    expect(SR24_FOOD_GROUPS.size).toBe(25);
    expect(SR24_FOOD_GROUPS.get('2500')).toBe('Snacks');
  });

  it('takes the group from the NDB prefix unless an assignment says otherwise', () => {
    expect(sr24FoodGroup('11233', new Map())).toBe('Vegetables and Vegetable Products');
    expect(sr24FoodGroup('01123', new Map())).toBe('Dairy and Egg Products');
    expect(sr24FoodGroup('19002', new Map([['19002', '2500']]))).toBe('Snacks');
    expect(groupCodeFromNdb('43278')).toBeUndefined();
    expect(sr24FoodGroup('43278', new Map())).toBeUndefined();
  });
});
