import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm run test:shared`: exactly the *.shared.test.ts files, which compare the bundled data with
 * the full reference sets in ../shared/data (or $CALCWISE_SHARED_DATA). Fails, never skips, when
 * that folder is missing (test/support/require-shared-data.ts).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.shared.test.ts', 'test/**/*.shared.test.ts'],
    exclude: [...configDefaults.exclude],
    globalSetup: ['./test/support/require-shared-data.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
