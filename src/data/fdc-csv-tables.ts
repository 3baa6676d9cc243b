/**
 * Reading the tables of a FoodData Central CSV release: records streamed with header-named
 * cells, and progress in bytes over all the tables.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseCsvRecords } from './sr24-supplementary.js';

/** How far the reader is: bytes of all tables read so far, and rows (records) read. */
export interface FdcProgress {
  table: string;
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

/** Streams a CSV file's records (RFC 4180; quoted fields may span lines) with header-named cells. */
export async function* readCsv(file: string): AsyncGenerator<{
  line: number;
  row: Record<string, string>;
  cellCount: number;
  columnCount: number;
  /** Bytes of the file read so far (the stream reads ahead by a chunk). */
  bytesRead: number;
}> {
  const input = createReadStream(file, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let header: string[] | undefined;
  let pending = '';
  let pendingLine = 0;
  let lineNumber = 0;
  let quotes = 0;
  for await (const text of lines) {
    lineNumber += 1;
    if (pending === '') pendingLine = lineNumber;
    pending = pending === '' ? text : `${pending}\n${text}`;
    for (const char of text) if (char === '"') quotes += 1;
    if (quotes % 2 === 1) continue; // a quoted field goes on
    const record = pending.replace(/^\uFEFF/, '');
    pending = '';
    quotes = 0;
    if (record === '') continue;
    const cells = parseCsvRecords(record, file)[0]?.cells ?? [];
    if (!header) {
      header = cells;
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((column, index) => {
      row[column] = cells[index] ?? '';
    });
    yield {
      line: pendingLine,
      row,
      cellCount: cells.length,
      columnCount: header.length,
      bytesRead: input.bytesRead,
    };
  }
  if (pending !== '') throw new Error(`${file}:${pendingLine}: quoted field never closed`);
}

export function requireTable(dir: string, name: string): string {
  const file = join(dir, name);
  if (!existsSync(file)) throw new Error(`FoodData Central table missing: ${file}`);
  return file;
}

const PROGRESS_EVERY_ROWS = 5000;
const TABLES = [
  'nutrient.csv',
  'food_category.csv',
  'measure_unit.csv',
  'food.csv',
  'food_nutrient.csv',
  'food_portion.csv',
];

/** readCsv over the release's tables, reporting progress in bytes of all of them. */
export function progressOf(
  dir: string,
  onProgress: ((progress: FdcProgress) => void) | undefined,
): (name: string) => ReturnType<typeof readCsv> {
  const sizes = new Map(
    TABLES.map((name) => join(dir, name))
      .filter((file) => existsSync(file))
      .map((file) => [file, statSync(file).size]),
  );
  const totalBytes = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  let doneBytes = 0;
  let rows = 0;
  return async function* read(file) {
    const table = file.slice(dir.length).replace(/^[/\\]/, '');
    for await (const record of readCsv(file)) {
      rows += 1;
      if (rows % PROGRESS_EVERY_ROWS === 0)
        onProgress?.({ table, rows, bytesRead: doneBytes + record.bytesRead, totalBytes });
      yield record;
    }
    doneBytes += sizes.get(file) ?? 0;
    onProgress?.({ table, rows, bytesRead: doneBytes, totalBytes });
  };
}
