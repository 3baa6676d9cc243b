/**
 * The nutrient registry: stable ids, names and canonical units (docs/design.md §3).
 * Display units may differ (vitamin D is also shown in IU), but every amount stored or
 * computed by calcwise is in the canonical unit of its nutrient.
 */

export const NUTRIENT_IDS = [
  'energy',
  'protein',
  'fat',
  'saturated-fat',
  'carbohydrate',
  'fiber',
  'sugars',
  'added-sugars',
  'calcium',
  'magnesium',
  'phosphorus',
  'potassium',
  'sodium',
  'vitamin-c',
  'vitamin-d',
  'vitamin-k1',
  'mk4',
  'mk5',
  'mk6',
  'mk7',
  'mk8',
  'mk9',
  'mk10',
  'vitamin-k2',
  'vitamin-k',
  'epa',
  'dha',
  'dpa',
  'ala',
  'omega-3',
  'epa-dha',
  'vitamin-b12',
  'folate',
  'iron',
  'zinc',
  'vitamin-a',
  'retinol',
  'vitamin-e',
  'thiamin',
  'riboflavin',
  'niacin',
  'vitamin-b6',
  'selenium',
  'choline',
  'iodine',
  'mk11',
  'mk12',
  'mk13',
  'dihydrophylloquinone',
] as const;

export type NutrientId = (typeof NUTRIENT_IDS)[number];
export type NutrientUnit = 'kcal' | 'g' | 'mg' | 'µg';

export interface NutrientDefinition {
  id: NutrientId;
  name: string;
  unit: NutrientUnit;
  /** Derived nutrients are computed from their components, never read from a source. */
  derivedFrom?: readonly NutrientId[];
  note?: string;
}

export const MENAQUINONE_IDS = [
  'mk4',
  'mk5',
  'mk6',
  'mk7',
  'mk8',
  'mk9',
  'mk10',
  'mk11',
  'mk12',
  'mk13',
] as const;

const definitions: NutrientDefinition[] = [
  { id: 'energy', name: 'Energy', unit: 'kcal' },
  { id: 'protein', name: 'Protein', unit: 'g' },
  { id: 'fat', name: 'Total fat', unit: 'g' },
  { id: 'saturated-fat', name: 'Saturated fat', unit: 'g' },
  { id: 'carbohydrate', name: 'Carbohydrate', unit: 'g' },
  { id: 'fiber', name: 'Fiber', unit: 'g' },
  { id: 'sugars', name: 'Total sugars', unit: 'g' },
  {
    id: 'added-sugars',
    name: 'Added sugars',
    unit: 'g',
    note: 'Only where a source reports it; USDA SR24 does not.',
  },
  { id: 'calcium', name: 'Calcium', unit: 'mg' },
  { id: 'magnesium', name: 'Magnesium', unit: 'mg' },
  { id: 'phosphorus', name: 'Phosphorus', unit: 'mg' },
  { id: 'potassium', name: 'Potassium', unit: 'mg' },
  { id: 'sodium', name: 'Sodium', unit: 'mg' },
  { id: 'vitamin-c', name: 'Vitamin C', unit: 'mg' },
  { id: 'vitamin-d', name: 'Vitamin D', unit: 'µg', note: '1 µg = 40 IU' },
  { id: 'vitamin-k1', name: 'Vitamin K1 (phylloquinone)', unit: 'µg' },
  { id: 'mk4', name: 'Menaquinone-4 (MK-4)', unit: 'µg' },
  { id: 'mk5', name: 'Menaquinone-5 (MK-5)', unit: 'µg' },
  { id: 'mk6', name: 'Menaquinone-6 (MK-6)', unit: 'µg' },
  { id: 'mk7', name: 'Menaquinone-7 (MK-7)', unit: 'µg' },
  { id: 'mk8', name: 'Menaquinone-8 (MK-8)', unit: 'µg' },
  { id: 'mk9', name: 'Menaquinone-9 (MK-9)', unit: 'µg' },
  { id: 'mk10', name: 'Menaquinone-10 (MK-10)', unit: 'µg' },
  {
    id: 'vitamin-k2',
    name: 'Vitamin K2 (menaquinones)',
    unit: 'µg',
    derivedFrom: MENAQUINONE_IDS,
    note: 'Sum of the menaquinones a source reports; unknown when none is reported.',
  },
  {
    id: 'vitamin-k',
    name: 'Vitamin K (K1 + K2)',
    unit: 'µg',
    derivedFrom: ['vitamin-k1', 'vitamin-k2'],
  },
  { id: 'epa', name: 'EPA (20:5 n-3)', unit: 'g' },
  { id: 'dha', name: 'DHA (22:6 n-3)', unit: 'g' },
  { id: 'dpa', name: 'DPA (22:5 n-3)', unit: 'g' },
  { id: 'ala', name: 'ALA (18:3 n-3, α-linolenic acid)', unit: 'g' },
  { id: 'omega-3', name: 'Omega-3 fatty acids, total', unit: 'g' },
  { id: 'epa-dha', name: 'EPA + DHA', unit: 'g', derivedFrom: ['epa', 'dha'] },
  { id: 'vitamin-b12', name: 'Vitamin B12', unit: 'µg' },
  {
    id: 'folate',
    name: 'Folate',
    unit: 'µg',
    note: 'Targets are in µg DFE. USDA SR24 gives total folate (food folate + folic acid), which is at most the DFE value (DFE counts folic acid ×1.7), so it is a lower bound for fortified foods.',
  },
  { id: 'iron', name: 'Iron', unit: 'mg' },
  { id: 'zinc', name: 'Zinc', unit: 'mg' },
  {
    id: 'vitamin-a',
    name: 'Vitamin A (RAE)',
    unit: 'µg',
    note: 'µg retinol activity equivalents: retinol + β-carotene/12 + (α-carotene + β-cryptoxanthin)/24 (IOM 2001).',
  },
  {
    id: 'retinol',
    name: 'Preformed vitamin A (retinol)',
    unit: 'µg',
    note: 'The vitamin A UL applies to preformed vitamin A only, not to carotenoids.',
  },
  { id: 'vitamin-e', name: 'Vitamin E (α-tocopherol)', unit: 'mg' },
  { id: 'thiamin', name: 'Thiamin (B1)', unit: 'mg' },
  { id: 'riboflavin', name: 'Riboflavin (B2)', unit: 'mg' },
  {
    id: 'niacin',
    name: 'Niacin (B3)',
    unit: 'mg',
    note: 'Targets are in mg niacin equivalents (NE); USDA SR24 gives preformed niacin without the tryptophan share, a lower bound.',
  },
  { id: 'vitamin-b6', name: 'Vitamin B6', unit: 'mg' },
  { id: 'selenium', name: 'Selenium', unit: 'µg' },
  { id: 'choline', name: 'Choline', unit: 'mg' },
  {
    id: 'iodine',
    name: 'Iodine',
    unit: 'µg',
    note: 'USDA SR24 has no iodine values: intake from food is unknown.',
  },
  { id: 'mk11', name: 'Menaquinone-11 (MK-11)', unit: 'µg' },
  { id: 'mk12', name: 'Menaquinone-12 (MK-12)', unit: 'µg' },
  { id: 'mk13', name: 'Menaquinone-13 (MK-13)', unit: 'µg' },
  {
    id: 'dihydrophylloquinone',
    name: 'Dihydrophylloquinone (dK, from hydrogenated oils)',
    unit: 'µg',
    note:
      'Not counted in vitamin K1 or in the vitamin K total: less absorbed than phylloquinone and ' +
      'without measurable effect on bone markers (Booth 2001, PMID 11722960). FDC nutrient 1184.',
  },
];

export const NUTRIENTS: ReadonlyMap<NutrientId, NutrientDefinition> = new Map(
  definitions.map((definition) => [definition.id, definition]),
);

export function isNutrientId(value: string): value is NutrientId {
  return NUTRIENTS.has(value as NutrientId);
}

export function getNutrient(id: NutrientId): NutrientDefinition {
  const definition = NUTRIENTS.get(id);
  if (!definition) throw new Error(`nutrient registry has no ${id}`);
  return definition;
}

/** Vitamin D: 1 µg = 40 IU (NIH ODS Vitamin D fact sheet; IOM 2011). */
export const VITAMIN_D_IU_PER_UG = 40;

export function vitaminDIuToUg(iu: number): number {
  return iu / VITAMIN_D_IU_PER_UG;
}

export function vitaminDUgToIu(ug: number): number {
  return ug * VITAMIN_D_IU_PER_UG;
}

/** Molar masses (g/mol) for molar ratios such as Na:K (IUPAC standard atomic weights). */
export const MOLAR_MASS_G_PER_MOL = { sodium: 22.99, potassium: 39.098 } as const;
