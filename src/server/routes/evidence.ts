import type { Hono } from 'hono';
import { EVIDENCE_DISCLAIMER } from '../../core/evidence/data/faq.js';
import { getEvidence, getFaq } from '../../core/evidence/query.js';
import type { AppEnv } from '../context.js';
import { ApiFailure } from '../errors.js';
import { evidenceQuery } from '../schemas/api.js';
import { readQuery } from '../validation.js';

/** The evidence base and FAQ, as the CLI `evidence --json` and `evidence --faq --json` print them. */
export function registerEvidenceRoutes(app: Hono<AppEnv>): void {
  app.get('/api/evidence', (c) => {
    const { nutrient } = readQuery(c, evidenceQuery);
    const evidence = getEvidence(nutrient);
    if (!evidence.ok) throw new ApiFailure(evidence.error);
    return c.json({ ...evidence.value, disclaimer: EVIDENCE_DISCLAIMER });
  });

  app.get('/api/evidence/faq', (c) =>
    c.json({ questions: getFaq(), disclaimer: EVIDENCE_DISCLAIMER }),
  );
}
