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
}

/**
 * The mapping. Deliberately absent: `ALA` is ALANINE (SR 513), an amino acid, never α-linolenic
 * acid; SR24 has no added sugars, EPA, DHA, DPA, 18:3 n-3 alone, or menaquinones (those stay
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
];

/** Nutrient ids in the column order of data/sr24/foods.tsv. */
export const SR24_NUTRIENT_COLUMNS: readonly NutrientId[] = SR24_NUTRIENT_MAP.map((m) => m.id);

export const SR24_NUTRIENT_NOTES: ReadonlyMap<NutrientId, string> = new Map(
  SR24_NUTRIENT_MAP.flatMap((m) => (m.note ? [[m.id, m.note] as const] : [])),
);
