/**
 * The committed, compact form of the bundled SR24 data (data/sr24/*.tsv): tab-separated, one
 * header row, LF line ends, no quoting (names never hold tabs or line breaks; the writer checks).
 * An empty nutrient cell means unknown; "0" is a zero stated by SR24.
 */
import type { NutrientId } from '../core/nutrients.js';
import { SR24_NUTRIENT_COLUMNS } from './sr24-nutrients.js';

export interface Sr24FoodRow {
  ndb: string;
  name: string;
  group: string;
  /** Canonical units (vitamin D already in µg). Absent = unknown. */
  nutrients: Partial<Record<NutrientId, number>>;
}

export interface Sr24PortionRow {
  ndb: string;
  /** 1-based order of the measure in the SR24 food. */
  seq: number;
  amount: number;
  name: string;
  grams: number;
}

export const SR24_FOODS_HEADER = ['ndb', 'name', 'group', ...SR24_NUTRIENT_COLUMNS] as const;
export const SR24_PORTIONS_HEADER = ['ndb', 'seq', 'amount', 'name', 'grams'] as const;

function cell(text: string, what: string): string {
  if (/[\t\r\n]/.test(text)) throw new Error(`${what} holds a tab or line break: ${text}`);
  return text;
}

function numberCell(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

export function formatSr24FoodsTsv(rows: readonly Sr24FoodRow[]): string {
  const lines = [SR24_FOODS_HEADER.join('\t')];
  for (const row of rows) {
    lines.push(
      [
        row.ndb,
        cell(row.name, `food ${row.ndb} name`),
        cell(row.group, `food ${row.ndb} group`),
        ...SR24_NUTRIENT_COLUMNS.map((id) => numberCell(row.nutrients[id])),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function formatSr24PortionsTsv(rows: readonly Sr24PortionRow[]): string {
  const lines = [SR24_PORTIONS_HEADER.join('\t')];
  for (const row of rows) {
    lines.push(
      [
        row.ndb,
        String(row.seq),
        numberCell(row.amount),
        cell(row.name, `portion ${row.ndb}/${row.seq} name`),
        numberCell(row.grams),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

function dataLines(text: string, file: string, header: readonly string[]): string[][] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [first, ...rest] = lines;
  if (first !== header.join('\t')) {
    throw new Error(`${file}: header is not "${header.join('\\t')}"`);
  }
  return rest.map((line, index) => {
    const cells = line.split('\t');
    if (cells.length !== header.length) {
      throw new Error(`${file}:${index + 2}: ${cells.length} columns, expected ${header.length}`);
    }
    return cells;
  });
}

function parseNumberCell(text: string, file: string, line: number, column: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new Error(`${file}:${line}: ${column} is not a number: "${text}"`);
  }
  return value;
}

export function parseSr24FoodsTsv(text: string, file = 'foods.tsv'): Sr24FoodRow[] {
  return dataLines(text, file, SR24_FOODS_HEADER).map((cells, index) => {
    const line = index + 2;
    const nutrients: Partial<Record<NutrientId, number>> = {};
    SR24_NUTRIENT_COLUMNS.forEach((id, column) => {
      const text = cells[column + 3] as string;
      if (text !== '') nutrients[id] = parseNumberCell(text, file, line, id);
    });
    const ndb = cells[0] as string;
    if (!/^\d{5}$/.test(ndb)) throw new Error(`${file}:${line}: ndb malformed: "${ndb}"`);
    return { ndb, name: cells[1] as string, group: cells[2] as string, nutrients };
  });
}

export function parseSr24PortionsTsv(text: string, file = 'portions.tsv'): Sr24PortionRow[] {
  return dataLines(text, file, SR24_PORTIONS_HEADER).map((cells, index) => {
    const line = index + 2;
    return {
      ndb: cells[0] as string,
      seq: parseNumberCell(cells[1] as string, file, line, 'seq'),
      amount: parseNumberCell(cells[2] as string, file, line, 'amount'),
      name: cells[3] as string,
      grams: parseNumberCell(cells[4] as string, file, line, 'grams'),
    };
  });
}

/** data/sr24/group-assignments.tsv: NDB → SR24 group code where the NDB prefix is not the group. */
export function parseGroupAssignmentsTsv(
  text: string,
  file = 'group-assignments.tsv',
): Map<string, string> {
  const result = new Map<string, string>();
  for (const [index, cells] of dataLines(text, file, [
    'ndb',
    'group_code',
    'basis',
    'note',
  ]).entries()) {
    const [ndb, code] = cells as [string, string];
    if (!/^\d{5}$/.test(ndb) || !/^\d{4}$/.test(code)) {
      throw new Error(`${file}:${index + 2}: malformed ndb or group_code`);
    }
    result.set(ndb, code);
  }
  return result;
}
