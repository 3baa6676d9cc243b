import { describe, expect, it } from 'vitest';
import { parseSr24FoodXml, parseSr24Index, splitSr24Foods } from './sr24-xml.js';

const salmon =
  '<food uid="15086" fcf="9.02" pcf="4.27" name="Fish, salmon, sockeye, cooked, dry heat" ccf="3.87">' +
  '<measure amount="0.5" name="fillet" grams="155.0"/><measure amount="3.0" name="oz" grams="85.0"/>' +
  '<nutrient amount="169.0" name="Energy"/><nutrient amount="526.0" name="Vitamin D"/>' +
  '<nutrient amount="1.582" name="ALA"/></food>';

describe('parseSr24FoodXml', () => {
  it('reads id, name, nutrients in XML units and measures as "amount units weigh grams"', () => {
    const food = parseSr24FoodXml(salmon);
    expect(food.ndb).toBe('15086');
    expect(food.name).toBe('Fish, salmon, sockeye, cooked, dry heat');
    expect(food.nutrients.get('Vitamin D')).toBe(526);
    expect(food.nutrients.get('ALA')).toBe(1.582);
    expect(food.nutrients.has('Vitamin K')).toBe(false);
    expect(food.measures).toEqual([
      { name: 'fillet', amount: 0.5, grams: 155 },
      { name: 'oz', amount: 3, grams: 85 },
    ]);
  });

  it('decodes entities in names and pads the NDB number to five digits', () => {
    const food = parseSr24FoodXml(
      '<food uid="1001" name="Butter &amp; salt"><measure amount="1.0" name="pat (1&quot; sq)" grams="5.0"/></food>',
    );
    expect(food.ndb).toBe('01001');
    expect(food.name).toBe('Butter & salt');
    expect(food.measures[0]?.name).toBe('pat (1" sq)');
  });

  it('rejects a nutrient given twice, a non-numeric amount and a missing uid', () => {
    expect(() =>
      parseSr24FoodXml(
        '<food uid="11233" name="x"><nutrient amount="1" name="Energy"/><nutrient amount="2" name="Energy"/></food>',
      ),
    ).toThrow(/Energy twice/);
    expect(() =>
      parseSr24FoodXml('<food uid="11233" name="x"><nutrient amount="" name="Energy"/></food>'),
    ).toThrow(/not a number/);
    expect(() => parseSr24FoodXml('<food name="x"></food>')).toThrow(/uid/);
  });
});

describe('splitSr24Foods', () => {
  it('finds full and self-closing food elements in concatenated files', () => {
    const parts = splitSr24Foods(`${salmon}\n<food uid="23999" name="calculator"/>${salmon}`);
    expect(parts).toHaveLength(3);
    expect(parseSr24FoodXml(parts[1] as string).nutrients.size).toBe(0);
  });
});

describe('parseSr24Index', () => {
  it('reads NDB|name lines', () => {
    expect(parseSr24Index('01058|Sour dressing\n11233|Kale, raw\n')).toEqual(['01058', '11233']);
    expect(() => parseSr24Index('kale|Kale')).toThrow(/malformed/);
  });
});
