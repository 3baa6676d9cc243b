import { driRows as rows, LACTATING, NOT_PREGNANT, PREGNANT, type DriRow } from '../dri-row.js';
import {
  AHA_2005_OMEGA3,
  DGA_2020_2025,
  EFSA_2010_FATS,
  HEALTH_CANADA_VITAMINS,
  IOM_1997_MAGNESIUM_UL,
  IOM_2000_VITAMIN_C_SMOKERS,
  IOM_2001_VITAMINS,
  IOM_2011_CALCIUM_RDA,
  IOM_2011_CALCIUM_VITAMIN_D,
  IOM_FIBER,
  IOM_MACRONUTRIENTS,
  IOM_UL_ELEMENTS,
  NASEM_2019_ELEMENTS,
  NASEM_2019_SODIUM_CDRR,
  VITAMIN_C_UL,
} from './references.js';
import { NASEM_WHOLE_DIET_ROWS } from './whole-diet.js';

/**
 * NASEM/IOM Dietary Reference Intakes for people aged 14 and over, one row per value,
 * checked against research/dri.csv and the NASEM summary tables. Amounts per day in the
 * nutrient's canonical unit (mg, µg, g).
 *
 * Every dri.csv row agreed with the NASEM tables. Choices beyond the dossier:
 * - the vitamin C smoker increment (+35 mg) is applied from 19 years, as dri.csv has it;
 * - the sodium CDRR (2,300 mg) also applies in lactation, which dri.csv marks unverified;
 * - protein, carbohydrate and ALA come from the IOM Macronutrients summary table (not in the
 *   dossier; their source says so);
 * - pregnancy and lactation rows stop at 50; older pregnant people get the 31–50 values.
 */

const POTASSIUM_AI_NOTE =
  'The 2019 AIs (which replace the 2005 AI of 4,700 mg) do not apply to people with impaired potassium excretion (CKD, potassium-retaining medicines); NASEM set no UL and no CDRR for potassium.';

const VITAMIN_C_SMOKERS = { value: 35, source: IOM_2000_VITAMIN_C_SMOKERS };

export const NASEM_DRI_ROWS: readonly DriRow[] = [
  ...rows('calcium', 'RDA', IOM_2011_CALCIUM_RDA, [
    { ages: [14, 18], value: 1300 },
    { ages: [19, 50], value: 1000 },
    { sex: 'male', ages: [51, 70], stages: NOT_PREGNANT, value: 1000 },
    { sex: 'female', ages: [51, 70], stages: NOT_PREGNANT, value: 1200 },
    { ages: [71], stages: NOT_PREGNANT, value: 1200 },
  ]),
  ...rows('calcium', 'UL', IOM_UL_ELEMENTS, [
    { ages: [14, 18], value: 3000 },
    { ages: [19, 50], value: 2500 },
    { ages: [51], stages: NOT_PREGNANT, value: 2000 },
  ]),

  ...rows('magnesium', 'RDA', NASEM_2019_ELEMENTS, [
    { sex: 'male', ages: [14, 18], value: 410 },
    { sex: 'male', ages: [19, 30], value: 400 },
    { sex: 'male', ages: [31], value: 420 },
    { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 360 },
    { sex: 'female', ages: [19, 30], stages: NOT_PREGNANT, value: 310 },
    { sex: 'female', ages: [31], stages: NOT_PREGNANT, value: 320 },
    { sex: 'female', ages: [14, 18], stages: PREGNANT, value: 400 },
    { sex: 'female', ages: [19, 30], stages: PREGNANT, value: 350 },
    { sex: 'female', ages: [31, 50], stages: PREGNANT, value: 360 },
    { sex: 'female', ages: [14, 18], stages: LACTATING, value: 360 },
    { sex: 'female', ages: [19, 30], stages: LACTATING, value: 310 },
    { sex: 'female', ages: [31, 50], stages: LACTATING, value: 320 },
  ]),
  ...rows('magnesium', 'UL', IOM_1997_MAGNESIUM_UL, [{ ages: [14], value: 350 }], {
    appliesTo: 'supplements',
    note: 'Applies to magnesium from supplements and medicines only; magnesium in food and water does not count.',
  }),

  ...rows('phosphorus', 'RDA', NASEM_2019_ELEMENTS, [
    { ages: [14, 18], value: 1250 },
    { ages: [19], value: 700 },
  ]),
  ...rows('phosphorus', 'UL', IOM_UL_ELEMENTS, [
    { ages: [14, 70], stages: NOT_PREGNANT, value: 4000 },
    { ages: [71], stages: NOT_PREGNANT, value: 3000 },
    { sex: 'female', ages: [14, 50], stages: PREGNANT, value: 3500 },
    { sex: 'female', ages: [14, 50], stages: LACTATING, value: 4000 },
  ]),

  ...rows(
    'potassium',
    'AI',
    NASEM_2019_ELEMENTS,
    [
      { sex: 'male', ages: [14, 18], value: 3000 },
      { sex: 'male', ages: [19], value: 3400 },
      { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 2300 },
      { sex: 'female', ages: [19], stages: NOT_PREGNANT, value: 2600 },
      { sex: 'female', ages: [14, 18], stages: PREGNANT, value: 2600 },
      { sex: 'female', ages: [19, 50], stages: PREGNANT, value: 2900 },
      { sex: 'female', ages: [14, 18], stages: LACTATING, value: 2500 },
      { sex: 'female', ages: [19, 50], stages: LACTATING, value: 2800 },
    ],
    { note: POTASSIUM_AI_NOTE },
  ),

  ...rows('sodium', 'AI', NASEM_2019_ELEMENTS, [{ ages: [14], value: 1500 }]),
  ...rows('sodium', 'CDRR', NASEM_2019_SODIUM_CDRR, [{ ages: [14], value: 2300 }], {
    note: 'Chronic Disease Risk Reduction intake: reduce intake if above it. Applies in pregnancy; for lactation the dossier did not confirm it.',
  }),

  ...rows('vitamin-c', 'RDA', IOM_2001_VITAMINS, [
    { sex: 'male', ages: [14, 18], value: 75 },
    { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 65 },
    { sex: 'male', ages: [19], value: 90, extra: { smokerIncrement: VITAMIN_C_SMOKERS } },
    {
      sex: 'female',
      ages: [19],
      stages: NOT_PREGNANT,
      value: 75,
      extra: { smokerIncrement: VITAMIN_C_SMOKERS },
    },
    { sex: 'female', ages: [14, 18], stages: PREGNANT, value: 80 },
    {
      sex: 'female',
      ages: [19, 50],
      stages: PREGNANT,
      value: 85,
      extra: { smokerIncrement: VITAMIN_C_SMOKERS },
    },
    { sex: 'female', ages: [14, 18], stages: LACTATING, value: 115 },
    {
      sex: 'female',
      ages: [19, 50],
      stages: LACTATING,
      value: 120,
      extra: { smokerIncrement: VITAMIN_C_SMOKERS },
    },
  ]),
  ...rows('vitamin-c', 'UL', VITAMIN_C_UL, [
    { ages: [14, 18], value: 1800 },
    { ages: [19], value: 2000 },
  ]),

  ...rows(
    'vitamin-d',
    'RDA',
    HEALTH_CANADA_VITAMINS,
    [
      { ages: [14, 70], value: 15 },
      { ages: [71], stages: NOT_PREGNANT, value: 20 },
    ],
    { note: '15 µg = 600 IU; 20 µg = 800 IU (1 µg = 40 IU).' },
  ),
  ...rows('vitamin-d', 'UL', IOM_2011_CALCIUM_VITAMIN_D, [{ ages: [14], value: 100 }], {
    note: '100 µg = 4,000 IU. Set on hypercalcaemia risk; applies to healthy people only (not granulomatous disease or hyperparathyroidism).',
  }),

  ...rows(
    'vitamin-k',
    'AI',
    IOM_2001_VITAMINS,
    [
      { ages: [14, 18], value: 75 },
      { sex: 'male', ages: [19], value: 120 },
      { sex: 'female', ages: [19], value: 90 },
    ],
    {
      note: 'The AI covers vitamin K as a whole (K1 and K2 together); no separate reference intake exists for K2. No UL was set.',
    },
  ),

  ...rows(
    'fiber',
    'AI',
    IOM_FIBER,
    [
      { sex: 'male', ages: [14, 50], value: 38 },
      { sex: 'male', ages: [51], value: 30 },
      { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 26 },
      { sex: 'female', ages: [19, 50], stages: NOT_PREGNANT, value: 25 },
      { sex: 'female', ages: [51], stages: NOT_PREGNANT, value: 21 },
      { sex: 'female', ages: [14, 50], stages: PREGNANT, value: 28 },
      { sex: 'female', ages: [14, 50], stages: LACTATING, value: 29 },
    ],
    {
      note: 'Derived from 14 g per 1,000 kcal times median energy intake.',
      perThousandKcalBasis: 14,
    },
  ),

  ...rows('protein', 'RDA', IOM_MACRONUTRIENTS, [
    { sex: 'male', ages: [14, 18], value: 52, extra: { perKgBodyWeight: 0.85 } },
    {
      sex: 'female',
      ages: [14, 18],
      stages: NOT_PREGNANT,
      value: 46,
      extra: { perKgBodyWeight: 0.85 },
    },
    { sex: 'male', ages: [19], value: 56, extra: { perKgBodyWeight: 0.8 } },
    {
      sex: 'female',
      ages: [19],
      stages: NOT_PREGNANT,
      value: 46,
      extra: { perKgBodyWeight: 0.8 },
    },
    { sex: 'female', ages: [14, 50], stages: PREGNANT, value: 71, extra: { perKgBodyWeight: 1.1 } },
    {
      sex: 'female',
      ages: [14, 50],
      stages: LACTATING,
      value: 71,
      extra: { perKgBodyWeight: 1.3 },
    },
  ]),

  ...rows('carbohydrate', 'RDA', IOM_MACRONUTRIENTS, [
    { ages: [14], stages: NOT_PREGNANT, value: 130 },
    { sex: 'female', ages: [14, 50], stages: PREGNANT, value: 175 },
    { sex: 'female', ages: [14, 50], stages: LACTATING, value: 210 },
  ]),

  ...rows('ala', 'AI', IOM_MACRONUTRIENTS, [
    { sex: 'male', ages: [14], value: 1.6 },
    { sex: 'female', ages: [14], stages: NOT_PREGNANT, value: 1.1 },
    { sex: 'female', ages: [14, 50], stages: PREGNANT, value: 1.4 },
    { sex: 'female', ages: [14, 50], stages: LACTATING, value: 1.3 },
  ]),

  // Guidance where no DRI exists.
  ...rows('epa-dha', 'guidance', EFSA_2010_FATS, [{ ages: [18], value: 0.25 }], {
    note: 'No NASEM DRI exists for EPA+DHA. EFSA 2010 adequate intake 250 mg/day for adults; AHA 2005: fatty fish at least twice a week. In pregnancy and lactation EFSA adds 100–200 mg DHA.',
  }),
  ...rows('saturated-fat', 'guidance', DGA_2020_2025, [{ ages: [14], value: 10 }], {
    bound: 'max',
    basis: 'percent-energy',
    kcalPerGram: 9,
    note: 'Less than 10 % of energy.',
  }),
  ...rows('added-sugars', 'guidance', DGA_2020_2025, [{ ages: [14], value: 10 }], {
    bound: 'max',
    basis: 'percent-energy',
    kcalPerGram: 4,
    note: 'Less than 10 % of energy.',
  }),

  ...NASEM_WHOLE_DIET_ROWS,
];

/** Secondary source for EPA+DHA guidance, shown as context. */
export const EPA_DHA_FISH_GUIDANCE = AHA_2005_OMEGA3;
