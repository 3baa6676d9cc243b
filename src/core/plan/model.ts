/**
 * The food-plan model: pure code from targets, safety findings and the pantry to a
 * mixed-integer program as arrays (docs/design.md §7, issue 5).
 *
 * Variables per day d: x[f,m,d] = whole portion steps of pantry food f eaten at meal m (integer),
 * y[f,d] = food f is eaten on day d (binary), s[n,d] = shortfall of minimum n (continuous),
 * t[g,d] = shortfall of a food-group minimum (continuous); in close-my-gaps mode r[e,d] = the
 * logged entry e is taken out (binary).
 */
import { nutrientPer100g, type Food } from '../foods.js';
import { getNutrient, type NutrientId, type NutrientUnit } from '../nutrients.js';
import type { Consequence } from '../policy/types.js';
import type { Profile } from '../profile.js';
import { supplementAmount } from '../safety/supplement-totals.js';
import type { Finding } from '../safety/types.js';
import { constraintsFromPolicy, type Consistency } from './constraints-from-policy.js';
import type { SourceRef } from '../sources.js';
import type { PersonalTargets } from '../targets/types.js';
import { addMealRules, DISH_TEMPLATE, TEMPLATES, type MealCell } from './meal-templates.js';
import { ModelBuilder, type LinearModel } from './solver-port.js';
import {
  MEALS,
  type BaseDay,
  type HardLimit,
  type Meal,
  type PantryGroup,
  type PantryItem,
  type PlanHabits,
} from './types.js';

/** DASH servings for 2,000 kcal (NHLBI, "Your Guide to Lowering Your Blood Pressure with DASH", NIH Publication No. 06-4082, 2006). */
export const DASH_SOURCE: SourceRef = {
  kind: 'guideline',
  label:
    'NHLBI. Your Guide to Lowering Your Blood Pressure with DASH. NIH Publication No. 06-4082, 2006',
  url: 'https://www.nhlbi.nih.gov/files/docs/public/heart/new_dash.pdf',
};

/** Minimums the plan weighs most (shortfall per percent of target), the calcification panel first. */
const MIN_WEIGHTS: Partial<Record<NutrientId, number>> = {
  'vitamin-k': 3,
  magnesium: 3,
  calcium: 3,
  'vitamin-d': 3,
  protein: 3,
  potassium: 2,
  'vitamin-c': 2,
  fiber: 2,
  'epa-dha': 2,
};

/** Share of the day's energy per meal: [min, max]. */
export const MEAL_ENERGY_SHARE: Record<Meal, [number, number]> = {
  breakfast: [0.15, 0.35],
  lunch: [0.2, 0.4],
  dinner: [0.25, 0.45],
  snack: [0, 0.2],
};

/** What makes a meal look like one: lunch and dinner have a protein food and a vegetable, breakfast a staple. */
export const MEAL_TEMPLATES: Partial<
  Record<Meal, { groups: Set<PantryGroup>; also?: RegExp; label: string }>
> = {
  breakfast: {
    groups: new Set(['grains', 'dairy', 'dairy-alt', 'eggs', 'cheese', 'dishes']),
    label: 'breakfast has a grain, dairy or egg food',
  },
  lunch: {
    groups: new Set(['meat', 'fish', 'eggs', 'legumes', 'cheese', 'dishes']),
    also: /^Natto/,
    label: 'lunch has a protein food',
  },
  dinner: {
    groups: new Set(['meat', 'fish', 'eggs', 'legumes', 'dishes']),
    also: /^Natto/,
    label: 'dinner has a protein food',
  },
};

/** Per meal, at most this many foods of a kind: [name, groups, name filter, most]. */
const MEAL_AT_MOST: [string, PantryGroup[], RegExp | undefined, number][] = [
  [
    'protein-main',
    ['meat', 'fish', 'legumes', 'fermented'],
    /^(Beef|Pork|Lamb|Chicken|Turkey|Duck|Ham|Fish|Crustaceans|Mollusks|Tofu|Tempeh|Soybeans|Natto|Falafel)/,
    1,
  ],
  ['cheese', ['cheese'], undefined, 1],
  ['legumes', ['legumes'], undefined, 1],
  ['grains', ['grains'], undefined, 2],
  ['cereal', ['grains'], /^Cereals/, 1],
  [
    'starch',
    ['grains', 'starchy-vegetables'],
    /^(Rice|Spaghetti|Couscous|Bulgur|Barley|Quinoa|Millet|Buckwheat|Wild rice|Potatoes|Sweet potato|Corn)/,
    1,
  ],
  ['mushrooms', ['vegetables'], /^Mushrooms/, 1],
  ['eggs', ['eggs'], undefined, 1],
  ['condiments', ['condiments'], undefined, 1],
  ['oil', ['fats-oils'], /^Oil/, 1],
  ['dairy', ['dairy', 'dairy-alt'], undefined, 1],
  ['fruit', ['fruit', 'dried-fruit'], undefined, 2],
  ['nuts-seeds', ['nuts-seeds'], undefined, 2],
  ['dishes', ['dishes'], undefined, 1],
];

/** Per day, at most this many meals with a food of the kind (fish once a day). */
const DAY_AT_MOST: [string, PantryGroup[], number][] = [['fish', ['fish'], 1]];

export const DISTINCT_FOODS_PER_DAY: [number, number] = [8, 16];
export const ENERGY_BAND = 0.05;

export interface MinNeed {
  nutrient: NutrientId;
  unit: NutrientUnit;
  /** The person's target (all intake). */
  target: number;
  /** What supplements already provide. */
  supplement: number;
  /** What food must provide: target − supplements. */
  need: number;
  weight: number;
  kind: string;
  source?: SourceRef;
}

/** A food-group range per day, in grams of the group's foods (or servings where weighted). */
export interface GroupRule {
  name: string;
  label: string;
  /** Grams per serving for each group counted (1 = grams). */
  weights: Partial<Record<PantryGroup, number>>;
  /** Match by name too (oils and butter). */
  nameFilter?: RegExp;
  min?: number;
  max?: number;
  /** Count energy (kcal) instead of weight. */
  energy?: boolean;
}

export interface PlanSpec {
  candidates: PantryItem[];
  energy: { target: number; lo: number; hi: number };
  mins: MinNeed[];
  /** Minimums that no candidate can supply at all (value unknown or zero in every food). */
  unsupplied: MinNeed[];
  /** Minimums dropped on purpose (condition findings) with the reason. */
  dropped: { nutrient: NutrientId; reason: string }[];
  caps: HardLimit[];
  groups: GroupRule[];
  /** Day-to-day band for one nutrient (holdConsistent consequence). */
  consistency?: Consistency;
  /** Per candidate: per-100 g value used for each min (unknown = 0) and cap (unknown = cautious estimate). */
  minCoef: Map<NutrientId, Float64Array>;
  capCoef: Map<string, Float64Array>;
  descriptions: Map<string, string>;
  excluded: { pattern: number; allergens: number; dislikes: number; safety: number };
  /** Per candidate: cost of choosing it at a meal (commonness, habits). */
  choiceCost: Float64Array;
  /** What the plan cannot show or reach from food and what guidelines suggest instead. */
  advice: { nutrient: NutrientId; message: string; source?: SourceRef }[];
}

/**
 * Habits from logged days: each food's share of the days it was eaten on (0–1). Days with no
 * entries do not count. The planner then prefers what the person already eats (HABIT_COST).
 */
export function habitsFromHistory(history: {
  days: readonly { entries: readonly { foodId: string }[] }[];
}): PlanHabits | undefined {
  const logged = history.days.filter((day) => day.entries.length > 0);
  if (logged.length === 0) return undefined;
  const count = new Map<string, number>();
  for (const day of logged)
    for (const id of new Set(day.entries.map((e) => e.foodId)))
      count.set(id, (count.get(id) ?? 0) + 1);
  return {
    foods: new Map([...count].map(([id, n]) => [id, n / logged.length])),
    days: logged.length,
  };
}

/**
 * Objective weights beyond the targets. A 1 % shortfall of a weight-1 minimum costs 1; choosing
 * an occasional food (commonness 1) costs 3, a common one (2) 1, an everyday staple (3) 0; each
 * gram above a food's smallest portion 0.01 (100 g more of a food costs 1).
 * With a history, a food the person does not eat costs 2 more and one they eat on most days
 * costs up to 2 less (never below 0).
 */
export const COMMONNESS_COST: Record<number, number> = { 1: 3, 2: 1, 3: 0 };
export const PORTION_COST_PER_G = 0.01;
export const HABIT_COST = 2;

/** Chooses candidates and turns targets and findings into the plan's minimums, caps and rules. */
export function planSpec(
  profile: Profile,
  targets: PersonalTargets,
  findings: Finding[],
  pantry: PantryItem[],
  habits?: PlanHabits,
  consequences: readonly Consequence[] = [],
): PlanSpec {
  const excluded = { pattern: 0, allergens: 0, dislikes: 0, safety: 0 };
  const dislikes = new Set(profile.dislikes);
  const policy = constraintsFromPolicy(consequences);
  const excludedWithParts = (item: PantryItem): boolean =>
    policy.excludes(item) !== undefined ||
    (item.parts ?? []).some((part) => excludedWithParts(part.item));
  const candidates = pantry.filter((item) => {
    // Foods a finding leaves out (exclude by nutrient threshold or by tag).
    // A dish is left out with any of its ingredients (a threshold per 100 g would dilute).
    if (excludedWithParts(item)) {
      excluded.safety += 1;
      return false;
    }
    if (!item.patterns.includes(profile.pattern)) {
      excluded.pattern += 1;
      return false;
    }
    if (item.allergens.some((a) => profile.exclude.includes(a))) {
      excluded.allergens += 1;
      return false;
    }
    if (dislikes.has(item.food.id)) {
      excluded.dislikes += 1;
      return false;
    }
    return true;
  });

  const energyTarget = targets.energyKcal;
  const descriptions = new Map<string, string>();
  descriptions.set(
    'energy',
    `energy within ±${ENERGY_BAND * 100} % of ${Math.round(energyTarget)} kcal/day`,
  );

  // Minimums: reference minimums minus what supplements already give.
  const dropped: PlanSpec['dropped'] = [];
  // A supplement that a safety finding advises against (avoid or caution) is not counted towards
  // a minimum: the plan should not rely on it. It still counts towards the upper limits.
  const questioned = new Set(
    findings
      .filter((f) => f.severity === 'avoid' || f.severity === 'caution')
      .map((f) => f.nutrient),
  );
  const credited = {
    supplements: profile.supplements.filter((s) => !questioned.has(s.nutrient)),
  };
  const mins: MinNeed[] = [];
  // Targets a finding says do not apply are not aimed at (they are absent from targets).
  for (const na of targets.notApplicable ?? []) {
    if (na.bound !== 'min' || dropped.some((d) => d.nutrient === na.nutrient)) continue;
    dropped.push({
      nutrient: na.nutrient,
      reason: `not aimed at: ${na.findingId} — ${na.reason}`,
    });
  }
  for (const target of targets.targets) {
    if (target.bound !== 'min' || target.nutrient === 'energy') continue;
    if (mins.some((m) => m.nutrient === target.nutrient)) continue;
    if (target.nutrient === 'sodium') {
      // Everyday food meets the sodium AI; the plan works against the CDRR cap instead.
      dropped.push({
        nutrient: 'sodium',
        reason: 'not aimed at: food meets the sodium AI; the cap (CDRR) is what matters',
      });
      continue;
    }
    const supplement = supplementAmount(credited, target.nutrient);
    mins.push({
      nutrient: target.nutrient,
      unit: target.unit,
      target: target.value,
      supplement,
      need: target.value - supplement,
      weight: MIN_WEIGHTS[target.nutrient] ?? 1,
      kind: target.kind,
      source: target.source,
    });
  }

  // Caps: the tightest maximum per nutrient for food.
  const capByNutrient = new Map<NutrientId, HardLimit>();
  const addCap = (cap: HardLimit & { nutrient: NutrientId }) => {
    const previous = capByNutrient.get(cap.nutrient);
    if (!previous || cap.max < previous.max) capByNutrient.set(cap.nutrient, cap);
  };
  for (const target of targets.targets) {
    if (target.bound !== 'max' || target.appliesTo === 'supplements') continue;
    const supplement =
      target.appliesTo === 'total' ? supplementAmount(profile, target.nutrient) : 0;
    const unit = target.unit;
    const label =
      `${getNutrient(target.nutrient).name} ≤ ${fmt(target.value)} ${unit}/day (${target.kind}` +
      `${target.appliesTo === 'total' ? ', food + supplements' : ', food'})` +
      (supplement > 0 ? `; supplements already give ${fmt(supplement)} ${unit}` : '');
    addCap({
      name: `cap:${target.nutrient}`,
      nutrient: target.nutrient,
      max: target.value - supplement,
      label,
      source: target.source,
    });
  }
  // A cap no pantry food has a value for (iodine: not in SR24) cannot be planned against.
  const caps = [...capByNutrient.values()].filter(
    (cap) =>
      cap.nutrient === 'added-sugars' ||
      pantry.some((item) => nutrientPer100g(item.food, cap.nutrient as NutrientId) !== undefined),
  );

  // Coefficients. Unknown counts 0 towards a minimum (conservative) and as the highest known
  // value in the food's group towards a cap (cautious estimate).
  const minCoef = new Map<NutrientId, Float64Array>();
  const unsupplied: MinNeed[] = [];
  const keptMins: MinNeed[] = [];
  for (const need of mins) {
    const coef = Float64Array.from(
      candidates,
      (item) => nutrientPer100g(item.food, need.nutrient)?.per100g ?? 0,
    );
    if (need.need <= 0) continue;
    if (!coef.some((v) => v > 0)) {
      unsupplied.push(need);
      continue;
    }
    minCoef.set(need.nutrient, coef);
    keptMins.push(need);
  }
  const capCoef = new Map<string, Float64Array>();
  for (const cap of caps) {
    const nutrient = cap.nutrient as NutrientId;
    const value = (item: PantryItem): number | undefined =>
      nutrient === 'added-sugars'
        ? item.sweetened
          ? nutrientPer100g(item.food, 'sugars')?.per100g
          : 0
        : nutrientPer100g(item.food, nutrient)?.per100g;
    const groupMax = new Map<PantryGroup, number>();
    let overallMax = 0;
    for (const item of pantry) {
      const v =
        nutrient === 'added-sugars' ? nutrientPer100g(item.food, 'sugars')?.per100g : value(item);
      if (v === undefined) continue;
      groupMax.set(item.group, Math.max(groupMax.get(item.group) ?? 0, v));
      overallMax = Math.max(overallMax, v);
    }
    capCoef.set(
      cap.name,
      Float64Array.from(
        candidates,
        (item) =>
          item.capPer100g?.[nutrient] ?? value(item) ?? groupMax.get(item.group) ?? overallMax,
      ),
    );
    cap.unknownRule =
      nutrient === 'added-sugars'
        ? 'added sugars are not in SR24: 0 for foods without added sugar, total sugars for sweetened foods'
        : 'a food with an unknown value counts the highest known value in its food group';
    descriptions.set(cap.name, cap.label);
  }

  const scale = energyTarget / 2000;
  const groups: GroupRule[] = [
    {
      name: 'vegetables',
      label: 'vegetables 320–700 g/day (DASH: 4–5 servings)',
      weights: { vegetables: 1, 'starchy-vegetables': 1 },
      min: 320,
      max: 700,
    },
    {
      name: 'starchy-vegetables',
      label: 'starchy vegetables ≤ 300 g/day',
      weights: { 'starchy-vegetables': 1 },
      max: 300,
    },
    {
      name: 'fruit',
      label: 'fruit 240–500 g/day (DASH: 4–5 servings)',
      weights: { fruit: 1, 'dried-fruit': 3 },
      min: 240,
      max: 500,
    },
    {
      name: 'dairy',
      label: 'dairy 2–3 servings/day (DASH; 1 serving = 1 cup milk or yogurt, 1.5 oz cheese)',
      weights: { dairy: 1 / 245, 'dairy-alt': 1 / 245, cheese: 1 / 42 },
      min: 2,
      max: 3,
    },
    {
      name: 'mushrooms',
      label: 'mushrooms ≤ 150 g/day',
      weights: { vegetables: 1 },
      nameFilter: /^Mushrooms/,
      max: 150,
    },
    {
      name: 'leafy-greens',
      label: 'cooked leafy greens ≤ 200 g/day',
      weights: { vegetables: 1 },
      nameFilter:
        /^(Spinach|Kale|Collards|Turnip greens|Beet greens|Mustard greens|Dandelion|Chard|Sweet potato leaves|Broccoli raab)/,
      max: 200,
    },
    {
      name: 'dried-fruit',
      label: 'dried fruit ≤ 40 g/day',
      weights: { 'dried-fruit': 1 },
      max: 40,
    },
    {
      name: 'meat-fish',
      label: 'meat, poultry and fish ≤ 170 g/day (DASH: ≤ 6 oz)',
      weights: { meat: 1, fish: 1 },
      max: 170,
    },
    { name: 'eggs', label: 'eggs ≤ 2 a day', weights: { eggs: 1 }, max: 100 },
    {
      name: 'nuts-seeds',
      label: 'nuts and seeds ≤ 60 g/day',
      weights: { 'nuts-seeds': 1 },
      max: 60,
    },
    {
      name: 'oils',
      label: 'oils and butter ≤ 40 g/day',
      weights: { 'fats-oils': 1 },
      nameFilter: /^(Oil|Butter)/,
      max: 40,
    },
    {
      name: 'sweets',
      label: 'sweets ≤ 25 g/day (DASH: ≤ 5 servings a week)',
      weights: { sweets: 1 },
      max: 25,
    },
    {
      name: 'fermented',
      label: 'pickled and fermented foods ≤ 100 g/day',
      weights: { fermented: 1 },
      max: 100,
    },
    {
      name: 'condiments',
      label: 'condiments and sauces ≤ 150 g/day',
      weights: { condiments: 1 },
      max: 150,
    },
    { name: 'juice', label: 'juice ≤ 240 g/day', weights: { beverages: 1 }, max: 240 },
    {
      name: 'grains',
      label: 'grains 15–45 % of energy (DASH: 6–8 servings)',
      weights: { grains: 1 },
      energy: true,
      min: 0.15 * energyTarget,
      max: 0.45 * energyTarget,
    },
  ];
  for (const group of groups) {
    if (!group.energy) {
      if (group.min !== undefined && group.name !== 'dairy') group.min *= scale;
      if (group.max !== undefined && group.name !== 'dairy' && group.name !== 'eggs')
        group.max *= Math.max(1, scale);
    }
    // A minimum with no food left to meet it (dairy for a vegan without soy) is dropped.
    if (group.min !== undefined && !candidates.some((item) => inGroup(group, item)))
      delete group.min;
    descriptions.set(`group-max:${group.name}`, group.label);
    descriptions.set(`group-min:${group.name}`, group.label);
  }

  const consistency = policy.consistency;
  if (consistency) {
    descriptions.set(`consistency:${consistency.nutrient}`, consistency.label);
  }
  descriptions.set(
    'distinct',
    `${DISTINCT_FOODS_PER_DAY[0]}–${DISTINCT_FOODS_PER_DAY[1]} different foods a day`,
  );
  descriptions.set('repeat', 'a food on at most 3 of 7 days (staples 5 of 7)');
  descriptions.set(
    'portion',
    'each food at one meal a day, between its pantry minimum and maximum portion',
  );
  descriptions.set(
    'meal-mix',
    'per meal at most one main protein food (meat, fish, tofu…), one cheese, one legume, one milk, one egg dish, one condiment, one oil, two grain foods; fish at one meal a day',
  );
  descriptions.set('pair:cereal-milk', 'cereal only with milk, yogurt or soy milk');
  descriptions.set(
    'pair:spread-carrier',
    'spreads only with bread (butter also on potatoes or vegetables, jam and honey on yogurt or porridge, nut butters on fruit or porridge)',
  );
  descriptions.set('pair:oil-use', 'oil only as cooking or dressing fat, with the food it cooks');
  descriptions.set('pair:cooked', 'foods not eaten raw are cooked, with a cooking fat');
  descriptions.set('meal-fat:added', 'oil and butter ≤ 15 g (1 tbsp) per meal');
  descriptions.set('meal-fat:energy-share', "fat ≤ 35 % of each meal's energy");
  descriptions.set('template:dinner-vegetables-max', 'one or two vegetables at dinner');
  descriptions.set(
    'pair:cereal-milk-amount',
    'at least 2 g of milk, yogurt or soy milk per gram of cereal',
  );
  for (const meal of ['lunch', 'dinner', 'snack'])
    descriptions.set(`template:${meal}-proteins-max`, `at most two protein foods at ${meal}`);
  for (const [meal, roles] of [
    ['breakfast', ['cereal', 'porridge', 'bread', 'egg', 'protein', 'nuts']],
    ['lunch', ['soup', 'starch']],
  ] as const)
    for (const role of roles)
      descriptions.set(
        `template:${meal}-only-${role}`,
        `${meal}: ${role} only in the templates that have it`,
      );
  for (const [meal, list] of Object.entries(TEMPLATES)) {
    descriptions.set(
      `template:${meal}-one`,
      `${meal} follows a usual meal: ${list.map((t) => t.label).join('; ')}`,
    );
    for (const t of list) descriptions.set(`template:${meal}-${t.name}`, `${meal}: ${t.label}`);
  }
  if (candidates.some((item) => item.group === 'dishes')) {
    for (const meal of Object.keys(TEMPLATES)) {
      descriptions.set(`template:${meal}-${DISH_TEMPLATE.name}`, `${meal}: ${DISH_TEMPLATE.label}`);
      descriptions.set(
        `template:${meal}-only-dish`,
        `${meal}: an own dish only as the dish the meal is built around`,
      );
      descriptions.set(
        `template:${meal}-dish-main`,
        `${meal}: an own dish is the main, with no other protein food`,
      );
      descriptions.set(
        `template:${meal}-one`,
        `${meal} follows a usual meal: ${[...(TEMPLATES[meal as keyof typeof TEMPLATES] ?? []), DISH_TEMPLATE].map((t) => t.label).join('; ')}`,
      );
    }
  }
  for (const meal of MEALS) {
    const [lo, hi] = MEAL_ENERGY_SHARE[meal];
    descriptions.set(
      `meal-energy:${meal}`,
      `${meal} ${lo * 100}–${hi * 100} % of the day's energy`,
    );
    const template = MEAL_TEMPLATES[meal];
    if (template) descriptions.set(`meal-main:${meal}`, template.label);
    descriptions.set(
      `meal-food:${meal}`,
      `${meal} has at least one food that fits the pattern and exclusions`,
    );
  }

  const choiceCost = Float64Array.from(candidates, (item) => {
    const base = COMMONNESS_COST[item.commonness ?? 2] ?? 1;
    if (!habits) return base;
    const share = habits.foods.get(item.food.id);
    if (share === undefined) return base + HABIT_COST;
    return Math.max(0, base - HABIT_COST * Math.min(1, share));
  });

  const advice: PlanSpec['advice'] = [];
  const b12 = [...keptMins, ...unsupplied].find((m) => m.nutrient === 'vitamin-b12');
  if (profile.pattern === 'vegan' && b12) {
    advice.push({
      nutrient: 'vitamin-b12',
      message:
        'Plant foods contain no reliable vitamin B12: in this plan it comes only from fortified foods (soy milk, breakfast cereals). If those are not eaten every day, suggest a B12 supplement — discuss with your clinician.',
    });
  }
  const iodine = [...keptMins, ...unsupplied].find((m) => m.nutrient === 'iodine');
  if (iodine) {
    // What to do instead comes from a finding about iodine when there is one (life stage).
    const finding = findings.find((f) => f.nutrient === 'iodine');
    advice.push({
      nutrient: 'iodine',
      message: `Iodine (${fmt(iodine.target)} µg/day) is not in the food data (USDA SR24), so the plan cannot show it${
        finding
          ? `. ${finding.action}`
          : '; iodised salt, dairy, eggs and sea fish are the usual sources.'
      }`,
      ...(finding?.sources[0] ? { source: finding.sources[0] } : {}),
    });
  }

  return {
    candidates,
    choiceCost,
    advice,
    energy: {
      target: energyTarget,
      lo: energyTarget * (1 - ENERGY_BAND),
      hi: energyTarget * (1 + ENERGY_BAND),
    },
    mins: keptMins,
    unsupplied,
    dropped,
    caps,
    groups,
    ...(consistency ? { consistency } : {}),
    minCoef,
    capCoef,
    descriptions,
    excluded,
  };
}

export function inGroup(group: GroupRule, item: PantryItem): boolean {
  return (
    group.weights[item.group] !== undefined &&
    (!group.nameFilter || group.nameFilter.test(item.food.name))
  );
}

/**
 * What one gram of a food counts towards a group rule (its weight, or kcal for an energy rule),
 * undefined when it is not in the group. A dish counts its ingredients: 100 g of a soup that is
 * 30 % carrots counts 30 g of vegetables.
 */
export function groupAmount(
  group: GroupRule,
  item: PantryItem,
  energyOf: (item: PantryItem) => number,
): number | undefined {
  if (item.parts) {
    let total: number | undefined;
    for (const part of item.parts) {
      const per = groupAmount(group, part.item, energyOf);
      if (per !== undefined) total = (total ?? 0) + per * part.share;
    }
    return total;
  }
  if (!inGroup(group, item)) return undefined;
  return group.energy ? energyOf(item) / 100 : (group.weights[item.group] as number);
}

/** Groups whose foods may appear on most days (staples). */
const STAPLE_GROUPS = new Set<PantryGroup>([
  'grains',
  'dairy',
  'dairy-alt',
  'fats-oils',
  'nuts-seeds',
  'condiments',
  'sweets',
  'beverages',
]);

/** Refined grain foods are not staples: at most 3 of 7 days each (DASH: mostly whole grains). */
const REFINED_GRAINS =
  /^(Bread, white|Bagels|Rice, white|Spaghetti, cooked, enriched|Rice noodles|Couscous|Muffins|Pancakes|Tortillas, ready-to-bake or -fry, flour)/;

/** A food that may appear on most days (5 of 7): staple groups, refined grains excepted. */
export function isStaple(item: PantryItem): boolean {
  return STAPLE_GROUPS.has(item.group) && !REFINED_GRAINS.test(item.food.name);
}

export interface XVar {
  col: number;
  day: number;
  item: number;
  meal: Meal;
}

export interface PlanModel {
  model: LinearModel;
  x: XVar[];
  /** z[f,m,d]: food f is eaten at meal m on day d. */
  y: { col: number; day: number; item: number; meal: Meal }[];
  removals: { col: number; day: number; entry: number }[];
  /** Candidate indices (into spec.candidates) present in the model. */
  items: number[];
  days: number;
}

export interface BuildOptions {
  days: number;
  /** Subset of candidate indices to model (candidate reduction); all when absent. */
  items?: number[];
  base?: BaseDay[];
  /** Amount of the consistency nutrient this day must stay close to (the spec's band). */
  consistencyReference?: number;
  /** Day number to name rows with (sequential solving): 1-based. */
  firstDay?: number;
}

/** Builds the MIP for `days` days over the chosen candidates. */
export function buildPlanModel(spec: PlanSpec, options: BuildOptions): PlanModel {
  const b = new ModelBuilder();
  const items = options.items ?? spec.candidates.map((_, i) => i);
  const base = options.base;
  const days = base ? base.length : options.days;
  const x: XVar[] = [];
  const y: PlanModel['y'] = [];
  const removals: PlanModel['removals'] = [];
  const E = spec.energy.target;
  const energyOf = (item: PantryItem) => nutrientPer100g(item.food, 'energy')?.per100g ?? 0;

  for (let d = 0; d < days; d += 1) {
    const p = `d${d + (options.firstDay ?? 1)}`;
    const dayX: XVar[] = [];
    const dayY: { col: number; item: number; meal: Meal }[] = [];
    for (const i of items) {
      const item = spec.candidates[i] as PantryItem;
      const maxSteps = Math.floor(item.maxG / item.stepG + 1e-9);
      const minSteps = Math.ceil(item.minG / item.stepG - 1e-9);
      const id = safeId(item.food.id);
      // One meal per food and day; z says which (binary), x how many steps there.
      const zCols: number[] = [];
      for (const meal of item.meals) {
        // Typical portions: each gram above the smallest portion costs a little.
        const stepCost = base ? 0 : PORTION_COST_PER_G * item.stepG;
        const col = b.addCol(`x_${id}_${meal}_${p}`, stepCost, 0, maxSteps, true);
        const z = b.addCol(
          `z_${id}_${meal}_${p}`,
          base ? 5 : (spec.choiceCost[i] as number) - stepCost * minSteps,
          0,
          1,
          true,
        );
        const v = { col, day: d, item: i, meal };
        x.push(v);
        dayX.push(v);
        y.push({ col: z, day: d, item: i, meal });
        dayY.push({ col: z, item: i, meal });
        zCols.push(z);
        b.addRow(`${p}:portion-max:${id}_${meal}`, -Infinity, 0, [
          [col, 1],
          [z, -maxSteps],
        ]);
        b.addRow(`${p}:portion-min:${id}_${meal}`, 0, Infinity, [
          [col, 1],
          [z, -minSteps],
        ]);
      }
      if (zCols.length > 1)
        b.addRow(
          `${p}:portion-one-meal:${id}`,
          -Infinity,
          1,
          zCols.map((c) => [c, 1]),
        );
    }

    // Logged food (close-my-gaps): constant contributions, each entry removable at a cost.
    const logged = base?.[d]?.entries ?? [];
    const entryCols = logged.map((_, e) => {
      const col = b.addCol(`r_${e + 1}_${p}`, 30, 0, 1, true);
      removals.push({ col, day: d, entry: e });
      return col;
    });
    const loggedAmount = (f: (food: Food) => number) => {
      const perEntry = logged.map((entry) => (f(entry.food) * entry.grams) / 100);
      return { total: perEntry.reduce((a, v) => a + v, 0), perEntry };
    };
    const stepValue = (v: XVar, per100: number) =>
      (per100 * (spec.candidates[v.item] as PantryItem).stepG) / 100;
    const itemIndex = new Map(items.map((i, k) => [i, k]));
    void itemIndex;

    // Energy band.
    {
      const base = loggedAmount((food) => nutrientPer100g(food, 'energy')?.per100g ?? 0);
      b.addRow(`${p}:energy`, spec.energy.lo - base.total, spec.energy.hi - base.total, [
        ...dayX.map(
          (v) =>
            [v.col, stepValue(v, energyOf(spec.candidates[v.item] as PantryItem))] as [
              number,
              number,
            ],
        ),
        ...entryCols.map((c, e) => [c, -(base.perEntry[e] as number)] as [number, number]),
      ]);
    }
    // Minimums (soft).
    for (const need of spec.mins) {
      const coef = spec.minCoef.get(need.nutrient) as Float64Array;
      const logged_ = loggedAmount((food) => nutrientPer100g(food, need.nutrient)?.per100g ?? 0);
      const required = need.need - logged_.total;
      const s = b.addCol(
        `s_${safeId(need.nutrient)}_${p}`,
        (need.weight * 100) / need.need,
        0,
        Math.max(0, need.need),
        false,
      );
      b.addRow(`${p}:min:${need.nutrient}`, required, Infinity, [
        ...dayX.map((v) => [v.col, stepValue(v, coef[v.item] as number)] as [number, number]),
        ...entryCols.map((c, e) => [c, -(logged_.perEntry[e] as number)] as [number, number]),
        [s, 1],
      ]);
    }
    // Caps (hard).
    for (const cap of spec.caps) {
      const coef = spec.capCoef.get(cap.name) as Float64Array;
      const nutrient = cap.nutrient as NutrientId;
      const logged_ = loggedAmount((food) =>
        nutrient === 'added-sugars' ? 0 : (nutrientPer100g(food, nutrient)?.per100g ?? 0),
      );
      b.addRow(`${p}:${cap.name}`, -Infinity, cap.max - logged_.total, [
        ...dayX.map((v) => [v.col, stepValue(v, coef[v.item] as number)] as [number, number]),
        ...entryCols.map((c, e) => [c, -(logged_.perEntry[e] as number)] as [number, number]),
      ]);
    }
    // Food groups: hard maximums, soft minimums (planned food only in close-my-gaps mode).
    for (const group of spec.groups) {
      const entries = dayX.flatMap((v) => {
        const item = spec.candidates[v.item] as PantryItem;
        const per = groupAmount(group, item, energyOf);
        return per === undefined ? [] : [[v.col, per * item.stepG] as [number, number]];
      });
      if (entries.length === 0) continue;
      if (group.max !== undefined)
        b.addRow(`${p}:group-max:${group.name}`, -Infinity, group.max, entries);
      if (group.min !== undefined && !base) {
        const t = b.addCol(`t_${safeId(group.name)}_${p}`, 50 / group.min, 0, group.min, false);
        b.addRow(`${p}:group-min:${group.name}`, group.min, Infinity, [...entries, [t, 1]]);
      }
    }
    const held = spec.consistency;
    if (held && options.consistencyReference !== undefined) {
      const coef = consistencyCoef(spec);
      const ref = options.consistencyReference;
      const logged_ = loggedAmount((food) => nutrientPer100g(food, held.nutrient)?.per100g ?? 0);
      b.addRow(
        `${p}:consistency:${held.nutrient}`,
        ref * (1 - held.band) - logged_.total,
        ref * (1 + held.band) - logged_.total,
        [
          ...dayX.map((v) => [v.col, stepValue(v, coef[v.item] as number)] as [number, number]),
          ...entryCols.map((c, e) => [c, -(logged_.perEntry[e] as number)] as [number, number]),
        ],
      );
    }
    if (!base) {
      // Meals: each main meal has food and a sensible share of the day's energy.
      for (const meal of MEALS) {
        const mealX = dayX.filter((v) => v.meal === meal);
        const [lo, hi] = MEAL_ENERGY_SHARE[meal];
        b.addRow(
          `${p}:meal-energy:${meal}`,
          lo * E,
          hi * E,
          mealX.map((v) => [v.col, stepValue(v, energyOf(spec.candidates[v.item] as PantryItem))]),
        );
        if (meal !== 'snack')
          b.addRow(
            `${p}:meal-food:${meal}`,
            1,
            Infinity,
            mealX.map((v) => [v.col, 1]),
          );
        const template = MEAL_TEMPLATES[meal];
        if (template) {
          const main = mealX.filter((v) => {
            const item = spec.candidates[v.item] as PantryItem;
            return template.groups.has(item.group) || template.also?.test(item.food.name) === true;
          });
          if (main.length > 0)
            b.addRow(
              `${p}:meal-main:${meal}`,
              1,
              Infinity,
              main.map((v) => [v.col, 1]),
            );
        }
        // One main protein food, one cheese, one legume dish, two grain foods per meal at most.
        const mealZ = dayY.filter((v) => v.meal === meal);
        // Templates and pairing rules (meal-templates.ts).
        const zOf = new Map(mealZ.map((v) => [v.item, v.col]));
        const cells: MealCell[] = mealX.map((v) => ({
          item: spec.candidates[v.item] as PantryItem,
          x: v.col,
          z: zOf.get(v.item) as number,
        }));
        addMealRules(b, p, meal, cells, energyOf);
        for (const [name, groups, filter, most] of MEAL_AT_MOST) {
          const zs = mealZ.filter((v) => {
            const item = spec.candidates[v.item] as PantryItem;
            return groups.includes(item.group) && (!filter || filter.test(item.food.name));
          });
          if (zs.length > most)
            b.addRow(
              `${p}:meal-mix:${meal}-${name}`,
              -Infinity,
              most,
              zs.map((v) => [v.col, 1]),
            );
        }
      }
      for (const [name, groups, most] of DAY_AT_MOST) {
        const zs = dayY.filter((v) =>
          groups.includes((spec.candidates[v.item] as PantryItem).group),
        );
        if (zs.length > most)
          b.addRow(
            `${p}:meal-mix:day-${name}`,
            -Infinity,
            most,
            zs.map((v) => [v.col, 1]),
          );
      }
      b.addRow(
        `${p}:distinct`,
        DISTINCT_FOODS_PER_DAY[0],
        DISTINCT_FOODS_PER_DAY[1],
        dayY.map((v) => [v.col, 1]),
      );
    }
  }

  // Variety across days.
  if (days > 1) {
    for (const i of items) {
      const item = spec.candidates[i] as PantryItem;
      const share = isStaple(item) ? 5 / 7 : 3 / 7;
      const limit = Math.max(1, Math.ceil(days * share - 1e-9));
      if (limit >= days) continue;
      b.addRow(
        `repeat:${safeId(item.food.id)}`,
        -Infinity,
        limit,
        y.filter((v) => v.item === i).map((v) => [v.col, 1]),
      );
    }
    const held = spec.consistency;
    if (held && options.consistencyReference === undefined) {
      // Without a fixed reference, every later day stays within the band of day 1:
      // (1 − band)·k₁ ≤ k_d ≤ (1 + band)·k₁.
      const coef = consistencyCoef(spec);
      const kOf = (d: number) =>
        x
          .filter((v) => v.day === d)
          .map(
            (v) =>
              [
                v.col,
                ((coef[v.item] as number) * (spec.candidates[v.item] as PantryItem).stepG) / 100,
              ] as [number, number],
          );
      const day1 = kOf(0);
      for (let d = 1; d < days; d += 1) {
        b.addRow(`d${d + 1}:consistency:${held.nutrient}:hi`, -Infinity, 0, [
          ...kOf(d),
          ...day1.map(([c, v]) => [c, -(1 + held.band) * v] as [number, number]),
        ]);
        b.addRow(`d${d + 1}:consistency:${held.nutrient}:lo`, 0, Infinity, [
          ...kOf(d),
          ...day1.map(([c, v]) => [c, -(1 - held.band) * v] as [number, number]),
        ]);
      }
    }
  }
  return { model: b.build(), x, y, removals, items, days };
}

/** Per-candidate amounts per 100 g of the nutrient held consistent (unknown = 0). */
export function consistencyCoef(spec: PlanSpec): Float64Array {
  const held = spec.consistency;
  if (!held) return new Float64Array(spec.candidates.length);
  return (
    spec.minCoef.get(held.nutrient) ??
    Float64Array.from(
      spec.candidates,
      (item) => nutrientPer100g(item.food, held.nutrient)?.per100g ?? 0,
    )
  );
}

/** The constraint family a row belongs to: `d3:cap:sodium` → `cap:sodium`, `d1:portion-max:sr24_01009` → `portion`. */
export function rowFamily(rowName: string): string {
  const name = rowName.replace(/^d\d+:/, '');
  if (name.startsWith('portion-')) return 'portion';
  if (name.startsWith('meal-mix:')) return 'meal-mix';
  if (name.startsWith('repeat:')) return 'repeat';
  if (name.startsWith('pair:'))
    return `pair:${name
      .slice(5)
      .split(':')[0]
      ?.replace(/^[a-z]+-/, '')}`;
  if (name.startsWith('template:')) return `template:${name.slice(9).replace(/-\d+$/, '')}`;
  if (name.startsWith('meal-fat:')) return `meal-fat:${name.slice(9).replace(/^[a-z]+-/, '')}`;
  if (name.startsWith('group-max:') || name.startsWith('group-min:')) return name;
  if (name.startsWith('consistency:')) return name.split(':').slice(0, 2).join(':');
  return name;
}

export function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '_');
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
