import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';

async function run(argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (s) => (out.stdout += s),
    stderr: (s) => (out.stderr += s),
    cwd: process.cwd(),
    env: {},
  };
  const code = await runCli(argv, io);
  return { code, ...out };
}

describe('calcwise meds resolve', () => {
  it('a brand resolves to its generic with classes and source', async () => {
    const { code, stdout } = await run(['meds', 'resolve', 'Coumadin', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      input: string;
      matches: { generic: string; classes: string[]; source: { url: string; level: string } }[];
      suggestions: string[];
    };
    expect(json.input).toBe('Coumadin');
    expect(json.matches).toEqual([
      expect.objectContaining({ generic: 'warfarin', classes: ['vka'] }),
    ]);
    expect(json.matches[0]?.source.url).toMatch(/^https:\/\/dailymed\.nlm\.nih\.gov\//);
    expect(json.suggestions).toEqual([]);
  });

  it('a combination gives every component; several words are one name', async () => {
    const { stdout } = await run(['meds', 'resolve', 'co', 'amilofruse', '--json']);
    const json = JSON.parse(stdout) as { matches: { generic: string }[] };
    expect(json.matches.map((m) => m.generic)).toEqual(['amiloride', 'furosemide']);
  });

  it('a typo gets "did you mean"', async () => {
    const json = JSON.parse((await run(['meds', 'resolve', 'warfrin', '--json'])).stdout) as {
      matches: unknown[];
      suggestions: string[];
    };
    expect(json.matches).toEqual([]);
    expect(json.suggestions[0]).toBe('warfarin');
    const text = (await run(['meds', 'resolve', 'warfrin'])).stdout;
    expect(text).toContain('Did you mean: warfarin');
  });
});
