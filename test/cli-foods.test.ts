import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: (text: string) => void out.push(text),
    stderr: (text: string) => void err.push(text),
    cwd: process.cwd(),
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function cli(...argv: string[]) {
  const captured = capture();
  const code = await runCli(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

async function cliJson<T = Record<string, unknown>>(...argv: string[]): Promise<T> {
  const result = await cli(...argv, '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/**
 * SR24 values straight from the extract (rows cut into test/fixtures/sr24 by
 * scripts/build-test-fixtures.ts), to check what `show` reports.
 */
function sr24Value(ndb: string, nutrient: string): number {
  const text = readFileSync(new URL('fixtures/sr24/sr24_nutrients.csv', import.meta.url), 'utf8');
  const line = text
    .split('\n')
    .find((row) => row.startsWith(`${ndb},`) && row.includes(`,${nutrient},`));
  if (!line) throw new Error(`no ${nutrient} for ${ndb}`);
  return Number(line.split(',').at(-2));
}

interface SearchResult {
  total: number;
  offset: number;
  limit: number;
  note?: string;
  results: { id: string; name: string; group: string; score: number }[];
}

describe('calcwise foods search', () => {
  it('ranks "Kale, raw" first for "kale", with id, name, group and score', async () => {
    const { results } = await cliJson<SearchResult>('foods', 'search', 'kale');
    expect(results[0]).toMatchObject({ id: 'sr24:11233', name: 'Kale, raw' });
    expect(results[0]!.group).toMatch(/vegetable/i);
    expect(results[0]!.score).toBeGreaterThan(0);
    expect(results[0]!.score).toBeLessThanOrEqual(1);
  });

  it('handles synonyms, typos, several words and --limit', async () => {
    expect(
      (await cliJson<SearchResult>('foods', 'search', 'yoghurt', '--limit', '3')).results.every(
        (r) => /yogurt/i.test(r.name),
      ),
    ).toBe(true);
    expect((await cliJson<SearchResult>('foods', 'search', 'brocoli')).results[0]!.name).toBe(
      'Broccoli, raw',
    );
    expect(
      (await cliJson<SearchResult>('foods', 'search', 'cheddar', 'cheese')).results[0]!.name,
    ).toBe('Cheese, cheddar');
    expect(
      (await cliJson<SearchResult>('foods', 'search', 'milk', '--limit', '4')).results,
    ).toHaveLength(4);
  });

  it('reports the total and pages with --offset', async () => {
    const first = await cliJson<SearchResult>('foods', 'search', 'salmon', '--limit', '5');
    // SR24 has 48 foods whose name holds "salmon" (counted in the bundled data).
    expect(first.total).toBe(48);
    expect(first).toMatchObject({ offset: 0, limit: 5 });
    expect(first.results).toHaveLength(5);
    const second = await cliJson<SearchResult>(
      'foods',
      'search',
      'salmon',
      '--limit',
      '5',
      '--offset',
      '5',
    );
    expect(second.total).toBe(48);
    expect(second.results).toHaveLength(5);
    const ids = new Set([...first.results, ...second.results].map((r) => r.id));
    expect(ids.size).toBe(10);
    const last = await cliJson<SearchResult>('foods', 'search', 'salmon', '--offset', '45');
    expect(last.results).toHaveLength(3);
    const table = await cli('foods', 'search', 'salmon', '--limit', '5');
    expect(table.stdout).toContain('1–5 of 48 matches; more with --offset 5');
  });

  it('reads "greek yogurt" as plain yogurt and says so', async () => {
    const found = await cliJson<SearchResult>('foods', 'search', 'greek', 'yogurt');
    expect(found.results.slice(0, 3).map((r) => r.id)).toContain('sr24:01116');
    expect(found.note).toMatch(/no Greek \(strained\) yogurt/);
  });

  it('filters by group', async () => {
    const { results } = await cliJson<SearchResult>(
      'foods',
      'search',
      'cheddar',
      '--group',
      'dairy',
    );
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.group).toMatch(/dairy/i);
  });

  it('prints a readable table without --json', async () => {
    const result = await cli('foods', 'search', 'kale', '--limit', '3');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Id\s+Name\s+Group\s+Score/);
    expect(result.stdout).toContain('sr24:11233');
  });

  it.each([
    [['--group', 'no such group'], 'group'],
    [['--limit', '0'], 'limit'],
    [['--limit', 'ten'], 'limit'],
    [['--offset', '-1'], 'offset'],
  ])('exits 2 for bad options %j, naming the field', async (options, field) => {
    const result = await cli('foods', 'search', 'kale', ...options);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`field "${field}"`);
  });
});

interface ShowResult {
  id: string;
  name: string;
  group: string;
  nutrients: Record<
    string,
    {
      per100g: number;
      unit: string;
      source: { kind: string; record?: string; pmid?: string; doi?: string; url?: string };
      derived?: boolean;
      range?: unknown;
    }
  >;
  portions: { name: string; amount: number; grams: number }[];
}

describe('calcwise foods show', () => {
  it('shows SR24 values per 100 g with their source, portions, and no unknown nutrient', async () => {
    const kale = await cliJson<ShowResult>('foods', 'show', 'sr24:11233');
    expect(kale).toMatchObject({ id: 'sr24:11233', name: 'Kale, raw' });
    expect(kale.nutrients['vitamin-k1']).toMatchObject({
      per100g: sr24Value('11233', 'Vitamin K'),
      unit: 'µg',
    });
    expect(kale.nutrients['vitamin-k1']!.source).toMatchObject({
      kind: 'dataset',
      record: '11233',
    });
    expect(kale.nutrients.calcium!.per100g).toBe(sr24Value('11233', 'Calcium'));
    expect(kale.nutrients.energy!.per100g).toBe(sr24Value('11233', 'Energy'));
    expect(kale.portions).toContainEqual({ name: 'cup, chopped', amount: 1, grams: 67 });
    // SR24 has no added sugars and kale has no menaquinone: absent, not 0.
    expect(kale.nutrients['added-sugars']).toBeUndefined();
    expect(kale.nutrients.mk7).toBeUndefined();
    // Vitamin K is derived (K1 + K2) and says so.
    expect(kale.nutrients['vitamin-k']).toMatchObject({
      derived: true,
      unit: 'µg',
      source: { kind: 'derived' },
    });
  });

  it('converts SR24 vitamin D from IU to µg (1 µg = 40 IU)', async () => {
    const cheddar = await cliJson<ShowResult>('foods', 'show', 'sr24:01009');
    expect(cheddar.nutrients['vitamin-d']!.per100g).toBeCloseTo(
      sr24Value('01009', 'Vitamin D') / 40,
      9,
    );
    expect(cheddar.nutrients['vitamin-d']!.unit).toBe('µg');
  });

  it('shows natto’s menaquinones with a literature source and the derived K2', async () => {
    const natto = await cliJson<ShowResult>('foods', 'show', 'sr24:16113');
    expect(natto.nutrients.mk7!.per100g).toBeGreaterThan(100);
    const source = natto.nutrients.mk7!.source;
    expect(Boolean(source.pmid || source.doi || source.url)).toBe(true);
    expect(natto.nutrients['vitamin-k2']).toMatchObject({ derived: true });
    expect(natto.nutrients['vitamin-k2']!.per100g).toBeGreaterThanOrEqual(
      natto.nutrients.mk7!.per100g,
    );
  });

  it('accepts a bare SR24 number', async () => {
    expect((await cliJson<ShowResult>('foods', 'show', '11233')).id).toBe('sr24:11233');
  });

  it('prints sources and vitamin D in µg and IU in the readable table', async () => {
    const result = await cli('foods', 'show', 'sr24:01009');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Vitamin D\s+[\d.]+ \([\d.]+ IU\)\s+µg\s+USDA SR24 #01009/);
    expect(result.stdout).toContain('Portions:');
  });

  it('exits 2 for an unknown food id, naming it, with nothing on stdout', async () => {
    const result = await cli('foods', 'show', 'sr24:99999');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('sr24:99999');
    expect(result.stderr).toContain('UNKNOWN_FOOD');
  });
});

interface TopResult {
  nutrient: string;
  unit: string;
  per: string;
  results: {
    id: string;
    name: string;
    group: string;
    amount: number;
    unit: string;
    portion?: { grams: number };
  }[];
}

describe('calcwise foods top', () => {
  it('ranks per 100 g by default, best first', async () => {
    const top = await cliJson<TopResult>('foods', 'top', 'vitamin-k1', '--limit', '5');
    expect(top).toMatchObject({ nutrient: 'vitamin-k1', unit: 'µg', per: '100g' });
    expect(top.results).toHaveLength(5);
    const amounts = top.results.map((row) => row.amount);
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
  });

  it('per serving with a vegan pattern leaves out animal foods and reports the portion', async () => {
    const top = await cliJson<TopResult>(
      'foods',
      'top',
      'calcium',
      '--per',
      'serving',
      '--pattern',
      'vegan',
      '--limit',
      '10',
    );
    expect(top.results).toHaveLength(10);
    for (const row of top.results) {
      expect(row.group).not.toMatch(/dairy|poultry|beef|pork|fish|lamb|sausage/i);
      expect(row.portion!.grams).toBeGreaterThan(0);
    }
  });

  it('per 100 kcal works for derived nutrients', async () => {
    const top = await cliJson<TopResult>(
      'foods',
      'top',
      'vitamin-k2',
      '--per',
      '100kcal',
      '--limit',
      '3',
    );
    expect(top.results.length).toBeGreaterThan(0);
  });

  it.each([
    [['foods', 'top', 'vitamin-q'], 'nutrient', 'UNKNOWN_NUTRIENT'],
    [['foods', 'top', 'calcium', '--per', 'cup'], 'per', 'INVALID_INPUT'],
    [['foods', 'top', 'calcium', '--pattern', 'carnivore'], 'pattern', 'INVALID_INPUT'],
  ])('exits 2 for %j', async (argv, field, code) => {
    const result = await cli(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`field "${field}"`);
    expect(result.stderr).toContain(code);
  });
});
