/**
 * Regenerates the USDA FoodData Central rows of data/supplementary/fatty-acids.csv from the official Foundation
 * Foods CSV release, keeps the hand-curated literature rows as they are, and recomputes the
 * published range (min/max) of every food + nutrient.
 *
 *   npx tsx scripts/build-supplementary-fdc.ts [--fdc <dir>] [--check]
 *
 * <dir> holds the release's food.csv and food_nutrient.csv (default:
 * ../shared/data/fdc/foundation_2024-10-31_foundation_only, or $CALCWISE_FDC_DIR).
 * --check writes nothing and exits 1 when the committed tables differ from what the release
 * gives, so a reviewer can prove every FDC-derived value.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const FDC_RELEASE_LABEL = 'USDA FoodData Central Foundation Foods 2024-10-31';

/** FoodData Central nutrient ids (nutrient.csv of the release) for the calcwise ids. */
export const FDC_NUTRIENT_IDS = {
  mk4: '1183', // Vitamin K (Menaquinone-4), UG
  epa: '1278', // PUFA 20:5 n-3 (EPA), G
  dha: '1272', // PUFA 22:6 n-3 (DHA), G
  dpa: '1280', // PUFA 22:5 n-3 (DPA), G
  ala: '1404', // PUFA 18:3 n-3 c,c,c (ALA), G
} as const;

export type FdcNutrient = keyof typeof FDC_NUTRIENT_IDS;
type Role = 'chosen' | 'alternative';

export const COLUMNS = [
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

export type SupplementRow = Record<(typeof COLUMNS)[number], string>;

interface FdcMapping {
  fdcId: string;
  /** SR24 food the analysed sample is attached to. */
  foodId: string;
  nutrients: readonly FdcNutrient[];
  role?: Role;
  /** How well the FDC sample matches the SR24 food, and other caveats. */
  note?: string;
}

const FATTY_ACIDS = ['epa', 'dha', 'dpa', 'ala'] as const;

/** EPA, DHA, DPA and ALA measured in Foundation Foods, attached to the matching SR24 food. */
export const FATTY_ACID_MAPPINGS: readonly FdcMapping[] = [
  { fdcId: '333374', foodId: 'sr24:15033', nutrients: FATTY_ACIDS },
  {
    fdcId: '333476',
    foodId: 'sr24:15066',
    nutrients: FATTY_ACIDS,
    note: 'FDC says only "pollock"; matched to SR24 walleye (Alaska) pollock, the US market species (approximate match)',
  },
  {
    fdcId: '334194',
    foodId: 'sr24:15121',
    nutrients: FATTY_ACIDS,
    note: 'FDC description "light" tuna; its FoodOn attribute says "white, solid pack" - species uncertain',
  },
  { fdcId: '790508', foodId: 'sr24:01001', nutrients: FATTY_ACIDS },
  {
    fdcId: '322892',
    foodId: 'sr24:01077',
    nutrients: FATTY_ACIDS,
    note: 'same values published again as fdc_id 746782',
  },
  { fdcId: '328637', foodId: 'sr24:01009', nutrients: FATTY_ACIDS },
  {
    fdcId: '326135',
    foodId: 'sr24:01040',
    nutrients: FATTY_ACIDS,
    note: 'same values published again as fdc_id 746767',
  },
  { fdcId: '325036', foodId: 'sr24:01032', nutrients: FATTY_ACIDS },
  {
    fdcId: '331960',
    foodId: 'sr24:05065',
    nutrients: FATTY_ACIDS,
    note: 'FDC sample is braised skinless breast meat; matched to SR24 stewed breast meat (approximate match: braised vs stewed)',
  },
  {
    fdcId: '331897',
    foodId: 'sr24:05074',
    nutrients: FATTY_ACIDS,
    note: 'FDC sample is braised drumstick meat; matched to SR24 stewed drumstick meat (approximate match: braised vs stewed)',
  },
  {
    fdcId: '2262075',
    foodId: 'sr24:12220',
    nutrients: ['ala'],
    note: 'FDC sample is ground flaxseed; SR24 food is whole flaxseed (same seed, different form)',
  },
  {
    fdcId: '748278',
    foodId: 'sr24:04582',
    nutrients: ['ala'],
    note: 'FDC reports no EPA/DHA for this oil',
  },
  {
    fdcId: '748366',
    foodId: 'sr24:04044',
    nutrients: ['ala'],
    note: 'FDC reports no EPA/DHA for this oil',
  },
  {
    fdcId: '748608',
    foodId: 'sr24:04053',
    nutrients: ['ala'],
    note: 'FDC sample is extra virgin olive oil; SR24 food is olive oil, salad or cooking',
  },
  {
    fdcId: '1750351',
    foodId: 'sr24:04053',
    nutrients: ['ala'],
    role: 'alternative',
    note: 'FDC sample is extra light olive oil; SR24 food is olive oil, salad or cooking',
  },
  {
    fdcId: '1750351',
    foodId: 'sr24:04053',
    nutrients: ['epa', 'dha', 'dpa'],
    note: 'FDC sample is extra light olive oil (the extra virgin sample has no EPA/DHA/DPA values); SR24 food is olive oil, salad or cooking',
  },
  {
    fdcId: '748323',
    foodId: 'sr24:04518',
    nutrients: ['ala'],
    note: 'FDC reports no EPA/DHA for this oil',
  },
  { fdcId: '1750348', foodId: 'sr24:04042', nutrients: ['ala', 'epa', 'dha', 'dpa'] },
  { fdcId: '330458', foodId: 'sr24:04047', nutrients: ['ala', 'epa', 'dha', 'dpa'] },
];

export const NUTRIENT_ORDER = [
  'mk4',
  'mk5',
  'mk6',
  'mk7',
  'mk8',
  'mk9',
  'mk10',
  'epa',
  'dha',
  'dpa',
  'ala',
];

/** RFC 4180 parser: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsv(rows: readonly SupplementRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => quoteField(row[c])).join(','));
  return `${lines.join('\n')}\n`;
}

export function readSupplementTable(file: string): SupplementRow[] {
  const [header, ...records] = parseCsv(readFileSync(file, 'utf8'));
  if (header?.join(',') !== COLUMNS.join(',')) throw new Error(`${file}: unexpected header`);
  return records.map((record, i) => {
    if (record.length !== COLUMNS.length) {
      throw new Error(
        `${file}: line ${i + 2} has ${record.length} fields, expected ${COLUMNS.length}`,
      );
    }
    return Object.fromEntries(COLUMNS.map((c, j) => [c, record[j] ?? ''])) as SupplementRow;
  });
}

/** Plain decimal text for an amount ("6.25E-4" → "0.000625"), at most 12 significant digits. */
export function formatAmount(amount: number): string {
  const rounded = Number(amount.toPrecision(12));
  const text = String(rounded);
  return text.includes('e') ? rounded.toFixed(15).replace(/\.?0+$/, '') : text;
}

interface FdcValue {
  amount: number;
  dataPoints: string;
}

function loadFdc(dir: string): { names: Map<string, string>; values: Map<string, FdcValue> } {
  const [foodHeader, ...foods] = parseCsv(readFileSync(path.join(dir, 'food.csv'), 'utf8'));
  const idCol = foodHeader?.indexOf('fdc_id') ?? -1;
  const descCol = foodHeader?.indexOf('description') ?? -1;
  const names = new Map(foods.map((r) => [r[idCol] ?? '', r[descCol] ?? '']));
  const [fnHeader, ...rows] = parseCsv(readFileSync(path.join(dir, 'food_nutrient.csv'), 'utf8'));
  const col = (name: string): number => fnHeader?.indexOf(name) ?? -1;
  const [fdcCol, nutCol, amountCol, dpCol] = [
    col('fdc_id'),
    col('nutrient_id'),
    col('amount'),
    col('data_points'),
  ];
  const values = new Map<string, FdcValue>();
  for (const r of rows) {
    const amountText = r[amountCol] ?? '';
    if (amountText === '') continue; // an empty amount is unknown, never zero
    values.set(`${r[fdcCol]}:${r[nutCol]}`, {
      amount: Number(amountText),
      dataPoints: r[dpCol] ?? '',
    });
  }
  return { names, values };
}

function fdcRows(mappings: readonly FdcMapping[], dir: string): SupplementRow[] {
  const { names, values } = loadFdc(dir);
  const rows: SupplementRow[] = [];
  for (const m of mappings) {
    const description = names.get(m.fdcId);
    if (description === undefined) throw new Error(`fdc_id ${m.fdcId} is not in ${dir}/food.csv`);
    for (const nutrient of m.nutrients) {
      const value = values.get(`${m.fdcId}:${FDC_NUTRIENT_IDS[nutrient]}`);
      if (value === undefined) throw new Error(`fdc_id ${m.fdcId} has no ${nutrient} value`);
      const samples = value.dataPoints ? `; data points: ${value.dataPoints}` : '';
      rows.push({
        food_id: m.foodId,
        nutrient,
        per100g: formatAmount(value.amount),
        min: '',
        max: '',
        role: m.role ?? 'chosen',
        approximate: '0',
        label: FDC_RELEASE_LABEL,
        pmid: '',
        doi: '',
        fdc_id: m.fdcId,
        url: `https://fdc.nal.usda.gov/food-details/${m.fdcId}/nutrients`,
        note: `FDC "${description}"${samples}${m.note ? `; ${m.note}` : ''}`,
      });
    }
  }
  return rows;
}

/**
 * The range of a food + nutrient is the lowest and highest value kept in the table for it
 * (every source); it is written on the chosen row only, and left empty for a single value.
 */
export function withRanges(rows: readonly SupplementRow[]): SupplementRow[] {
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const key = `${r.food_id}|${r.nutrient}`;
    groups.set(key, [...(groups.get(key) ?? []), Number(r.per100g)]);
  }
  return rows.map((r) => {
    const vals = groups.get(`${r.food_id}|${r.nutrient}`) ?? [];
    const single = new Set(vals).size < 2;
    if (r.role !== 'chosen' || single) return { ...r, min: '', max: '' };
    return { ...r, min: formatAmount(Math.min(...vals)), max: formatAmount(Math.max(...vals)) };
  });
}

export function sortRows(rows: readonly SupplementRow[]): SupplementRow[] {
  const rank = (r: SupplementRow): number => (r.role === 'chosen' ? 0 : 1);
  return [...rows].sort(
    (a, b) =>
      a.food_id.localeCompare(b.food_id) ||
      NUTRIENT_ORDER.indexOf(a.nutrient) - NUTRIENT_ORDER.indexOf(b.nutrient) ||
      rank(a) - rank(b) ||
      a.label.localeCompare(b.label) ||
      a.fdc_id.localeCompare(b.fdc_id) ||
      Number(a.per100g) - Number(b.per100g),
  );
}

/** Literature rows kept, FDC rows regenerated, ranges recomputed, rows sorted. */
export function rebuildTable(
  file: string,
  mappings: readonly FdcMapping[],
  fdcDir: string,
): string {
  const curated = readSupplementTable(file).filter((r) => r.fdc_id === '');
  return formatCsv(sortRows(withRanges([...curated, ...fdcRows(mappings, fdcDir)])));
}

function main(argv: readonly string[]): number {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const fdcFlag = argv.indexOf('--fdc');
  const fdcDir =
    (fdcFlag >= 0 ? argv[fdcFlag + 1] : undefined) ??
    process.env.CALCWISE_FDC_DIR ??
    path.resolve(repo, '../shared/data/fdc/foundation_2024-10-31_foundation_only');
  const check = argv.includes('--check');
  let stale = 0;
  // menaquinones.csv is built by scripts/build-menaquinones.ts from its sources and mapping rules.
  for (const [name, mappings] of [['fatty-acids.csv', FATTY_ACID_MAPPINGS]] as const) {
    const file = path.join(repo, 'data/supplementary', name);
    const next = rebuildTable(file, mappings, fdcDir);
    if (next === readFileSync(file, 'utf8')) {
      console.log(`${name}: up to date`);
    } else if (check) {
      console.error(`${name}: differs from what ${fdcDir} gives`);
      stale += 1;
    } else {
      writeFileSync(file, next);
      console.log(`${name}: written`);
    }
  }
  return stale === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
