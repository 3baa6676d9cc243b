/**
 * The bundled food data: USDA SR24 (data/sr24/) with the supplementary tables
 * (data/supplementary/*.csv) merged in. Read once per process and data folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Food, FoodId, FoodIndex } from '../core/foods.js';
import type { NutrientId } from '../core/nutrients.js';
import { sr24Source } from '../core/sources.js';
import { mergeSupplementary, mergeUnknownReasons, parseSupplementaryTable } from './sr24-supplementary.js';
import { SR24_NUTRIENT_COLUMNS, SR24_NUTRIENT_NOTES } from './sr24-nutrients.js';
import { SR24_FOODS_HEADER, SR24_PORTIONS_HEADER } from './sr24-tsv.js';

/** `sr24:<5-digit NDB>`, e.g. `sr24:01123`. */
export function sr24FoodId(ndb: string): FoodId {
  return `sr24:${ndb}`;
}

/**
 * The bundled data folder. Resolved from this module, so it holds both from src/ (tsx, vitest)
 * and from dist/ after tsc.
 */
export function dataDir(): string {
  return fileURLToPath(new URL('../../data/', import.meta.url));
}

/**
 * Builds core Foods from the SR24 tables; each value's source names its NDB record.
 * One pass over the text, no intermediate rows: this runs at every start of the CLI.
 */
export function buildSr24Foods(
  foodsTsv: string,
  portionsTsv: string,
  files = { foods: 'foods.tsv', portions: 'portions.tsv' },
): Map<FoodId, Food> {
  const foods = new Map<FoodId, Food>();
  const foodLines = tsvLines(foodsTsv, files.foods, SR24_FOODS_HEADER);
  const notedSources = SR24_NUTRIENT_COLUMNS.map((id) => SR24_NUTRIENT_NOTES.get(id));
  for (let i = 0; i < foodLines.length; i += 1) {
    const cells = (foodLines[i] as string).split('\t');
    const line = i + 2;
    if (cells.length !== SR24_FOODS_HEADER.length) {
      throw new Error(
        `${files.foods}:${line}: ${cells.length} columns, expected ${SR24_FOODS_HEADER.length}`,
      );
    }
    const ndb = cells[0] as string;
    if (!/^\d{5}$/.test(ndb)) throw new Error(`${files.foods}:${line}: ndb malformed: "${ndb}"`);
    const source = sr24Source(ndb);
    const nutrients: Food['nutrients'] = {};
    for (let column = 0; column < SR24_NUTRIENT_COLUMNS.length; column += 1) {
      const text = cells[column + 3] as string;
      if (text === '') continue; // unknown
      const per100g = Number(text);
      const id = SR24_NUTRIENT_COLUMNS[column] as NutrientId;
      if (!Number.isFinite(per100g)) {
        throw new Error(`${files.foods}:${line}: ${id} is not a number: "${text}"`);
      }
      const note = notedSources[column];
      nutrients[id] = { per100g, source: note ? { ...source, note } : source };
    }
    const id = sr24FoodId(ndb);
    foods.set(id, {
      id,
      name: cells[1] as string,
      group: cells[2] as string,
      nutrients,
      portions: [],
    });
  }
  const portionLines = tsvLines(portionsTsv, files.portions, SR24_PORTIONS_HEADER);
  for (let i = 0; i < portionLines.length; i += 1) {
    const [ndb, , amountText, name, gramsText] = (portionLines[i] as string).split('\t');
    const line = i + 2;
    const food = foods.get(sr24FoodId(ndb ?? ''));
    if (!food) throw new Error(`${files.portions}:${line}: ${ndb} is not in ${files.foods}`);
    const amount = Number(amountText);
    const grams = Number(gramsText);
    if (!(amount > 0) || !(grams > 0) || !name) {
      throw new Error(
        `${files.portions}:${line}: amount, name and grams must be given and positive`,
      );
    }
    food.portions.push({ name, amount, grams });
  }
  return foods;
}

function tsvLines(text: string, file: string, header: readonly string[]): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== header.join('\t')) throw new Error(`${file}: header is not ${header.join(' ')}`);
  return lines.slice(1);
}

function readFoods(dir: string): Map<FoodId, Food> {
  const sr24Dir = join(dir, 'sr24');
  const foodsFile = join(sr24Dir, 'foods.tsv');
  const portionsFile = join(sr24Dir, 'portions.tsv');
  const foods = buildSr24Foods(
    readFileSync(foodsFile, 'utf8'),
    readFileSync(portionsFile, 'utf8'),
    { foods: foodsFile, portions: portionsFile },
  );
  const supplementaryDir = join(dir, 'supplementary');
  if (existsSync(supplementaryDir)) {
    const files = readdirSync(supplementaryDir)
      .filter((name) => name.endsWith('.csv'))
      .sort();
    const tables = files.map((name) => {
      const file = join(supplementaryDir, name);
      return parseSupplementaryTable(readFileSync(file, 'utf8'), file, (id) => foods.has(id));
    });
    mergeSupplementary(
      foods,
      tables.flatMap((table) => table.rows),
    );
    mergeUnknownReasons(
      foods,
      tables.flatMap((table) => table.unknown),
    );
  }
  return foods;
}

const cache = new Map<string, FoodIndex>();

/**
 * All bundled foods by id, SR24 plus supplementary values; read once per process.
 * @param dir a data folder laid out like data/ (tests); defaults to {@link dataDir}.
 * @throws Error naming file and line when the shipped data is malformed.
 */
export function loadFoodIndex(dir: string = dataDir()): FoodIndex {
  let index = cache.get(dir);
  if (!index) {
    index = readFoods(dir);
    cache.set(dir, index);
  }
  return index;
}

/** The same foods as a list, in NDB order. */
export function loadFoods(dir: string = dataDir()): Food[] {
  return [...loadFoodIndex(dir).values()];
}
