import type { Hono } from 'hono';
import { assessStoredPeriod } from '../../app/analysis.js';
import { screenStored } from '../../app/screen.js';
import { storedTargets } from '../../app/targets.js';
import type { AppDeps, AppEnv } from '../context.js';
import { orFail } from '../errors.js';
import { analysisQuery, authorityQuery, dateRangeQuery } from '../schemas/api.js';
import { readQuery } from '../validation.js';

export function registerAssessmentRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/analysis', async (c) => {
    return c.json(orFail(await assessStoredPeriod(deps, c.var.owner, readQuery(c, analysisQuery))));
  });

  app.get('/api/targets', async (c) => {
    const { authority } = readQuery(c, authorityQuery);
    return c.json(orFail(await storedTargets(deps, c.var.owner, authority)));
  });

  app.get('/api/findings', async (c) => {
    const range = readQuery(c, dateRangeQuery);
    return c.json(orFail(await screenStored(deps, c.var.owner, range)));
  });
}
