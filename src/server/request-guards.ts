import type { MiddlewareHandler } from 'hono';

/**
 * Only JSON bodies: a cross-site form or `text/plain` fetch (which browsers send without a CORS
 * preflight) cannot write to the diary of someone running calcwise on their machine.
 */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      return c.json(
        {
          error: {
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: 'send the body as JSON with content-type: application/json',
            field: 'content-type',
          },
        },
        415,
      );
    }
  }
  await next();
};

/** Host names a loopback server answers to. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/**
 * Refuses requests whose Host header is not one of ours: a page on another domain that resolves
 * to 127.0.0.1 (DNS rebinding) would otherwise be same-origin with the local API.
 */
export function allowHosts(hosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const header = (c.req.header('host') ?? '').toLowerCase();
    const name = header.startsWith('[')
      ? header.slice(0, header.indexOf(']') + 1)
      : header.split(':')[0];
    if (!name || !allowed.has(name)) {
      return c.json(
        {
          error: {
            code: 'FORBIDDEN_HOST',
            message: `host "${header}" is not served here`,
            field: 'host',
          },
        },
        403,
      );
    }
    await next();
  };
}
