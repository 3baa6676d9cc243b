import type { Hono } from 'hono';
import { z } from 'zod';
import { readProfileDocument, saveProfile } from '../../app/profile.js';
import type { AppDeps, AppEnv } from '../context.js';
import { notFound, orFail } from '../errors.js';
import { readJson } from '../validation.js';

export function registerProfileRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/profile', async (c) => {
    const stored = await readProfileDocument(deps, c.var.owner);
    if (stored === undefined) throw notFound('profile');
    return c.json(stored);
  });

  // Stored normalised (defaults applied, supplements in the units entered) once the parser accepts it.
  app.put('/api/profile', async (c) => {
    const body = await readJson(c, z.record(z.string(), z.unknown()));
    return c.json(orFail(await saveProfile(deps, c.var.owner, body)));
  });
}
