import type { Hono } from 'hono';
import { z } from 'zod';
import { saveProfile } from '../../app/profile.js';
import type { AppDeps, AppEnv } from '../context.js';
import { notFound, orFail } from '../errors.js';
import { readJson } from '../validation.js';

export function registerProfileRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/profile', async (c) => {
    const stored = await deps.store.getProfile(c.var.owner);
    if (!stored) throw notFound('profile');
    return c.json(stored.profile);
  });

  // The profile is stored as entered (supplements in IU stay in IU) once the parser accepts it.
  app.put('/api/profile', async (c) => {
    const body = await readJson(c, z.record(z.string(), z.unknown()));
    return c.json(orFail(await saveProfile(deps, c.var.owner, body)));
  });
}
