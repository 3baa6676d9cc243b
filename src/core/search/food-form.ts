import { splitWords, stemWord } from './normalize.js';

/**
 * What a food name says about the form people eat it in, for ranking a plain query ("salmon",
 * "egg", "almonds") towards the food a person means: a common food, cooked or otherwise ready
 * to eat, a whole food rather than its oil, flour, fat or an organ cut.
 */

/** SR24 groups whose raw or dry rows are ingredients: people log them cooked. */
const COOKED_FIRST_GROUPS: ReadonlySet<string> = new Set([
  'Finfish and Shellfish Products',
  'Poultry Products',
  'Beef Products',
  'Pork Products',
  'Lamb, Veal, and Game Products',
  'Cereal Grains and Pasta',
  'Legumes and Legume Products',
  'Breakfast Cereals',
]);

/** Preparation words: the row describes food as eaten. */
const READY =
  /\b(cooked|boiled|roasted|baked|grilled|broiled|fried|poached|scrambled|steamed|braised|stewed|toasted|microwaved|brewed|heat|prepared|canned|drained|rotisserie)\b/i;
/** The row is an ingredient, not a food as eaten. */
const UNPREPARED =
  /\b(raw|dry|dried|unprepared|uncooked|as purchased|dough|powder|concentrate|undiluted|dehydrated|mix)\b/i;
/** For produce, nuts and dairy the raw or plain row is the everyday one. */
const RAW_IS_READY = /\b(raw|fresh|plain|whole)\b/i;
const SHELF_ONLY = /\b(powder|dough|concentrate|undiluted|dehydrated|dry mix|mix)\b/i;

/**
 * Words that mark a by-product or a specialised row. A food carrying one is demoted unless the
 * query asks for it ("almond oil", "chicken liver", "alaska native").
 */
const DEMOTING: readonly { stem: string; test: (name: string, group: string) => boolean }[] = [
  { stem: 'oil', test: (name) => /^oil\b/i.test(name) },
  { stem: 'fat', test: (name) => /^fat\b|\bseparable fat\b/i.test(name) },
  { stem: 'flour', test: (name) => /\bflour\b/i.test(name) },
  { stem: 'liver', test: (name) => /\bliver\b/i.test(name) },
  { stem: 'giblet', test: (name) => /\bgiblets?\b/i.test(name) },
  { stem: 'skin', test: (name) => /, skin(,|$| \()|\bskin only\b/i.test(name) },
  {
    stem: 'organ',
    test: (name, group) =>
      /^(Beef|Pork|Lamb|Veal|Chicken|Turkey|Duck|Goose|Game|Fish)\b/.test(name) &&
      /\b(kidneys?|heart|gizzards?|tongue|brain|spleen|lungs?|pancreas|thymus|tripe|feet|variety meats)\b/i.test(
        name,
      ) &&
      group !== 'Sausages and Luncheon Meats',
  },
  { stem: 'yolk', test: (name) => /^egg, (yolk|white)\b/i.test(name) },
  { stem: 'native', test: (_name, group) => group === 'American Indian/Alaska Native Foods' },
  { stem: 'babyfood', test: (_name, group) => group === 'Baby Foods' },
  { stem: 'fast', test: (_name, group) => group === 'Fast Foods' },
  {
    stem: 'restaurant',
    test: (name, group) => group === 'Restaurant Foods' || /\brestaurant\b/i.test(name),
  },
  // "Tea" means tea, not an infusion of something else.
  { stem: 'herb', test: (name) => /^tea, herb/i.test(name) },
];

/** Query words that lift a demotion besides its own stem. */
const LIFTED_BY: Readonly<Record<string, readonly string[]>> = {
  organ: [
    'kidney',
    'heart',
    'gizzard',
    'tongue',
    'brain',
    'spleen',
    'lung',
    'pancrea',
    'thymu',
    'tripe',
    'foot',
    'feet',
    'variety',
  ],
  yolk: ['white'],
  native: ['alaska', 'navajo', 'hopi', 'apache', 'shoshone', 'indian'],
  babyfood: ['baby'],
  fast: ['mcdonald', 'burger'],
  herb: ['herbal', 'chamomile', 'infusion'],
  oil: ['oil'],
};

export interface FoodForm {
  /** 0–1: common and ready to eat scores high. */
  prior: number;
  /** Bit i set: DEMOTING[i] applies to this food. */
  demotions: number;
}

/**
 * How everyday and ready to eat a food is. `commonness` is the pantry's 1–3 (data/pantry,
 * meal-tags.csv: 3 = bought by most households most weeks); undefined when the food is not in
 * the pantry.
 * @example assessFoodForm('Fish, salmon, chum, raw', 'Finfish and Shellfish Products').prior // 0.25
 */
export function assessFoodForm(name: string, group: string, commonness?: number): FoodForm {
  const common = commonness === undefined ? 0 : ([0, 0.5, 0.75, 1][commonness] ?? 0);
  let ready: number;
  if (COOKED_FIRST_GROUPS.has(group) || /^eggs?\b/i.test(name)) {
    ready = READY.test(name) ? 1 : UNPREPARED.test(name) ? 0 : 0.5;
  } else if (SHELF_ONLY.test(name) && !/\bprepared\b/i.test(name)) {
    ready = 0;
  } else if (/\binstant\b/i.test(name)) {
    // A convenience form of the plain food ("Coffee, instant, prepared with water").
    ready = 0.6;
  } else {
    ready = RAW_IS_READY.test(name) || READY.test(name) ? 1 : 0.6;
  }
  let demotions = 0;
  DEMOTING.forEach((rule, bit) => {
    if (rule.test(name, group)) demotions |= 1 << bit;
  });
  return { prior: 0.5 * common + 0.5 * ready, demotions };
}

/** The demotions a query lifts: the ones it names. */
export function liftedDemotions(queryWords: readonly string[]): number {
  const words = new Set(queryWords.flatMap((word) => splitWords(word).map(stemWord)));
  let lifted = 0;
  DEMOTING.forEach((rule, bit) => {
    const lifters = [rule.stem, ...(LIFTED_BY[rule.stem] ?? [])];
    if (lifters.some((word) => words.has(word) || [...words].some((w) => w.startsWith(word)))) {
      lifted |= 1 << bit;
    }
  });
  return lifted;
}
