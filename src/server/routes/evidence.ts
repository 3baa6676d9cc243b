import type { Hono } from 'hono';
import { evidenceDocument, faqDocument } from '../../app/evidence.js';
import type { AppEnv } from '../context.js';
import { orFail } from '../errors.js';
import { evidenceQuery } from '../schemas/api.js';
import { readQuery } from '../validation.js';

/** The evidence base and FAQ, as the CLI `evidence --json` and `evidence --faq --json` print them. */
export function registerEvidenceRoutes(app: Hono<AppEnv>): void {
  app.get('/api/evidence', (c) => {
    const { nutrient } = readQuery(c, evidenceQuery);
    return c.json(orFail(evidenceDocument(nutrient)));
  });

  app.get('/api/evidence/faq', (c) => c.json(faqDocument()));
}
