/**
 * The K2 views of the CLI: `foods show` and `foods top vitamin-k2` by form (bars, basis, study,
 * country, method, samples), `--region`, the reason for an unknown K2, and the coverage split
 * `analyze` prints. Repository data only.
 */
import { describe, expect, it } from 'vitest';
import { k2FormLines } from '../src/cli/k2-forms.js';
import { runCli } from '../src/cli/main.js';
import type { Food } from '../src/core/foods.js';
import { parseProfile } from '../src/schemas/profile.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    stdout: (text: string) => void out.push(text),
    stderr: (text: string) => void err.push(text),
    cwd: process.cwd(),
    env: {},
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('foods show: vitamin K2 by form', () => {
  it('lists cheddar’s forms with bars, basis, study, country and method, and the FDC sample count', async () => {
    const { code, stdout } = await cli('foods', 'show', 'sr24:01009');
    expect(code).toBe(0);
    const block = stdout.slice(stdout.indexOf('Vitamin K2 by form'));
    expect(block).toMatch(
      /MK-4\s+█+\s+9\.30 µg \[9\.30–9\.50\]\s+measured · USDA FoodData Central .* · us · .* · n=11/,
    );
    expect(block).toMatch(
      /MK-9\s+█+\s+8\.00 µg\s+measured \(other sample\) · Dunlop 2022.* · au · LC-ESI-MS\/MS/,
    );
    expect(block).toMatch(/alternative: measured · NIH ODS .* SECONDARY/);
    expect(block).toMatch(/K2 basis: measured/);
  });

  it('says why butter’s K2 is unknown, and the JSON carries the reason and each value’s basis', async () => {
    expect((await cli('foods', 'show', 'sr24:01001')).stdout).toMatch(
      /vitamin K2 unknown: no butter analysis/,
    );
    const gouda = JSON.parse((await cli('foods', 'show', 'sr24:01022', '--json')).stdout);
    expect(gouda.nutrients.mk9).toMatchObject({
      basis: 'inferred',
      sample: { country: 'au', rule: 'infer-hard-cheese-dunlop' },
    });
    expect(gouda.nutrients['vitamin-k2'].basis).toBe('inferred');
    const butter = JSON.parse((await cli('foods', 'show', 'sr24:01001', '--json')).stdout);
    expect(butter.nutrients['vitamin-k2']).toBeUndefined();
    expect(butter.unknownReasons['vitamin-k2']).toMatch(/no butter analysis/);
  });

  it('chooses by --region and rejects a malformed one', async () => {
    const us = JSON.parse((await cli('foods', 'show', 'sr24:05064', '--json')).stdout);
    const au = JSON.parse(
      (await cli('foods', 'show', 'sr24:05064', '--json', '--region', 'au')).stdout,
    );
    expect(us.nutrients.mk4.sample.country).toBe('us');
    expect(au.nutrients.mk4.sample.country).toBe('au');
    const bad = await cli('foods', 'show', 'sr24:05064', '--region', 'USA');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--region/);
  });
});

describe('the by-form block', () => {
  const source = { label: 'A study', kind: 'study' as const };
  const cheese: Food = {
    id: 'sr24:99999',
    name: 'A cheese',
    group: 'Dairy and Egg Products',
    nutrients: {
      'vitamin-k1': { per100g: 2, source },
      mk9: { per100g: 8, source },
      mk11: { per100g: 1.5, source },
      mk13: { per100g: 0.25, source },
      dihydrophylloquinone: { per100g: 3, source },
    },
    portions: [],
  };

  it('lists MK-11 and MK-13 where a food has them, MK-12 not, and never dK as a K2 form', () => {
    const lines = k2FormLines(cheese);
    expect(lines.map((line) => line.trim().split(/\s+/)[0])).toEqual([
      'MK-9',
      'MK-11',
      'MK-13',
      'K2',
      'dK',
    ]);
    expect(lines[1]).toMatch(/^ {2}MK-11 +█+ +1\.50 µg/);
    expect(lines.join('\n')).not.toMatch(/MK-12/);
  });

  it('shows dK apart, without a bar, as not counted in K2 or the total', () => {
    const dk = k2FormLines(cheese).at(-1);
    expect(dk).toMatch(
      /^ {2}dK {5}\s+3\.00 µg {2}dihydrophylloquinone, not in K2 or the vitamin K total · measured · A study$/,
    );
    expect(dk).not.toMatch(/█/);
    const noDk: Food = { ...cheese, nutrients: { ...cheese.nutrients } };
    delete noDk.nutrients.dihydrophylloquinone;
    expect(k2FormLines(noDk).join('\n')).not.toMatch(/dK|dihydro/);
  });
});

describe('foods top vitamin-k2', () => {
  it('ranks by K2 and shows each food’s forms, with the forms in the JSON', async () => {
    const { stdout } = await cli('foods', 'top', 'vitamin-k2', '--limit', '3');
    expect(stdout).toMatch(/^sr24:16113\s+Natto/m);
    expect(stdout).toMatch(/By form, per 100 g \(region us;/);
    expect(stdout).toMatch(/MK-7\s+█{20}\s+1,000 µg/);
    const json = JSON.parse(
      (await cli('foods', 'top', 'vitamin-k2', '--limit', '3', '--json')).stdout,
    );
    const natto = json.results[0];
    expect(natto.id).toBe('sr24:16113');
    const sum = natto.forms.reduce(
      (total: number, form: { per100g: number }) => total + form.per100g,
      0,
    );
    expect(natto.amount).toBeCloseTo(sum, 6);
    expect(natto.forms.map((f: { form: string }) => f.form)).toEqual(['mk4', 'mk7', 'mk8']);
  });
});

describe('analyze: the K2 coverage split', () => {
  it('prints measured, inferred and unknown shares of the example week', async () => {
    const { stdout } = await cli('analyze', 'examples/diary-week.json');
    expect(stdout).toMatch(
      /Vitamin K2 coverage: 38% measured, 49% inferred from related foods, 13% unknown \(region us;/,
    );
  });
});

describe('profile region', () => {
  it('is optional, a lower-case country code', () => {
    const base = { age: 64, sex: 'female' };
    expect(parseProfile(base).ok && parseProfile(base)).toMatchObject({ value: {} });
    const au = parseProfile({ ...base, region: 'au' });
    expect(au.ok && au.value.region).toBe('au');
    expect(parseProfile({ ...base, region: 'AUS' }).ok).toBe(false);
  });
});
