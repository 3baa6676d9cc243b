/**
 * The supplementary tables (data/supplementary/*.csv): cited menaquinone and fatty-acid values
 * attached to SR24 foods. Shipped data, so any defect is a bug: parsing throws naming file and line.
 */
import type { Food, FoodId, NutrientValue, SampleInfo, ValueBasis } from '../core/foods.js';
import { isNutrientId, NUTRIENTS, type NutrientId } from '../core/nutrients.js';
import type { SourceRef } from '../core/sources.js';

export const SUPPLEMENTARY_HEADER = [
  'food_id',
  'nutrient',
  'per100g',
  'min',
  'max',
  'role',
  'approximate',
  'label',
  'pmid',
  'doi',
  'fdc_id',
  'url',
  'note',
] as const;

/**
 * Columns a table may add after the common ones (menaquinones.csv does): how the value reached
 * the food and who measured it where and how. See docs/vitamin-k2-data.md.
 */
export const SAMPLE_COLUMNS = [
  'basis',
  'rule',
  'study_food',
  'country',
  'method',
  'n',
  'sd',
  'location',
  'confidence',
] as const;

export const FDC_DATASET = 'USDA FoodData Central';

const BASES: readonly ValueBasis[] = ['measured', 'measured (other sample)', 'inferred'];

export interface SupplementaryRow {
  file: string;
  line: number;
  foodId: FoodId;
  nutrient: NutrientId;
  per100g: number;
  range?: { min: number; max: number };
  role: 'chosen' | 'alternative';
  approximate: boolean;
  source: SourceRef;
  basis?: ValueBasis;
  sample?: SampleInfo;
}

/** A reviewed statement that a food's nutrient cannot be given, and why (role `unknown`). */
export interface UnknownReasonRow {
  file: string;
  line: number;
  foodId: FoodId;
  nutrient: NutrientId;
  reason: string;
}

/** RFC 4180 records with the 1-based line each starts on (quoted fields may span lines). */
export function parseCsvRecords(text: string, file: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atCellStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"') {
      if (!atCellStart) throw new Error(`${file}:${line}: stray quote inside an unquoted field`);
      quoted = true;
      atCellStart = false;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      atCellStart = true;
      line += 1;
      recordLine = line;
    } else {
      cell += char;
      atCellStart = false;
    }
  }
  if (quoted) throw new Error(`${file}:${recordLine}: quoted field never closed`);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records.filter((record) => !(record.cells.length === 1 && record.cells[0] === ''));
}

function optional(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Parses and validates one supplementary CSV. `isKnownFood` says whether a food id exists.
 * @throws Error naming `file:line` and the field for any defect.
 */
export function parseSupplementaryCsv(
  text: string,
  file: string,
  isKnownFood: (id: FoodId) => boolean,
): SupplementaryRow[] {
  return parseSupplementaryTable(text, file, isKnownFood).rows;
}

type Column = (typeof SUPPLEMENTARY_HEADER)[number] | (typeof SAMPLE_COLUMNS)[number];

/**
 * As {@link parseSupplementaryCsv}, for tables that may also carry the sample columns
 * ({@link SAMPLE_COLUMNS}) and `unknown` rows: a food whose nutrient a reviewed rule says
 * cannot be given, with the reason in `note` and no value.
 */
export function parseSupplementaryTable(
  text: string,
  file: string,
  isKnownFood: (id: FoodId) => boolean,
): { rows: SupplementaryRow[]; unknown: UnknownReasonRow[] } {
  const records = parseCsvRecords(text, file);
  const [header, ...records2] = records;
  const plain = SUPPLEMENTARY_HEADER.join(',');
  const extended = [...SUPPLEMENTARY_HEADER, ...SAMPLE_COLUMNS].join(',');
  const headerText = header?.cells.join(',');
  if (!header || (headerText !== plain && headerText !== extended)) {
    throw new Error(`${file}:1: header must be ${plain} (optionally followed by ${SAMPLE_COLUMNS.join(',')})`);
  }
  const columns: readonly Column[] =
    headerText === extended ? [...SUPPLEMENTARY_HEADER, ...SAMPLE_COLUMNS] : SUPPLEMENTARY_HEADER;
  const rows: SupplementaryRow[] = [];
  const unknown: UnknownReasonRow[] = [];
  for (const { line, cells } of records2) {
    const fail = (field: string, message: string): never => {
      throw new Error(`${file}:${line}: ${field}: ${message}`);
    };
    if (cells.length !== columns.length) {
      fail('row', `${cells.length} fields, expected ${columns.length}`);
    }
    const get = (column: Column): string => {
      const index = columns.indexOf(column);
      return index < 0 ? '' : (cells[index] as string);
    };
    if (get('role').trim() === 'unknown') {
      const foodId = get('food_id').trim();
      if (!isKnownFood(foodId)) fail('food_id', `unknown food "${foodId}"`);
      const nutrient = get('nutrient').trim();
      if (!isNutrientId(nutrient)) fail('nutrient', `unknown nutrient "${nutrient}"`);
      if (get('per100g').trim() !== '') fail('per100g', 'an unknown row has no value');
      const reason = optional(get('note'));
      if (!reason) fail('note', 'an unknown row must say why');
      unknown.push({ file, line, foodId, nutrient: nutrient as NutrientId, reason: reason as string });
      continue;
    }
    const number = (column: 'per100g' | 'min' | 'max'): number | undefined => {
      const text = get(column).trim();
      if (text === '') return undefined;
      const value = Number(text);
      if (!Number.isFinite(value) || value < 0)
        fail(column, `not a non-negative number: "${text}"`);
      return value;
    };

    const foodId = get('food_id').trim();
    if (!isKnownFood(foodId)) fail('food_id', `unknown food "${foodId}"`);
    const nutrient = get('nutrient').trim();
    if (!isNutrientId(nutrient)) fail('nutrient', `unknown nutrient "${nutrient}"`);
    if (NUTRIENTS.get(nutrient as NutrientId)?.derivedFrom) {
      fail('nutrient', `${nutrient} is derived from other nutrients, never read from a source`);
    }
    const per100g = number('per100g');
    if (per100g === undefined) fail('per100g', 'missing');
    const min = number('min');
    const max = number('max');
    if ((min === undefined) !== (max === undefined)) fail('min/max', 'give both or neither');
    if (min !== undefined && max !== undefined) {
      if (min > max) fail('min/max', `min ${min} > max ${max}`);
      if ((per100g as number) < min || (per100g as number) > max) {
        fail('per100g', `${per100g} outside the range ${min}–${max}`);
      }
    }
    const role = get('role').trim();
    if (role !== 'chosen' && role !== 'alternative')
      fail('role', `"${role}" is not chosen/alternative`);
    const approximate = get('approximate').trim();
    if (approximate !== '0' && approximate !== '1')
      fail('approximate', `"${approximate}" is not 0/1`);
    const label = optional(get('label'));
    if (!label) fail('label', 'missing');
    const pmid = optional(get('pmid'));
    const doi = optional(get('doi'));
    const fdcId = optional(get('fdc_id'));
    const url = optional(get('url'));
    const note = optional(get('note'));
    if (pmid !== undefined && !/^\d+$/.test(pmid)) fail('pmid', `not a PubMed id: "${pmid}"`);
    if (fdcId !== undefined && !/^\d+$/.test(fdcId)) fail('fdc_id', `not an FDC id: "${fdcId}"`);
    if (!pmid && !doi && !fdcId && !url) fail('source', 'needs one of pmid, doi, fdc_id, url');

    const source: SourceRef = {
      label: label as string,
      kind: fdcId ? 'dataset' : 'study',
      ...(fdcId ? { dataset: FDC_DATASET, record: fdcId } : {}),
      ...(pmid ? { pmid } : {}),
      ...(doi ? { doi } : {}),
      ...(url ? { url } : {}),
      ...(note ? { note } : {}),
    };
    const row: SupplementaryRow = {
      file,
      line,
      foodId,
      nutrient: nutrient as NutrientId,
      per100g: per100g as number,
      ...(min !== undefined && max !== undefined ? { range: { min, max } } : {}),
      role: role as 'chosen' | 'alternative',
      approximate: approximate === '1',
      source,
    };
    if (columns.length > SUPPLEMENTARY_HEADER.length) {
      const basis = get('basis').trim();
      if (!BASES.includes(basis as ValueBasis)) fail('basis', `"${basis}" is not one of ${BASES.join(', ')}`);
      row.basis = basis as ValueBasis;
      const confidence = get('confidence').trim();
      if (confidence !== 'primary' && confidence !== 'secondary') {
        fail('confidence', `"${confidence}" is not primary/secondary`);
      }
      const location = optional(get('location'));
      if (!location) fail('location', 'say where in the source the value stands (table and row, or abstract)');
      const sample: SampleInfo = { location: location as string, confidence: confidence as 'primary' | 'secondary' };
      const text = (column: 'rule' | 'study_food' | 'country' | 'method'): string | undefined =>
        optional(get(column));
      const ruleId = text('rule');
      if (ruleId) sample.rule = ruleId;
      const studyFood = text('study_food');
      if (studyFood) sample.studyFood = studyFood;
      const country = text('country');
      if (country) {
        if (!/^[a-z]{2}$/.test(country)) fail('country', `not an ISO 3166 alpha-2 code in lower case: "${country}"`);
        sample.country = country;
      }
      const method = text('method');
      if (method) sample.method = method;
      for (const column of ['n', 'sd'] as const) {
        const raw = get(column).trim();
        if (raw === '') continue;
        const value = Number(raw);
        if (!Number.isFinite(value) || value < 0) fail(column, `not a non-negative number: "${raw}"`);
        sample[column] = value;
      }
      row.sample = sample;
    }
    rows.push(row);
  }
  return { rows, unknown };
}

/** An alternative keeps only value and source: say approximate and range in the note. */
function asAlternative(row: SupplementaryRow): NonNullable<NutrientValue['alternatives']>[number] {
  const caveats = [
    row.approximate ? 'approximate' : undefined,
    row.range && !row.sample ? `published range ${row.range.min}–${row.range.max}` : undefined,
    row.source.note,
  ].filter((part): part is string => part !== undefined);
  const note = caveats.join('; ');
  return {
    per100g: row.per100g,
    source: { ...row.source, ...(note ? { note } : {}) },
    ...(row.basis ? { basis: row.basis } : {}),
    ...(row.sample ? { sample: row.sample } : {}),
  };
}

/** Records the reviewed reasons why a nutrient is unknown, for foods that still have no value. */
export function mergeUnknownReasons(foods: Map<FoodId, Food>, rows: readonly UnknownReasonRow[]): void {
  for (const row of rows) {
    const food = foods.get(row.foodId) as Food;
    food.unknownReasons = { ...food.unknownReasons, [row.nutrient]: row.reason };
  }
}

/**
 * Merges supplementary rows into foods (mutating the given map's foods). A chosen row sets the
 * value of a nutrient the food lacks; where SR24 already has the nutrient (vitamin-k1,
 * omega-3) SR24 stays the value and the row becomes an alternative. Alternative rows go to
 * `alternatives` of whichever value stands.
 * @throws Error for two chosen rows of one food and nutrient, or alternatives with no value.
 */
export function mergeSupplementary(
  foods: Map<FoodId, Food>,
  rows: readonly SupplementaryRow[],
): void {
  const chosenAt = new Map<string, SupplementaryRow>();
  for (const row of rows.filter((r) => r.role === 'chosen')) {
    const key = `${row.foodId} ${row.nutrient}`;
    const earlier = chosenAt.get(key);
    if (earlier) {
      throw new Error(
        `${row.file}:${row.line}: role: a second chosen ${row.nutrient} for ${row.foodId} (first at ${earlier.file}:${earlier.line})`,
      );
    }
    chosenAt.set(key, row);
    const food = foods.get(row.foodId) as Food;
    const existing = food.nutrients[row.nutrient];
    if (existing) {
      existing.alternatives = [...(existing.alternatives ?? []), asAlternative(row)];
    } else {
      const value: NutrientValue = { per100g: row.per100g, source: row.source };
      if (row.range) value.range = row.range;
      if (row.approximate) value.approximate = true;
      if (row.basis) value.basis = row.basis;
      if (row.sample) value.sample = row.sample;
      food.nutrients[row.nutrient] = value;
    }
  }
  for (const row of rows.filter((r) => r.role === 'alternative')) {
    const value = (foods.get(row.foodId) as Food).nutrients[row.nutrient];
    if (!value) {
      throw new Error(
        `${row.file}:${row.line}: role: alternative ${row.nutrient} for ${row.foodId} has no chosen value`,
      );
    }
    value.alternatives = [...(value.alternatives ?? []), asAlternative(row)];
  }
}
