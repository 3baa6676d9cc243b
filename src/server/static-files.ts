import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './context.js';

/** dist/web beside the built server (dist/server) — also right when run from src with tsx. */
export function defaultWebRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  // src/web holds the UI's sources (its index.html is Vite's input): never serve those.
  const runningFromSource = basename(join(here, '..')) === 'src';
  return runningFromSource ? join(here, '..', '..', 'dist', 'web') : join(here, '..', 'web');
}

/**
 * Serves the built UI when it exists: files by path, index.html for any other non-API GET (the
 * UI routes by hash, but a reload on a deep link must still find the app).
 */
export function registerStaticFiles(app: Hono<AppEnv>, root: string): boolean {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const indexHtml = readFileSync(indexFile, 'utf8');
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic<AppEnv>({ root })(c, next);
  });
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    return c.html(indexHtml);
  });
  return true;
}
