/**
 * Meals as people build them (issue 10, part 1): the roles a pantry food plays in a meal, the
 * meal templates per slot, and the pairing rules that hold in every template.
 *
 * Templates (one per main meal, chosen by a binary per meal; an "other" template exists so a
 * profile whose exclusions rule every template out still gets a plan, at a high cost):
 * - breakfast: cereal bowl (cereal or porridge + milk, yogurt or soy milk, fruit optional);
 *   toast (bread + a topping: spread, egg, cheese, ham or smoked fish, avocado);
 *   yogurt bowl (yogurt + fruit or nuts/seeds);
 * - lunch: sandwich (bread + a filling + a raw vegetable); salad bowl (salad leaves or raw
 *   vegetables + a protein food); soup + bread; plate (protein + starch + a cooked vegetable,
 *   "leftovers" of a dinner);
 * - dinner: protein + starch + one or two vegetables, with cooking fat;
 * - any main meal, when the person has recipes: one of their own dishes, with sides.
 * Pairing rules (hard, every template): cereal needs a milk; butter and other spreads need
 * their carrier (bread; butter also potatoes or cooked vegetables; jam and honey also yogurt,
 * porridge or pancakes; nut butters also fruit or porridge); oil only with something to cook or
 * dress, oil + butter ≤ 15 g (1 tbsp) a meal; foods not eaten raw appear with a cooking fat;
 * fat supplies at most 35 % of a meal's energy.
 */
import { nutrientPer100g } from '../foods.js';
import type { ModelBuilder } from './solver-port.js';
import type { Meal, PantryItem } from './types.js';

export type Role =
  | 'cereal'
  | 'porridge'
  | 'milk'
  | 'yogurt'
  | 'fruit'
  | 'bread'
  | 'spread'
  | 'butter'
  | 'egg'
  | 'topping'
  | 'nuts'
  | 'protein'
  | 'starch'
  | 'vegetable'
  | 'cooked-vegetable'
  | 'raw-vegetable'
  | 'salad'
  | 'soup'
  | 'oil'
  | 'cookable'
  | 'potato'
  | 'garnish'
  | 'dish';

const BREAD = /^(Bread|Bagels|English muffins|Tortillas|Crackers|Pancakes|Muffins)/;
const SPREAD =
  /^(Butter|Cheese, cream|Honey|Jams|Peanut butter|Nuts, almond butter|Seeds, sesame butter)/;
const SWEET_SPREAD = /^(Honey|Jams)/;
const NUT_BUTTER = /^(Peanut butter|Nuts, almond butter|Seeds, sesame butter)/;
const GARNISH = /^(Garlic|Parsley|Seaweed|Lemon juice|Lime juice)/;
const RAW_VEG = /, raw|^(Lettuce|Arugula|Endive|Radicchio|Watercress)/;
const SALAD =
  /^(Lettuce|Arugula|Endive|Radicchio|Watercress|Spinach, raw|Kale, raw|Cabbage, raw|Tomatoes, red|Cucumber|Peppers, sweet, (green|red), raw|Radishes|Fennel|Carrots, raw|Celery)/;
const STARCH =
  /^(Rice|Spaghetti|Couscous|Bulgur|Barley|Quinoa|Millet|Buckwheat|Wild rice|Potatoes|Sweet potato, |Corn|Peas, green|Parsnips|Pumpkin|Squash, winter)/;
const TOPPING_MEAT =
  /^(Ham|Pork, cured|Fish, salmon, chinook, smoked|Fish, anchovy|Fish, herring, Atlantic, pickled)/;

/** The roles of a food, from its planner group and name (documented in data/pantry/README.md). */
export function rolesOf(item: PantryItem): Set<Role> {
  const name = item.food.name;
  const roles = new Set<Role>();
  const g = item.group;
  // The person's own recipe: a whole dish, with no other role (it is not "a protein food").
  if (g === 'dishes') return roles.add('dish');
  if (g === 'grains' && /^Cereals/.test(name)) {
    roles.add(/cooked with water/.test(name) ? 'porridge' : 'cereal');
  }
  if (g === 'dairy' || g === 'dairy-alt') roles.add('milk');
  if (/^Yogurt/.test(name)) roles.add('yogurt');
  if (g === 'fruit' || g === 'dried-fruit') roles.add('fruit');
  if (g === 'grains' && BREAD.test(name)) roles.add('bread');
  if (SPREAD.test(name)) roles.add('spread');
  if (/^Butter/.test(name)) roles.add('butter');
  if (g === 'eggs') roles.add('egg');
  if (
    g === 'eggs' ||
    g === 'cheese' ||
    TOPPING_MEAT.test(name) ||
    /^Avocados/.test(name) ||
    SPREAD.test(name)
  )
    roles.add('topping');
  if (g === 'nuts-seeds' && !NUT_BUTTER.test(name)) roles.add('nuts');
  if (
    g === 'meat' ||
    g === 'fish' ||
    g === 'legumes' ||
    g === 'eggs' ||
    /^Natto/.test(name) ||
    (g === 'cheese' && !/parmesan|romano/.test(name))
  )
    roles.add('protein');
  if (STARCH.test(name) && (g === 'grains' || g === 'starchy-vegetables')) roles.add('starch');
  if (/^Potatoes|^Sweet potato, /.test(name)) roles.add('potato');
  if (GARNISH.test(name)) roles.add('garnish');
  if (g === 'vegetables' && !GARNISH.test(name)) {
    roles.add('vegetable');
    roles.add(RAW_VEG.test(name) && !item.notRaw ? 'raw-vegetable' : 'cooked-vegetable');
  }
  // Starchy vegetables that are the meal's starch (peas, corn, parsnips, pumpkin, winter squash)
  // do not also count as its vegetable: a plate has a starch and a separate vegetable.
  if (g === 'starchy-vegetables' && !STARCH.test(name)) {
    roles.add('vegetable');
    roles.add('cooked-vegetable');
  }
  if (SALAD.test(name)) roles.add('salad');
  if (/^Soup/.test(name)) roles.add('soup');
  if (/^Oil/.test(name)) roles.add('oil');
  // What a cooking fat can cook: meat, fish, eggs, tofu and tempeh, cooked vegetables and starches.
  if (
    g === 'meat' ||
    g === 'fish' ||
    g === 'eggs' ||
    /^(Tofu|Tempeh)/.test(name) ||
    roles.has('cooked-vegetable') ||
    roles.has('potato') ||
    item.notRaw === true
  )
    roles.add('cookable');
  return roles;
}

/** Fat supplies at most this share of a meal's energy. */
export const MEAL_FAT_ENERGY_MAX = 0.35;
/** Oil and butter together at most this many grams a meal (1 tablespoon ≈ 13.5–14 g, in 5 g steps). */
export const MEAL_ADDED_FAT_MAX_G = 15;

interface TemplateDef {
  name: string;
  label: string;
  /** Each inner list: at least one food with one of these roles. */
  requires: Role[][];
}

/** Templates per main meal; a role listed in `RESTRICTED` may appear only in templates naming it. */
export const TEMPLATES: Partial<Record<Meal, TemplateDef[]>> = {
  breakfast: [
    {
      name: 'cereal',
      label: 'cereal or porridge with milk, yogurt or soy milk',
      requires: [['cereal', 'porridge']],
    },
    {
      name: 'toast',
      label: 'bread or toast with a spread, egg or cheese',
      requires: [['bread'], ['topping']],
    },
    {
      name: 'yogurt',
      label: 'yogurt with fruit, nuts or seeds',
      requires: [['yogurt'], ['fruit', 'nuts']],
    },
  ],
  lunch: [
    {
      name: 'sandwich',
      label: 'a sandwich: bread, a filling and raw vegetables',
      requires: [['bread'], ['protein', 'spread'], ['raw-vegetable']],
    },
    {
      name: 'salad',
      label: 'a salad bowl with a protein food',
      requires: [['salad'], ['protein']],
    },
    { name: 'soup', label: 'soup with bread', requires: [['soup'], ['bread']] },
    {
      name: 'plate',
      label: 'a plate (or leftovers): protein, starch and a cooked vegetable',
      requires: [['protein'], ['starch'], ['cooked-vegetable']],
    },
  ],
  dinner: [
    {
      name: 'plate',
      label: 'protein, a starch and one or two vegetables',
      requires: [['protein'], ['starch', 'bread'], ['vegetable']],
    },
  ],
};

/**
 * A meal built around one of the person's own dishes (a recipe), with anything alongside that
 * the other rules allow. Added to a meal only when a dish can be eaten there, so a plan without
 * recipes has exactly the templates above; a dish appears in no other template.
 */
export const DISH_TEMPLATE: TemplateDef = {
  name: 'dish',
  label: 'one of your own dishes (a recipe), with sides',
  requires: [['dish']],
};

/** Roles allowed only in the named templates of a meal (the "other" fallback allows everything). */
const RESTRICTED: Partial<Record<Meal, Partial<Record<Role, string[]>>>> = {
  breakfast: {
    cereal: ['cereal'],
    porridge: ['cereal'],
    bread: ['toast'],
    egg: ['toast'],
    protein: ['toast'],
    nuts: ['cereal', 'yogurt'],
  },
  lunch: {
    soup: ['soup'],
    starch: ['salad', 'plate'],
  },
};

/**
 * Cost of a meal that follows no template. Infinite: templates are hard rules (a finite cost adds
 * an "other" template; tried at 400 it made HiGHS settle on untemplated meals within its limits).
 */
export const OTHER_TEMPLATE_COST = Number.POSITIVE_INFINITY;

export interface MealCell {
  item: PantryItem;
  /** x: whole portion steps at this meal. */
  x: number;
  /** z: the food is eaten at this meal (binary). */
  z: number;
}

export interface TemplateVars {
  meal: Meal;
  /** Template name → column of its binary; `other` included. */
  choice: Map<string, number>;
}

/** Adds templates and pairing rules for one meal of one day; returns the template binaries. */
export function addMealRules(
  b: ModelBuilder,
  prefix: string,
  meal: Meal,
  cells: MealCell[],
  energyPer100g: (item: PantryItem) => number,
): TemplateVars {
  const withRole = (role: Role) => cells.filter((c) => rolesOf(c.item).has(role));
  const zs = (list: MealCell[]) => list.map((c) => [c.z, 1] as [number, number]);
  const step = (c: MealCell, per100: number) => (per100 * c.item.stepG) / 100;
  const choice = new Map<string, number>();

  // Pairing rules.
  const milks = withRole('milk');
  for (const cereal of withRole('cereal')) {
    b.addRow(`${prefix}:pair:${meal}-cereal-milk:${safe(cereal.item.food.id)}`, -Infinity, 0, [
      [cereal.z, 1],
      ...zs(milks).map(([c]) => [c, -1] as [number, number]),
    ]);
  }
  // Enough milk for the cereal: at least 2 g of milk, yogurt or soy milk per gram of dry cereal
  // (a 30 g bowl takes about 1/2 cup; porridge cooked with water is not counted).
  const cereals = withRole('cereal');
  if (cereals.length > 0 && milks.length > 0)
    b.addRow(`${prefix}:pair:${meal}-cereal-milk-amount`, 0, Infinity, [
      ...milks.map((c) => [c.x, c.item.stepG] as [number, number]),
      ...cereals.map((c) => [c.x, -2 * c.item.stepG] as [number, number]),
    ]);
  const bread = withRole('bread');
  for (const spread of withRole('spread')) {
    const name = spread.item.food.name;
    const carriers = cells.filter((c) => {
      if (c === spread) return false;
      const r = rolesOf(c.item);
      if (r.has('bread')) return true;
      if (/^Butter/.test(name)) return r.has('potato') || r.has('cooked-vegetable');
      if (SWEET_SPREAD.test(name)) return r.has('yogurt') || r.has('porridge');
      if (NUT_BUTTER.test(name))
        return r.has('porridge') || /^(Apples|Bananas|Pears|Celery)/.test(c.item.food.name);
      return false;
    });
    void bread;
    b.addRow(`${prefix}:pair:${meal}-spread-carrier:${safe(spread.item.food.id)}`, -Infinity, 0, [
      [spread.z, 1],
      ...zs(carriers).map(([c]) => [c, -1] as [number, number]),
    ]);
  }
  const oils = withRole('oil');
  const dressable = cells.filter((c) => {
    const r = rolesOf(c.item);
    return r.has('cookable') || r.has('salad') || r.has('raw-vegetable') || r.has('starch');
  });
  for (const oil of oils) {
    b.addRow(`${prefix}:pair:${meal}-oil-use:${safe(oil.item.food.id)}`, -Infinity, 0, [
      [oil.z, 1],
      ...zs(dressable).map(([c]) => [c, -1] as [number, number]),
    ]);
  }
  const addedFat = cells.filter((c) => rolesOf(c.item).has('oil') || rolesOf(c.item).has('butter'));
  if (addedFat.length > 0)
    b.addRow(
      `${prefix}:meal-fat:${meal}-added`,
      -Infinity,
      MEAL_ADDED_FAT_MAX_G,
      addedFat.map((c) => [c.x, c.item.stepG]),
    );
  const cookingFat = cells.filter(
    (c) => rolesOf(c.item).has('oil') || rolesOf(c.item).has('butter'),
  );
  for (const raw of cells.filter((c) => c.item.notRaw)) {
    b.addRow(`${prefix}:pair:${meal}-cooked:${safe(raw.item.food.id)}`, -Infinity, 0, [
      [raw.z, 1],
      ...zs(cookingFat).map(([c]) => [c, -1] as [number, number]),
    ]);
  }
  // Fat ≤ 35 % of the meal's energy: 9·fat − 0.35·energy ≤ 0.
  const fatTerms = cells
    .map((c) => {
      const fat = nutrientPer100g(c.item.food, 'fat')?.per100g ?? 0;
      return [c.x, step(c, 9 * fat - MEAL_FAT_ENERGY_MAX * energyPer100g(c.item))] as [
        number,
        number,
      ];
    })
    .filter(([, v]) => v !== 0);
  if (fatTerms.length > 0)
    b.addRow(`${prefix}:meal-fat:${meal}-energy-share`, -Infinity, 0, fatTerms);

  // Templates.
  const curated = TEMPLATES[meal];
  if (!curated) return { meal, choice };
  const dishes = withRole('dish');
  const templates = dishes.length > 0 ? [...curated, DISH_TEMPLATE] : curated;
  for (const t of templates) {
    const w = b.addCol(`w_${meal}_${t.name}_${prefix}`, 0, 0, 1, true);
    choice.set(t.name, w);
    for (const [k, roles] of t.requires.entries()) {
      const members = cells.filter((c) => roles.some((r) => rolesOf(c.item).has(r)));
      b.addRow(`${prefix}:template:${meal}-${t.name}-${k + 1}`, 0, Infinity, [
        ...zs(members),
        [w, -1],
      ]);
    }
  }
  if (Number.isFinite(OTHER_TEMPLATE_COST)) {
    const other = b.addCol(`w_${meal}_other_${prefix}`, OTHER_TEMPLATE_COST, 0, 1, true);
    choice.set('other', other);
  }
  b.addRow(
    `${prefix}:template:${meal}-one`,
    1,
    1,
    [...choice.values()].map((c) => [c, 1]),
  );
  if (dishes.length > 0) {
    const dish = choice.get(DISH_TEMPLATE.name) as number;
    b.addRow(`${prefix}:template:${meal}-only-dish`, -Infinity, 0, [
      ...zs(dishes),
      [dish, -dishes.length],
    ]);
    // The dish is the meal's main: no other protein food beside it (no fish and a lentil stew).
    const proteins = withRole('protein');
    if (proteins.length > 0)
      b.addRow(`${prefix}:template:${meal}-dish-main`, -Infinity, proteins.length, [
        ...zs(proteins),
        [dish, proteins.length],
      ]);
  }
  for (const [role, allowed] of Object.entries(RESTRICTED[meal] ?? {}) as [Role, string[]][]) {
    const members = withRole(role);
    if (members.length === 0) continue;
    b.addRow(`${prefix}:template:${meal}-only-${role}`, -Infinity, 0, [
      ...zs(members),
      ...[...allowed, 'other']
        .filter((n) => choice.has(n))
        .map((n) => [choice.get(n) as number, -members.length] as [number, number]),
    ]);
  }
  if (meal !== 'breakfast') {
    // At most two protein foods a meal (chicken and chickpeas, not chicken, eggs and chickpeas).
    const proteins = withRole('protein');
    if (proteins.length > 2)
      b.addRow(`${prefix}:template:${meal}-proteins-max`, -Infinity, 2, zs(proteins));
  }
  if (meal === 'dinner') {
    // One or two vegetables at dinner (garnishes aside).
    const veg = withRole('vegetable');
    if (veg.length > 2) b.addRow(`${prefix}:template:dinner-vegetables-max`, -Infinity, 2, zs(veg));
  }
  return { meal, choice };
}

/** The template a planned meal follows, from its foods (for reports and tests). */
export function templateOf(meal: Meal, items: PantryItem[]): string {
  const roles = items.map(rolesOf);
  const hasAny = (list: Role[]) => roles.some((r) => list.some((x) => r.has(x)));
  if (TEMPLATES[meal] && hasAny(['dish'])) return DISH_TEMPLATE.name;
  for (const t of TEMPLATES[meal] ?? []) {
    if (t.requires.every((req) => hasAny(req))) {
      const restricted = RESTRICTED[meal] ?? {};
      const ok = Object.entries(restricted).every(
        ([role, allowed]) => !hasAny([role as Role]) || (allowed as string[]).includes(t.name),
      );
      if (ok) return t.name;
    }
  }
  return TEMPLATES[meal] ? 'other' : meal;
}

function safe(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '_');
}
