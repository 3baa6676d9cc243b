import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The reference data folder the *.shared.test.ts files read. */
export const sharedDataDir =
  process.env.CALCWISE_SHARED_DATA ?? path.resolve(repo, '../shared/data');

/** vitest globalSetup for `npm run test:shared`: no reference data is a failure, not a skip. */
export default function requireSharedData(): void {
  const needed = [
    'sr24/sr24_foods.csv',
    'sr24/sr24_nutrients.csv.gz',
    'fdc/foundation_2024-10-31_foundation_only',
  ];
  const missing = needed.filter((file) => !existsSync(path.join(sharedDataDir, file)));
  if (missing.length > 0) {
    throw new Error(
      `npm run test:shared needs the reference data in ${sharedDataDir} (missing: ${missing.join(', ')}). ` +
        'Put the shared data folder beside the repository or set CALCWISE_SHARED_DATA.',
    );
  }
}
