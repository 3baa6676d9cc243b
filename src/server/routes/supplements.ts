import type { Hono } from 'hono';
import {
  clearSupplementDay,
  listSupplementDays,
  logSupplementDay,
} from '../../app/supplement-days.js';
import type { AppDeps, AppEnv } from '../context.js';
import { orFail } from '../errors.js';
import { dateRangeQuery } from '../schemas/api.js';
import { readJsonValue, readParam, readQuery } from '../validation.js';

/** Supplements as taken by date; the list is checked by the use case (src/app/supplement-days.ts). */
export function registerSupplementRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/supplements', async (c) => {
    const range = readQuery(c, dateRangeQuery);
    return c.json(orFail(await listSupplementDays(deps, { owner: c.var.owner, ...range })));
  });

  app.put('/api/supplements/:date', async (c) => {
    const date = readParam(c, 'date');
    const body = await readJsonValue(c);
    return c.json(orFail(await logSupplementDay(deps, { owner: c.var.owner, date, body })));
  });

  app.delete('/api/supplements/:date', async (c) => {
    orFail(await clearSupplementDay(deps, { owner: c.var.owner, date: readParam(c, 'date') }));
    return c.body(null, 204);
  });
}
