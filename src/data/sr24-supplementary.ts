/**
 * The supplementary tables (data/supplementary/*.csv): cited menaquinone and fatty-acid values
 * attached to SR24 foods. Shipped data, so any defect is a bug: parsing throws naming file and line.
 */
import type { Food, FoodId, NutrientValue } from '../core/foods.js';
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

export const FDC_DATASET = 'USDA FoodData Central';

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
  const records = parseCsvRecords(text, file);
  const [header, ...rows] = records;
  if (!header || header.cells.join(',') !== SUPPLEMENTARY_HEADER.join(',')) {
    throw new Error(`${file}:1: header must be ${SUPPLEMENTARY_HEADER.join(',')}`);
  }
  return rows.map(({ line, cells }) => {
    const fail = (field: string, message: string): never => {
      throw new Error(`${file}:${line}: ${field}: ${message}`);
    };
    if (cells.length !== SUPPLEMENTARY_HEADER.length) {
      fail('row', `${cells.length} fields, expected ${SUPPLEMENTARY_HEADER.length}`);
    }
    const get = (column: (typeof SUPPLEMENTARY_HEADER)[number]): string =>
      cells[SUPPLEMENTARY_HEADER.indexOf(column)] as string;
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
    return {
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
  });
}

/** An alternative keeps only value and source: say approximate and range in the note. */
function asAlternative(row: SupplementaryRow): { per100g: number; source: SourceRef } {
  const caveats = [
    row.approximate ? 'approximate' : undefined,
    row.range ? `published range ${row.range.min}–${row.range.max}` : undefined,
    row.source.note,
  ].filter((part): part is string => part !== undefined);
  const note = caveats.join('; ');
  return { per100g: row.per100g, source: { ...row.source, ...(note ? { note } : {}) } };
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
