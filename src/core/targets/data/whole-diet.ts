import {
  driRows as rows,
  LACTATING,
  NOT_PREGNANT,
  PREGNANT,
  type DriRow,
} from '../dri-row.js';
import type { SourceRef } from '../../sources.js';

/**
 * Reference values for the rest of the diet (issue 10): the B vitamins, vitamins A and E, iron,
 * zinc, selenium, choline and iodine, so that a plan replacing someone's diet does not create a
 * deficiency outside the calcification panel. People aged 14 and over (NASEM), 18 and over (EFSA).
 *
 * What each UL applies to matters and is kept as data:
 * - folic acid (synthetic, supplements and fortified foods): food folate has no UL → `supplements`;
 * - vitamin A: preformed vitamin A (retinol) only, not carotenoids → the UL row is on `retinol`;
 * - niacin: supplemental and fortified forms (nicotinic acid flushing) → `supplements`;
 * - vitamin E: any form of supplemental α-tocopherol → `supplements`;
 * - iron, zinc, selenium, vitamin B6, choline, iodine: all sources → `total`.
 * A `supplements` row is never applied to food by the planner (model.ts skips them); the note
 * says when fortified foods are meant too, which calcwise cannot separate (SR24 has no folic acid
 * or added-niacin field).
 */

const SUMMARY_NOTE =
  'Value from the NASEM/IOM DRI summary tables; not in the research dossier (research/dri.csv), to be checked against the primary report.';

export const IOM_1998_B_VITAMINS: SourceRef = {
  label:
    'IOM 1998 DRI Thiamin, Riboflavin, Niacin, Vitamin B6, Folate, Vitamin B12, Pantothenic Acid, Biotin, and Choline (summary tables)',
  kind: 'guideline',
  url: 'https://nap.nationalacademies.org/catalog/6015',
  pmid: '23193625',
  note: SUMMARY_NOTE,
};

export const IOM_2000_VITAMIN_E_SELENIUM: SourceRef = {
  label: 'IOM 2000 DRI Vitamin C, Vitamin E, Selenium, and Carotenoids (summary tables)',
  kind: 'guideline',
  url: 'https://nap.nationalacademies.org/catalog/9810',
  pmid: '25077263',
  note: SUMMARY_NOTE,
};

export const IOM_2001_MICRONUTRIENTS: SourceRef = {
  label:
    'IOM 2001 DRI Vitamin A, Vitamin K, Arsenic, Boron, Chromium, Copper, Iodine, Iron, Manganese, Molybdenum, Nickel, Silicon, Vanadium, and Zinc (summary tables)',
  kind: 'guideline',
  url: 'https://nap.nationalacademies.org/catalog/10026',
  pmid: '25057538',
  note: SUMMARY_NOTE,
};

const EFSA_NOTE =
  'EFSA identifier as published; not in the research dossier, to be checked against the opinion.';

/** EFSA's summary of all its DRVs (the "DRV Finder" tables), used for the minimums below. */
export const EFSA_DRV_SUMMARY: SourceRef = {
  label: 'EFSA 2017 Dietary Reference Values for nutrients, Summary report (EFSA Supporting Publications 2017:e15121)',
  kind: 'guideline',
  doi: '10.2903/sp.efsa.2017.e15121',
  note: EFSA_NOTE,
};

export const SCF_UL_COMPENDIUM: SourceRef = {
  label: 'SCF/EFSA 2006 Tolerable Upper Intake Levels for Vitamins and Minerals',
  kind: 'guideline',
  url: 'https://www.efsa.europa.eu/sites/default/files/efsa_rep/blobserver_assets/ndatolerableuil.pdf',
  note: EFSA_NOTE,
};

export const EFSA_2023_B6_UL: SourceRef = {
  label: 'EFSA NDA 2023 Scientific opinion on the tolerable upper intake level for vitamin B6',
  kind: 'guideline',
  doi: '10.2903/j.efsa.2023.8006',
  note: EFSA_NOTE,
};

export const EFSA_2023_SELENIUM_UL: SourceRef = {
  label: 'EFSA NDA 2023 Scientific opinion on the tolerable upper intake level for selenium',
  kind: 'guideline',
  doi: '10.2903/j.efsa.2023.7704',
  note: EFSA_NOTE,
};

/** What guidelines suggest about iodine in pregnancy, for plans (SR24 has no iodine values). */
export const ATA_2017_PREGNANCY_IODINE: SourceRef = {
  label:
    'Alexander EK et al. 2017 Guidelines of the American Thyroid Association for thyroid disease during pregnancy and the postpartum, Thyroid 27(3):315–389 (recommendation: 150 µg iodine daily as potassium iodide, ideally from before conception)',
  kind: 'guideline',
  pmid: '28056690',
  doi: '10.1089/thy.2016.0457',
};

const FOLIC_ACID_UL_NOTE =
  'The UL is for folic acid (synthetic) from supplements and fortified foods, in µg folic acid; folate naturally in food has no UL. SR24 does not separate folic acid in fortified foods, so the plan cannot count it there.';
const VITAMIN_A_UL_NOTE =
  'Applies to preformed vitamin A (retinol and retinyl esters) only; β-carotene and other carotenoids do not count.';
const NIACIN_UL_NOTE =
  'Applies to niacin from supplements, fortified foods and medicines (flushing from nicotinic acid); niacin naturally in food does not count.';
const VITAMIN_E_UL_NOTE =
  'Applies to any form of supplemental α-tocopherol (supplements and fortified foods); vitamin E naturally in food does not count.';
const FOLATE_DFE_NOTE =
  'µg dietary folate equivalents (DFE); SR24 total folate counts towards it as a lower bound.';
const NIACIN_NE_NOTE =
  'mg niacin equivalents (NE); SR24 preformed niacin counts towards it as a lower bound (the tryptophan share is not counted).';
const IODINE_NOTE =
  'USDA SR24 has no iodine values, so no plan can show how much food provides; iodised salt, dairy, eggs and sea fish are the usual sources.';

export const NASEM_WHOLE_DIET_ROWS: readonly DriRow[] = [
  ...rows('vitamin-b12', 'RDA', IOM_1998_B_VITAMINS, [
    { ages: [14], stages: NOT_PREGNANT, value: 2.4 },
    { ages: [14], stages: PREGNANT, value: 2.6 },
    { ages: [14], stages: LACTATING, value: 2.8 },
  ]),

  ...rows(
    'folate',
    'RDA',
    IOM_1998_B_VITAMINS,
    [
      { ages: [14], stages: NOT_PREGNANT, value: 400 },
      { ages: [14], stages: PREGNANT, value: 600 },
      { ages: [14], stages: LACTATING, value: 500 },
    ],
    { note: FOLATE_DFE_NOTE },
  ),
  ...rows(
    'folate',
    'UL',
    IOM_1998_B_VITAMINS,
    [
      { ages: [14, 18], value: 800 },
      { ages: [19], value: 1000 },
    ],
    { appliesTo: 'supplements', note: FOLIC_ACID_UL_NOTE },
  ),

  ...rows('iron', 'RDA', IOM_2001_MICRONUTRIENTS, [
    { sex: 'male', ages: [14, 18], value: 11 },
    { sex: 'male', ages: [19], value: 8 },
    { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 15 },
    { sex: 'female', ages: [19, 50], stages: NOT_PREGNANT, value: 18 },
    { sex: 'female', ages: [51], stages: NOT_PREGNANT, value: 8 },
    { sex: 'female', ages: [14], stages: PREGNANT, value: 27 },
    { sex: 'female', ages: [14, 18], stages: LACTATING, value: 10 },
    { sex: 'female', ages: [19], stages: LACTATING, value: 9 },
  ]),
  ...rows('iron', 'UL', IOM_2001_MICRONUTRIENTS, [{ ages: [14], value: 45 }]),

  ...rows('zinc', 'RDA', IOM_2001_MICRONUTRIENTS, [
    { sex: 'male', ages: [14], value: 11 },
    { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 9 },
    { sex: 'female', ages: [19], stages: NOT_PREGNANT, value: 8 },
    { sex: 'female', ages: [14, 18], stages: PREGNANT, value: 12 },
    { sex: 'female', ages: [19], stages: PREGNANT, value: 11 },
    { sex: 'female', ages: [14, 18], stages: LACTATING, value: 13 },
    { sex: 'female', ages: [19], stages: LACTATING, value: 12 },
  ]),
  ...rows('zinc', 'UL', IOM_2001_MICRONUTRIENTS, [
    { ages: [14, 18], value: 34 },
    { ages: [19], value: 40 },
  ]),

  ...rows(
    'vitamin-a',
    'RDA',
    IOM_2001_MICRONUTRIENTS,
    [
      { sex: 'male', ages: [14], value: 900 },
      { sex: 'female', ages: [14], stages: NOT_PREGNANT, value: 700 },
      { sex: 'female', ages: [14, 18], stages: PREGNANT, value: 750 },
      { sex: 'female', ages: [19], stages: PREGNANT, value: 770 },
      { sex: 'female', ages: [14, 18], stages: LACTATING, value: 1200 },
      { sex: 'female', ages: [19], stages: LACTATING, value: 1300 },
    ],
    { note: 'µg retinol activity equivalents (RAE).' },
  ),
  ...rows(
    'retinol',
    'UL',
    IOM_2001_MICRONUTRIENTS,
    [
      { ages: [14, 18], value: 2800 },
      { ages: [19], value: 3000 },
    ],
    { note: VITAMIN_A_UL_NOTE },
  ),

  ...rows('vitamin-e', 'RDA', IOM_2000_VITAMIN_E_SELENIUM, [
    { ages: [14], stages: ['none', 'pregnant'], value: 15 },
    { ages: [14], stages: LACTATING, value: 19 },
  ]),
  ...rows(
    'vitamin-e',
    'UL',
    IOM_2000_VITAMIN_E_SELENIUM,
    [
      { ages: [14, 18], value: 800 },
      { ages: [19], value: 1000 },
    ],
    { appliesTo: 'supplements', note: VITAMIN_E_UL_NOTE },
  ),

  ...rows('thiamin', 'RDA', IOM_1998_B_VITAMINS, [
    { sex: 'male', ages: [14], value: 1.2 },
    { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 1.0 },
    { sex: 'female', ages: [19], stages: NOT_PREGNANT, value: 1.1 },
    { sex: 'female', ages: [14], stages: ['pregnant', 'lactating'], value: 1.4 },
  ]),

  ...rows('riboflavin', 'RDA', IOM_1998_B_VITAMINS, [
    { sex: 'male', ages: [14], value: 1.3 },
    { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 1.0 },
    { sex: 'female', ages: [19], stages: NOT_PREGNANT, value: 1.1 },
    { sex: 'female', ages: [14], stages: PREGNANT, value: 1.4 },
    { sex: 'female', ages: [14], stages: LACTATING, value: 1.6 },
  ]),

  ...rows(
    'niacin',
    'RDA',
    IOM_1998_B_VITAMINS,
    [
      { sex: 'male', ages: [14], value: 16 },
      { sex: 'female', ages: [14], stages: NOT_PREGNANT, value: 14 },
      { sex: 'female', ages: [14], stages: PREGNANT, value: 18 },
      { sex: 'female', ages: [14], stages: LACTATING, value: 17 },
    ],
    { note: NIACIN_NE_NOTE },
  ),
  ...rows(
    'niacin',
    'UL',
    IOM_1998_B_VITAMINS,
    [
      { ages: [14, 18], value: 30 },
      { ages: [19], value: 35 },
    ],
    { appliesTo: 'supplements', note: NIACIN_UL_NOTE },
  ),

  ...rows('vitamin-b6', 'RDA', IOM_1998_B_VITAMINS, [
    { sex: 'male', ages: [14, 50], value: 1.3 },
    { sex: 'male', ages: [51], value: 1.7 },
    { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 1.2 },
    { sex: 'female', ages: [19, 50], stages: NOT_PREGNANT, value: 1.3 },
    { sex: 'female', ages: [51], stages: NOT_PREGNANT, value: 1.5 },
    { sex: 'female', ages: [14], stages: PREGNANT, value: 1.9 },
    { sex: 'female', ages: [14], stages: LACTATING, value: 2.0 },
  ]),
  ...rows('vitamin-b6', 'UL', IOM_1998_B_VITAMINS, [
    { ages: [14, 18], value: 80 },
    { ages: [19], value: 100 },
  ]),

  ...rows('selenium', 'RDA', IOM_2000_VITAMIN_E_SELENIUM, [
    { ages: [14], stages: NOT_PREGNANT, value: 55 },
    { ages: [14], stages: PREGNANT, value: 60 },
    { ages: [14], stages: LACTATING, value: 70 },
  ]),
  ...rows('selenium', 'UL', IOM_2000_VITAMIN_E_SELENIUM, [{ ages: [14], value: 400 }]),

  ...rows('choline', 'AI', IOM_1998_B_VITAMINS, [
    { sex: 'male', ages: [14], value: 550 },
    { sex: 'female', ages: [14, 18], stages: NOT_PREGNANT, value: 400 },
    { sex: 'female', ages: [19], stages: NOT_PREGNANT, value: 425 },
    { sex: 'female', ages: [14], stages: PREGNANT, value: 450 },
    { sex: 'female', ages: [14], stages: LACTATING, value: 550 },
  ]),
  ...rows('choline', 'UL', IOM_1998_B_VITAMINS, [
    { ages: [14, 18], value: 3000 },
    { ages: [19], value: 3500 },
  ]),

  ...rows(
    'iodine',
    'RDA',
    IOM_2001_MICRONUTRIENTS,
    [
      { ages: [14], stages: NOT_PREGNANT, value: 150 },
      { ages: [14], stages: PREGNANT, value: 220 },
      { ages: [14], stages: LACTATING, value: 290 },
    ],
    { note: IODINE_NOTE },
  ),
  ...rows('iodine', 'UL', IOM_2001_MICRONUTRIENTS, [
    { ages: [14, 18], value: 900 },
    { ages: [19], value: 1100 },
  ]),
];

const PRI = 'EFSA population reference intake (PRI), shown as kind RDA.';

/**
 * EFSA values for adults. Thiamin (0.1 mg/MJ) and niacin (1.6 mg NE/MJ) are set per megajoule
 * and are left out (listed in EFSA_WHOLE_DIET_OMISSIONS); zinc depends on phytate intake and is
 * given at 600 mg phytate/day, the level EFSA uses for mixed Western diets' middle.
 */
export const EFSA_WHOLE_DIET_ROWS: readonly DriRow[] = [
  ...rows(
    'vitamin-b12',
    'AI',
    EFSA_DRV_SUMMARY,
    [
      { ages: [18], stages: NOT_PREGNANT, value: 4.0 },
      { ages: [18], stages: PREGNANT, value: 4.5 },
      { ages: [18], stages: LACTATING, value: 5.0 },
    ],
    { note: 'EFSA set no UL for vitamin B12.' },
  ),
  ...rows(
    'folate',
    'RDA',
    EFSA_DRV_SUMMARY,
    [
      { ages: [18], stages: NOT_PREGNANT, value: 330 },
      { ages: [18], stages: PREGNANT, value: 600, extra: { kind: 'AI' } },
      { ages: [18], stages: LACTATING, value: 500 },
    ],
    { note: `${PRI} ${FOLATE_DFE_NOTE} Pregnancy: AI.` },
  ),
  ...rows('folate', 'UL', SCF_UL_COMPENDIUM, [{ ages: [18], value: 1000 }], {
    appliesTo: 'supplements',
    note: FOLIC_ACID_UL_NOTE,
  }),
  ...rows(
    'iron',
    'RDA',
    EFSA_DRV_SUMMARY,
    [
      { sex: 'male', ages: [18], value: 11 },
      { sex: 'female', ages: [18, 50], value: 16 },
      { sex: 'female', ages: [51], stages: NOT_PREGNANT, value: 11 },
    ],
    {
      note: `${PRI} Women aged 51+ are taken as postmenopausal (EFSA: 11 mg). Pregnancy and lactation: 16 mg. EFSA set no UL for iron.`,
    },
  ),
  ...rows(
    'zinc',
    'RDA',
    EFSA_DRV_SUMMARY,
    [
      { sex: 'male', ages: [18], value: 11.7 },
      { sex: 'female', ages: [18], stages: NOT_PREGNANT, value: 9.3 },
      { sex: 'female', ages: [18], stages: PREGNANT, value: 10.9 },
      { sex: 'female', ages: [18], stages: LACTATING, value: 12.2 },
    ],
    {
      note: `${PRI} At a phytate intake of 600 mg/day (EFSA: 300 → 9.4/7.5 mg, 900 → 14.0/11.0, 1,200 → 16.3/12.7 mg for men/women); pregnancy +1.6 mg, lactation +2.9 mg.`,
    },
  ),
  ...rows('zinc', 'UL', SCF_UL_COMPENDIUM, [{ ages: [18], value: 25 }]),
  ...rows(
    'vitamin-a',
    'RDA',
    EFSA_DRV_SUMMARY,
    [
      { sex: 'male', ages: [18], value: 750 },
      { sex: 'female', ages: [18], stages: NOT_PREGNANT, value: 650 },
      { sex: 'female', ages: [18], stages: PREGNANT, value: 700 },
      { sex: 'female', ages: [18], stages: LACTATING, value: 1300 },
    ],
    { note: `${PRI} µg retinol equivalents; calcwise counts RAE, which is lower for carotenoids (conservative).` },
  ),
  ...rows('retinol', 'UL', SCF_UL_COMPENDIUM, [{ ages: [18], value: 3000 }], {
    note: VITAMIN_A_UL_NOTE,
  }),
  ...rows(
    'vitamin-e',
    'AI',
    EFSA_DRV_SUMMARY,
    [
      { sex: 'male', ages: [18], value: 13 },
      { sex: 'female', ages: [18], value: 11 },
    ],
    { note: 'α-tocopherol. Same value in pregnancy and lactation.' },
  ),
  ...rows('vitamin-e', 'UL', SCF_UL_COMPENDIUM, [{ ages: [18], value: 300 }], {
    appliesTo: 'supplements',
    note: VITAMIN_E_UL_NOTE,
  }),
  ...rows(
    'riboflavin',
    'RDA',
    EFSA_DRV_SUMMARY,
    [
      { ages: [18], stages: NOT_PREGNANT, value: 1.6 },
      { ages: [18], stages: PREGNANT, value: 1.9 },
      { ages: [18], stages: LACTATING, value: 2.0 },
    ],
    { note: `${PRI} EFSA set no UL for riboflavin.` },
  ),
  ...rows(
    'vitamin-b6',
    'RDA',
    EFSA_DRV_SUMMARY,
    [
      { sex: 'male', ages: [18], value: 1.7 },
      { sex: 'female', ages: [18], stages: NOT_PREGNANT, value: 1.6 },
      { sex: 'female', ages: [18], stages: PREGNANT, value: 1.8 },
      { sex: 'female', ages: [18], stages: LACTATING, value: 1.7 },
    ],
    { note: PRI },
  ),
  ...rows('vitamin-b6', 'UL', EFSA_2023_B6_UL, [{ ages: [18], value: 12 }]),
  ...rows(
    'selenium',
    'AI',
    EFSA_DRV_SUMMARY,
    [
      { ages: [18], stages: ['none', 'pregnant'], value: 70 },
      { ages: [18], stages: LACTATING, value: 85 },
    ],
  ),
  ...rows('selenium', 'UL', EFSA_2023_SELENIUM_UL, [{ ages: [18], value: 255 }]),
  ...rows(
    'choline',
    'AI',
    EFSA_DRV_SUMMARY,
    [
      { ages: [18], stages: NOT_PREGNANT, value: 400 },
      { ages: [18], stages: PREGNANT, value: 480 },
      { ages: [18], stages: LACTATING, value: 520 },
    ],
    { note: 'EFSA set no UL for choline.' },
  ),
  ...rows(
    'iodine',
    'AI',
    EFSA_DRV_SUMMARY,
    [
      { ages: [18], stages: NOT_PREGNANT, value: 150 },
      { ages: [18], stages: ['pregnant', 'lactating'], value: 200 },
    ],
    { note: IODINE_NOTE },
  ),
  ...rows('iodine', 'UL', SCF_UL_COMPENDIUM, [{ ages: [18], value: 600 }]),
];

export const EFSA_WHOLE_DIET_OMISSIONS: readonly string[] = [
  'Thiamin (0.1 mg/MJ) and niacin (1.6 mg NE/MJ): EFSA sets these per megajoule of energy; not tabulated here.',
  'Iron: EFSA set no UL. Vitamin B12, riboflavin, choline: no UL.',
  'Niacin UL (SCF: nicotinic acid 10 mg, nicotinamide 900 mg) applies to supplements by form; not tabulated here.',
];
