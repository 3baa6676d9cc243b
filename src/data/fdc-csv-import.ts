/**
 * USDA FoodData Central CSV release (official layout: food.csv, nutrient.csv, food_nutrient.csv,
 * food_portion.csv, measure_unit.csv, food_category.csv) → calcwise Foods with ids `fdc:<fdcId>`.
 * Stream → pure mapping → validation: a bad row is counted with its file, line and reason,
 * never fatal; only a missing table or header is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Food, FoodId, NutrientValue, Portion } from '../core/foods.js';
import { VITAMIN_D_IU_PER_UG, type NutrientId } from '../core/nutrients.js';
import type { SourceRef } from '../core/sources.js';
import { progressOf, requireTable, type FdcProgress } from './fdc-csv-tables.js';
import { FDC_DATASET } from './sr24-supplementary.js';

export type { FdcProgress };

/** FoodData Central nutrient ids (nutrient.csv `id`) that calcwise reads. */
export const FDC_NUTRIENT = {
  ENERGY_KCAL: 1008,
  ENERGY_ATWATER_GENERAL_KCAL: 2047,
  ENERGY_ATWATER_SPECIFIC_KCAL: 2048,
  PROTEIN: 1003,
  FAT: 1004,
  CARBOHYDRATE_BY_DIFFERENCE: 1005,
  FIBER_TOTAL_DIETARY: 1079,
  SUGARS_TOTAL: 2000,
  SUGARS_TOTAL_NLEA: 1063,
  SUGARS_ADDED: 1235,
  FATTY_ACIDS_SATURATED: 1258,
  CALCIUM: 1087,
  MAGNESIUM: 1090,
  PHOSPHORUS: 1091,
  POTASSIUM: 1092,
  SODIUM: 1093,
  VITAMIN_C: 1162,
  VITAMIN_D_UG: 1114,
  VITAMIN_D_IU: 1110,
  VITAMIN_K1_PHYLLOQUINONE: 1185,
  VITAMIN_K_DIHYDROPHYLLOQUINONE: 1184,
  VITAMIN_K_MK4: 1183,
  EPA_20_5_N3: 1278,
  DHA_22_6_N3: 1272,
  DPA_22_5_N3: 1280,
  ALA_18_3_N3_CCC: 1404,
} as const;

interface Candidate {
  fdcNutrientId: number;
  /** nutrient.csv `unit_name` the value must have. */
  unit: string;
  divisor?: number;
  note?: string;
}

/**
 * calcwise nutrient ← FDC nutrient ids, in order of preference (the first present wins).
 * Energy: "Energy" 1008, else Atwater specific 2048, else Atwater general 2047. Sugars: 2000,
 * else 1063. Vitamin D: µg 1114, else IU 1110 ÷ 40. Dihydrophylloquinone (1184) is read as its
 * own nutrient, never added to K1 or total vitamin K. FDC has no total omega-3: `omega-3` stays
 * unknown.
 */
export const FDC_NUTRIENT_MAP: ReadonlyMap<NutrientId, readonly Candidate[]> = new Map<
  NutrientId,
  readonly Candidate[]
>([
  [
    'energy',
    [
      { fdcNutrientId: FDC_NUTRIENT.ENERGY_KCAL, unit: 'KCAL' },
      {
        fdcNutrientId: FDC_NUTRIENT.ENERGY_ATWATER_SPECIFIC_KCAL,
        unit: 'KCAL',
        note: 'Atwater specific factors',
      },
      {
        fdcNutrientId: FDC_NUTRIENT.ENERGY_ATWATER_GENERAL_KCAL,
        unit: 'KCAL',
        note: 'Atwater general factors',
      },
    ],
  ],
  ['protein', [{ fdcNutrientId: FDC_NUTRIENT.PROTEIN, unit: 'G' }]],
  ['fat', [{ fdcNutrientId: FDC_NUTRIENT.FAT, unit: 'G' }]],
  ['saturated-fat', [{ fdcNutrientId: FDC_NUTRIENT.FATTY_ACIDS_SATURATED, unit: 'G' }]],
  ['carbohydrate', [{ fdcNutrientId: FDC_NUTRIENT.CARBOHYDRATE_BY_DIFFERENCE, unit: 'G' }]],
  ['fiber', [{ fdcNutrientId: FDC_NUTRIENT.FIBER_TOTAL_DIETARY, unit: 'G' }]],
  [
    'sugars',
    [
      { fdcNutrientId: FDC_NUTRIENT.SUGARS_TOTAL, unit: 'G' },
      { fdcNutrientId: FDC_NUTRIENT.SUGARS_TOTAL_NLEA, unit: 'G' },
    ],
  ],
  ['added-sugars', [{ fdcNutrientId: FDC_NUTRIENT.SUGARS_ADDED, unit: 'G' }]],
  ['calcium', [{ fdcNutrientId: FDC_NUTRIENT.CALCIUM, unit: 'MG' }]],
  ['magnesium', [{ fdcNutrientId: FDC_NUTRIENT.MAGNESIUM, unit: 'MG' }]],
  ['phosphorus', [{ fdcNutrientId: FDC_NUTRIENT.PHOSPHORUS, unit: 'MG' }]],
  ['potassium', [{ fdcNutrientId: FDC_NUTRIENT.POTASSIUM, unit: 'MG' }]],
  ['sodium', [{ fdcNutrientId: FDC_NUTRIENT.SODIUM, unit: 'MG' }]],
  ['vitamin-c', [{ fdcNutrientId: FDC_NUTRIENT.VITAMIN_C, unit: 'MG' }]],
  [
    'vitamin-d',
    [
      { fdcNutrientId: FDC_NUTRIENT.VITAMIN_D_UG, unit: 'UG' },
      {
        fdcNutrientId: FDC_NUTRIENT.VITAMIN_D_IU,
        unit: 'IU',
        divisor: VITAMIN_D_IU_PER_UG,
        note: 'converted from IU (÷40)',
      },
    ],
  ],
  ['vitamin-k1', [{ fdcNutrientId: FDC_NUTRIENT.VITAMIN_K1_PHYLLOQUINONE, unit: 'UG' }]],
  [
    'dihydrophylloquinone',
    [{ fdcNutrientId: FDC_NUTRIENT.VITAMIN_K_DIHYDROPHYLLOQUINONE, unit: 'UG' }],
  ],
  ['mk4', [{ fdcNutrientId: FDC_NUTRIENT.VITAMIN_K_MK4, unit: 'UG' }]],
  ['epa', [{ fdcNutrientId: FDC_NUTRIENT.EPA_20_5_N3, unit: 'G' }]],
  ['dha', [{ fdcNutrientId: FDC_NUTRIENT.DHA_22_6_N3, unit: 'G' }]],
  ['dpa', [{ fdcNutrientId: FDC_NUTRIENT.DPA_22_5_N3, unit: 'G' }]],
  ['ala', [{ fdcNutrientId: FDC_NUTRIENT.ALA_18_3_N3_CCC, unit: 'G' }]],
]);

const READ_NUTRIENT_IDS: ReadonlySet<number> = new Set(
  [...FDC_NUTRIENT_MAP.values()].flatMap((list) => list.map((c) => c.fdcNutrientId)),
);

/** data_type values of foods a person eats (not samples or sub-samples of them). */
export const FDC_FOOD_DATA_TYPES: ReadonlySet<string> = new Set([
  'foundation_food',
  'sr_legacy_food',
  'survey_fndds_food',
  'branded_food',
]);

export { FDC_DATASET };

/** One FDC food as read from the tables, before mapping. */
export interface FdcFoodRecord {
  fdcId: string;
  description: string;
  dataType: string;
  category?: string;
  /** ISO date (YYYY-MM-DD), normalised from ISO or M/D/YYYY. */
  publicationDate?: string;
  /** FDC nutrient id → amount per 100 g in the nutrient's FDC unit. */
  amounts: Map<number, number>;
  portions: Portion[];
}

export interface FdcBadRow {
  file: string;
  line: number;
  reason: string;
}

export interface FdcImportStats {
  foodsRead: number;
  foodsImported: number;
  /** Rows of food.csv skipped for their data_type (samples, sub-samples …), by type. */
  skippedDataTypes: Record<string, number>;
  /** Count of bad rows per file; the first 100 are listed in `badRows`. */
  badRowCount: number;
  badRows: FdcBadRow[];
  /** Foods with the same description under several ids: the latest kept. */
  duplicates: { description: string; kept: string; dropped: string[] }[];
}

export interface FdcImportResult {
  foods: Food[];
  stats: FdcImportStats;
}

export interface FdcImportOptions {
  /** Called every few thousand rows and at the end of each table. */
  onProgress?: (progress: FdcProgress) => void;
  /** Short release name put in every source label, e.g. "Foundation Foods 2024-10-31". */
  release?: string;
  /** `latest` (default): of foods with the same description keep the latest publication. */
  duplicates?: 'latest' | 'keep';
}

/** Parses ISO `YYYY-MM-DD` or US `M/D/YYYY` into ISO; undefined if neither or not a real date. */
export function parseFdcDate(text: string): string | undefined {
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) [year, month, day] = [Number(us[3]), Number(us[1]), Number(us[2])];
  else return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Pure mapping of one FDC food to a calcwise Food. `nutrientUnits` is nutrient.csv's unit per
 * id: a value whose unit is not the expected one is left out (and reported by the caller).
 */
export function mapFdcFood(
  record: FdcFoodRecord,
  nutrientUnits: ReadonlyMap<number, string>,
  release?: string,
): Food {
  const base: SourceRef = {
    label: release ? `${FDC_DATASET} ${release}` : FDC_DATASET,
    kind: 'dataset',
    dataset: FDC_DATASET,
    record: record.fdcId,
  };
  const nutrients: Food['nutrients'] = {};
  for (const [id, candidates] of FDC_NUTRIENT_MAP) {
    for (const candidate of candidates) {
      const amount = record.amounts.get(candidate.fdcNutrientId);
      if (amount === undefined || nutrientUnits.get(candidate.fdcNutrientId) !== candidate.unit)
        continue;
      const note = [`FDC nutrient ${candidate.fdcNutrientId}`, candidate.note]
        .filter(Boolean)
        .join('; ');
      const value: NutrientValue = {
        per100g: candidate.divisor ? amount / candidate.divisor : amount,
        source: { ...base, note },
      };
      nutrients[id] = value;
      break;
    }
  }
  return {
    id: `fdc:${record.fdcId}`,
    name: record.description,
    group: record.category ?? 'Unclassified',
    nutrients,
    portions: record.portions,
  };
}

const MAX_LISTED_BAD_ROWS = 100;

/**
 * Imports a FoodData Central CSV release folder.
 * @example const { foods, stats } = await importFdcCsv('FoodData_Central_foundation_food_csv_2024-10-31')
 */
export async function importFdcCsv(
  dir: string,
  options: FdcImportOptions = {},
): Promise<FdcImportResult> {
  const stats: FdcImportStats = {
    foodsRead: 0,
    foodsImported: 0,
    skippedDataTypes: {},
    badRowCount: 0,
    badRows: [],
    duplicates: [],
  };
  const bad = (file: string, line: number, reason: string): void => {
    stats.badRowCount += 1;
    if (stats.badRows.length < MAX_LISTED_BAD_ROWS) stats.badRows.push({ file, line, reason });
  };

  const nutrientFile = requireTable(dir, 'nutrient.csv');
  requireTable(dir, 'food.csv');
  requireTable(dir, 'food_nutrient.csv');
  const readTable = progressOf(dir, options.onProgress);
  const nutrientUnits = new Map<number, string>();
  for await (const { line, row } of readTable(nutrientFile)) {
    const id = Number(row.id);
    if (!Number.isInteger(id) || !row.unit_name)
      bad('nutrient.csv', line, 'id or unit_name malformed');
    else nutrientUnits.set(id, row.unit_name.toUpperCase());
    const expected = [...FDC_NUTRIENT_MAP.values()].flat().find((c) => c.fdcNutrientId === id);
    if (expected && nutrientUnits.get(id) !== expected.unit) {
      bad(
        'nutrient.csv',
        line,
        `nutrient ${id} in ${row.unit_name}, expected ${expected.unit}: not read`,
      );
    }
  }

  const categories = new Map<string, string>();
  const categoryFile = join(dir, 'food_category.csv');
  if (existsSync(categoryFile)) {
    for await (const { row } of readTable(categoryFile))
      categories.set(row.id ?? '', row.description ?? '');
  }
  const units = new Map<string, string>();
  const unitFile = join(dir, 'measure_unit.csv');
  if (existsSync(unitFile)) {
    for await (const { row } of readTable(unitFile)) units.set(row.id ?? '', row.name ?? '');
  }

  const records = new Map<string, FdcFoodRecord>();
  for await (const { line, row } of readTable(requireTable(dir, 'food.csv'))) {
    stats.foodsRead += 1;
    const dataType = row.data_type ?? '';
    if (!FDC_FOOD_DATA_TYPES.has(dataType)) {
      stats.skippedDataTypes[dataType] = (stats.skippedDataTypes[dataType] ?? 0) + 1;
      continue;
    }
    const fdcId = row.fdc_id ?? '';
    const description = (row.description ?? '').trim();
    if (!/^\d+$/.test(fdcId)) {
      bad('food.csv', line, `fdc_id malformed: "${fdcId}"`);
      continue;
    }
    if (!description) {
      bad('food.csv', line, 'description empty');
      continue;
    }
    if (records.has(fdcId)) {
      bad('food.csv', line, `fdc_id ${fdcId} twice`);
      continue;
    }
    const dateText = row.publication_date ?? '';
    const publicationDate = dateText ? parseFdcDate(dateText) : undefined;
    if (dateText && !publicationDate)
      bad('food.csv', line, `publication_date malformed: "${dateText}"`);
    const category = categories.get(row.food_category_id ?? '');
    records.set(fdcId, {
      fdcId,
      description,
      dataType,
      ...(category ? { category } : {}),
      ...(publicationDate ? { publicationDate } : {}),
      amounts: new Map(),
      portions: [],
    });
  }

  for await (const { line, row } of readTable(requireTable(dir, 'food_nutrient.csv'))) {
    const record = records.get(row.fdc_id ?? '');
    if (!record) continue; // a sample, or a food skipped above
    const nutrientId = Number(row.nutrient_id);
    if (!nutrientUnits.has(nutrientId)) {
      bad('food_nutrient.csv', line, `nutrient ${row.nutrient_id} not in nutrient.csv`);
      continue;
    }
    if (!READ_NUTRIENT_IDS.has(nutrientId)) continue;
    const amountText = (row.amount ?? '').trim();
    const amount = Number(amountText);
    if (amountText === '' || !Number.isFinite(amount) || amount < 0) {
      bad(
        'food_nutrient.csv',
        line,
        `amount of nutrient ${nutrientId} missing or malformed: "${amountText}"`,
      );
      continue;
    }
    if (record.amounts.has(nutrientId)) {
      bad('food_nutrient.csv', line, `nutrient ${nutrientId} twice for fdc ${record.fdcId}`);
      continue;
    }
    record.amounts.set(nutrientId, amount);
  }

  const portionFile = join(dir, 'food_portion.csv');
  if (existsSync(portionFile)) {
    for await (const { line, row } of readTable(portionFile)) {
      const record = records.get(row.fdc_id ?? '');
      if (!record) continue;
      const amount = Number(row.amount);
      const grams = Number(row.gram_weight);
      const unit = units.get(row.measure_unit_id ?? '');
      const name = [row.portion_description, unit === 'undetermined' ? '' : unit, row.modifier]
        .map((part) => (part ?? '').trim())
        .filter((part) => part !== '')
        .join(', ');
      if (!(amount > 0) || !(grams > 0) || name === '') {
        bad('food_portion.csv', line, 'amount, gram_weight or a name missing');
        continue;
      }
      record.portions.push({ name, amount, grams });
    }
  }

  let kept = [...records.values()];
  if ((options.duplicates ?? 'latest') === 'latest') kept = dropDuplicates(kept, stats);
  const foods = kept.map((record) => mapFdcFood(record, nutrientUnits, options.release));
  stats.foodsImported = foods.length;
  return { foods, stats };
}

/** Same description (case-insensitive) under several ids: keep the latest publication, then the highest id. */
function dropDuplicates(records: FdcFoodRecord[], stats: FdcImportStats): FdcFoodRecord[] {
  const groups = new Map<string, FdcFoodRecord[]>();
  for (const record of records) {
    const key = `${record.dataType}\u0000${record.description.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const kept = new Set<FoodId>();
  for (const group of groups.values()) {
    const sorted = [...group].sort(
      (a, b) =>
        (b.publicationDate ?? '').localeCompare(a.publicationDate ?? '') ||
        Number(b.fdcId) - Number(a.fdcId),
    );
    const [latest, ...older] = sorted as [FdcFoodRecord, ...FdcFoodRecord[]];
    kept.add(latest.fdcId);
    if (older.length > 0) {
      stats.duplicates.push({
        description: latest.description,
        kept: latest.fdcId,
        dropped: older.map((r) => r.fdcId),
      });
    }
  }
  return records.filter((record) => kept.has(record.fdcId));
}
