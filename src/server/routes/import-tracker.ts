import type { Hono } from 'hono';
import { importCronometer } from '../../app/import-cronometer.js';
import { formatError } from '../../core/result.js';
import type { AppDeps, AppEnv } from '../context.js';
import { ApiFailure } from '../errors.js';
import { trackerUploadBody } from '../schemas/api.js';
import { readJson } from '../validation.js';

/**
 * POST /api/import/cronometer: the web app's upload → review → confirm, on the use case
 * `calcwise import cronometer` runs. `dryRun: true` answers the review (matched, own food,
 * ambiguous, rejected, totals) and stores nothing; `dryRun: false` stores the file's entries and
 * foods in one transaction (replacing an earlier import of the same file). Cronometer servings
 * and daily summaries and MyFitnessPal nutrition summaries are told apart by their headers.
 */
export function registerTrackerImportRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.post('/api/import/cronometer', async (c) => {
    const body = await readJson(c, trackerUploadBody);
    const result = await importCronometer(
      { store: deps.store, foods: deps.foods.index, search: deps.foods.search },
      {
        owner: c.var.owner,
        file: body.file,
        bytes: new Uint8Array(Buffer.from(body.contentBase64, 'base64')),
        dryRun: body.dryRun,
      },
    );
    // The message names the file, line and column as the CLI's does.
    if (!result.ok) throw new ApiFailure({ ...result.error, message: formatError(result.error) });
    return c.json(result.value, body.dryRun ? 200 : 201);
  });
}
