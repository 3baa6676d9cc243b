import type { DiaryMeal } from '../core/diary/types.js';
import {
  amountToGrams,
  MASS_UNITS_G,
  nutrientPer100g,
  type Food,
  type FoodId,
  type FoodIndex,
  type NutrientValue,
} from '../core/foods.js';
import { MAX_ENTRY_GRAMS } from '../core/analysis/resolve.js';
import type { NutrientId } from '../core/nutrients.js';
import { err, ok, type CalcwiseError, type Result } from '../core/result.js';
import type { FoodSearch } from '../core/search/index.js';
import type { SourceRef } from '../core/sources.js';
import {
  decodeCsvBytes,
  MFP_NEVER_PRESENT,
  parseServingAmount,
  parseTrackerCsv,
  type TrackerFile,
  type TrackerLayout,
  type TrackerRow,
} from '../data/cronometer-csv.js';
import type { ImportCounts, NewDiaryEntry, Store } from '../store/store.js';

/**
 * Importing a Cronometer (servings or daily summary) or MyFitnessPal (nutrition summary) export
 * into the store. Each servings row becomes a diary entry:
 * - **matched**: a food of the food data whose values, at the row's amount, reproduce the row's
 *   values (energy and every other nutrient both have, within 2 % or 0.02 units). The entry
 *   links to that food, so its vitamin K forms come from the food data.
 * - **own food**: no such food; the entry links to an imported food that carries the row's own
 *   values, sourced "Cronometer export, <file>, line <n>".
 * - **ambiguous**: foods with a similar name exist but none reproduces the values; imported as
 *   own food (so the totals stay the file's) with the candidates listed for review.
 * - **rejected**: rows that cannot become an entry (no name, no amount, no value), with why.
 * A review file lists each food name with its decision; `use` in it accepts a candidate (or
 * forces own food) when the file is imported again with the mapping.
 */

export interface ImportCronometerDeps {
  store: Pick<Store, 'replaceImport'>;
  foods: FoodIndex;
  search: FoodSearch;
}

export interface ImportCronometerInput {
  owner: string;
  /** File name as given, for messages and provenance. */
  file: string;
  bytes: Uint8Array;
  mapping?: ReviewFile;
  mappingFile?: string;
  /** Work out and report everything, store nothing. */
  dryRun?: boolean;
}

export interface ReviewCandidate {
  id: FoodId;
  name: string;
  score: number;
}

export interface ReviewItem {
  name: string;
  unit: string;
  rows: number;
  firstLine: number;
  status: 'matched' | 'own-food' | 'ambiguous';
  /** The food the entries link to (the imported own food for own-food and ambiguous). */
  food: FoodId;
  foodName: string;
  candidates: ReviewCandidate[];
  /**
   * Edit to change the decision on the next import with --mapping: a food id (e.g. "sr24:11233",
   * one of the candidates or any other) to link these rows to it, or "own" to keep the file's
   * values. Absent: calcwise decides.
   */
  use?: string;
  /** Set when `use` was applied: what it did. */
  applied?: string;
}

export interface ReviewFile {
  format: 'calcwise-import-review';
  version: 1;
  file: string;
  importId: string;
  items: ReviewItem[];
}

export interface RejectedRow {
  line: number;
  name?: string;
  reason: string;
}

export interface TotalCheck {
  nutrient: NutrientId;
  /** Sum of the file's column over the imported rows, in calcwise's unit. */
  file: number;
  /** Sum over the same rows' entries, from the foods they link to. */
  imported: number;
  difference: number;
  /** Added by linked foods for rows whose cell was empty (unknown in the file); not in `imported`. */
  filledByFood: number;
  /** Rows linked to a food that has no value for this nutrient although the file had one. */
  unknownInFood: number;
  /** True when an accepted mapping (`use`) links rows to a food whose values differ. */
  changedByMapping: boolean;
}

export interface ImportReport {
  file: string;
  layout: TrackerLayout;
  importId: string;
  dryRun: boolean;
  stored?: ImportCounts;
  rows: number;
  days: number;
  from?: string;
  to?: string;
  matched: ReviewItem[];
  ownFood: ReviewItem[];
  ambiguous: ReviewItem[];
  rejected: RejectedRow[];
  columns: { read: string[]; ignored: { header: string; reason: string }[] };
  /** Daily summaries and MyFitnessPal: entries are totals without foods. */
  totalsOnly: boolean;
  /** What the file cannot tell (MyFitnessPal: vitamin K, D …). */
  unknown: string[];
  totals: TotalCheck[];
  review: ReviewFile;
}

const RELATIVE_TOLERANCE = 0.02;
const ABSOLUTE_TOLERANCE = 0.02;
const MIN_NAME_SCORE = 0.5;
const CANDIDATES = 5;

export function importCronometer(
  deps: ImportCronometerDeps,
  input: ImportCronometerInput,
): Promise<Result<ImportReport>> {
  const text = decodeCsvBytes(input.bytes, input.file);
  if (!text.ok) return Promise.resolve(text);
  const parsed = parseTrackerCsv(text.value, input.file);
  if (!parsed.ok) return Promise.resolve(parsed);
  return run(deps, input, parsed.value);
}

async function run(
  deps: ImportCronometerDeps,
  input: ImportCronometerInput,
  tracker: TrackerFile,
): Promise<Result<ImportReport>> {
  const importId = `${tracker.layout}:${contentHash(input.bytes)}`;
  if (input.mapping) {
    const problem = checkMapping(input.mapping, deps.foods, input.mappingFile ?? 'review file');
    if (problem) return err(problem);
  }
  const built =
    tracker.layout === 'cronometer-servings'
      ? buildServings(deps, input, tracker, importId)
      : buildTotals(input, tracker, importId);

  const report: ImportReport = {
    file: input.file,
    layout: tracker.layout,
    importId,
    dryRun: input.dryRun === true,
    rows: tracker.rows.length,
    days: new Set(built.imported.map((r) => r.row.date)).size,
    matched: built.items.filter((i) => i.status === 'matched'),
    ownFood: built.items.filter((i) => i.status === 'own-food'),
    ambiguous: built.items.filter((i) => i.status === 'ambiguous'),
    rejected: built.rejected,
    columns: { read: tracker.read.map((c) => c.header), ignored: tracker.ignored },
    totalsOnly: tracker.layout !== 'cronometer-servings',
    unknown: unknownFor(tracker),
    totals: checkTotals(tracker, built),
    review: {
      format: 'calcwise-import-review',
      version: 1,
      file: input.file,
      importId,
      items: built.items,
    },
  };
  const dates = built.imported.map((r) => r.row.date).sort();
  if (dates.length) {
    report.from = dates[0];
    report.to = dates.at(-1);
  }
  if (!input.dryRun) {
    report.stored = await deps.store.replaceImport(input.owner, {
      importId,
      foods: built.foods,
      entries: built.imported.map((r) => withTrackerMeal(r.entry, r.row.group)),
    });
  }
  return ok(report);
}

/**
 * The meal slot a tracker's group names: Cronometer's default diary groups and MyFitnessPal's
 * meals (Breakfast, Lunch, Dinner, Snacks; "Supper" is dinner). A group a person made up
 * (Drinks, Staples, Uncategorized …) leaves the entry unassigned rather than guessing.
 */
export function trackerMeal(group: string | undefined): DiaryMeal | undefined {
  const name = group?.trim().toLowerCase();
  if (name === 'breakfast' || name === 'lunch' || name === 'dinner') return name;
  if (name === 'supper') return 'dinner';
  if (name === 'snack' || name === 'snacks') return 'snack';
  return undefined;
}

function withTrackerMeal(entry: NewDiaryEntry, group: string | undefined): NewDiaryEntry {
  const meal = trackerMeal(group);
  return meal ? { ...entry, meal } : entry;
}

interface Imported {
  row: TrackerRow;
  entry: NewDiaryEntry;
  /** The food the entry links to (bundled or imported). */
  food: Food;
  viaMapping: boolean;
}

interface Built {
  foods: Food[];
  imported: Imported[];
  items: ReviewItem[];
  rejected: RejectedRow[];
}

function cronometerSource(file: string, line: number, note?: string): SourceRef {
  return {
    label: 'Cronometer export',
    kind: 'user',
    dataset: 'Cronometer export',
    record: `${file}, line ${line}`,
    ...(note !== undefined && { note }),
  };
}

function buildServings(
  deps: ImportCronometerDeps,
  input: ImportCronometerInput,
  tracker: TrackerFile,
  importId: string,
): Built {
  const notes = new Map(tracker.read.map((c) => [c.nutrient, c.note]));
  const rejected: RejectedRow[] = [];
  const groups = new Map<
    string,
    { name: string; unit: string; rows: { row: TrackerRow; quantity: number }[] }
  >();
  for (const row of tracker.rows) {
    const name = row.name ?? '';
    if (name === '') {
      rejected.push({ line: row.line, reason: 'no food name' });
      continue;
    }
    const amount = parseServingAmount(row.amountText ?? '');
    if (!amount) {
      rejected.push({ line: row.line, name, reason: `amount "${row.amountText}" has no number` });
      continue;
    }
    if (amount.quantity <= 0) {
      const eaten = Object.values(row.values).some((v) => v !== 0);
      rejected.push({
        line: row.line,
        name,
        reason: eaten
          ? `amount "${row.amountText}" is zero but the row has values: cannot scale them`
          : `amount "${row.amountText}" is zero and so is every value: nothing to log`,
      });
      continue;
    }
    if (Object.keys(row.values).length === 0) {
      rejected.push({
        line: row.line,
        name,
        reason: 'no nutrient value in any column calcwise reads',
      });
      continue;
    }
    const mass = MASS_UNITS_G[amount.unit.toLowerCase()];
    if (amount.quantity * (mass ?? 1) > MAX_ENTRY_GRAMS) {
      rejected.push({
        line: row.line,
        name,
        reason: `amount "${row.amountText}" is above the ${MAX_ENTRY_GRAMS} g one diary entry may weigh`,
      });
      continue;
    }
    const key = `${name}\u0000${amount.unit}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { name, unit: amount.unit, rows: [] }));
    group.rows.push({ row, quantity: amount.quantity });
  }

  const mappingByKey = new Map<string, string>();
  for (const item of input.mapping?.items ?? []) {
    if (item.use !== undefined) mappingByKey.set(`${item.name}\u0000${item.unit}`, item.use);
  }

  const hash = importId.split(':')[1] ?? importId;
  const foods: Food[] = [];
  const ownFoodIds = new Map<string, Food>();
  const imported: Imported[] = [];
  const items: ReviewItem[] = [];

  const ownFoodFor = (name: string, unit: string, row: TrackerRow, quantity: number) => {
    const mass = MASS_UNITS_G[unit.trim().toLowerCase()];
    const grams = mass !== undefined ? quantity * mass : undefined;
    // The export gives no weight for household units: one unit counts as 100 g (less when
    // that would take the entry past the most one entry may weigh).
    const nominal = Math.min(100, Math.floor(MAX_ENTRY_GRAMS / quantity));
    const scale = grams !== undefined ? 100 / grams : 100 / nominal / quantity;
    const per100g: Partial<Record<NutrientId, number>> = {};
    for (const [id, value] of Object.entries(row.values) as [NutrientId, number][]) {
      per100g[id] = value * scale;
    }
    const key = `${name}\u0000${grams !== undefined ? 'g' : unit}\u0000${JSON.stringify(per100g)}`;
    let food = ownFoodIds.get(key);
    if (!food) {
      const weightNote =
        grams === undefined
          ? `values per "${unit}" as logged; the export gives no weight, so one "${unit}" counts as ${nominal} g`
          : undefined;
      const nutrients: Partial<Record<NutrientId, NutrientValue>> = {};
      for (const [id, value] of Object.entries(per100g) as [NutrientId, number][]) {
        const note = [notes.get(id), weightNote].filter(Boolean).join('; ');
        nutrients[id] = {
          per100g: value,
          source: cronometerSource(input.file, row.line, note || undefined),
        };
      }
      food = {
        id: `custom:cronometer-${hash}-${ownFoodIds.size + 1}`,
        name,
        group: 'Imported from Cronometer',
        nutrients,
        portions: grams === undefined ? [{ name: unit, amount: 1, grams: nominal }] : [],
      };
      ownFoodIds.set(key, food);
      foods.push(food);
    }
    const entry: NewDiaryEntry =
      grams !== undefined
        ? { date: row.date, food: food.id, amount: grams, unit: 'g' }
        : { date: row.date, food: food.id, amount: quantity, unit };
    return { food, entry };
  };

  for (const [key, group] of groups) {
    const use = mappingByKey.get(key);
    const hits = deps.search
      .search(group.name, { limit: CANDIDATES })
      .filter((h) => h.score >= MIN_NAME_SCORE && deps.foods.has(h.id));
    const candidates = hits.map((h) => ({
      id: h.id,
      name: h.name,
      score: Math.round(h.score * 100) / 100,
    }));
    const firstLine = group.rows[0]?.row.line ?? 0;
    const base = {
      name: group.name,
      unit: group.unit,
      rows: group.rows.length,
      firstLine,
      candidates,
    };

    // A mapping that names a food links every row to it, whatever the values say.
    const forced = use !== undefined && use !== 'own' ? deps.foods.get(use) : undefined;
    const linked = forced
      ? linkAll(forced, group.rows, false)
      : use === 'own'
        ? undefined
        : firstVerified(
            hits.map((h) => deps.foods.get(h.id)).filter((f): f is Food => !!f),
            group.rows,
          );
    if (linked) {
      for (const [i, { row }] of group.rows.entries()) {
        imported.push({
          row,
          entry: { date: row.date, food: linked.food.id, amount: linked.grams[i]!, unit: 'g' },
          food: linked.food,
          viaMapping: forced !== undefined,
        });
      }
      items.push({
        ...base,
        status: 'matched',
        food: linked.food.id,
        foodName: linked.food.name,
        ...(use !== undefined && {
          use,
          applied: `linked to ${linked.food.id} as the mapping says`,
        }),
      });
      continue;
    }
    let first: Food | undefined;
    for (const { row, quantity } of group.rows) {
      const own = ownFoodFor(group.name, group.unit, row, quantity);
      first ??= own.food;
      imported.push({ row, entry: own.entry, food: own.food, viaMapping: false });
    }
    items.push({
      ...base,
      status: candidates.length > 0 && use !== 'own' ? 'ambiguous' : 'own-food',
      food: first!.id,
      foodName: first!.name,
      ...(use !== undefined && {
        use,
        applied:
          use === 'own'
            ? "kept the file's values as own food, as the mapping says"
            : `"${use}" could not be used: its unit "${group.unit}" has no weight for that food; kept as own food`,
      }),
    });
  }
  return { foods, imported, items, rejected };
}

/** Grams for each row when the food knows the unit (a mass unit or one of its portions). */
function linkAll(
  food: Food,
  rows: { row: TrackerRow; quantity: number }[],
  verify: boolean,
): { food: Food; grams: number[] } | undefined {
  const unitOptions = (unit: string): string[] => {
    const wanted = unit.trim().toLowerCase();
    if (MASS_UNITS_G[wanted] !== undefined) return [wanted];
    const exact = food.portions.filter((p) => p.name.toLowerCase() === wanted).map((p) => p.name);
    if (exact.length) return exact;
    return food.portions
      .filter((p) => {
        const name = p.name.toLowerCase();
        return (
          name.startsWith(`${wanted},`) || name.startsWith(`${wanted} `) || name === `${wanted}s`
        );
      })
      .map((p) => p.name);
  };
  const grams: number[] = [];
  for (const { row, quantity } of rows) {
    const unit = parseServingAmount(row.amountText ?? '')?.unit ?? 'serving';
    let found: number | undefined;
    for (const option of unitOptions(unit)) {
      const g = amountToGrams(food, quantity, option);
      if (!g.ok) continue;
      if (!verify || reproduces(food, g.value, row)) {
        found = g.value;
        break;
      }
    }
    if (found === undefined) return undefined;
    grams.push(found);
  }
  return { food, grams };
}

function firstVerified(
  candidates: Food[],
  rows: { row: TrackerRow; quantity: number }[],
): { food: Food; grams: number[] } | undefined {
  for (const food of candidates) {
    const linked = linkAll(food, rows, true);
    if (linked) return linked;
  }
  return undefined;
}

function within(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(b));
}

/**
 * Whether `grams` of `food` gives the row's values: energy must be in the row and agree, and so
 * must every nutrient the row and the food both have; a nutrient the row has and the food lacks
 * must be zero in the row (otherwise the day would lose it).
 */
function reproduces(food: Food, grams: number, row: TrackerRow): boolean {
  if (row.values.energy === undefined) return false;
  for (const [id, value] of Object.entries(row.values) as [NutrientId, number][]) {
    const known = nutrientPer100g(food, id);
    if (!known) {
      if (!within(0, value)) return false;
      continue;
    }
    if (!within((known.per100g * grams) / 100, value)) return false;
  }
  return true;
}

function buildTotals(input: ImportCronometerInput, tracker: TrackerFile, importId: string): Built {
  const mfp = tracker.layout === 'myfitnesspal-meals';
  const notes = new Map(tracker.read.map((c) => [c.nutrient, c.note]));
  const hash = importId.split(':')[1] ?? importId;
  const unit = mfp ? 'meal total' : 'day total';
  const foods: Food[] = [];
  const imported: Imported[] = [];
  const rejected: RejectedRow[] = [];
  const items: ReviewItem[] = [];
  for (const row of tracker.rows) {
    if (Object.keys(row.values).length === 0) {
      rejected.push({
        line: row.line,
        ...(row.name && { name: row.name }),
        reason: 'no nutrient value in any column calcwise reads',
      });
      continue;
    }
    const label = mfp
      ? `${row.name || 'Meal'} total, ${row.date} (MyFitnessPal)`
      : `Day total, ${row.date} (Cronometer)`;
    const nutrients: Partial<Record<NutrientId, NutrientValue>> = {};
    for (const [id, value] of Object.entries(row.values) as [NutrientId, number][]) {
      const note = [notes.get(id), `${unit} without foods; counted as 100 g`]
        .filter(Boolean)
        .join('; ');
      nutrients[id] = {
        per100g: value,
        source: mfp
          ? {
              label: 'MyFitnessPal export',
              kind: 'user',
              dataset: 'MyFitnessPal export',
              record: `${input.file}, line ${row.line}`,
              note,
            }
          : cronometerSource(input.file, row.line, note),
      };
    }
    const food: Food = {
      id: `custom:${mfp ? 'myfitnesspal' : 'cronometer-day'}-${hash}-${foods.length + 1}`,
      name: label,
      group: mfp
        ? 'Meal totals (MyFitnessPal, no foods)'
        : 'Day totals (Cronometer daily summary, no foods)',
      nutrients,
      portions: [{ name: unit, amount: 1, grams: 100 }],
    };
    foods.push(food);
    imported.push({
      row,
      entry: { date: row.date, food: food.id, amount: 1, unit },
      food,
      viaMapping: false,
    });
  }
  return { foods, imported, items, rejected };
}

function unknownFor(tracker: TrackerFile): string[] {
  const unknown: string[] = [];
  if (tracker.layout === 'myfitnesspal-meals') {
    unknown.push(
      `MyFitnessPal exports have no ${MFP_NEVER_PRESENT.join(', ')} amounts: these stay unknown for the imported days`,
    );
  } else {
    unknown.push(
      'Cronometer exports have no vitamin K2 (menaquinone) column: K2 stays unknown for own foods and day totals',
    );
  }
  if (tracker.layout !== 'cronometer-servings') {
    unknown.push('entries are totals without foods: no food-level contributors for these days');
  }
  return unknown;
}

function checkTotals(tracker: TrackerFile, built: Built): TotalCheck[] {
  const totals: TotalCheck[] = [];
  for (const column of tracker.read) {
    const id = column.nutrient;
    let fileSum = 0;
    let importedSum = 0;
    let unknownInFood = 0;
    let changed = false;
    let filledByFood = 0;
    for (const item of built.imported) {
      const value = item.row.values[id];
      const known = nutrientPer100g(item.food, id);
      const grams = amountToGrams(item.food, item.entry.amount, item.entry.unit);
      const amount = known && grams.ok ? (known.per100g * grams.value) / 100 : undefined;
      if (value === undefined) {
        // The file left the cell empty (unknown); the linked food knows it: reported apart.
        if (amount !== undefined) filledByFood += amount;
        continue;
      }
      fileSum += value;
      if (amount !== undefined) importedSum += amount;
      else if (value !== 0) unknownInFood += 1;
      if (item.viaMapping && !(amount !== undefined && within(amount, value))) changed = true;
    }
    totals.push({
      nutrient: id,
      file: fileSum,
      imported: importedSum,
      difference: importedSum - fileSum,
      unknownInFood,
      filledByFood,
      changedByMapping: changed,
    });
  }
  return totals;
}

function checkMapping(
  mapping: ReviewFile,
  foods: FoodIndex,
  where: string,
): CalcwiseError | undefined {
  if (
    mapping.format !== 'calcwise-import-review' ||
    mapping.version !== 1 ||
    !Array.isArray(mapping.items)
  ) {
    return {
      code: 'INVALID_INPUT',
      message: 'not a calcwise import review file (format "calcwise-import-review", version 1)',
      file: where,
    };
  }
  for (const [i, item] of mapping.items.entries()) {
    if (item.use === undefined) continue;
    if (typeof item.use !== 'string' || (item.use !== 'own' && !foods.has(item.use))) {
      return {
        code: 'UNKNOWN_FOOD',
        message: `items[${i}] ("${item.name}"): use "${String(item.use)}" is neither "own" nor a known food id`,
        file: where,
        location: `items[${i}].use`,
        field: 'use',
      };
    }
  }
  return undefined;
}

/** Two 32-bit FNV-1a-style lanes over the bytes, hex: the import's id, stable for one file. */
function contentHash(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = (0x01000193 ^ bytes.length) >>> 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i]!;
    h1 = Math.imul(h1 ^ b, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ b ^ (i & 0xff), 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
