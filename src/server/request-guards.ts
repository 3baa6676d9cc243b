import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, RequestOrigin } from './context.js';
import { isAllowedHost } from './exposure.js';

/**
 * Only JSON bodies: a cross-site form or `text/plain` fetch (which browsers send without a CORS
 * preflight) cannot write to the diary of someone running calcwise on their machine.
 */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  // Logging out reads no body, and ending a session is nothing another site gains by.
  const bodyless = c.req.path === '/api/auth/logout';
  if (!bodyless && (method === 'POST' || method === 'PUT' || method === 'PATCH')) {
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

/**
 * Refuses requests whose Host (or, behind a trusted proxy, X-Forwarded-Host) is not one of ours:
 * a page on another domain that resolves to this server (DNS rebinding) would otherwise be
 * same-origin with the API. `allowed` is read per request: the port is known only once listening.
 */
export function allowHosts(allowed: () => readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const host = c.var.origin.host;
    if (!isAllowedHost(host, allowed())) {
      return c.json(
        {
          error: {
            code: 'FORBIDDEN_HOST',
            message: `host "${host}" is not served here; allow it with --allowed-host`,
            field: 'host',
          },
        },
        403,
      );
    }
    await next();
  };
}

/** The last value of a comma-separated header: the one the proxy in front of us wrote. */
function lastValue(header: string | undefined): string | undefined {
  const value = header?.split(',').at(-1)?.trim();
  return value || undefined;
}

/**
 * Sets `origin`: the host, scheme and client address of the request. X-Forwarded-Host, -Proto
 * and -For are believed only with `trustProxy` (one reverse proxy in front, which sets them);
 * otherwise anyone could send them, so they are ignored.
 */
export function requestOrigin(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
    const direct: RequestOrigin = {
      host: c.req.header('host') ?? '',
      proto: (socket ? 'encrypted' in socket : c.req.url.startsWith('https:')) ? 'https' : 'http',
      ...(socket?.remoteAddress !== undefined && { client: socket.remoteAddress }),
    };
    if (trustProxy) {
      const host = lastValue(c.req.header('x-forwarded-host'));
      const proto = lastValue(c.req.header('x-forwarded-proto'))?.toLowerCase();
      const client = lastValue(c.req.header('x-forwarded-for'));
      if (host) direct.host = host;
      if (proto === 'http' || proto === 'https') direct.proto = proto;
      if (client) direct.client = client;
    }
    c.set('origin', direct);
    await next();
  };
}
