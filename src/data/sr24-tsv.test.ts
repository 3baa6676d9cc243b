import { describe, expect, it } from 'vitest';
import { buildSr24Foods } from './load-foods.js';
import {
  formatSr24FoodsTsv,
  formatSr24PortionsTsv,
  parseGroupAssignmentsTsv,
  parseSr24FoodsTsv,
} from './sr24-tsv.js';

const rows = [
  {
    ndb: '11233',
    name: 'Kale, raw',
    group: 'Vegetables and Vegetable Products',
    nutrients: { 'vitamin-k1': 817, 'vitamin-d': 0 },
  },
  {
    ndb: '15086',
    name: 'Fish, salmon, sockeye',
    group: 'Finfish and Shellfish Products',
    nutrients: { 'vitamin-d': 13.15, 'omega-3': 0.988 },
  },
];
const portions = [{ ndb: '15086', seq: 1, amount: 0.5, name: 'fillet', grams: 155 }];

describe('SR24 TSV', () => {
  it('round-trips values, keeps zeros and leaves unknown cells empty', () => {
    const text = formatSr24FoodsTsv(rows);
    expect(text.split('\n')[1]).toContain('\t\t'); // kale: unknown nutrients
    expect(parseSr24FoodsTsv(text)).toEqual(rows);
  });

  it('builds Foods whose values carry the SR24 record and the conversion notes', () => {
    const foods = buildSr24Foods(formatSr24FoodsTsv(rows), formatSr24PortionsTsv(portions));
    const kale = foods.get('sr24:11233');
    expect(kale?.nutrients['vitamin-d']).toEqual({
      per100g: 0,
      source: {
        label: 'USDA SR24',
        kind: 'dataset',
        dataset: 'USDA National Nutrient Database for Standard Reference, Release 24',
        record: '11233',
        note: 'converted from IU (÷40)',
      },
    });
    expect(kale?.nutrients.energy).toBeUndefined();
    expect(foods.get('sr24:15086')?.nutrients['omega-3']?.source.note).toMatch(
      /621, 629, 631, 851, 852/,
    );
    expect(foods.get('sr24:15086')?.portions).toEqual([
      { name: 'fillet', amount: 0.5, grams: 155 },
    ]);
  });

  it('refuses names with tabs, malformed cells and portions of unknown foods', () => {
    expect(() => formatSr24FoodsTsv([{ ...rows[0]!, name: 'a\tb' }])).toThrow(/tab/);
    const text = formatSr24FoodsTsv(rows).replace('817', 'n/a');
    expect(() =>
      buildSr24Foods(text, formatSr24PortionsTsv([]), { foods: 'f.tsv', portions: 'p.tsv' }),
    ).toThrow(/f\.tsv:2: vitamin-k1 is not a number/);
    expect(() =>
      buildSr24Foods(
        formatSr24FoodsTsv(rows),
        formatSr24PortionsTsv([{ ...portions[0]!, ndb: '99999' }]),
        {
          foods: 'f.tsv',
          portions: 'p.tsv',
        },
      ),
    ).toThrow(/p\.tsv:2: 99999/);
  });

  it('reads group assignments and rejects malformed codes', () => {
    expect(
      parseGroupAssignmentsTsv('ndb\tgroup_code\tbasis\tnote\n19002\t2500\tsr-legacy\tx\n'),
    ).toEqual(new Map([['19002', '2500']]));
    expect(() =>
      parseGroupAssignmentsTsv('ndb\tgroup_code\tbasis\tnote\n19002\t25\tname\tx\n'),
    ).toThrow(/:2:/);
  });
});
