/**
 * The menaquinone table: sources that resolve, mapping rules with working examples, the built
 * table equal to what sources and rules give, K2 as the sum of the forms present, unknown never
 * zero, region choice, and the coverage split on the example week. Reads only the repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildRows,
  buildTable,
  parseMeasurements,
  parseRules,
  readSr24Names,
  repoPaths,
  ruleMatches,
} from '../scripts/build-menaquinones.js';
import { analyzeDiary } from '../src/core/analysis/analyze.js';
import { resolveDiary } from '../src/core/analysis/resolve.js';
import { parseDiaryCsv } from '../src/core/diary/parse.js';
import { nutrientPer100g } from '../src/core/foods.js';
import { DEFAULT_REGION, foodForRegion, valueBasis } from '../src/core/k2.js';
import { MENAQUINONE_IDS } from '../src/core/nutrients.js';
import { loadFoodIndex } from '../src/data/load-foods.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = repoPaths(repo);
const measurements = parseMeasurements(readFileSync(files.measurements, 'utf8'));
const rules = parseRules(readFileSync(files.rules, 'utf8'));
const sr24 = readSr24Names(readFileSync(files.foods, 'utf8'));
const byId = new Map(sr24.map((f) => [f.id, f]));
const foods = loadFoodIndex();

describe('menaquinone measurements: every value resolves to its source', () => {
  it('names a PMID, DOI or FDC record in the right format, and where in the source it stands', () => {
    expect(measurements.length).toBeGreaterThan(150);
    for (const m of measurements) {
      if (m.pmid) expect(m.pmid, m.id).toMatch(/^\d{1,9}$/);
      if (m.doi) expect(m.doi, m.id).toMatch(/^10\.\d{4,9}\/\S+$/);
      if (m.fdc_id) expect(m.fdc_id, m.id).toMatch(/^\d+$/);
      if (m.confidence === 'primary')
        expect(m.pmid || m.doi || m.fdc_id, `${m.id}: a study or dataset id`).not.toBe('');
      else expect(m.url, `${m.id}: the secondary page read`).toMatch(/^https?:\/\/\S+$/);
      expect(m.location, m.id).toMatch(
        /^(abstract: |Table \d+|food_nutrient\.csv: fdc_id \d+, nutrient_id 118[34]$|blog: |ODS table: )/,
      );
      expect(m.country, m.id).toMatch(/^[a-z]{2}$/);
      expect(m.method, m.id).not.toBe('');
    }
  });

  it('marks every value not read at the source as secondary, saying so in the note', () => {
    for (const m of measurements.filter((row) => /^(blog|ODS table): /.test(row.location))) {
      expect(m.confidence, m.id).toBe('secondary');
      expect(m.note, m.id).toMatch(/^secondary: /);
    }
    for (const m of measurements.filter((row) => row.confidence === 'primary')) {
      expect(m.location, m.id).toMatch(/^(abstract: |Table \d+|food_nutrient\.csv)/);
    }
  });

  it('takes no value from a vendor page', () => {
    for (const m of measurements)
      expect(m.url, m.id).not.toMatch(/frieslandcampina|vitamink2\.org|porkcheckoff/i);
  });
});

describe('menaquinone mapping rules', () => {
  it('every rule matches its positive example and not its negative one', () => {
    expect(rules.length).toBeGreaterThan(60);
    for (const rule of rules) {
      const positive = byId.get(rule.positive);
      const negative = byId.get(rule.negative);
      expect(positive, `${rule.rule}: positive ${rule.positive}`).toBeDefined();
      expect(negative, `${rule.rule}: negative ${rule.negative}`).toBeDefined();
      expect(ruleMatches(rule, positive!), `${rule.rule} matches ${positive!.name}`).toBe(true);
      expect(ruleMatches(rule, negative!), `${rule.rule} must not match ${negative!.name}`).toBe(
        false,
      );
    }
  });

  it("gives every value rule's positive example a value carrying that rule; a none rule a reason or a value from another rule", () => {
    for (const rule of rules) {
      const food = foods.get(rule.positive)!;
      const values = MENAQUINONE_IDS.flatMap((id) => {
        const v = food.nutrients[id];
        return v ? [v, ...(v.alternatives ?? [])] : [];
      });
      if (rule.basis === 'none') {
        const reason = food.unknownReasons?.['vitamin-k2'];
        expect(reason !== undefined || values.length > 0, rule.rule).toBe(true);
        if (values.length === 0) expect(reason, rule.rule).toBe(rule.note);
      } else if (
        !measurements.some(
          (m) => m.study_food === rule.study_food && m.nutrient !== 'dihydrophylloquinone',
        )
      ) {
        expect(food.nutrients.dihydrophylloquinone, rule.rule).toBeDefined();
      } else {
        expect(
          values.some((v) => v.sample?.rule === rule.rule),
          rule.rule,
        ).toBe(true);
        expect(
          values.filter((v) => v.sample?.rule === rule.rule).every((v) => v.basis === rule.basis),
          rule.rule,
        ).toBe(true);
      }
    }
  });

  it('counts cooked potato flesh as another sample of the raw FDC potatoes, and leaves the skin out', () => {
    const flesh = foods.get('sr24:11367')!; // Potatoes, boiled, cooked without skin, flesh
    expect(valueBasis(flesh, 'vitamin-k2')).toBe('measured');
    const mk4 = flesh.nutrients.mk4!;
    expect(mk4.basis).toBe('measured (other sample)');
    expect([mk4, ...(mk4.alternatives ?? [])].map((v) => v.sample?.rule).sort()).toEqual([
      'fdc-potato-gold-flesh',
      'fdc-potato-red-flesh',
      'fdc-potato-russet-flesh',
    ]);
    expect(mk4.per100g).toBe(0);
    // The boiled skin matches no measured rule: FDC analysed potatoes without skin.
    const skin = foods.get('sr24:11366')!;
    expect(valueBasis(skin, 'vitamin-k2')).toBe('inferred');
  });

  it('stops the build at a rule whose example fails, naming the rule', () => {
    const broken = rules.map((r) =>
      r.rule === 'fdc-cheddar' ? { ...r, positive: 'sr24:01022' } : r,
    );
    expect(() => buildRows(measurements, broken, sr24)).toThrow(
      /rule fdc-cheddar: positive example sr24:01022/,
    );
  });

  it('the committed menaquinones.csv is exactly what sources and rules give', () => {
    expect(buildTable(repo)).toBe(readFileSync(files.output, 'utf8'));
  });

  it('every SR24 cheese, milk, yogurt, butter, cream, egg, chicken, beef, pork, liver and sauerkraut food has a K2 value or a stated reason', () => {
    const covered = sr24.filter(
      (f) =>
        /^(Cheese|Milk|Yogurt|Butter|Cream|Egg|Chicken|Beef|Pork|Sauerkraut|Kefir)\b/.test(
          f.name,
        ) || /liver/i.test(f.name),
    );
    expect(covered.length).toBeGreaterThan(900);
    for (const { id, name } of covered) {
      const food = foods.get(id)!;
      const known = nutrientPer100g(food, 'vitamin-k2') !== undefined;
      expect(
        known || (food.unknownReasons?.['vitamin-k2'] ?? '').length > 20,
        `${id} ${name}`,
      ).toBe(true);
    }
  });
});

describe('vitamin K2 from its forms', () => {
  it('vitamin-k2 equals the sum of the menaquinone forms present, for every food', () => {
    let withK2 = 0;
    for (const food of foods.values()) {
      const forms = MENAQUINONE_IDS.map((id) => food.nutrients[id]?.per100g).filter(
        (v) => v !== undefined,
      );
      const k2 = nutrientPer100g(food, 'vitamin-k2');
      if (forms.length === 0) {
        expect(k2, food.id).toBeUndefined();
        continue;
      }
      withK2 += 1;
      expect(k2?.per100g, food.id).toBeCloseTo(
        forms.reduce((a, b) => a + b, 0),
        9,
      );
    }
    expect(withK2).toBeGreaterThan(200);
  });

  it('keeps dihydrophylloquinone out of K1 and the vitamin K total', () => {
    const seeds = foods.get('sr24:12537')!;
    expect(seeds.nutrients.dihydrophylloquinone?.per100g).toBe(1.4);
    const k1 = seeds.nutrients['vitamin-k1']?.per100g ?? 0;
    const k2 = nutrientPer100g(seeds, 'vitamin-k2')?.per100g ?? 0;
    expect(nutrientPer100g(seeds, 'vitamin-k')?.per100g).toBeCloseTo(k1 + k2, 9);
  });

  it('unknown never becomes zero: butter has no K2 value, a reason, and no K2 total in an analysis', () => {
    const butter = foods.get('sr24:01001')!;
    expect(nutrientPer100g(butter, 'vitamin-k2')).toBeUndefined();
    expect(butter.unknownReasons?.['vitamin-k2']).toMatch(/no butter analysis/);
    const diary = parseDiaryCsv('date,food,amount,unit\n2026-01-01,sr24:01001,10,g\n');
    if (!diary.ok) throw new Error('fixture');
    const resolved = resolveDiary(diary.value, foods);
    if (!resolved.ok) throw new Error('fixture');
    expect(analyzeDiary(resolved.value).average['vitamin-k2']).toBeUndefined();
  });
});

describe('region and method', () => {
  it('chooses by region: US values by default, Australian ones for "au", the other kept with the range', () => {
    expect(DEFAULT_REGION).toBe('us');
    const breast = foods.get('sr24:05064')!;
    expect(breast.nutrients.mk4?.sample?.country).toBe('us');
    const au = foodForRegion(breast, 'au');
    expect(au.nutrients.mk4?.sample?.country).toBe('au');
    expect(au.nutrients.mk4?.per100g).toBe(58);
    expect(au.nutrients.mk4?.range).toEqual({ min: 15.3, max: 58 });
    expect(au.nutrients.mk4?.alternatives?.map((a) => a.sample?.country)).toEqual(['us']);
    expect(foodForRegion(breast, 'us')).toBe(breast);
  });

  it('keeps country and method on every menaquinone value', () => {
    for (const food of foods.values()) {
      for (const id of MENAQUINONE_IDS) {
        const v = food.nutrients[id];
        if (!v) continue;
        for (const c of [v, ...(v.alternatives ?? [])]) {
          expect(c.sample?.country, `${food.id} ${id}`).toMatch(/^[a-z]{2}$/);
          expect(c.sample?.location, `${food.id} ${id}`).toBeTruthy();
        }
      }
    }
  });
});

describe('coverage split on the example week', () => {
  const diary = parseDiaryCsv(readFileSync(path.join(repo, 'examples/diary-week.csv'), 'utf8'));
  if (!diary.ok) throw new Error('examples/diary-week.csv does not parse');
  const resolved = resolveDiary(diary.value, foods);
  if (!resolved.ok) throw new Error('examples/diary-week.csv does not resolve');
  const analysis = analyzeDiary(resolved.value);

  it('adds up: measured + inferred + unknown = 1 and measured + inferred = coverage, per day and on average', () => {
    for (const totals of [analysis.average, ...analysis.days.map((d) => d.totals)]) {
      for (const [id, total] of Object.entries(totals)) {
        if (!total.coverageBasis) continue;
        const { measured, inferred, unknown } = total.coverageBasis;
        expect(measured + inferred + unknown, id).toBeCloseTo(1, 9);
        expect(measured + inferred, id).toBeCloseTo(total.coverage, 9);
      }
    }
  });

  it('reaches the coverage docs/vitamin-k2-data.md reports', () => {
    const split = analysis.average['vitamin-k2']?.coverageBasis;
    expect(split?.measured).toBeCloseTo(45 / 120, 9);
    expect(split?.inferred).toBeCloseTo(59 / 120, 9);
    expect(split?.unknown).toBeCloseTo(16 / 120, 9);
  });

  it('counts a value as inferred when any form of it is', () => {
    expect(valueBasis(foods.get('sr24:01022')!, 'vitamin-k2')).toBe('inferred');
    expect(valueBasis(foods.get('sr24:01009')!, 'vitamin-k2')).toBe('measured');
    expect(valueBasis(foods.get('sr24:01001')!, 'vitamin-k2')).toBe('unknown');
  });
});
