import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCronometer } from '../src/app/import-cronometer.js';
import { loadStoredDiary } from '../src/app/stored-diary.js';
import { analyzeDiary, resolveDiary } from '../src/core/analysis/index.js';
import { loadFoods } from '../src/cli/commands/foods.js';
import { createSqliteStore } from '../src/store/index.js';

/**
 * Conformance over the real tracker exports in ../shared/data/tracker_exports: every food file
 * imports, nothing is dropped silently (rows = entries + rejected), and each day's totals equal
 * the file's column sums within the match tolerance. The two files that are not food
 * (biometrics, exercise) are refused with exit-2 errors naming the file and line.
 */
const root = join(import.meta.dirname, '../../shared/data/tracker_exports');
const files = ['cronometer', 'myfitnesspal'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.csv'))
    .map((f) => join(dir, f)),
);
const foods = loadFoods();

describe('real tracker exports', () => {
  it('finds the samples', () => expect(files.length).toBeGreaterThanOrEqual(12));

  for (const file of files) {
    it(file, async () => {
      const store = await createSqliteStore(':memory:');
      try {
        const result = await importCronometer(
          { store, foods: foods.index, search: foods.search },
          { owner: 'local', file, bytes: readFileSync(join(root, file)) },
        );
        if (/biometrics|Exercise-Summary/.test(file)) {
          expect(result.ok).toBe(false);
          if (!result.ok)
            expect(result.error).toMatchObject({ code: 'INVALID_CSV', file, location: 'line 1' });
          return;
        }
        if (!result.ok) throw new Error(`${result.error.location}: ${result.error.message}`);
        const report = result.value;
        expect(report.stored!.entries + report.rejected.length).toBe(report.rows);
        for (const total of report.totals) {
          expect(Math.abs(total.difference)).toBeLessThanOrEqual(
            Math.max(0.05, 0.02 * Math.abs(total.file)),
          );
        }
        const { diary, foods: index } = await loadStoredDiary(
          { store, foods: foods.index },
          'local',
        );
        const resolved = resolveDiary(diary, index);
        expect(resolved.ok).toBe(true);
        if (resolved.ok) expect(analyzeDiary(resolved.value).days.length).toBe(report.days);
      } finally {
        await store.close();
      }
    });
  }
});
