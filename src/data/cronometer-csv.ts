import { parseCsvRecords } from '../core/diary/csv.js';
import type { NutrientId } from '../core/nutrients.js';
import { err, ok, type CalcwiseError, type Result } from '../core/result.js';

/**
 * Reading tracker exports: Cronometer "Servings" and "Daily Nutrition" (dailysummary) files and
 * MyFitnessPal "Nutrition Summary" files. Columns are matched by header name, never by position
 * (52–73 columns seen in real Cronometer exports; the set depends on the account and the year).
 * Pure text → values; the import use case (src/app/import-cronometer.ts) decides what to store.
 */

export type TrackerLayout = 'cronometer-servings' | 'cronometer-daily' | 'myfitnesspal-meals';

/** A column calcwise reads into one of its nutrients: header → nutrient and unit factor. */
export interface NutrientColumn {
  header: string;
  nutrient: NutrientId;
  /** Multiply the file's number by this to get calcwise's canonical unit (IU → µg: 1/40). */
  factor: number;
  note?: string;
}

/**
 * Cronometer headers calcwise reads. Units are in the header. "Vitamin K (µg)" is one total
 * column; Cronometer's food data is phylloquinone-based and no export has a K2 column, so it is
 * read as K1 with a note. "ALA (g)" in newer exports is α-linolenic acid (the amino acid is
 * "Alanine (g)").
 */
const CRONOMETER_NUTRIENTS: readonly NutrientColumn[] = [
  { header: 'Energy (kcal)', nutrient: 'energy', factor: 1 },
  { header: 'Protein (g)', nutrient: 'protein', factor: 1 },
  { header: 'Fat (g)', nutrient: 'fat', factor: 1 },
  { header: 'Saturated (g)', nutrient: 'saturated-fat', factor: 1 },
  { header: 'Carbs (g)', nutrient: 'carbohydrate', factor: 1 },
  { header: 'Fiber (g)', nutrient: 'fiber', factor: 1 },
  { header: 'Sugars (g)', nutrient: 'sugars', factor: 1 },
  { header: 'Added Sugars (g)', nutrient: 'added-sugars', factor: 1 },
  { header: 'Calcium (mg)', nutrient: 'calcium', factor: 1 },
  { header: 'Magnesium (mg)', nutrient: 'magnesium', factor: 1 },
  { header: 'Phosphorus (mg)', nutrient: 'phosphorus', factor: 1 },
  { header: 'Potassium (mg)', nutrient: 'potassium', factor: 1 },
  { header: 'Sodium (mg)', nutrient: 'sodium', factor: 1 },
  { header: 'Vitamin C (mg)', nutrient: 'vitamin-c', factor: 1 },
  { header: 'Vitamin D (IU)', nutrient: 'vitamin-d', factor: 1 / 40, note: '1 µg = 40 IU' },
  { header: 'Vitamin D (µg)', nutrient: 'vitamin-d', factor: 1 },
  {
    header: 'Vitamin K (µg)',
    nutrient: 'vitamin-k1',
    factor: 1,
    note: "Cronometer's single Vitamin K column, read as phylloquinone (K1); exports have no K2 column",
  },
  { header: 'Omega-3 (g)', nutrient: 'omega-3', factor: 1 },
  { header: 'ALA (g)', nutrient: 'ala', factor: 1 },
  { header: 'DHA (g)', nutrient: 'dha', factor: 1 },
  { header: 'EPA (g)', nutrient: 'epa', factor: 1 },
];

/**
 * MyFitnessPal "Nutrition Summary" columns that are absolute amounts. Vitamin A, Vitamin C,
 * Calcium and Iron are % Daily Value in MyFitnessPal's data model and are not read.
 */
const MFP_NUTRIENTS: readonly NutrientColumn[] = [
  { header: 'Calories', nutrient: 'energy', factor: 1 },
  { header: 'Fat (g)', nutrient: 'fat', factor: 1 },
  { header: 'Saturated Fat', nutrient: 'saturated-fat', factor: 1 },
  { header: 'Carbohydrates (g)', nutrient: 'carbohydrate', factor: 1 },
  { header: 'Fiber', nutrient: 'fiber', factor: 1 },
  { header: 'Sugar', nutrient: 'sugars', factor: 1 },
  { header: 'Protein (g)', nutrient: 'protein', factor: 1 },
  { header: 'Sodium (mg)', nutrient: 'sodium', factor: 1 },
  { header: 'Potassium', nutrient: 'potassium', factor: 1 },
];

/** MyFitnessPal columns present in exports but not read, with the reason shown in the report. */
export const MFP_UNREAD: Readonly<Record<string, string>> = {
  'Vitamin A': '% Daily Value, not an amount',
  'Vitamin C': '% Daily Value, not an amount',
  Calcium: '% Daily Value, not an amount',
  Iron: '% Daily Value, not an amount',
  'Polyunsaturated Fat': 'not a calcwise nutrient',
  'Monounsaturated Fat': 'not a calcwise nutrient',
  'Trans Fat': 'not a calcwise nutrient',
  Cholesterol: 'not a calcwise nutrient',
};

/** What MyFitnessPal exports never carry; shown so a person knows what stays unknown. */
export const MFP_NEVER_PRESENT: readonly NutrientId[] = [
  'vitamin-k1',
  'vitamin-d',
  'magnesium',
  'phosphorus',
  'calcium',
  'omega-3',
  'epa',
  'dha',
];

const CRONOMETER_META = new Set([
  'Day',
  'Date',
  'Time',
  'Group',
  'Food Name',
  'Amount',
  'Category',
  'Completed',
  'Food ID',
  'Comments',
]);
const MFP_META = new Set(['Date', 'Meal', 'Time', 'Note']);
/** A nutrient-style Cronometer header: a name and a unit in parentheses. */
const UNIT_HEADER = /^.+ \((g|mg|µg|kcal|IU)\)$/;

export interface TrackerRow {
  /** 1-based line in the file where the record starts. */
  line: number;
  /** YYYY-MM-DD */
  date: string;
  /** Servings: the food name; MyFitnessPal: the meal; daily summaries: undefined. */
  name?: string;
  /** Servings: the amount text as written, e.g. "1.00 cup". */
  amountText?: string;
  group?: string;
  /** Values in calcwise's canonical units; a nutrient with an empty cell is absent (unknown). */
  values: Partial<Record<NutrientId, number>>;
}

export interface TrackerFile {
  layout: TrackerLayout;
  file: string;
  header: string[];
  /** Columns read, in file order. */
  read: NutrientColumn[];
  /** Columns present but not read (other nutrients, %DV), with the reason. */
  ignored: { header: string; reason: string }[];
  rows: TrackerRow[];
}

/** Decodes bytes as UTF-8 and refuses what is not a plain-text CSV, naming the file and line. */
export function decodeCsvBytes(bytes: Uint8Array, file: string): Result<string> {
  const fail = (message: string, location = 'line 1') =>
    err<CalcwiseError>({ code: 'INVALID_CSV', message, file, location });
  if (bytes.length === 0) return fail('the file is empty');
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return fail('the file is UTF-16 text; save or export it as UTF-8 CSV');
  }
  if (b0 === 0x50 && b1 === 0x4b) return fail('this is a zip archive (or .xlsx), not a CSV file');
  if (b0 === 0x25 && b1 === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    return fail('this is a PDF, not a CSV file');
  }
  const probe = bytes.subarray(0, Math.min(bytes.length, 4096));
  if (probe.includes(0)) {
    // UTF-16 without a byte-order mark puts a zero byte beside every ASCII letter.
    return fail('the file contains zero bytes: UTF-16 text or a binary file, not a UTF-8 CSV');
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    // Find the line of the first invalid byte sequence.
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const line = text.slice(0, Math.max(bad, 0)).split('\n').length;
    return fail('the file is not valid UTF-8 (saved as Latin-1 or Windows-1252?)', `line ${line}`);
  }
}

function cleanHeader(header: string): string {
  // µ arrives as U+00B5 in UTF-8 exports; U+03BC (Greek mu) is read the same.
  return header
    .trim()
    .replace(/\u03bc/g, 'µ')
    .replace(/\s+/g, ' ');
}

/** Which export a header is, or why it is none calcwise reads. */
function detectLayout(header: string[]): TrackerLayout | string {
  const has = (name: string) => header.includes(name);
  if (has('Metric') && has('Unit'))
    return 'this is a Cronometer biometrics export (weights, measurements), not food';
  if (has('Exercise'))
    return 'this is a MyFitnessPal exercise export, not food; import the Nutrition Summary file';
  if (has('Food Name') && has('Amount') && (has('Day') || has('Date')))
    return 'cronometer-servings';
  if (has('Date') && has('Meal') && has('Calories')) return 'myfitnesspal-meals';
  if (has('Date') && has('Energy (kcal)')) return 'cronometer-daily';
  return 'not a Cronometer servings or daily summary export, nor a MyFitnessPal nutrition summary: expected a "Food Name" and "Amount" column, or "Date" with "Energy (kcal)"';
}

/**
 * Parses a tracker CSV export. File-level faults (wrong layout, semicolons, unknown columns, a
 * record with missing or extra cells, a number or date that cannot be read) fail the whole file
 * with the line and column, so nothing is half-imported.
 */
export function parseTrackerCsv(text: string, file: string): Result<TrackerFile> {
  const parsed = parseCsvRecords(text, file);
  if (!parsed.ok) return parsed;
  const records = parsed.value;
  const first = records[0];
  if (!first) return err({ code: 'INVALID_CSV', message: 'the file has no header', file });
  const header = first.fields.map(cleanHeader);
  if (header.length === 1 && (header[0]?.split(';').length ?? 0) > 2) {
    return err({
      code: 'INVALID_CSV',
      message: 'the file is separated by semicolons; calcwise reads comma-separated exports',
      file,
      location: `line ${first.line}`,
    });
  }
  const layout = detectLayout(header);
  if (
    layout !== 'cronometer-servings' &&
    layout !== 'cronometer-daily' &&
    layout !== 'myfitnesspal-meals'
  ) {
    return err({ code: 'INVALID_CSV', message: layout, file, location: `line ${first.line}` });
  }
  const mfp = layout === 'myfitnesspal-meals';
  const catalogue = mfp ? MFP_NUTRIENTS : CRONOMETER_NUTRIENTS;
  const read: (NutrientColumn & { index: number })[] = [];
  const ignored: { header: string; reason: string }[] = [];
  const seen = new Map<string, number>();
  for (const [index, name] of header.entries()) {
    const column = `column ${index + 1}`;
    if (seen.has(name)) {
      return err({
        code: 'INVALID_CSV',
        message: `column "${name}" appears twice (columns ${(seen.get(name) ?? 0) + 1} and ${index + 1})`,
        file,
        location: `line ${first.line}, ${column}`,
        field: name,
      });
    }
    seen.set(name, index);
    const known = catalogue.find((c) => c.header === name);
    if (known) {
      if (read.some((r) => r.nutrient === known.nutrient)) {
        ignored.push({
          header: name,
          reason: `${known.nutrient} is already read from another column`,
        });
      } else {
        read.push({ ...known, index });
      }
      continue;
    }
    if (mfp) {
      if (MFP_META.has(name)) continue;
      const reason = MFP_UNREAD[name];
      if (reason) {
        ignored.push({ header: name, reason });
        continue;
      }
    } else {
      if (CRONOMETER_META.has(name)) continue;
      if (UNIT_HEADER.test(name)) {
        ignored.push({ header: name, reason: 'not a calcwise nutrient' });
        continue;
      }
    }
    return err({
      code: 'INVALID_CSV',
      message: `unknown column "${name}"${name === '' ? ' (empty header)' : ''}: not a ${mfp ? 'MyFitnessPal' : 'Cronometer'} export column calcwise knows`,
      file,
      location: `line ${first.line}, ${column}`,
      field: name,
    });
  }

  const dateIndex = header.indexOf(header.includes('Day') ? 'Day' : 'Date');
  const dateHeader = header[dateIndex] ?? 'Date';
  const nameIndex = header.indexOf(mfp ? 'Meal' : 'Food Name');
  const amountIndex = header.indexOf('Amount');
  const groupIndex = header.indexOf(mfp ? 'Meal' : 'Group');
  const rows: TrackerRow[] = [];
  for (const record of records.slice(1)) {
    const where = (index: number) => `line ${record.line}, column ${index + 1}`;
    if (record.fields.length !== header.length) {
      const missing = record.fields.length < header.length;
      return err({
        code: 'INVALID_CSV',
        message: missing
          ? `the record has ${record.fields.length} of ${header.length} cells: the file is truncated or a cell is missing from column "${header[record.fields.length]}" on`
          : `the record has ${record.fields.length} cells but the header has ${header.length}`,
        file,
        location: where(Math.min(record.fields.length, header.length - 1)),
        ...(missing && { field: header[record.fields.length] }),
      });
    }
    const date = parseExportDate(record.fields[dateIndex] ?? '');
    if (!date) {
      return err({
        code: 'INVALID_DATE',
        message: `"${record.fields[dateIndex]}" is not a date (YYYY-MM-DD or M/D/YYYY)`,
        file,
        location: where(dateIndex),
        field: dateHeader,
      });
    }
    const values: Partial<Record<NutrientId, number>> = {};
    for (const column of read) {
      const cell = (record.fields[column.index] ?? '').trim();
      if (cell === '') continue;
      const number = Number(cell);
      if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(cell) || !Number.isFinite(number)) {
        return err({
          code: 'INVALID_CSV',
          message: `"${cell}" is not a number`,
          file,
          location: where(column.index),
          field: column.header,
        });
      }
      values[column.nutrient] = number * column.factor;
    }
    const row: TrackerRow = { line: record.line, date, values };
    if (nameIndex >= 0) row.name = (record.fields[nameIndex] ?? '').trim();
    if (amountIndex >= 0) row.amountText = (record.fields[amountIndex] ?? '').trim();
    const group = groupIndex >= 0 ? (record.fields[groupIndex] ?? '').trim() : '';
    if (group !== '') row.group = group;
    rows.push(row);
  }
  return ok({
    layout,
    file,
    header,
    read: read.map(({ index: _index, ...column }) => column),
    ignored,
    rows,
  });
}

/**
 * Dates as exported: `2020-07-15`, unpadded `2012-9-10`, or `1/27/2026` after an Excel re-save.
 * Returns YYYY-MM-DD, or undefined for anything else or an impossible date.
 */
export function parseExportDate(text: string): string | undefined {
  const trimmed = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
    if (!match) return undefined;
    [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Splits a Cronometer amount: "1.00 cup" → 1 × "cup", "600.00 g" → 600 × "g",
 * "2.00 x 2.0 slices" → 2 × "x 2.0 slices", "1.00 full recipe" → 1 × "full recipe".
 * An amount with no unit counts servings.
 */
export function parseServingAmount(text: string): { quantity: number; unit: string } | undefined {
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)(?:\s*\/\s*(\d+))?\s*(.*?)\s*$/.exec(text);
  if (!match) return undefined;
  let quantity = Number(match[1]);
  if (match[2] !== undefined) quantity /= Number(match[2]);
  if (!Number.isFinite(quantity)) return undefined;
  return { quantity, unit: match[3] === '' ? 'serving' : (match[3] ?? 'serving') };
}
