import { driRows as rows, LACTATING, NOT_PREGNANT, PREGNANT, type DriRow } from '../dri-row.js';
import {
  EFSA_2010_FATS,
  EFSA_CALCIUM,
  EFSA_CALCIUM_UL,
  EFSA_CARBOHYDRATES_FIBRE,
  EFSA_MAGNESIUM,
  EFSA_MAGNESIUM_UL,
  EFSA_PHOSPHORUS,
  EFSA_POTASSIUM,
  EFSA_PROTEIN,
  EFSA_SODIUM,
  EFSA_VITAMIN_C,
  EFSA_VITAMIN_D,
  EFSA_VITAMIN_D_UL,
  EFSA_VITAMIN_K,
} from './references.js';
import { EFSA_WHOLE_DIET_OMISSIONS, EFSA_WHOLE_DIET_ROWS } from './whole-diet.js';

/**
 * EFSA Dietary Reference Values for adults (18 and over), for the nutrients calcwise tracks.
 * EFSA population reference intakes (PRI) are shown with kind RDA, which is their NASEM
 * counterpart. Values EFSA did not set, or that calcwise could not confirm, are left out
 * and listed in EFSA_OMISSIONS instead of guessed.
 */
export const EFSA_MIN_AGE = 18;

const PRI = 'EFSA population reference intake (PRI), shown as kind RDA.';

export const EFSA_DRV_ROWS: readonly DriRow[] = [
  ...rows(
    'calcium',
    'RDA',
    EFSA_CALCIUM,
    [
      { ages: [18, 24], value: 1000 },
      { ages: [25], value: 950 },
    ],
    { note: `${PRI} Same values in pregnancy and lactation.` },
  ),
  ...rows('calcium', 'UL', EFSA_CALCIUM_UL, [{ ages: [18], value: 2500 }]),

  ...rows(
    'magnesium',
    'AI',
    EFSA_MAGNESIUM,
    [
      { sex: 'male', ages: [18], value: 350 },
      { sex: 'female', ages: [18], value: 300 },
    ],
    { note: 'Same value in pregnancy and lactation.' },
  ),
  ...rows('magnesium', 'UL', EFSA_MAGNESIUM_UL, [{ ages: [18], value: 250 }], {
    appliesTo: 'supplements',
    note: 'Applies to readily dissociable magnesium salts in supplements, water and fortified foods; not to magnesium naturally in food.',
  }),

  ...rows('phosphorus', 'AI', EFSA_PHOSPHORUS, [{ ages: [18], value: 550 }], {
    note: 'EFSA set no UL for phosphorus.',
  }),

  ...rows(
    'potassium',
    'AI',
    EFSA_POTASSIUM,
    [
      { ages: [18], stages: [...NOT_PREGNANT, ...PREGNANT], value: 3500 },
      { sex: 'female', ages: [18], stages: LACTATING, value: 4000 },
    ],
    {
      note: 'Does not apply to people with impaired potassium excretion (CKD, potassium-retaining medicines).',
    },
  ),

  ...rows('sodium', 'guidance', EFSA_SODIUM, [{ ages: [18], value: 2000 }], {
    bound: 'max',
    note: 'EFSA 2019: 2.0 g/day is a safe and adequate intake for adults (also in pregnancy and lactation); EFSA set no UL. Shown as a maximum.',
  }),

  ...rows('vitamin-d', 'AI', EFSA_VITAMIN_D, [{ ages: [18], value: 15 }], {
    note: '15 µg = 600 IU; same in pregnancy and lactation.',
  }),
  ...rows('vitamin-d', 'UL', EFSA_VITAMIN_D_UL, [{ ages: [18], value: 100 }], {
    note: '100 µg = 4,000 IU.',
  }),

  ...rows('vitamin-k1', 'AI', EFSA_VITAMIN_K, [{ ages: [18], value: 70 }], {
    note: 'EFSA set the AI for phylloquinone (K1) only: it found the data on menaquinones (K2) insufficient. Same in pregnancy and lactation; no UL.',
  }),

  ...rows(
    'vitamin-c',
    'RDA',
    EFSA_VITAMIN_C,
    [
      { sex: 'male', ages: [18], value: 110 },
      { sex: 'female', ages: [18], stages: NOT_PREGNANT, value: 95 },
      { sex: 'female', ages: [18], stages: PREGNANT, value: 105 },
      { sex: 'female', ages: [18], stages: LACTATING, value: 155 },
    ],
    {
      note: `${PRI} Pregnancy +10 mg, lactation +60 mg. No smoker increment is applied under EFSA here; EFSA set no UL.`,
    },
  ),

  ...rows('epa-dha', 'AI', EFSA_2010_FATS, [{ ages: [18], value: 0.25 }], {
    note: 'In pregnancy and lactation EFSA adds 100–200 mg preformed DHA.',
  }),
  ...rows('ala', 'AI', EFSA_2010_FATS, [{ ages: [18], value: 0.5 }], {
    basis: 'percent-energy',
    kcalPerGram: 9,
    note: '0.5 % of energy.',
  }),

  ...rows('fiber', 'AI', EFSA_CARBOHYDRATES_FIBRE, [{ ages: [18], value: 25 }]),

  ...rows('protein', 'RDA', EFSA_PROTEIN, [{ ages: [18], stages: NOT_PREGNANT, value: 0 }], {
    perKgBodyWeight: 0.83,
    requiresWeight: true,
    note: `${PRI} 0.83 g per kg body weight.`,
  }),

  ...EFSA_WHOLE_DIET_ROWS,
];

/** What the EFSA authority does not give, said instead of guessed. */
export const EFSA_OMISSIONS: readonly string[] = [
  'EFSA values are tabulated here for adults (18 and over) only.',
  'Protein: EFSA PRI 0.83 g/kg body weight needs a weight; the pregnancy and lactation increments are not tabulated here.',
  'Carbohydrate: EFSA gives a reference intake range of 45–60 % of energy, not a gram target.',
  'Saturated fat and added sugars: EFSA advises intakes "as low as possible" without a number; no limit is set here.',
  'No UL from EFSA for phosphorus, potassium, vitamin C or vitamin K.',
  ...EFSA_WHOLE_DIET_OMISSIONS,
];
