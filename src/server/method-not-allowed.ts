import type { Context } from 'hono';
import type { AppEnv } from './context.js';
import { OPENAPI_DOCUMENT } from './openapi.js';

/** Each documented path as a pattern with its methods (the document lists every route). */
const ROUTES = Object.entries(OPENAPI_DOCUMENT.paths).map(([template, item]) => ({
  pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
  methods: Object.keys(item).map((method) => method.toUpperCase()),
}));

/** The methods the API answers on a path (HEAD wherever GET is); empty for an unknown path. */
export function allowedMethods(path: string): string[] {
  const methods = new Set(
    ROUTES.filter((route) => route.pattern.test(path)).flatMap((route) => route.methods),
  );
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

/**
 * What no route answered: 405 with `Allow` when the path exists under other methods, else 404.
 * Both in the one error shape.
 */
export function unmatchedApiRequest(c: Context<AppEnv>): Response {
  const allowed = allowedMethods(c.req.path);
  if (allowed.length > 0) {
    return c.json(
      {
        error: {
          code: 'METHOD_NOT_ALLOWED',
          message: `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(', ')}`,
        },
      },
      405,
      { Allow: allowed.join(', ') },
    );
  }
  return c.json(
    { error: { code: 'NOT_FOUND', message: `no API route ${c.req.method} ${c.req.path}` } },
    404,
  );
}
