import type { NutrientId } from '../core/nutrients.js';
import { VITAMIN_D_IU_PER_UG } from '../core/nutrients.js';

/**
 * How a nutrient of the cronometer SR24 XML (`<nutrient name="…">`) becomes a calcwise
 * nutrient. Units of the XML: cronometer's nutrient definitions (SR24 NUTR_DEF units).
 */
export interface Sr24NutrientMapping {
  /** The `name` attribute in the XML. */
  xmlName: string;
  /** SR24 nutrient number(s) behind the XML name. */
  srNutrNo: string;
  id: NutrientId;
  /** Divide the XML amount by this to get the canonical unit (1 = same unit). */
  divisor: number;
  /** Said on every value converted or derived this way. */
  note?: string;
  /**
   * A weighted sum of several XML nutrients instead of `xmlName` alone (vitamin A RAE). The value
   * is known when at least one component is; a missing component counts 0, so the sum is a lower
   * bound, which the note says.
   */
  combine?: readonly { xmlName: string; factor: number }[];
}

/**
 * The mapping. Deliberately absent: `ALA` is ALANINE (SR 513), an amino acid, never α-linolenic
 * acid; SR24 has no iodine, added sugars, EPA, DHA, DPA, 18:3 n-3 alone, or menaquinones (those stay
 * unknown unless a supplementary table supplies them).
 */
export const SR24_NUTRIENT_MAP: readonly Sr24NutrientMapping[] = [
  { xmlName: 'Energy', srNutrNo: '208', id: 'energy', divisor: 1 },
  { xmlName: 'Protein', srNutrNo: '203', id: 'protein', divisor: 1 },
  { xmlName: 'Fat', srNutrNo: '204', id: 'fat', divisor: 1 },
  { xmlName: 'Saturated', srNutrNo: '606', id: 'saturated-fat', divisor: 1 },
  { xmlName: 'Carbs', srNutrNo: '205', id: 'carbohydrate', divisor: 1 },
  { xmlName: 'Fiber', srNutrNo: '291', id: 'fiber', divisor: 1 },
  { xmlName: 'Sugars', srNutrNo: '269', id: 'sugars', divisor: 1 },
  { xmlName: 'Calcium', srNutrNo: '301', id: 'calcium', divisor: 1 },
  { xmlName: 'Magnesium', srNutrNo: '304', id: 'magnesium', divisor: 1 },
  { xmlName: 'Phosphorus', srNutrNo: '305', id: 'phosphorus', divisor: 1 },
  { xmlName: 'Potassium', srNutrNo: '306', id: 'potassium', divisor: 1 },
  { xmlName: 'Sodium', srNutrNo: '307', id: 'sodium', divisor: 1 },
  { xmlName: 'Vitamin C', srNutrNo: '401', id: 'vitamin-c', divisor: 1 },
  {
    xmlName: 'Vitamin D',
    srNutrNo: '324',
    id: 'vitamin-d',
    // SR24 reports vitamin D in IU only; 1 µg = 40 IU.
    divisor: VITAMIN_D_IU_PER_UG,
    note: 'converted from IU (÷40)',
  },
  { xmlName: 'Vitamin K', srNutrNo: '430', id: 'vitamin-k1', divisor: 1 },
  {
    xmlName: 'Omega-3',
    srNutrNo: '621,629,631,851,852',
    id: 'omega-3',
    divisor: 1,
    // The cronometer program computed this sum of n-3 PUFA (DHA 621, EPA 629, DPA 631,
    // 18:3 n-3 851, 20:3 n-3 852) when it packed SR24; SR24 itself has no such total.
    note: 'sum of SR nutrients 621, 629, 631, 851, 852 (n-3 PUFA) computed by the cronometer SR24 build',
  },
  { xmlName: 'B12 (Cyanocobalamin)', srNutrNo: '418', id: 'vitamin-b12', divisor: 1 },
  {
    xmlName: 'Folate',
    srNutrNo: '417',
    id: 'folate',
    divisor: 1,
    // SR 435 (DFE) and 431 (folic acid) are not in the cronometer XML.
    note: 'total folate (SR 417), not DFE: a lower bound of DFE for foods fortified with folic acid',
  },
  { xmlName: 'Iron', srNutrNo: '303', id: 'iron', divisor: 1 },
  { xmlName: 'Zinc', srNutrNo: '309', id: 'zinc', divisor: 1 },
  {
    xmlName: 'Retinol',
    srNutrNo: '319,321,322,334',
    id: 'vitamin-a',
    divisor: 1,
    // SR 320 (RAE) is not in the cronometer XML; IOM 2001 conversion factors.
    combine: [
      { xmlName: 'Retinol', factor: 1 },
      { xmlName: 'Beta-carotene', factor: 1 / 12 },
      { xmlName: 'Alpha-carotene', factor: 1 / 24 },
      { xmlName: 'Beta-cryptoxanthin', factor: 1 / 24 },
    ],
    note: 'RAE computed from SR 319, 321, 322, 334 (retinol + β-carotene/12 + α-carotene/24 + β-cryptoxanthin/24, IOM 2001); a component SR24 lacks counts 0 (lower bound)',
  },
  { xmlName: 'Retinol', srNutrNo: '319', id: 'retinol', divisor: 1 },
  { xmlName: 'Vitamin E', srNutrNo: '323', id: 'vitamin-e', divisor: 1 },
  { xmlName: 'B1 (Thiamine)', srNutrNo: '404', id: 'thiamin', divisor: 1 },
  { xmlName: 'B2 (Riboflavin)', srNutrNo: '405', id: 'riboflavin', divisor: 1 },
  {
    xmlName: 'B3 (Niacin)',
    srNutrNo: '406',
    id: 'niacin',
    divisor: 1,
    note: 'preformed niacin (SR 406), without the tryptophan share of niacin equivalents: a lower bound of NE',
  },
  { xmlName: 'B6 (Pyridoxine)', srNutrNo: '415', id: 'vitamin-b6', divisor: 1 },
  { xmlName: 'Selenium', srNutrNo: '317', id: 'selenium', divisor: 1 },
  { xmlName: 'Choline', srNutrNo: '421', id: 'choline', divisor: 1 },
];

/** Nutrient ids in the column order of data/sr24/foods.tsv. */
export const SR24_NUTRIENT_COLUMNS: readonly NutrientId[] = SR24_NUTRIENT_MAP.map((m) => m.id);

export const SR24_NUTRIENT_NOTES: ReadonlyMap<NutrientId, string> = new Map(
  SR24_NUTRIENT_MAP.flatMap((m) => (m.note ? [[m.id, m.note] as const] : [])),
);
