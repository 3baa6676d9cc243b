/**
 * Builds data/supplementary/menaquinones.csv (what the app loads) from the reviewed sources:
 *
 *   data/supplementary/menaquinones-sources/measurements.csv  values as the studies report them,
 *     per study food, each with country, method, sample count and where in the source it stands
 *   data/supplementary/menaquinones-sources/mapping.csv       rules attaching study foods to SR24
 *     foods (by id or name pattern) with a basis: measured | measured (other sample) | inferred,
 *     or `none` with the reason no value can be given
 *   data/sr24/foods.tsv                                      the SR24 food names the patterns match
 *
 *   npx tsx scripts/build-menaquinones.ts [--check]
 *
 * Every rule must match its positive example and not its negative one, or the build stops.
 * Per food and form, candidates are ranked for the default region (src/core/k2.ts); the first is
 * `chosen`, the others `alternative`, and the chosen row carries the range over all of them.
 * --check writes nothing and exits 1 when the committed table differs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SampleInfo, ValueBasis } from '../src/core/foods.js';
import { DEFAULT_REGION, rankCandidates } from '../src/core/k2.js';
import { MENAQUINONE_IDS } from '../src/core/nutrients.js';
import {
  parseCsvRecords,
  SAMPLE_COLUMNS,
  SUPPLEMENTARY_HEADER,
} from '../src/data/sr24-supplementary.js';

export const MEASUREMENT_COLUMNS = [
  'id',
  'study_food',
  'food_name',
  'nutrient',
  'per100g',
  'sd',
  'n',
  'country',
  'method',
  'label',
  'pmid',
  'doi',
  'fdc_id',
  'location',
  'confidence',
  'url',
  'note',
] as const;

export const RULE_COLUMNS = [
  'rule',
  'study_food',
  'target',
  'basis',
  'positive',
  'negative',
  'note',
] as const;

export type Measurement = Record<(typeof MEASUREMENT_COLUMNS)[number], string> & { line: number };
export type Rule = Record<(typeof RULE_COLUMNS)[number], string> & { line: number };
export interface Sr24Food {
  id: string;
  name: string;
}

const OUTPUT_COLUMNS = [...SUPPLEMENTARY_HEADER, ...SAMPLE_COLUMNS] as const;
type OutputRow = Record<(typeof OUTPUT_COLUMNS)[number], string>;

const NUTRIENT_ORDER: readonly string[] = [
  ...MENAQUINONE_IDS,
  'dihydrophylloquinone',
  'vitamin-k2',
];

function readTable<C extends string>(
  text: string,
  file: string,
  columns: readonly C[],
): (Record<C, string> & { line: number })[] {
  const [header, ...records] = parseCsvRecords(text, file);
  if (header?.cells.join(',') !== columns.join(',')) {
    throw new Error(`${file}:1: header must be ${columns.join(',')}`);
  }
  return records.map(({ line, cells }) => {
    if (cells.length !== columns.length) {
      throw new Error(`${file}:${line}: ${cells.length} fields, expected ${columns.length}`);
    }
    const row = Object.fromEntries(columns.map((c, i) => [c, (cells[i] as string).trim()]));
    return { ...(row as Record<C, string>), line };
  });
}

export function parseMeasurements(text: string, file = 'measurements.csv'): Measurement[] {
  const rows = readTable(text, file, MEASUREMENT_COLUMNS);
  const ids = new Set<string>();
  for (const r of rows) {
    const fail = (field: string, why: string): never => {
      throw new Error(`${file}:${r.line}: ${field}: ${why}`);
    };
    if (ids.has(r.id)) fail('id', `duplicate "${r.id}"`);
    ids.add(r.id);
    if (!NUTRIENT_ORDER.slice(0, -1).includes(r.nutrient))
      fail('nutrient', `not a menaquinone or dK: "${r.nutrient}"`);
    if (r.per100g === '' || !(Number(r.per100g) >= 0))
      fail('per100g', `not a non-negative number: "${r.per100g}"`);
    if (r.confidence !== 'primary' && r.confidence !== 'secondary')
      fail('confidence', `"${r.confidence}"`);
    if (!r.location) fail('location', 'say where in the source the value stands');
    if (!r.pmid && !r.doi && !r.fdc_id && !r.url)
      fail('source', 'needs one of pmid, doi, fdc_id, url');
    if (!r.food_name) fail('food_name', 'missing');
  }
  return rows;
}

const BASES = ['measured', 'measured (other sample)', 'inferred', 'none'] as const;

export function parseRules(text: string, file = 'mapping.csv'): Rule[] {
  const rows = readTable(text, file, RULE_COLUMNS);
  const ids = new Set<string>();
  for (const r of rows) {
    const fail = (field: string, why: string): never => {
      throw new Error(`${file}:${r.line}: ${field}: ${why}`);
    };
    if (ids.has(r.rule)) fail('rule', `duplicate "${r.rule}"`);
    ids.add(r.rule);
    if (!(BASES as readonly string[]).includes(r.basis))
      fail('basis', `"${r.basis}" is not one of ${BASES.join(', ')}`);
    if (r.basis === 'none' ? r.study_food !== '' : r.study_food === '') {
      fail('study_food', r.basis === 'none' ? 'a none rule attaches no study food' : 'missing');
    }
    if (r.basis === 'none' && !r.note)
      fail('note', 'a none rule must say why no value can be given');
    if (!/^(sr24:\d{5}|name:.+)$/.test(r.target))
      fail('target', `"${r.target}" is neither sr24:<ndb> nor name:<pattern>`);
    if (!r.positive || !r.negative)
      fail('positive/negative', 'every rule needs a positive and a negative example');
  }
  return rows;
}

/** Whether a rule's target covers a food: its id, or its name matched by the pattern. */
export function ruleMatches(rule: Pick<Rule, 'target'>, food: Sr24Food): boolean {
  if (rule.target.startsWith('sr24:')) return rule.target === food.id;
  return new RegExp(rule.target.slice('name:'.length), 'i').test(food.name);
}

export function readSr24Names(text: string): Sr24Food[] {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => {
      const [ndb, name] = line.split('\t');
      return { id: `sr24:${ndb}`, name: name ?? '' };
    });
}

function describeBasis(rule: Rule, m: Measurement): string {
  const of = `${m.food_name} in ${m.label}`;
  const base =
    rule.basis === 'inferred'
      ? `inferred from ${of}`
      : rule.basis === 'measured'
        ? of
        : `other sample: ${of}`;
  return [base, rule.note, m.note].filter((part) => part !== '').join('; ');
}

/**
 * Expands the rules over the SR24 foods: one candidate per food, form and measurement (the best
 * basis where two rules bring the same measurement), ranked for the default region; foods with
 * no candidate that a `none` rule covers get an `unknown` row with its reason.
 * @throws Error for a rule whose examples fail, or that names an unknown study food or food.
 */
export function buildRows(
  measurements: readonly Measurement[],
  rules: readonly Rule[],
  foods: readonly Sr24Food[],
): OutputRow[] {
  const byId = new Map(foods.map((f) => [f.id, f]));
  const byStudyFood = new Map<string, Measurement[]>();
  for (const m of measurements)
    byStudyFood.set(m.study_food, [...(byStudyFood.get(m.study_food) ?? []), m]);
  for (const rule of rules) {
    const where = `mapping.csv:${rule.line}: rule ${rule.rule}`;
    for (const [example, expected] of [
      [rule.positive, true],
      [rule.negative, false],
    ] as const) {
      const food = byId.get(example);
      if (!food) throw new Error(`${where}: example ${example} is not an SR24 food`);
      if (ruleMatches(rule, food) !== expected) {
        throw new Error(
          `${where}: ${expected ? 'positive' : 'negative'} example ${example} (${food.name}) ${expected ? 'does not match' : 'matches'}`,
        );
      }
    }
    if (rule.basis !== 'none' && !byStudyFood.has(rule.study_food)) {
      throw new Error(`${where}: study food ${rule.study_food} has no measurement`);
    }
    if (rule.target.startsWith('sr24:') && !byId.has(rule.target)) {
      throw new Error(`${where}: target ${rule.target} is not an SR24 food`);
    }
  }

  interface Candidate {
    per100g: number;
    basis: ValueBasis;
    sample: SampleInfo;
    rule: Rule;
    m: Measurement;
  }
  const rank: Record<ValueBasis, number> = {
    measured: 0,
    'measured (other sample)': 1,
    inferred: 2,
  };
  const candidates = new Map<string, Map<string, Candidate>>(); // food|nutrient -> measurement id -> best
  const reasons = new Map<string, Rule>();
  for (const food of foods) {
    for (const rule of rules) {
      if (!ruleMatches(rule, food)) continue;
      if (rule.basis === 'none') {
        if (!reasons.has(food.id)) reasons.set(food.id, rule);
        continue;
      }
      const basis = rule.basis as ValueBasis;
      for (const m of byStudyFood.get(rule.study_food) ?? []) {
        const key = `${food.id}|${m.nutrient}`;
        const forFood = candidates.get(key) ?? new Map<string, Candidate>();
        candidates.set(key, forFood);
        const earlier = forFood.get(m.id);
        if (earlier && rank[earlier.basis] <= rank[basis]) continue;
        const sample: SampleInfo = {
          country: m.country,
          confidence: m.confidence as 'primary' | 'secondary',
          ...(m.n ? { n: Number(m.n) } : {}),
        };
        forFood.set(m.id, { per100g: Number(m.per100g), basis, sample, rule, m });
      }
    }
  }

  const out: OutputRow[] = [];
  const withValue = new Set<string>();
  for (const [key, forFood] of candidates) {
    const [foodId, nutrient] = key.split('|') as [string, string];
    withValue.add(foodId);
    const ranked = rankCandidates([...forFood.values()], DEFAULT_REGION);
    const values = ranked.map((c) => c.per100g);
    const spread = new Set(values).size > 1;
    ranked.forEach((c, index) => {
      out.push({
        food_id: foodId,
        nutrient,
        per100g: c.m.per100g,
        min: index === 0 && spread ? String(Math.min(...values)) : '',
        max: index === 0 && spread ? String(Math.max(...values)) : '',
        role: index === 0 ? 'chosen' : 'alternative',
        approximate: c.basis === 'inferred' || c.m.confidence === 'secondary' ? '1' : '0',
        label: c.m.label,
        pmid: c.m.pmid,
        doi: c.m.doi,
        fdc_id: c.m.fdc_id,
        url: c.m.url,
        note: describeBasis(c.rule, c.m),
        basis: c.basis,
        rule: c.rule.rule,
        study_food: c.m.food_name,
        country: c.m.country,
        method: c.m.method,
        n: c.m.n,
        sd: c.m.sd,
        location: c.m.location,
        confidence: c.m.confidence,
      });
    });
  }
  for (const [foodId, rule] of reasons) {
    if (withValue.has(foodId)) continue;
    out.push({
      ...(Object.fromEntries(OUTPUT_COLUMNS.map((c) => [c, ''])) as OutputRow),
      food_id: foodId,
      nutrient: 'vitamin-k2',
      role: 'unknown',
      approximate: '0',
      note: rule.note,
      rule: rule.rule,
    });
  }
  const roleRank = (r: OutputRow): number =>
    r.role === 'chosen' ? 0 : r.role === 'alternative' ? 1 : 2;
  return out.sort(
    (a, b) =>
      a.food_id.localeCompare(b.food_id) ||
      NUTRIENT_ORDER.indexOf(a.nutrient) - NUTRIENT_ORDER.indexOf(b.nutrient) ||
      roleRank(a) - roleRank(b) ||
      a.rule.localeCompare(b.rule) ||
      a.label.localeCompare(b.label),
  );
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatRows(rows: readonly OutputRow[]): string {
  const lines = [
    OUTPUT_COLUMNS.join(','),
    ...rows.map((r) => OUTPUT_COLUMNS.map((c) => quote(r[c])).join(',')),
  ];
  return `${lines.join('\n')}\n`;
}

export function repoPaths(repo: string): {
  measurements: string;
  rules: string;
  foods: string;
  output: string;
} {
  return {
    measurements: path.join(repo, 'data/supplementary/menaquinones-sources/measurements.csv'),
    rules: path.join(repo, 'data/supplementary/menaquinones-sources/mapping.csv'),
    foods: path.join(repo, 'data/sr24/foods.tsv'),
    output: path.join(repo, 'data/supplementary/menaquinones.csv'),
  };
}

/** The table the committed sources give. */
export function buildTable(repo: string): string {
  const files = repoPaths(repo);
  return formatRows(
    buildRows(
      parseMeasurements(readFileSync(files.measurements, 'utf8'), files.measurements),
      parseRules(readFileSync(files.rules, 'utf8'), files.rules),
      readSr24Names(readFileSync(files.foods, 'utf8')),
    ),
  );
}

function main(argv: readonly string[]): number {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { output } = repoPaths(repo);
  const next = buildTable(repo);
  if (next === readFileSync(output, 'utf8')) {
    console.log('menaquinones.csv: up to date');
    return 0;
  }
  if (argv.includes('--check')) {
    console.error('menaquinones.csv: differs from what the sources and mapping rules give');
    return 1;
  }
  writeFileSync(output, next);
  console.log('menaquinones.csv: written');
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
