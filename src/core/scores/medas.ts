import { err, ok, type Result } from '../result.js';
import type { SourceRef } from '../sources.js';

/**
 * The 14-item Mediterranean Diet Adherence Screener (MEDAS) of PREDIMED: one point per item
 * meeting its criterion, total 0–14. Items and criteria: Martínez-González 2012, PLoS One 7(8):e43134,
 * Table 1 (validation: Schröder 2011, J Nutr 141(6):1140).
 */

export const MEDAS_SOURCES: readonly SourceRef[] = [
  {
    label: 'Martínez-González 2012, PLoS One 7(8):e43134, Table 1 (MEDAS items)',
    kind: 'study',
    pmid: '22905215',
    doi: '10.1371/journal.pone.0043134',
  },
  {
    label: 'Schröder 2011, J Nutr 141(6):1140 (MEDAS validation, 7,146 PREDIMED participants)',
    kind: 'study',
    pmid: '21508208',
    doi: '10.3945/jn.110.135566',
  },
];

export interface MedasAnswers {
  oliveOilMain: boolean;
  oliveOilTbspPerDay: number;
  vegetableServingsPerDay: number;
  rawVegetableServingsPerDay: number;
  fruitUnitsPerDay: number;
  redMeatServingsPerDay: number;
  butterServingsPerDay: number;
  sweetDrinksPerDay: number;
  wineGlassesPerWeek: number;
  legumeServingsPerWeek: number;
  fishServingsPerWeek: number;
  sweetsTimesPerWeek: number;
  nutServingsPerWeek: number;
  prefersWhiteMeat: boolean;
  sofritoTimesPerWeek: number;
}

export type MedasAnswerKey = keyof MedasAnswers;

export interface MedasItem {
  number: number;
  /** A short name for tables. */
  title: string;
  /** The answer fields this item reads. */
  keys: readonly MedasAnswerKey[];
  question: string;
  criterion: string;
  meets(answers: MedasAnswers): boolean;
}

export const MEDAS_ITEMS: readonly MedasItem[] = [
  {
    number: 1,
    title: 'Olive oil as main culinary fat',
    keys: ['oliveOilMain'],
    question: 'Do you use olive oil as your main culinary fat?',
    criterion: 'yes',
    meets: (a) => a.oliveOilMain,
  },
  {
    number: 2,
    title: 'Olive oil',
    keys: ['oliveOilTbspPerDay'],
    question:
      'How much olive oil do you use in a day, including frying, salads and meals out (tablespoons)?',
    criterion: '≥4 tablespoons a day',
    meets: (a) => a.oliveOilTbspPerDay >= 4,
  },
  {
    number: 3,
    title: 'Vegetables',
    keys: ['vegetableServingsPerDay', 'rawVegetableServingsPerDay'],
    question:
      'How many servings of vegetables do you eat a day (1 serving = 200 g; side dishes count as ½), and how many of them raw or as salad?',
    criterion: '≥2 servings a day, at least 1 raw or as salad',
    meets: (a) => a.vegetableServingsPerDay >= 2 && a.rawVegetableServingsPerDay >= 1,
  },
  {
    number: 4,
    title: 'Fruit',
    keys: ['fruitUnitsPerDay'],
    question: 'How many pieces of fruit (including natural fruit juices) do you eat a day?',
    criterion: '≥3 a day',
    meets: (a) => a.fruitUnitsPerDay >= 3,
  },
  {
    number: 5,
    title: 'Red meat, meat products',
    keys: ['redMeatServingsPerDay'],
    question:
      'How many servings of red meat, hamburger or meat products (ham, sausage…) do you eat a day (1 serving = 100–150 g)?',
    criterion: 'less than 1 a day',
    meets: (a) => a.redMeatServingsPerDay < 1,
  },
  {
    number: 6,
    title: 'Butter, margarine, cream',
    keys: ['butterServingsPerDay'],
    question:
      'How many servings of butter, margarine or cream do you eat a day (1 serving = 12 g)?',
    criterion: 'less than 1 a day',
    meets: (a) => a.butterServingsPerDay < 1,
  },
  {
    number: 7,
    title: 'Sweet or carbonated drinks',
    keys: ['sweetDrinksPerDay'],
    question: 'How many sweet or carbonated drinks do you have a day?',
    criterion: 'less than 1 a day',
    meets: (a) => a.sweetDrinksPerDay < 1,
  },
  {
    number: 8,
    title: 'Wine',
    keys: ['wineGlassesPerWeek'],
    question: 'How many glasses of wine do you drink a week?',
    criterion: '≥7 glasses a week',
    meets: (a) => a.wineGlassesPerWeek >= 7,
  },
  {
    number: 9,
    title: 'Legumes',
    keys: ['legumeServingsPerWeek'],
    question: 'How many servings of legumes do you eat a week (1 serving = 150 g)?',
    criterion: '≥3 a week',
    meets: (a) => a.legumeServingsPerWeek >= 3,
  },
  {
    number: 10,
    title: 'Fish, shellfish',
    keys: ['fishServingsPerWeek'],
    question:
      'How many servings of fish or shellfish do you eat a week (100–150 g fish, or 4–5 pieces / 200 g shellfish)?',
    criterion: '≥3 a week',
    meets: (a) => a.fishServingsPerWeek >= 3,
  },
  {
    number: 11,
    title: 'Commercial sweets, pastries',
    keys: ['sweetsTimesPerWeek'],
    question:
      'How many times a week do you eat commercial (not homemade) sweets or pastries such as cakes, cookies, biscuits or custard?',
    criterion: 'less than 3 times a week',
    meets: (a) => a.sweetsTimesPerWeek < 3,
  },
  {
    number: 12,
    title: 'Nuts',
    keys: ['nutServingsPerWeek'],
    question: 'How many servings of nuts, including peanuts, do you eat a week (1 serving = 30 g)?',
    criterion: '≥3 a week',
    meets: (a) => a.nutServingsPerWeek >= 3,
  },
  {
    number: 13,
    title: 'Prefers white meat',
    keys: ['prefersWhiteMeat'],
    question: 'Do you prefer chicken, turkey or rabbit to veal, pork, hamburger or sausage?',
    criterion: 'yes',
    meets: (a) => a.prefersWhiteMeat,
  },
  {
    number: 14,
    title: 'Sofrito',
    keys: ['sofritoTimesPerWeek'],
    question:
      'How many times a week do you eat vegetables, pasta, rice or other dishes with sofrito (tomato with onion, leek or garlic simmered in olive oil)?',
    criterion: '≥2 times a week',
    meets: (a) => a.sofritoTimesPerWeek >= 2,
  },
];

export const MEDAS_BOOLEAN_KEYS: readonly MedasAnswerKey[] = ['oliveOilMain', 'prefersWhiteMeat'];

export const MEDAS_ANSWER_KEYS: readonly MedasAnswerKey[] = MEDAS_ITEMS.flatMap(
  (item) => item.keys,
);

export type MedasBandId = 'high' | 'intermediate' | 'low';

export interface MedasBand {
  id: MedasBandId;
  label: string;
}

/**
 * Bands from the cut-offs Martínez-González 2012 compared (≥10 vs ≤7 points); 8–9 lies between.
 * The often-quoted "≥9 = high adherence" threshold was not verified and is not used.
 */
export function medasBand(total: number): MedasBand {
  if (total >= 10)
    return { id: 'high', label: '10–14: high adherence (the top group compared in PREDIMED)' };
  if (total <= 7)
    return { id: 'low', label: '0–7: low adherence (the bottom group compared in PREDIMED)' };
  return { id: 'intermediate', label: '8–9: between the groups compared in PREDIMED' };
}

export const MEDAS_NOTES: readonly string[] = [
  'Item 8 gives a point for 7 or more glasses of wine a week. calcwise does not advise anyone to start drinking; skip alcohol in pregnancy, with liver disease or with interacting drugs, and discuss it with your clinician.',
  'Items 1, 2 and 14 assume Spanish cooking (olive oil, sofrito).',
  'Cut-offs: PREDIMED compared ≥10 with ≤7 points; the often-quoted ≥9 threshold was not verified and is not used.',
];

export interface MedasItemScore {
  number: number;
  title: string;
  question: string;
  criterion: string;
  answer: Partial<MedasAnswers>;
  point: 0 | 1;
}

export interface MedasScore {
  items: MedasItemScore[];
  total: number;
  max: 14;
  band: MedasBand;
  notes: readonly string[];
  sources: readonly SourceRef[];
}

/**
 * Scores a complete set of answers.
 * @example scoreMedas(answers).total // 0–14
 */
export function scoreMedas(answers: MedasAnswers): MedasScore {
  const items = MEDAS_ITEMS.map((item) => ({
    number: item.number,
    title: item.title,
    question: item.question,
    criterion: item.criterion,
    answer: Object.fromEntries(
      item.keys.map((key) => [key, answers[key]]),
    ) as Partial<MedasAnswers>,
    point: (item.meets(answers) ? 1 : 0) as 0 | 1,
  }));
  const total = items.reduce((sum, item) => sum + item.point, 0);
  return {
    items,
    total,
    max: 14,
    band: medasBand(total),
    notes: MEDAS_NOTES,
    sources: MEDAS_SOURCES,
  };
}

function itemOf(key: string): MedasItem | undefined {
  return MEDAS_ITEMS.find((item) => (item.keys as readonly string[]).includes(key));
}

function itemLabel(key: string): string {
  const item = itemOf(key);
  return item ? `item ${item.number}` : 'answers';
}

/**
 * Checks an answers object (parsed JSON): every field present, booleans for items 1 and 13,
 * numbers ≥ 0 elsewhere, raw vegetables not more than all vegetables, no unknown fields.
 * The error names the item and field.
 */
export function validateMedasAnswers(value: unknown, file?: string): Result<MedasAnswers> {
  const fail = (field: string, message: string) =>
    err({
      code: 'INVALID_INPUT' as const,
      message: `${itemLabel(field)}: ${message}`,
      field,
      ...(file ? { file } : {}),
    });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err({
      code: 'INVALID_INPUT',
      message: `MEDAS answers must be a JSON object with the fields ${MEDAS_ANSWER_KEYS.join(', ')}`,
      ...(file ? { file } : {}),
    });
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(MEDAS_ANSWER_KEYS as readonly string[]).includes(key)) {
      return fail(key, `unknown field "${key}"; expected ${MEDAS_ANSWER_KEYS.join(', ')}`);
    }
  }
  for (const key of MEDAS_ANSWER_KEYS) {
    const answer = record[key];
    if (answer === undefined) return fail(key, `"${key}" is missing`);
    if (MEDAS_BOOLEAN_KEYS.includes(key)) {
      if (typeof answer !== 'boolean') return fail(key, `"${key}" must be true or false`);
    } else if (typeof answer !== 'number' || !Number.isFinite(answer) || answer < 0) {
      return fail(key, `"${key}" must be a number ≥ 0`);
    }
  }
  const answers = record as unknown as MedasAnswers;
  if (answers.rawVegetableServingsPerDay > answers.vegetableServingsPerDay) {
    return fail(
      'rawVegetableServingsPerDay',
      '"rawVegetableServingsPerDay" cannot be more than "vegetableServingsPerDay"',
    );
  }
  return ok(answers);
}
