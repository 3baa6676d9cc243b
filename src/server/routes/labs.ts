import type { Hono } from 'hono';
import { addLab, listLabs, removeLab } from '../../app/labs.js';
import type { AppDeps, AppEnv } from '../context.js';
import { orFail } from '../errors.js';
import { labIdParam, labsQuery, newLabBody } from '../schemas/api.js';
import { parseWith, readJson, readQuery } from '../validation.js';

/** Lab results: the shape is checked here, the test, unit and value by the core (src/app/labs.ts). */
export function registerLabRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/labs', async (c) => {
    const query = readQuery(c, labsQuery);
    const labs = orFail(await listLabs(deps, { owner: c.var.owner, query }));
    return c.json({ labs });
  });

  app.post('/api/labs', async (c) => {
    const lab = await readJson(c, newLabBody);
    const stored = orFail(await addLab(deps, { owner: c.var.owner, lab }));
    return c.json(stored, 201);
  });

  app.delete('/api/labs/:id', async (c) => {
    const id = parseWith(labIdParam, c.req.param('id'), 'id');
    orFail(await removeLab(deps, { owner: c.var.owner, id }));
    return c.body(null, 204);
  });
}
