import type { Analysis, AnalyzedEntry } from '../analysis/types.js';
import type { Food, FoodIndex, Portion } from '../foods.js';
import { MEDAS_ITEMS, MEDAS_NOTES, MEDAS_SOURCES, medasBand, type MedasBand } from './medas.js';
import type { SourceRef } from '../sources.js';

/**
 * Estimates the MEDAS items a food diary can support, from SR24 food groups and names and the
 * serving sizes the screener defines. Items a diary cannot answer (which fat is used for
 * cooking, a preference for white meat) are reported as not derivable, never guessed. Where a
 * serving size is a range (red meat 100–150 g, fish 100–150 g) and the diary falls inside the
 * ambiguity, the item stays undetermined.
 */

export type EstimateStatus = 'estimated' | 'undetermined' | 'not-derivable';

export interface MedasItemEstimate {
  number: number;
  title: string;
  question: string;
  criterion: string;
  status: EstimateStatus;
  /** The diary's amount in the item's unit (a lower bound where `basis` says so). */
  value?: number;
  unit?: string;
  point: 0 | 1 | null;
  basis: string;
}

export interface MedasEstimate {
  days: number;
  items: MedasItemEstimate[];
  /** Points from the estimated items. */
  total: number;
  /** Highest total possible if every undetermined or not-derivable item scored. */
  possibleMax: number;
  /** The band when every possible total falls in one band; otherwise null. */
  band: MedasBand | null;
  notDerivable: { number: number; reason: string }[];
  notes: readonly string[];
  sources: readonly SourceRef[];
}

interface Classified {
  entry: AnalyzedEntry;
  food: Food | undefined;
  name: string;
  group: string;
}

const RED_MEAT_GROUPS = new Set([
  'Beef Products',
  'Pork Products',
  'Lamb, Veal, and Game Products',
  'Sausages and Luncheon Meats',
]);
const SHELLFISH =
  /crustaceans|mollusks|shrimp|crab|lobster|clam|mussel|oyster|scallop|squid|octopus|crayfish|abalone|conch|whelk|cuttlefish/i;
const LEGUME_NAMES =
  /^(beans|lentils|chickpeas|peas|cowpeas|broadbeans|lima beans|mung beans|natto|soybeans|hummus|refried beans|pigeon peas|lupins|falafel|yardlong beans|hyacinth beans|winged beans|adzuki|moth beans|tempeh)\b/i;
const SWEETS =
  /\b(cakes?|cookies?|biscuits?|pastry|pastries|doughnuts?|croissants?|danish|pies?|muffins?|brownies?|custards?|puddings?|sweet rolls?)\b/i;
const HOMEMADE = /prepared from recipe|home-prepared|homemade/i;

function sumGrams(entries: readonly Classified[]): number {
  return entries.reduce((sum, c) => sum + c.entry.grams, 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function findPortion(food: Food | undefined, pattern: RegExp): Portion | undefined {
  return food?.portions.find((portion) => pattern.test(portion.name));
}

function itemText(number: number) {
  const item = MEDAS_ITEMS[number - 1]!;
  return { number, title: item.title, question: item.question, criterion: item.criterion };
}

function estimated(
  number: number,
  value: number,
  unit: string,
  point: 0 | 1,
  basis: string,
): MedasItemEstimate {
  return { ...itemText(number), status: 'estimated', value: round(value), unit, point, basis };
}

function notDerivable(number: number, basis: string): MedasItemEstimate {
  return { ...itemText(number), status: 'not-derivable', point: null, basis };
}

/**
 * @param analysis a diary analysis (src/core/analysis)
 * @param foods the food index the diary was resolved against (for group, name and portions)
 */
export function estimateMedasFromAnalysis(analysis: Analysis, foods: FoodIndex): MedasEstimate {
  const days = analysis.days.length;
  const all: Classified[] = analysis.days.flatMap((day) =>
    day.entries.map((entry) => {
      const food = foods.get(entry.foodId);
      return { entry, food, name: food?.name ?? entry.name, group: food?.group ?? '' };
    }),
  );
  const perDay = (value: number) => (days > 0 ? value / days : 0);
  const perWeek = (value: number) => perDay(value) * 7;
  const where = (test: (c: Classified) => boolean) => all.filter(test);

  const items: MedasItemEstimate[] = [];

  items.push(notDerivable(1, 'A diary records what was eaten, not which fat is used for cooking.'));

  // 2. Olive oil, in each food's own tablespoon portion (SR24 04053: 1 tablespoon = 13.5 g).
  const oliveOil = where((c) => /^oil, olive\b/i.test(c.name));
  const noTablespoon = oliveOil.filter((c) => !findPortion(c.food, /^(tablespoon|tbsp)\b/i));
  if (noTablespoon.length > 0) {
    items.push(notDerivable(2, `No tablespoon portion is known for ${noTablespoon[0]!.name}.`));
  } else {
    const tbsp = oliveOil.reduce(
      (sum, c) => sum + c.entry.grams / findPortion(c.food, /^(tablespoon|tbsp)\b/i)!.grams,
      0,
    );
    const value = perDay(tbsp);
    items.push(
      estimated(
        2,
        value,
        'tbsp/day',
        value >= 4 ? 1 : 0,
        'Olive oil logged as its own entry, converted with the food’s tablespoon portion; oil used in cooking but not logged is missed.',
      ),
    );
  }

  // 3. Vegetables: 200 g servings, potatoes excluded; raw by name.
  const vegetables = where(
    (c) => c.group === 'Vegetables and Vegetable Products' && !/^potato/i.test(c.name),
  );
  const vegServings = perDay(sumGrams(vegetables)) / 200;
  const rawServings = perDay(sumGrams(vegetables.filter((c) => /\braw\b/i.test(c.name)))) / 200;
  items.push(
    estimated(
      3,
      vegServings,
      'servings/day',
      vegServings >= 2 && rawServings >= 1 ? 1 : 0,
      `SR24 vegetables (potatoes excluded) at 200 g a serving; ${round(rawServings)} serving(s)/day raw by food name. Side dishes are not halved.`,
    ),
  );

  // 4. Fruit units from each food's own piece portion; juices and fruit without one give a lower bound.
  const fruit = where((c) => c.group === 'Fruits and Fruit Juices');
  let units = 0;
  let unconverted = 0;
  for (const c of fruit) {
    const piece = findPortion(c.food, /^(medium|small|large|extra small|extra large)\b|\bfruit\b/i);
    if (piece) units += c.entry.grams / (piece.grams / piece.amount);
    else unconverted += c.entry.grams;
  }
  const fruitUnits = perDay(units);
  if (fruitUnits >= 3 || unconverted === 0) {
    items.push(
      estimated(
        4,
        fruitUnits,
        'units/day',
        fruitUnits >= 3 ? 1 : 0,
        `Pieces from each fruit’s own household portion (medium, small, large or fruit).${unconverted > 0 ? ' Some fruit had no piece portion, so this is a lower bound.' : ''}`,
      ),
    );
  } else {
    items.push({
      ...itemText(4),
      status: 'undetermined',
      value: round(fruitUnits),
      unit: 'units/day (lower bound)',
      point: null,
      basis: `${round(perDay(unconverted))} g/day of fruit or juice has no piece portion to count as units.`,
    });
  }

  // 5. Red and processed meat, 100–150 g a serving.
  const redMeat = where(
    (c) =>
      (RED_MEAT_GROUPS.has(c.group) && !/rabbit/i.test(c.name)) ||
      /\b(hamburger|cheeseburger)\b/i.test(c.name),
  );
  const meatGrams = perDay(sumGrams(redMeat));
  if (meatGrams < 100 || meatGrams >= 150) {
    items.push(
      estimated(
        5,
        meatGrams / 100,
        'servings/day (at 100 g)',
        meatGrams < 100 ? 1 : 0,
        `${round(meatGrams)} g/day of red meat and meat products (SR24 beef, pork, lamb/veal/game, sausages and luncheon meats, hamburgers).`,
      ),
    );
  } else {
    items.push({
      ...itemText(5),
      status: 'undetermined',
      value: round(meatGrams / 100),
      unit: 'servings/day (at 100 g)',
      point: null,
      basis: `${round(meatGrams)} g/day is 1 serving at 100 g but less than 1 at 150 g; the screener allows both.`,
    });
  }

  // 6. Butter, margarine, cream: 12 g a serving.
  const butter = where(
    (c) =>
      (c.group === 'Dairy and Egg Products' || c.group === 'Fats and Oils') &&
      /^(butter|margarine|cream)\b/i.test(c.name),
  );
  const butterServings = perDay(sumGrams(butter)) / 12;
  items.push(
    estimated(
      6,
      butterServings,
      'servings/day',
      butterServings < 1 ? 1 : 0,
      'Butter, margarine and cream logged as entries, at 12 g a serving.',
    ),
  );

  // 7. Sweet or carbonated drinks: one diary entry counted as one drink.
  const drinks = where(
    (c) =>
      c.group === 'Beverages' &&
      /carbonated|cola|soda|lemonade|punch|drink/i.test(c.name) &&
      !/unsweetened|alcoholic|water, (bottled|tap)/i.test(c.name),
  );
  const drinksPerDay = perDay(drinks.length);
  items.push(
    estimated(
      7,
      drinksPerDay,
      'drinks/day',
      drinksPerDay < 1 ? 1 : 0,
      'Each diary entry of a sweet or carbonated drink counts as one drink (the screener defines no volume).',
    ),
  );

  // 8. Wine: one diary entry counted as one glass.
  const wine = where((c) => /\bwine\b/i.test(c.name) && !/vinegar|cooking/i.test(c.name));
  const glasses = perWeek(wine.length);
  items.push(
    estimated(
      8,
      glasses,
      'glasses/week',
      glasses >= 7 ? 1 : 0,
      'Each wine entry counts as one glass (the screener defines no glass size). See the note on alcohol.',
    ),
  );

  // 9. Legumes: 150 g a serving.
  const legumes = where(
    (c) => c.group === 'Legumes and Legume Products' && LEGUME_NAMES.test(c.name),
  );
  const legumeServings = perWeek(sumGrams(legumes)) / 150;
  items.push(
    estimated(
      9,
      legumeServings,
      'servings/week',
      legumeServings >= 3 ? 1 : 0,
      'Beans, lentils, chickpeas, peas and similar (SR24 legumes; peanuts, soy drinks and tofu not counted) at 150 g a serving.',
    ),
  );

  // 10. Fish 100–150 g, shellfish 200 g a serving.
  const seafood = where((c) => c.group === 'Finfish and Shellfish Products');
  const shellGrams = sumGrams(seafood.filter((c) => SHELLFISH.test(c.name)));
  const fishGrams = sumGrams(seafood) - shellGrams;
  const fishLow = perWeek(fishGrams / 150 + shellGrams / 200);
  const fishHigh = perWeek(fishGrams / 100 + shellGrams / 200);
  if (fishLow >= 3 || fishHigh < 3) {
    items.push(
      estimated(
        10,
        fishHigh,
        'servings/week (fish at 100 g)',
        fishLow >= 3 ? 1 : 0,
        'Fish at 100–150 g and shellfish at 200 g a serving; the result is the same at either fish serving size.',
      ),
    );
  } else {
    items.push({
      ...itemText(10),
      status: 'undetermined',
      value: round(fishHigh),
      unit: 'servings/week (fish at 100 g)',
      point: null,
      basis: `${round(fishLow)}–${round(fishHigh)} servings a week depending on the fish serving size (100–150 g), either side of 3.`,
    });
  }

  // 11. Commercial sweets and pastries: times a week (entries).
  const sweets = where(
    (c) =>
      (c.group === 'Baked Products' || c.group === 'Sweets') &&
      SWEETS.test(c.name) &&
      !HOMEMADE.test(c.name),
  );
  const sweetsPerWeek = perWeek(sweets.length);
  items.push(
    estimated(
      11,
      sweetsPerWeek,
      'times/week',
      sweetsPerWeek < 3 ? 1 : 0,
      'Entries of cakes, cookies, biscuits, pastries, custard and similar not prepared from a recipe.',
    ),
  );

  // 12. Nuts including peanuts: 30 g a serving.
  const nuts = where(
    (c) => /^(nuts|peanuts),/i.test(c.name) && !/butter|flour|oil|milk|paste|meal/i.test(c.name),
  );
  const nutServings = perWeek(sumGrams(nuts)) / 30;
  items.push(
    estimated(
      12,
      nutServings,
      'servings/week',
      nutServings >= 3 ? 1 : 0,
      'Nuts and peanuts (not nut butters, flours or oils) at 30 g a serving.',
    ),
  );

  items.push(
    notDerivable(
      13,
      'A preference between white and red meat is a question to the person, not something a diary shows.',
    ),
  );

  // 14. Sofrito: only dishes logged as sofrito are seen.
  const sofrito = perWeek(where((c) => /sofrito/i.test(c.name)).length);
  if (sofrito >= 2) {
    items.push(estimated(14, sofrito, 'times/week', 1, 'Entries of sofrito sauce.'));
  } else {
    items.push(
      notDerivable(
        14,
        'Dishes cooked with sofrito are rarely logged as such; answer this item yourself.',
      ),
    );
  }

  const total = items.reduce((sum, item) => sum + (item.point ?? 0), 0);
  const open = items.filter((item) => item.point === null).length;
  const possibleMax = total + open;
  const low = medasBand(total);
  const high = medasBand(possibleMax);
  return {
    days,
    items,
    total,
    possibleMax,
    band: low.id === high.id ? low : null,
    notDerivable: items
      .filter((item) => item.status === 'not-derivable')
      .map((item) => ({ number: item.number, reason: item.basis })),
    notes: [
      'An estimate from the diary: a diary covers only the days logged, and foods are classified by SR24 group and name.',
      ...MEDAS_NOTES,
    ],
    sources: MEDAS_SOURCES,
  };
}
