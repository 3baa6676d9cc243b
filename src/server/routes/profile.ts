import type { Hono } from 'hono';
import { parseProfile } from '../../schemas/profile.js';
import type { AppDeps, AppEnv } from '../context.js';
import { ApiFailure, notFound } from '../errors.js';
import { readJson } from '../validation.js';
import { z } from 'zod';

export function registerProfileRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/profile', async (c) => {
    const stored = await deps.store.getProfile(c.var.owner);
    if (!stored) throw notFound('profile');
    return c.json(stored.profile);
  });

  // The profile is stored as entered (supplements in IU stay in IU) once the parser accepts it.
  app.put('/api/profile', async (c) => {
    const body = await readJson(c, z.record(z.string(), z.unknown()));
    const parsed = parseProfile(body);
    if (!parsed.ok) throw new ApiFailure(parsed.error);
    const stored = await deps.store.putProfile(c.var.owner, body);
    return c.json(stored.profile);
  });
}
