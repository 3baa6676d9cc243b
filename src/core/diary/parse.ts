import { err, ok, type Result } from '../result.js';
import { parseCsvRecords } from './csv.js';
import type { Diary, DiaryDay, DiaryEntry } from './types.js';
import { checkDate, checkEntry } from './validate.js';

/**
 * Parses a diary in JSON (docs/design.md §4). Never throws: malformed JSON, a missing field,
 * a bad date or amount, an empty day and a date given twice each return a coded error naming
 * the file, the entry (`days[1].entries[3]`) and the field. A date given twice is rejected
 * rather than merged, because a copied day would otherwise count double without notice.
 * Days come out sorted by date.
 */
export function parseDiaryJson(text: string, file?: string): Result<Diary> {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return err({ code: 'INVALID_JSON', message: `not valid JSON: ${detail}`, file });
  }
  if (!isObject(data) || !Array.isArray(data.days)) {
    return err({
      code: 'INVALID_DIARY',
      message: 'expected an object with a "days" array',
      file,
      field: 'days',
    });
  }
  if (data.days.length === 0) {
    return err({ code: 'INVALID_DIARY', message: 'the diary has no days', file, field: 'days' });
  }
  const days: DiaryDay[] = [];
  const seen = new Map<string, number>();
  for (const [dayIndex, rawDay] of data.days.entries()) {
    const location = `days[${dayIndex}]`;
    if (!isObject(rawDay)) {
      return err({
        code: 'INVALID_DIARY',
        message: 'a day must be an object with date and entries',
        file,
        location,
      });
    }
    const date = checkDate(rawDay.date, { file, location });
    if (!date.ok) return date;
    const earlier = seen.get(date.value);
    if (earlier !== undefined) {
      return err({
        code: 'INVALID_DIARY',
        message: `date ${date.value} appears twice (also days[${earlier}]); put all of a day's entries in one day`,
        file,
        location,
        field: 'date',
      });
    }
    seen.set(date.value, dayIndex);
    if (!Array.isArray(rawDay.entries) || rawDay.entries.length === 0) {
      return err({
        code: 'INVALID_DIARY',
        message: 'a day needs a non-empty "entries" array',
        file,
        location,
        field: 'entries',
      });
    }
    const entries: DiaryEntry[] = [];
    for (const [entryIndex, rawEntry] of rawDay.entries.entries()) {
      const where = { file, location: `${location}.entries[${entryIndex}]` };
      if (!isObject(rawEntry)) {
        return err({
          code: 'INVALID_DIARY',
          message: 'an entry must be an object with food, amount and unit',
          ...where,
        });
      }
      const entry = checkEntry(
        { food: rawEntry.food, amount: rawEntry.amount, unit: rawEntry.unit, meal: rawEntry.meal },
        where,
      );
      if (!entry.ok) return entry;
      entries.push(entry.value);
    }
    days.push({ date: date.value, entries });
  }
  return ok({ days: sortByDate(days) });
}

const CSV_COLUMNS = ['date', 'food', 'amount', 'unit'] as const;

/**
 * Parses a diary in CSV with the header `date,food,amount,unit` and an optional `meal` column
 * (any order, case-insensitive, extra columns ignored; an empty meal cell is unassigned). Quoted fields follow RFC 4180, so a unit like "cup, chopped" is
 * written in quotes. Rows of the same date form one day, wherever they sit in the file.
 * Errors name the file, the line and the field.
 */
export function parseDiaryCsv(text: string, file?: string): Result<Diary> {
  const parsed = parseCsvRecords(text, file);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.value;
  if (!header)
    return err({
      code: 'INVALID_CSV',
      message: 'the file is empty; expected the header date,food,amount,unit',
      file,
      location: 'line 1',
    });
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const column: Record<string, number> = {};
  for (const name of CSV_COLUMNS) {
    const index = names.indexOf(name);
    if (index < 0) {
      return err({
        code: 'INVALID_CSV',
        message: `the header has no "${name}" column; expected date,food,amount,unit`,
        file,
        location: `line ${header.line}`,
        field: name,
      });
    }
    column[name] = index;
  }
  const mealColumn = names.indexOf('meal');
  if (rows.length === 0)
    return err({ code: 'INVALID_DIARY', message: 'the diary has no entries', file });
  const byDate = new Map<string, DiaryEntry[]>();
  for (const row of rows) {
    const where = { file, location: `line ${row.line}` };
    const missing = CSV_COLUMNS.find((name) => column[name]! >= row.fields.length);
    if (missing) {
      return err({
        code: 'INVALID_CSV',
        message: `the row has ${row.fields.length} fields; "${missing}" is missing`,
        ...where,
        field: missing,
      });
    }
    const date = checkDate(row.fields[column.date!], where);
    if (!date.ok) return date;
    const entry = checkEntry(
      {
        food: row.fields[column.food!],
        amount: row.fields[column.amount!],
        unit: row.fields[column.unit!],
        meal: mealColumn >= 0 ? row.fields[mealColumn] : undefined,
      },
      where,
    );
    if (!entry.ok) return entry;
    const entries = byDate.get(date.value);
    if (entries) entries.push(entry.value);
    else byDate.set(date.value, [entry.value]);
  }
  return ok({ days: sortByDate([...byDate].map(([date, entries]) => ({ date, entries }))) });
}

/** Picks the parser by file extension (.csv → CSV, otherwise JSON when the text starts with `{`). */
export function parseDiaryText(text: string, file?: string): Result<Diary> {
  if (file && /\.csv$/i.test(file)) return parseDiaryCsv(text, file);
  if (file && /\.json$/i.test(file)) return parseDiaryJson(text, file);
  return /^\uFEFF?\s*[{[]/.test(text) ? parseDiaryJson(text, file) : parseDiaryCsv(text, file);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortByDate(days: DiaryDay[]): DiaryDay[] {
  return [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
