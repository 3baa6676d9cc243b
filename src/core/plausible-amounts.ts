/**
 * Plausibility ceilings: the most of a nutrient, per day and in its canonical unit, that a profile
 * may state, as one supplement or as a personal target. They are not safety limits (the ULs in
 * targets/data and the safety rules judge those, and warn far below these): each lies above the
 * largest daily amounts in clinical use named in its basis, so a real entry is never refused,
 * while a slip (1e300, grams typed for micrograms) is refused with the field before it reaches
 * the analysis or the planner. The figures are deliberately rounded up; where a basis names a
 * dose it is an order of magnitude, not a recommendation.
 */
import { NUTRIENT_IDS, type NutrientId } from './nutrients.js';

export interface PlausibleCeiling {
  /** The largest daily amount accepted, in the nutrient's canonical unit. */
  maxPerDay: number;
  /** Why this number: the largest uses it must leave room for. */
  basis: string;
}

/** The most energy per day a profile may state: matches the profile's `energyKcal` bound. */
export const MAX_ENERGY_KCAL_PER_DAY = 10_000;

/** Atwater general factors, kcal per g (FAO 2003, Food energy: methods of analysis). */
const ATWATER_KCAL_PER_G = { protein: 4, fat: 9, carbohydrate: 4 } as const;

const energyShare = (kcalPerGram: number): PlausibleCeiling => ({
  maxPerDay: Math.round(MAX_ENERGY_KCAL_PER_DAY / kcalPerGram),
  basis: `the grams that alone supply ${MAX_ENERGY_KCAL_PER_DAY} kcal (Atwater ${kcalPerGram} kcal/g)`,
});

const rows: [readonly NutrientId[], PlausibleCeiling][] = [
  [
    ['energy'],
    {
      maxPerDay: MAX_ENERGY_KCAL_PER_DAY,
      basis: 'above the highest sustained intakes reported (multi-day endurance events)',
    },
  ],
  [['protein'], energyShare(ATWATER_KCAL_PER_G.protein)],
  [['fat', 'saturated-fat'], energyShare(ATWATER_KCAL_PER_G.fat)],
  [['carbohydrate', 'sugars', 'added-sugars'], energyShare(ATWATER_KCAL_PER_G.carbohydrate)],
  [['fiber'], { maxPerDay: 200, basis: 'above the ~100–150 g/day of the highest-fibre diets' }],
  [
    ['calcium', 'phosphorus'],
    {
      maxPerDay: 10_000,
      basis: 'above the several grams a day used in hypoparathyroidism or phosphate replacement',
    },
  ],
  [['magnesium'], { maxPerDay: 5_000, basis: 'above laxative doses of 1–2 g elemental magnesium' }],
  [
    ['potassium', 'sodium'],
    {
      maxPerDay: 20_000,
      basis: 'above the highest dietary intakes (~10 g) and salt loads reported',
    },
  ],
  [['vitamin-c'], { maxPerDay: 100_000, basis: 'above intravenous doses of up to 1.5 g/kg' }],
  [
    ['vitamin-d'],
    { maxPerDay: 15_000, basis: 'above 600,000 IU (15,000 µg) single "stoss" doses' },
  ],
  [
    ['vitamin-k1', 'dihydrophylloquinone', 'mk4', 'mk5', 'mk6', 'mk7', 'mk8', 'mk9'],
    {
      maxPerDay: 50_000,
      basis: 'above 45 mg/day MK-4 (menatetrenone, Japan) and 10 mg K1 for VKA reversal',
    },
  ],
  [
    ['mk10', 'mk11', 'mk12', 'mk13', 'vitamin-k2', 'vitamin-k'],
    { maxPerDay: 50_000, basis: 'as the other vitamin K forms; a total has no higher use' },
  ],
  [
    ['epa', 'dha', 'dpa', 'ala', 'omega-3', 'epa-dha'],
    { maxPerDay: 30, basis: 'above prescription omega-3 (4 g/day) and high-dose fish-oil trials' },
  ],
  [['vitamin-b12'], { maxPerDay: 10_000, basis: 'above 1–2 mg/day oral doses for deficiency' }],
  [['folate'], { maxPerDay: 20_000, basis: 'above 5–15 mg/day folic acid or methylfolate doses' }],
  [['iron'], { maxPerDay: 1_000, basis: 'above a 1 g intravenous iron dose' }],
  [['zinc'], { maxPerDay: 500, basis: 'above 150 mg/day elemental zinc in Wilson disease' }],
  [
    ['vitamin-a', 'retinol'],
    { maxPerDay: 100_000, basis: 'above 200,000 IU (60,000 µg) single high-dose capsules' },
  ],
  [['vitamin-e'], { maxPerDay: 2_000, basis: 'above 2,000 IU/day in trials (≈ 1,340 mg)' }],
  [['thiamin'], { maxPerDay: 2_000, basis: 'above 1.5 g/day in Wernicke encephalopathy' }],
  [['riboflavin'], { maxPerDay: 1_000, basis: 'above 400 mg/day for migraine prevention' }],
  [['niacin'], { maxPerDay: 10_000, basis: 'above 3–6 g/day nicotinic acid for lipids' }],
  [
    ['vitamin-b6'],
    { maxPerDay: 2_000, basis: 'above the doses used in pyridoxine-dependent disorders' },
  ],
  [['selenium'], { maxPerDay: 5_000, basis: 'above the 200–800 µg/day of trials' }],
  [['choline'], { maxPerDay: 20_000, basis: 'above the ~10 g/day doses studied' }],
  [
    ['iodine'],
    { maxPerDay: 200_000, basis: 'above a 130 mg potassium iodide (~100 mg iodine) dose' },
  ],
];

/** Every nutrient's ceiling (a test checks each nutrient has exactly one). */
export const PLAUSIBLE_CEILINGS: ReadonlyMap<NutrientId, PlausibleCeiling> = new Map(
  rows.flatMap(([ids, ceiling]) => ids.map((id) => [id, ceiling] as const)),
);

/**
 * The ceiling of a nutrient.
 * @example plausibleCeiling('vitamin-d').maxPerDay // 15000 (µg)
 */
export function plausibleCeiling(nutrient: NutrientId): PlausibleCeiling {
  const ceiling = PLAUSIBLE_CEILINGS.get(nutrient);
  if (!ceiling) throw new Error(`no plausibility ceiling for ${nutrient}`);
  return ceiling;
}

/** How often each nutrient appears in the table: the test keeps every count at exactly 1. */
export function ceilingRowCounts(): Record<NutrientId, number> {
  const counts = Object.fromEntries(NUTRIENT_IDS.map((id) => [id, 0])) as Record<
    NutrientId,
    number
  >;
  for (const [ids] of rows) for (const id of ids) counts[id] += 1;
  return counts;
}
