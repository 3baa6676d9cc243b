import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `npm test`: everything the repository holds by itself. Tests comparing against the large
 * reference sets in ../shared/data are named *.shared.test.ts and run with `npm run test:shared`
 * (vitest.shared.config.ts).
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, '**/*.shared.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
