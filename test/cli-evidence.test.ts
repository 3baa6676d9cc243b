import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';
import { findAffirmativeReversal } from '../src/core/evidence/index.js';
import { loadFoodIndex } from '../src/data/load-foods.js';

const root = new URL('..', import.meta.url).pathname;

async function run(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (s) => (out.stdout += s),
    stderr: (s) => (out.stderr += s),
    cwd: root,
    env: {},
  };
  const code = await runCli(argv, io);
  return { code, ...out };
}

interface Summary {
  summary: string;
  grade: string;
  direction: string;
  studies: string[];
}
interface NutrientJson {
  id: string;
  name: string;
  mechanism: string;
  reversal: Summary;
  prevention: Summary;
  foods: string[];
  cautions: string[];
  claims: { statement: string; studies: string[] }[];
}
interface StudyJson {
  id: string;
  title: string;
  firstAuthor: string | null;
  year: number | null;
  design: string;
  n: number | null;
  result: string;
  pmid: string | null;
  doi: string | null;
  noIdentifier?: string;
}

/**
 * SR24 NDB numbers in the reference extract's current index (in_sr24_index = 1), from the two
 * columns of sr24_foods.csv kept in test/fixtures/sr24/sr24_index.csv (scripts/build-test-fixtures.ts).
 */
function sr24IndexIds(): Set<string> {
  return new Set(
    readFileSync(new URL('fixtures/sr24/sr24_index.csv', import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
      .filter((line) => /^\d{5},1$/.test(line))
      .map((line) => `sr24:${line.slice(0, 5)}`),
  );
}

describe('calcwise evidence --json', async () => {
  const { code, stdout, stderr } = await run(['evidence', '--json']);
  const doc = JSON.parse(stdout) as { nutrients: NutrientJson[]; studies: StudyJson[] };
  const studyIds = new Set(doc.studies.map((s) => s.id));

  it('exits 0 with the ten nutrients and the contract fields', () => {
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(doc.nutrients.map((n) => n.id)).toEqual([
      'vitamin-k2',
      'vitamin-k1',
      'vitamin-d',
      'magnesium',
      'vitamin-c',
      'potassium',
      'omega-3',
      'calcium',
      'sodium',
      'added-sugars',
    ]);
    for (const n of doc.nutrients) {
      expect(Object.keys(n)).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'mechanism',
          'reversal',
          'prevention',
          'foods',
          'cautions',
        ]),
      );
      for (const part of [n.reversal, n.prevention]) {
        expect(Object.keys(part)).toEqual(expect.arrayContaining(['summary', 'grade', 'studies']));
      }
    }
    for (const s of doc.studies) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining([
          'id',
          'title',
          'firstAuthor',
          'year',
          'design',
          'n',
          'result',
          'pmid',
          'doi',
        ]),
      );
    }
  });

  it('cites only studies that exist; every study has a PMID, a DOI or a reason', () => {
    for (const n of doc.nutrients) {
      for (const id of [
        ...n.reversal.studies,
        ...n.prevention.studies,
        ...n.claims.flatMap((c) => c.studies),
      ]) {
        expect(studyIds.has(id), `${n.id} cites ${id}`).toBe(true);
      }
    }
    for (const s of doc.studies) {
      expect(Boolean(s.pmid) || Boolean(s.doi) || Boolean(s.noIdentifier), s.id).toBe(true);
    }
  });

  it('never grades a reversal as a benefit', () => {
    for (const n of doc.nutrients) {
      expect(['null', 'none'], n.id).toContain(n.reversal.direction);
      expect(n.reversal.summary, n.id).toMatch(/^No evidence of reversal/);
    }
  });

  it('uses food ids that exist in the SR24 index, the bundled table and the food loader', () => {
    const index = sr24IndexIds();
    const bundled = new Set(
      readFileSync(`${root}data/sr24/foods.tsv`, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => `sr24:${line.split('\t')[0]}`),
    );
    const loaded = loadFoodIndex();
    const foodIds = doc.nutrients.flatMap((n) => n.foods);
    expect(foodIds.length).toBeGreaterThan(40);
    for (const id of foodIds) {
      expect(index.has(id), `${id} in the SR24 index`).toBe(true);
      expect(bundled.has(id), `${id} in data/sr24/foods.tsv`).toBe(true);
      expect(loaded.has(id), `${id} via loadFoodIndex`).toBe(true);
    }
    // Natto is the K2 row's first food and has the highest measured MK-7 value.
    expect(doc.nutrients[0]!.foods[0]).toBe('sr24:16113');
    expect(loaded.get('sr24:16113')?.nutrients.mk7?.per100g).toBe(939);
  });

  it('says nothing affirmative about reversal in any user-facing text', () => {
    const texts = [
      ...doc.nutrients.flatMap((n) => [
        n.mechanism,
        n.reversal.summary,
        n.prevention.summary,
        ...n.cautions,
        ...n.claims.map((c) => c.statement),
      ]),
      ...doc.studies.map((s) => s.result),
    ];
    expect(texts.flatMap(findAffirmativeReversal)).toEqual([]);
  });
});

describe('calcwise evidence <nutrient>', () => {
  it('filters to one nutrient and the studies it cites', async () => {
    const { code, stdout } = await run(['evidence', 'vitamin-k2', '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { nutrients: NutrientJson[]; studies: StudyJson[] };
    expect(doc.nutrients.map((n) => n.id)).toEqual(['vitamin-k2']);
    const ids = doc.studies.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'avadec_diederichsen2022',
        'zwakenberg2019_mk7_t2d',
        'valkyrie_devriese2020',
      ]),
    );
    expect(ids).not.toContain('bolland2010_calcium_mi');
    const avadec = doc.studies.find((s) => s.id === 'avadec_diederichsen2022')!;
    expect(avadec).toMatchObject({
      pmid: '35465686',
      doi: '10.1161/CIRCULATIONAHA.121.057008',
      n: 365,
      year: 2022,
    });
  });

  it('accepts a registry id the entry covers (mk7 → vitamin K2)', async () => {
    const { code, stdout } = await run(['evidence', 'mk7', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { nutrients: NutrientJson[] }).nutrients[0]!.id).toBe(
      'vitamin-k2',
    );
  });

  it('exits 2 on an unknown nutrient, listing the valid ids', async () => {
    const { code, stdout, stderr } = await run(['evidence', 'unobtainium']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('no evidence entry for "unobtainium"');
    expect(stderr).toContain(
      'vitamin-k2, vitamin-k1, vitamin-d, magnesium, vitamin-c, potassium, omega-3, calcium, sodium, added-sugars',
    );
    expect(stderr).toContain('[UNKNOWN_NUTRIENT]');
  });

  it('prints one nutrient with its claims, cautions and studies readably', async () => {
    const { code, stdout } = await run(['evidence', 'calcium']);
    expect(code).toBe(0);
    expect(stdout).toContain('Calcium: graded claims');
    expect(stdout).toContain('Bolland 2010');
    expect(stdout).toMatch(/PMID\s+20671013/);
    expect(stdout).toContain('Cautions:');
  });
});

describe('calcwise evidence (table)', () => {
  it('renders the comparison table within 120 columns, then the disclaimer', async () => {
    const { code, stdout } = await run(['evidence']);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(120);
    expect(lines[0]).toMatch(
      /^Nutrient\s+Mechanism\s+Evidence: reversal\s+Evidence: prevention\s+Food sources$/,
    );
    for (const name of [
      'Vitamin K2',
      'Vitamin K1',
      'Vitamin D',
      'Magnesium',
      'Vitamin C',
      'Potassium',
      'Omega-3',
      'Calcium',
      'Sodium',
      'Added sugars',
    ]) {
      expect(stdout).toContain(name);
    }
    // Reassemble the wrapped food column (it starts at column 100: 15 + 23 + 27 + 27 + 4 gaps of 2) of the body.
    const foodColumn = lines
      .slice(2)
      .map((l) => [...l].slice(100).join('').trim())
      .filter(Boolean)
      .join(' ');
    expect(foodColumn).toContain('Natto; Cheese, gouda; Cheese, cheddar;');
    expect(foodColumn).toContain('More: calcwise foods top magnesium');
    expect(foodColumn).toContain('Limit: Soup, chicken noodle;');
    expect(stdout.trimEnd()).toMatch(
      /Discuss supplements, doses and medications with your clinician\.$/,
    );
  });
});

describe('calcwise evidence --faq', () => {
  it('answers the seven questions with existing studies (JSON)', async () => {
    const [{ code, stdout }, all] = await Promise.all([
      run(['evidence', '--faq', '--json']),
      run(['evidence', '--json']),
    ]);
    expect(code).toBe(0);
    const { questions } = JSON.parse(stdout) as {
      questions: { question: string; answer: string; studies: string[] }[];
    };
    const studyIds = new Set(
      (JSON.parse(all.stdout) as { studies: StudyJson[] }).studies.map((s) => s.id),
    );
    expect(questions).toHaveLength(7);
    for (const q of questions) {
      expect(Object.keys(q)).toEqual(['question', 'answer', 'studies']);
      expect(q.studies.length, q.question).toBeGreaterThanOrEqual(1);
      for (const id of q.studies) expect(studyIds.has(id), id).toBe(true);
      expect(findAffirmativeReversal(q.answer)).toEqual([]);
      expect(q.answer).toContain('clinician');
    }
  });

  it('prints the questions with their studies readably', async () => {
    const { code, stdout } = await run(['evidence', '--faq']);
    expect(code).toBe(0);
    expect(stdout).toContain('Can vitamin K2 reverse calcification?');
    expect(stdout).toContain('Studies: AVADEC, Diederichsen 2022');
  });

  it('refuses a nutrient with --faq (exit 2)', async () => {
    const { code, stderr } = await run(['evidence', 'vitamin-k2', '--faq']);
    expect(code).toBe(2);
    expect(stderr).toContain('--faq answers every question');
  });
});
