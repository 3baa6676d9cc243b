/**
 * Derives data/pantry/pantry.csv from the bundled SR24 tables and the curated list below.
 * Run: npx tsx data/pantry/derive.ts  (rewrites pantry.csv; review the diff).
 *
 * Tags are derived from the SR24 food group and the food's name (rules below); where a rule
 * cannot know (a recipe's ingredients, a "may contain"), the CURATED table overrides it.
 * See data/pantry/README.md for every rule and its reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const sr24 = fileURLToPath(new URL('../sr24/', import.meta.url));

/** Everyday foods chosen from SR24 (5-digit NDB numbers). */
const NDBS = `01004 01006 01007 01009 01011 01012 01016 01017 01018 01019 01020 01022 01023 01024 01025 01029
01030 01032 01033 01034 01035 01037 01038 01040 01041 01056 01077 01079 01082 01088 01116 01117 01121 01128
01129 01131 01132 01145 01156 01157 02069 04053 04506 04528 04582 05060 05064 05098 05142 05186 06217 07029
08001 08013 08037 08120 08121 08122 08147 09003 09021 09032 09037 09040 09042 09050 09070 09078 09079 09083
09094 09112 09132 09139 09148 09152 09160 09176 09181 09191 09193 09200 09206 09218 09226 09236 09252 09263
09266 09279 09286 09291 09298 09302 09316 09326 09404 09421 10042 10061 10153 11008 11012 11043 11052 11053
11081 11087 11090 11091 11093 11097 11099 11109 11110 11117 11124 11125 11135 11136 11143 11148 11162 11179
11205 11208 11210 11212 11213 11215 11233 11234 11236 11242 11243 11247 11248 11251 11252 11253 11260 11261
11269 11271 11279 11282 11283 11297 11299 11301 11313 11333 11363 11365 11423 11429 11436 11439 11457 11458
11464 11477 11478 11486 11506 11508 11529 11549 11565 11569 11591 11669 11693 11821 11823 11886 11937 11952
11957 11959 11993 12006 12014 12023 12036 12061 12078 12085 12120 12131 12142 12152 12155 12166 12195 12220
13382 13420 15002 15016 15034 15037 15040 15041 15047 15077 15084 15086 15088 15089 15092 15121 15140 15151
15159 15165 15168 15176 15201 15205 15235 15237 15241 15262 16002 16006 16015 16025 16033 16038 16043 16050
16057 16063 16070 16086 16109 16112 16113 16129 16138 16139 16158 16174 16390 16398 16424 16426 17014
18001 18042 18060 18069 18075 18235 18266 18274 18293 18363 18364 19165 19296 19297 19904 20006 20010 20013
20029 20032 20037 20045 20089 20121 20125 20134 20137 23563 23568 23629 42231`
  .split(/\s+/)
  .filter(Boolean);

interface Row {
  ndb: string;
  name: string;
  srGroup: string;
  group: string;
  meals: string[];
  stepG: number;
  minG: number;
  maxG: number;
  allergens: Set<string>;
  pattern: 'vegan' | 'vegetarian' | 'pescatarian' | 'omnivore';
  sweetened: boolean;
  portion: string;
  note: string;
}

const has = (name: string, re: RegExp): boolean => re.test(name);

function groupOf(name: string, srGroup: string): string {
  if (/^(Sauerkraut|Pickles|Miso|Natto|Kefir)/.test(name)) return 'fermented';
  if (/^(Soymilk)/.test(name)) return 'dairy-alt';
  if (/^(Peanut|Peanuts)/.test(name)) return 'nuts-seeds';
  if (/^(Soy sauce|Vinegar|Tomato products|Soup)/.test(name)) return 'condiments';
  if (/^(Olives|Avocados)/.test(name)) return 'fats-oils';
  if (/^(Lemon juice|Lime juice)/.test(name)) return 'condiments';
  if (/juice/i.test(name)) return 'beverages';
  if (/^Egg,/.test(name)) return 'eggs';
  if (/^(Butter|Cream)/.test(name)) return 'fats-oils';
  if (/^Cheese/.test(name)) return 'cheese';
  if (/^(Lentils, sprouted|Mung beans|Edamame)/.test(name)) return 'vegetables';
  switch (srGroup) {
    case 'Vegetables and Vegetable Products':
      return /^(Potatoes|Sweet potato|Corn|Peas, green|Parsnips|Squash, winter|Pumpkin)/.test(name)
        ? 'starchy-vegetables'
        : 'vegetables';
    case 'Fruits and Fruit Juices':
      return /dried|Raisins|Dates/.test(name) ? 'dried-fruit' : 'fruit';
    case 'Baked Products':
    case 'Breakfast Cereals':
    case 'Cereal Grains and Pasta':
      return 'grains';
    case 'Dairy and Egg Products':
      return 'dairy';
    case 'Finfish and Shellfish Products':
      return 'fish';
    case 'Legumes and Legume Products':
      return 'legumes';
    case 'Nut and Seed Products':
      return 'nuts-seeds';
    case 'Fats and Oils':
      return 'fats-oils';
    case 'Sweets':
      return 'sweets';
    case 'Beef Products':
    case 'Pork Products':
    case 'Poultry Products':
    case 'Lamb, Veal, and Game Products':
    case 'Sausages and Luncheon Meats':
      return 'meat';
    default:
      return 'condiments';
  }
}

const MEALS_BY_GROUP: Record<string, string[]> = {
  vegetables: ['lunch', 'dinner'],
  'starchy-vegetables': ['lunch', 'dinner'],
  fruit: ['breakfast', 'lunch', 'snack'],
  'dried-fruit': ['breakfast', 'snack'],
  grains: ['lunch', 'dinner'],
  dairy: ['breakfast', 'snack'],
  'dairy-alt': ['breakfast', 'snack'],
  cheese: ['breakfast', 'lunch', 'snack'],
  eggs: ['breakfast', 'lunch'],
  meat: ['lunch', 'dinner'],
  fish: ['lunch', 'dinner'],
  legumes: ['lunch', 'dinner'],
  'nuts-seeds': ['breakfast', 'snack'],
  'fats-oils': ['lunch', 'dinner'],
  fermented: ['lunch', 'dinner'],
  condiments: ['lunch', 'dinner'],
  sweets: ['breakfast', 'snack'],
  beverages: ['breakfast'],
};

/** Per-day bounds in grams (min when eaten, max) by planner group; overridden per food below. */
const BOUNDS_BY_GROUP: Record<string, [number, number]> = {
  vegetables: [40, 200],
  'starchy-vegetables': [75, 250],
  fruit: [60, 200],
  'dried-fruit': [15, 40],
  grains: [40, 250],
  dairy: [100, 500],
  'dairy-alt': [100, 500],
  cheese: [15, 60],
  eggs: [50, 150],
  meat: [60, 180],
  fish: [60, 180],
  legumes: [60, 250],
  'nuts-seeds': [10, 45],
  'fats-oils': [5, 30],
  fermented: [30, 100],
  condiments: [5, 60],
  sweets: [10, 20],
  beverages: [120, 250],
};

/** Name rules that override meals, bounds or the step: [pattern, changes]. First match wins per field. */
const NAME_RULES: [RegExp, Partial<Pick<Row, 'meals' | 'minG' | 'maxG' | 'stepG' | 'portion'>>][] = [
  // Leafy greens high in K1 or oxalate: one generous cooked portion at most.
  [/^(Spinach|Kale|Collards|Turnip greens|Beet greens|Mustard greens|Dandelion|Chard|Sweet potato leaves|Broccoli raab), .*cooked/i, { maxG: 150, stepG: 50 }],
  [/^(Spinach, raw|Kale, raw|Arugula|Watercress|Lettuce|Endive|Radicchio)/, { maxG: 100 }],
  [/^Parsley/, { minG: 5, maxG: 15, stepG: 5 }],
  [/^Garlic/, { minG: 3, maxG: 9, stepG: 3, portion: 'clove' }],
  [/^Seaweed, wakame/, { minG: 5, maxG: 10, stepG: 5 }],
  [/^(Oats|Cereals, oats, regular and quick, not fortified, dry|Cereals, oats, instant|Cereals ready-to-eat)/, { meals: ['breakfast'], minG: 30, maxG: 80 }],
  [/^Cereals, oats, regular and quick, unenriched, cooked/, { meals: ['breakfast'], minG: 120, maxG: 350 }],
  [/^(Bread|English muffins|Bagels|Tortillas)/, { meals: ['breakfast', 'lunch', 'dinner'], minG: 25, maxG: 120 }],
  [/^(Muffins|Pancakes)/, { meals: ['breakfast'], minG: 40, maxG: 120 }],
  [/^(Crackers)/, { meals: ['snack', 'lunch'], minG: 15, maxG: 45 }],
  [/^Cheese, (cottage|ricotta)/, { meals: ['breakfast', 'lunch', 'snack'], minG: 50, maxG: 200 }],
  [/^Cheese, (parmesan|romano)/, { meals: ['lunch', 'dinner'], minG: 5, maxG: 20, stepG: 5 }],
  [/^Cheese, cream/, { meals: ['breakfast'], minG: 15, maxG: 30 }],
  [/^(Yogurt|Milk, buttermilk)/, { meals: ['breakfast', 'snack'], minG: 100, maxG: 350 }],
  [/^(Milk|Soymilk)/, { maxG: 360 }],
  [/^Cream, sour/, { meals: ['lunch', 'dinner'], minG: 15, maxG: 30 }],
  [/^Butter/, { meals: ['breakfast', 'lunch', 'dinner'], minG: 5, maxG: 15 }],
  [/^Oil, (flaxseed|walnut)/, { minG: 5, maxG: 15 }],
  [/^Oil/, { minG: 5, maxG: 30 }],
  [/^Olives/, { meals: ['lunch', 'dinner', 'snack'], minG: 15, maxG: 45 }],
  [/^Avocados/, { meals: ['breakfast', 'lunch', 'dinner'], minG: 30, maxG: 100 }],
  [/^(Ham|Pork, cured)/, { meals: ['breakfast', 'lunch'], minG: 25, maxG: 60 }],
  [/^Fish, (salmon, chinook, smoked|herring, Atlantic, pickled|anchovy)/, { meals: ['breakfast', 'lunch'], minG: 15, maxG: 60 }],
  [/^Fish, (sardine|tuna, light)/, { meals: ['lunch', 'dinner'], minG: 40, maxG: 100 }],
  [/^Mollusks, oyster/, { maxG: 100 }],
  [/^Natto/, { meals: ['breakfast', 'dinner'], minG: 20, maxG: 50, stepG: 20 }],
  [/^Miso/, { minG: 10, maxG: 20, stepG: 10 }],
  [/^Hummus/, { meals: ['lunch', 'snack'], minG: 30, maxG: 100 }],
  [/^Falafel/, { minG: 50, maxG: 150 }],
  [/^Soy sauce/, { minG: 5, maxG: 10, stepG: 5 }],
  [/^Vinegar/, { minG: 5, maxG: 15, stepG: 5 }],
  [/^(Lemon|Lime) juice/, { minG: 5, maxG: 30, stepG: 5 }],
  [/^Tomato products, canned, sauce/, { minG: 60, maxG: 125 }],
  [/^Soup/, { minG: 120, maxG: 250 }],
  [/^Tofu/, { minG: 60, maxG: 200 }],
  [/^(Tempeh)/, { minG: 50, maxG: 150 }],
  [/^(Peanut butter|Nuts, almond butter|Seeds, sesame butter)/, { meals: ['breakfast', 'snack'], minG: 15, maxG: 32 }],
  [/^Nuts, brazilnuts/, { minG: 5, maxG: 10, stepG: 5, portion: 'nut' }],
  [/^Seeds, (chia|flaxseed)/, { meals: ['breakfast'], minG: 5, maxG: 20, stepG: 5 }],
  [/^Seeds, sesame seeds/, { meals: ['breakfast', 'lunch', 'dinner'], minG: 5, maxG: 15, stepG: 5 }],
  [/^(Honey|Jams)/, { meals: ['breakfast'], minG: 7, maxG: 21, stepG: 7 }],
  [/^Chocolate/, { meals: ['snack'], minG: 10, maxG: 25 }],
  [/^Cocoa/, { meals: ['breakfast'], minG: 5, maxG: 10, stepG: 5 }],
  [/^(Pickles|Sauerkraut)/, { meals: ['lunch', 'dinner'], minG: 30, maxG: 75 }],
  [/^(Radishes|Celery|Carrots, raw|Peppers, sweet, (red|green), raw|Cucumber|Tomatoes, red)/, { meals: ['lunch', 'dinner', 'snack'] }],
  [/^Popcorn/, { meals: ['snack'] }],
  [/^(Orange juice|Grapefruit juice|Tomato juice)/, { meals: ['breakfast'], minG: 120, maxG: 240 }],
];

/** Curated where name and group cannot tell: recipe ingredients, "may contain", added sugar. */
const CURATED: Record<string, Partial<{ allergens: string[]; pattern: Row['pattern']; sweetened: boolean; note: string }>> = {
  '18001': { allergens: ['gluten', 'sesame'], note: 'bagel: SR24 description includes sesame toppings' },
  '18274': { allergens: ['gluten', 'egg', 'dairy'], pattern: 'vegetarian', sweetened: true, note: 'muffin: egg, milk' },
  '18293': { allergens: ['gluten', 'egg', 'dairy'], pattern: 'vegetarian', sweetened: true, note: 'pancakes from recipe: egg, milk' },
  '08037': { allergens: ['gluten', 'tree-nut'], sweetened: true, note: 'homemade granola: oats, wheat germ, nuts, sweetener' },
  '19165': { pattern: 'vegetarian', note: 'cocoa powder: dairy-free, vegetarian for caution about processing' },
  '19904': { allergens: ['dairy'], pattern: 'vegetarian', sweetened: true, note: 'dark chocolate: may contain milk; sugar added' },
  '19296': { pattern: 'vegetarian', sweetened: true, note: 'honey: an added sugar; not vegan' },
  '19297': { sweetened: true, note: 'jam: sugar added' },
  '16138': { allergens: ['gluten'], note: 'falafel from recipe: may contain wheat flour; tagged gluten for caution' },
  '16424': { allergens: ['soy', 'gluten'] },
  '16006': { sweetened: true, note: 'baked beans: sugar or molasses added' },
  '16139': { sweetened: true, note: 'soymilk original: sugar added' },
  '01121': { sweetened: true, note: 'fruit yogurt: sugar added' },
  '09079': { sweetened: true, note: 'dried cranberries, sweetened' },
  '08001': { allergens: ['gluten'], sweetened: true },
  '08013': { allergens: ['gluten'], sweetened: true },
  '18069': { sweetened: true },
  '18075': { sweetened: true },
  '18042': { sweetened: true },
  '18060': { sweetened: true },
  '18235': { sweetened: true },
  '18364': { sweetened: true },
  '18266': { sweetened: true },
  '11549': { sweetened: true, note: 'canned tomato sauce: may contain sugar' },
  '06217': { allergens: ['gluten', 'dairy', 'soy'], pattern: 'vegan', note: 'canned vegetable soup: may contain wheat pasta; checked conservatively' },
};

function allergensOf(name: string, group: string, srGroup: string): Set<string> {
  const out = new Set<string>();
  if (srGroup === 'Dairy and Egg Products' && !/^Egg,/.test(name)) out.add('dairy');
  if (/^Egg,/.test(name)) out.add('egg');
  if (/^Fish/.test(name)) out.add('fish');
  if (/^(Crustaceans|Mollusks)/.test(name)) out.add('shellfish');
  if (/^Peanut/.test(name)) out.add('peanut');
  if (/^Nuts/.test(name)) out.add('tree-nut');
  if (/(Soy|soy|Tofu|Tempeh|Natto|Miso|Edamame)/.test(name)) out.add('soy');
  if (/(sesame|tahini|Hummus)/i.test(name)) out.add('sesame');
  if (/(wheat|Bread|Bagel|Muffin|Pancake|Pasta|Spaghetti|Couscous|Bulgur|Barley|\brye\b|Crackers|flour|Cereals|Oats|oats)/i.test(name)) out.add('gluten');
  if (/(Buckwheat|Rice|Millet|Quinoa|corn|Wild rice)/.test(name) && !/wheat/i.test(name.replace('Buckwheat', ''))) out.delete('gluten');
  void group;
  return out;
}

function patternOf(name: string, srGroup: string, allergens: Set<string>): Row['pattern'] {
  if (
    [
      'Beef Products',
      'Pork Products',
      'Poultry Products',
      'Lamb, Veal, and Game Products',
      'Sausages and Luncheon Meats',
    ].includes(srGroup)
  )
    return 'omnivore';
  if (allergens.has('fish') || allergens.has('shellfish')) return 'pescatarian';
  if (allergens.has('dairy') || allergens.has('egg')) return 'vegetarian';
  return 'vegan';
}

function round5(value: number): number {
  return Math.max(5, Math.round(value / 5) * 5);
}

/** A household portion to express amounts in and to set the step (half of it). */
function householdPortion(portions: { amount: number; name: string; grams: number }[], group: string): { name: string; grams: number } | undefined {
  const per = (p: { amount: number; name: string; grams: number }) => ({ name: p.name, grams: p.grams / p.amount });
  const find = (re: RegExp) => portions.find((p) => re.test(p.name));
  const order: RegExp[] =
    group === 'eggs'
      ? [/^large$/]
      : group === 'meat' || group === 'fish'
        ? [/^oz$/, /^3 oz/, /fillet/]
        : group === 'cheese' || group === 'nuts-seeds' || group === 'sweets'
          ? [/^oz/, /^tbsp/, /^cup/]
          : group === 'fats-oils' || group === 'condiments'
            ? [/^tbsp/, /^tablespoon/, /^cup/]
            : group === 'fruit'
              ? [/^medium/, /^cup/, /^fruit/, /^large/]
              : [/^cup, chopped/, /^cup/, /^slice/, /^medium/, /^oz/, /^tbsp/, /^piece/];
  for (const re of order) {
    const p = find(re);
    if (p) return per(p);
  }
  return portions[0] ? per(portions[0]) : undefined;
}

function main(): void {
  const foodsTsv = readFileSync(`${sr24}foods.tsv`, 'utf8').split('\n');
  const portionsTsv = readFileSync(`${sr24}portions.tsv`, 'utf8').split('\n');
  const foods = new Map<string, { name: string; group: string }>();
  for (const line of foodsTsv.slice(1)) {
    const [ndb, name, group] = line.split('\t');
    if (ndb && name && group) foods.set(ndb, { name, group });
  }
  const portions = new Map<string, { amount: number; name: string; grams: number }[]>();
  for (const line of portionsTsv.slice(1)) {
    const [ndb, , amount, name, grams] = line.split('\t');
    if (!ndb || !name) continue;
    const list = portions.get(ndb) ?? [];
    list.push({ amount: Number(amount), name, grams: Number(grams) });
    portions.set(ndb, list);
  }
  const rows: Row[] = [];
  for (const ndb of NDBS) {
    const food = foods.get(ndb);
    if (!food) throw new Error(`NDB ${ndb} not in data/sr24/foods.tsv`);
    const group = groupOf(food.name, food.group);
    const [minG, maxG] = BOUNDS_BY_GROUP[group] ?? [25, 200];
    const household = householdPortion(portions.get(ndb) ?? [], group);
    let stepG = household ? round5(household.grams / 2) : 25;
    stepG = Math.min(stepG, round5(maxG / 2));
    if (group === 'eggs') stepG = 50;
    if (group === 'meat' || group === 'fish') stepG = 25;
    stepG = Math.min(stepG, 125);
    const allergens = allergensOf(food.name, group, food.group);
    const row: Row = {
      ndb,
      name: food.name,
      srGroup: food.group,
      group,
      meals: MEALS_BY_GROUP[group] ?? ['lunch', 'dinner'],
      stepG,
      minG,
      maxG,
      allergens,
      pattern: patternOf(food.name, food.group, allergens),
      sweetened: false,
      portion: household ? `${household.name}=${Math.round(household.grams * 10) / 10}` : '',
      note: '',
    };
    const done = new Set<string>();
    for (const [re, changes] of NAME_RULES) {
      if (!re.test(food.name)) continue;
      for (const [key, value] of Object.entries(changes)) {
        if (done.has(key)) continue;
        done.add(key);
        if (key === 'portion') continue;
        (row as unknown as Record<string, unknown>)[key] = value;
      }
    }
    const curated = CURATED[ndb];
    if (curated?.allergens) curated.allergens.forEach((a) => row.allergens.add(a));
    if (curated?.pattern) row.pattern = strictest(row.pattern, curated.pattern);
    if (curated?.sweetened !== undefined) row.sweetened = curated.sweetened;
    if (curated?.note) row.note = curated.note;
    if (row.allergens.has('dairy') || row.allergens.has('egg')) row.pattern = strictest(row.pattern, 'vegetarian');
    // Steps never exceed the minimum, and the bounds are whole steps.
    row.minG = Math.max(row.stepG, Math.ceil(row.minG / row.stepG) * row.stepG);
    row.maxG = Math.max(row.minG, Math.floor(row.maxG / row.stepG) * row.stepG);
    rows.push(row);
  }
  const header = 'food_id,name,group,meals,step_g,min_g,max_g,allergens,patterns,sweetened,portion,note';
  const csv = [header];
  const ladder = ['vegan', 'vegetarian', 'pescatarian', 'omnivore'];
  for (const row of rows) {
    const patterns = ladder.slice(ladder.indexOf(row.pattern));
    csv.push(
      [
        `sr24:${row.ndb}`,
        quote(row.name),
        row.group,
        row.meals.join('|'),
        row.stepG,
        row.minG,
        row.maxG,
        [...row.allergens].sort().join('|'),
        patterns.join('|'),
        row.sweetened ? 1 : 0,
        quote(row.portion),
        quote(row.note),
      ].join(','),
    );
  }
  writeFileSync(`${here}pantry.csv`, `${csv.join('\n')}\n`);
  process.stdout.write(`pantry.csv: ${rows.length} foods\n`);
}

function strictest(a: Row['pattern'], b: Row['pattern']): Row['pattern'] {
  // The order is from the most to the least restrictive diet a food fits.
  const ladder = ['vegan', 'vegetarian', 'pescatarian', 'omnivore'];
  return ladder.indexOf(a) >= ladder.indexOf(b) ? a : b;
}

function quote(text: string): string {
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

main();
